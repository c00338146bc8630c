//! The workflow's names: states, roles, actions, guards and effects.
//!
//! A profile's `[workflow]` section names which of these its regulation has; the names are a
//! public contract (event logs, case files and bindings use them), so they are fixed here, once,
//! and the profile loader refuses any other.

use serde::{Deserialize, Serialize};

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Sent; with the moderator (smart city: the operator) to register, publish or refuse.
    Moderation,
    /// With an executor who must accept it or return it (Mikhailovka 4.1; ПОС «взять в работу»).
    Acceptance,
    /// ПОС: with the coordinator (Tynda 3.4).
    Coordination,
    /// With the executor preparing the answer (or reworking it).
    Execution,
    /// ПОС: согласование, with the co-approving heads (Tynda 3.6).
    Approval,
    /// ПОС: утверждение, with the approving head (Tynda 3.7).
    SignOff,
    /// Answered «отложено» / with planned measures until a date; a further answer is owed.
    Postponed,
    /// Answered; the applicant has been notified and may rate it.
    Answered,
    /// Registration refused; the applicant has been notified with the reason.
    Refused,
    /// ПОС: transferred to another organisation; the applicant has been notified.
    Transferred,
    /// A phone call closed by giving the caller contacts of the competent body (Essentuki 33.3).
    Referred,
}

impl State {
    /// Every state, in the order a message meets them.
    pub const ALL: [State; 11] = [
        State::Moderation,
        State::Acceptance,
        State::Coordination,
        State::Execution,
        State::Approval,
        State::SignOff,
        State::Postponed,
        State::Answered,
        State::Refused,
        State::Transferred,
        State::Referred,
    ];

    /// The snake_case name used in JSON and profiles.
    pub fn name(self) -> &'static str {
        match self {
            State::Moderation => "moderation",
            State::Acceptance => "acceptance",
            State::Coordination => "coordination",
            State::Execution => "execution",
            State::Approval => "approval",
            State::SignOff => "sign_off",
            State::Postponed => "postponed",
            State::Answered => "answered",
            State::Refused => "refused",
            State::Transferred => "transferred",
            State::Referred => "referred",
        }
    }

    /// Final: the officials owe nothing more unless the applicant acts (rates the answer).
    pub fn is_final(self) -> bool {
        matches!(self, State::Answered | State::Refused | State::Transferred | State::Referred)
    }

    /// Still being processed: the answer term runs in these states.
    pub fn in_processing(self) -> bool {
        matches!(
            self,
            State::Moderation | State::Acceptance | State::Coordination | State::Execution | State::Approval | State::SignOff
        )
    }

    /// Russian name.
    pub fn ru(self) -> &'static str {
        match self {
            State::Moderation => "модерация",
            State::Acceptance => "ожидает принятия исполнителем",
            State::Coordination => "координация",
            State::Execution => "исполнение",
            State::Approval => "согласование",
            State::SignOff => "утверждение",
            State::Postponed => "отложено до даты",
            State::Answered => "ответ дан",
            State::Refused => "отказано в регистрации",
            State::Transferred => "перенаправлено",
            State::Referred => "даны контакты по компетенции",
        }
    }
}

/// A role a person holds on the portal; one person may hold several (Mamadysh annex 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The author of the message (заявитель, пользователь who sent it).
    Applicant,
    /// A registered user.
    User,
    /// A visitor without an account.
    Guest,
    /// The moderator (ПОС: the ЕПГУ operator, Tynda 3.2; Mikhailovka 2.1).
    Moderator,
    /// The smart-city portal operator: moderates like a moderator and registers phone calls
    /// (Essentuki 33-34). Wherever the moderator may act, the operator may too.
    Operator,
    /// ПОС coordinator (Tynda 3.4, Mamadysh s.2).
    Coordinator,
    /// The executor preparing the answer.
    Executor,
    /// ПОС head at согласование (Tynda 3.6).
    Approver,
    /// ПОС head at утверждение (Tynda 3.7).
    Signer,
    /// ПОС curator watching every stage (Tynda 3.2, Mamadysh s.2).
    Curator,
    /// Sets up accounts; takes no part in processing (Mamadysh s.2).
    Administrator,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 11] = [
        Role::Applicant,
        Role::User,
        Role::Guest,
        Role::Moderator,
        Role::Operator,
        Role::Coordinator,
        Role::Executor,
        Role::Approver,
        Role::Signer,
        Role::Curator,
        Role::Administrator,
    ];

    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Role::Applicant => "applicant",
            Role::User => "user",
            Role::Guest => "guest",
            Role::Moderator => "moderator",
            Role::Operator => "operator",
            Role::Coordinator => "coordinator",
            Role::Executor => "executor",
            Role::Approver => "approver",
            Role::Signer => "signer",
            Role::Curator => "curator",
            Role::Administrator => "administrator",
        }
    }

    /// An official who handles messages (may see non-public ones); the administrator is not.
    pub fn is_official(self) -> bool {
        matches!(
            self,
            Role::Moderator
                | Role::Operator
                | Role::Coordinator
                | Role::Executor
                | Role::Approver
                | Role::Signer
                | Role::Curator
        )
    }
}

/// What someone does to a message: the `action` of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Register (smart city: non-public; ПОС: accept to coordination).
    Register,
    /// Register and publish a public message (Essentuki 34.3, 34.7).
    RegisterAndPublish,
    /// Refuse registration with a catalogue `code`.
    Refuse,
    /// Change the category (`category`).
    ChangeCategory,
    /// Change the executor organisation (`organisation`).
    ChangeOrganisation,
    /// The operator registers a phone call with its `outcome` (Essentuki 33).
    RegisterCall,
    /// ПОС coordinator: assign an executor (`assignee`).
    Assign,
    /// ПОС coordinator: take it into own work, acting as executor.
    TakeIntoWork,
    /// ПОС coordinator: transfer to another `organisation` (a decision that goes to approval).
    Transfer,
    /// ПОС coordinator: send the coordinator's own answer to approval and sign-off.
    SendToApproval,
    /// ПОС coordinator: return the message to moderation (Tynda 3.4 5)).
    Return,
    /// Executor: accept the message (Mikhailovka 4.1; Mamadysh «взять в работу»).
    Accept,
    /// Executor: return it as outside competence (Mikhailovka 4.1; Mamadysh «вернуть на координацию»).
    ReturnNotInCompetence,
    /// Executor: answer with a `result`.
    Answer,
    /// Head: approve (согласовать / утвердить), possibly with an edited `text`.
    Approve,
    /// Head: decline, back to execution (or to coordination for a transfer).
    Decline,
    /// Head: delegate the decision to another head (`to`).
    Delegate,
    /// Curator (or coordinator): send a formal answer back for another review.
    ReturnForReview,
    /// Applicant: rate the answer (`rating`, `remarks`).
    Rate,
    /// User or guest: vote for a public message.
    Vote,
    /// Moderator: block a `user` for `days` (Mikhailovka 2.1).
    BlockUser,
    /// Executor or coordinator: extend the answer term by the profile's `[limits] extension`
    /// (`amount` units at most), or move a postponed answer's `planned_date` on; the applicant
    /// is told why (`reason`).
    Extend,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 22] = [
        Action::Register,
        Action::RegisterAndPublish,
        Action::Refuse,
        Action::ChangeCategory,
        Action::ChangeOrganisation,
        Action::RegisterCall,
        Action::Assign,
        Action::TakeIntoWork,
        Action::Transfer,
        Action::SendToApproval,
        Action::Return,
        Action::Accept,
        Action::ReturnNotInCompetence,
        Action::Answer,
        Action::Approve,
        Action::Decline,
        Action::Delegate,
        Action::ReturnForReview,
        Action::Rate,
        Action::Vote,
        Action::BlockUser,
        Action::Extend,
    ];

    /// The snake_case name used in events and profiles.
    pub fn name(self) -> &'static str {
        match self {
            Action::Register => "register",
            Action::RegisterAndPublish => "register_and_publish",
            Action::Refuse => "refuse",
            Action::ChangeCategory => "change_category",
            Action::ChangeOrganisation => "change_organisation",
            Action::RegisterCall => "register_call",
            Action::Assign => "assign",
            Action::TakeIntoWork => "take_into_work",
            Action::Transfer => "transfer",
            Action::SendToApproval => "send_to_approval",
            Action::Return => "return",
            Action::Accept => "accept",
            Action::ReturnNotInCompetence => "return_not_in_competence",
            Action::Answer => "answer",
            Action::Approve => "approve",
            Action::Decline => "decline",
            Action::Delegate => "delegate",
            Action::ReturnForReview => "return_for_review",
            Action::Rate => "rate",
            Action::Vote => "vote",
            Action::BlockUser => "block_user",
            Action::Extend => "extend",
        }
    }

    /// The action called `name` in events and profiles; `None` for any other name.
    ///
    /// The replay reads a profile's enabled actions once per replay by this match instead of
    /// looking each action's name up in the profile's map.
    pub(crate) fn from_name(name: &str) -> Option<Action> {
        Some(match name {
            "register" => Action::Register,
            "register_and_publish" => Action::RegisterAndPublish,
            "refuse" => Action::Refuse,
            "change_category" => Action::ChangeCategory,
            "change_organisation" => Action::ChangeOrganisation,
            "register_call" => Action::RegisterCall,
            "assign" => Action::Assign,
            "take_into_work" => Action::TakeIntoWork,
            "transfer" => Action::Transfer,
            "send_to_approval" => Action::SendToApproval,
            "return" => Action::Return,
            "accept" => Action::Accept,
            "return_not_in_competence" => Action::ReturnNotInCompetence,
            "answer" => Action::Answer,
            "approve" => Action::Approve,
            "decline" => Action::Decline,
            "delegate" => Action::Delegate,
            "return_for_review" => Action::ReturnForReview,
            "rate" => Action::Rate,
            "vote" => Action::Vote,
            "block_user" => Action::BlockUser,
            "extend" => Action::Extend,
            _ => return None,
        })
    }

    /// The roles that may take the action in `state` (heads act by stage: approver at
    /// согласование, signer at утверждение).
    pub fn roles(self, state: State) -> &'static [Role] {
        match self {
            Action::Register
            | Action::RegisterAndPublish
            | Action::Refuse
            | Action::ChangeCategory
            | Action::ChangeOrganisation
            | Action::BlockUser => &[Role::Moderator, Role::Operator],
            Action::RegisterCall => &[Role::Operator],
            Action::Assign | Action::TakeIntoWork | Action::Transfer | Action::SendToApproval | Action::Return => {
                &[Role::Coordinator]
            }
            Action::Accept | Action::ReturnNotInCompetence => &[Role::Executor],
            Action::Answer | Action::Extend => &[Role::Executor, Role::Coordinator],
            Action::Approve | Action::Decline | Action::Delegate => match state {
                State::SignOff => &[Role::Signer],
                _ => &[Role::Approver],
            },
            Action::ReturnForReview => &[Role::Curator, Role::Coordinator],
            Action::Rate => &[Role::Applicant],
            Action::Vote => &[Role::User, Role::Guest],
        }
    }
}

/// A guard of [`GUARDS`], as the replay engine indexes it (no name look-ups per event).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Guard {
    NegativeRatingRemarks,
    PostponedNeedsDate,
    VoteOnce,
    VotePublicOnly,
    SignatureRequired,
    QualifiedSignature59fz,
    OfficialRequired,
    ApproverRequired,
    OneDocument,
    NoUndatedPromise,
    PublishOnlyPublic,
    CompetenceReasons,
    AnswerPersonalData,
}

impl Guard {
    /// How many guards there are (the length of [`GUARDS`]).
    pub(crate) const COUNT: usize = 13;

    /// The guard called `name` in profiles; `None` for any other name.
    pub(crate) fn from_name(name: &str) -> Option<Guard> {
        Some(match name {
            "negative_rating_remarks" => Guard::NegativeRatingRemarks,
            "postponed_needs_date" => Guard::PostponedNeedsDate,
            "vote_once" => Guard::VoteOnce,
            "vote_public_only" => Guard::VotePublicOnly,
            "signature_required" => Guard::SignatureRequired,
            "qualified_signature_59fz" => Guard::QualifiedSignature59fz,
            "official_required" => Guard::OfficialRequired,
            "approver_required" => Guard::ApproverRequired,
            "one_document" => Guard::OneDocument,
            "no_undated_promise" => Guard::NoUndatedPromise,
            "publish_only_public" => Guard::PublishOnlyPublic,
            "competence_reasons" => Guard::CompetenceReasons,
            "answer_personal_data" => Guard::AnswerPersonalData,
            _ => return None,
        })
    }
}

/// An effect of [`EFFECTS`], as the replay engine indexes it (no name look-ups per effect).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EffectKind {
    NoticeRegistered,
    NoticePublished,
    NoticeRefused,
    NoticeRedirected,
    NoticeAnswer,
    NoticeInterimAnswer,
    NoticeRework,
    NoticeExtension,
    PublishMessage,
    PublishAnswer,
    RouteToExecutor,
    ReminderPlannedDate,
    EscalationReworkLimit,
    EscalationVotes,
    UserBlocked,
    CallRegistered,
}

impl EffectKind {
    /// How many effects there are (the length of [`EFFECTS`]).
    pub(crate) const COUNT: usize = 16;

    /// The name in profiles and in [`super::Effect::kind`].
    pub(crate) fn name(self) -> &'static str {
        match self {
            EffectKind::NoticeRegistered => "notice_registered",
            EffectKind::NoticePublished => "notice_published",
            EffectKind::NoticeRefused => "notice_refused",
            EffectKind::NoticeRedirected => "notice_redirected",
            EffectKind::NoticeAnswer => "notice_answer",
            EffectKind::NoticeInterimAnswer => "notice_interim_answer",
            EffectKind::NoticeRework => "notice_rework",
            EffectKind::NoticeExtension => "notice_extension",
            EffectKind::PublishMessage => "publish_message",
            EffectKind::PublishAnswer => "publish_answer",
            EffectKind::RouteToExecutor => "route_to_executor",
            EffectKind::ReminderPlannedDate => "reminder_planned_date",
            EffectKind::EscalationReworkLimit => "escalation_rework_limit",
            EffectKind::EscalationVotes => "escalation_votes",
            EffectKind::UserBlocked => "user_blocked",
            EffectKind::CallRegistered => "call_registered",
        }
    }

    /// The effect called `name` in profiles; `None` for any other name.
    pub(crate) fn from_name(name: &str) -> Option<EffectKind> {
        Some(match name {
            "notice_registered" => EffectKind::NoticeRegistered,
            "notice_published" => EffectKind::NoticePublished,
            "notice_refused" => EffectKind::NoticeRefused,
            "notice_redirected" => EffectKind::NoticeRedirected,
            "notice_answer" => EffectKind::NoticeAnswer,
            "notice_interim_answer" => EffectKind::NoticeInterimAnswer,
            "notice_rework" => EffectKind::NoticeRework,
            "notice_extension" => EffectKind::NoticeExtension,
            "publish_message" => EffectKind::PublishMessage,
            "publish_answer" => EffectKind::PublishAnswer,
            "route_to_executor" => EffectKind::RouteToExecutor,
            "reminder_planned_date" => EffectKind::ReminderPlannedDate,
            "escalation_rework_limit" => EffectKind::EscalationReworkLimit,
            "escalation_votes" => EffectKind::EscalationVotes,
            "user_blocked" => EffectKind::UserBlocked,
            "call_registered" => EffectKind::CallRegistered,
            _ => return None,
        })
    }
}

/// Action names a profile may enable.
pub const ACTIONS: &[&str] = &[
    "register",
    "register_and_publish",
    "refuse",
    "change_category",
    "change_organisation",
    "register_call",
    "assign",
    "take_into_work",
    "transfer",
    "send_to_approval",
    "return",
    "accept",
    "return_not_in_competence",
    "answer",
    "approve",
    "decline",
    "delegate",
    "return_for_review",
    "rate",
    "vote",
    "block_user",
    "extend",
];

/// Guard names a profile may enable (limits come from `[limits]`).
pub const GUARDS: &[&str] = &[
    "negative_rating_remarks",
    "postponed_needs_date",
    "vote_once",
    "vote_public_only",
    "signature_required",
    "qualified_signature_59fz",
    "official_required",
    "approver_required",
    "one_document",
    "no_undated_promise",
    "publish_only_public",
    "competence_reasons",
    "answer_personal_data",
];

/// Effect names a profile may list as owed by the platform.
pub const EFFECTS: &[&str] = &[
    "notice_registered",
    "notice_published",
    "notice_refused",
    "notice_redirected",
    "notice_answer",
    "notice_interim_answer",
    "notice_rework",
    "notice_extension",
    "publish_message",
    "publish_answer",
    "route_to_executor",
    "reminder_planned_date",
    "escalation_rework_limit",
    "escalation_votes",
    "user_blocked",
    "call_registered",
];

/// State names (for `[workflow.unbounded]`).
pub const STATES: &[&str] = &[
    "moderation",
    "acceptance",
    "coordination",
    "execution",
    "approval",
    "sign_off",
    "postponed",
    "answered",
    "refused",
    "transferred",
    "referred",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The indexed vocabulary is the named one: every name maps to its variant and back, in the
    /// order of the public lists, and nothing else maps.
    #[test]
    fn indexed_names_match_the_lists() {
        assert_eq!(ACTIONS.len(), Action::ALL.len());
        for (i, name) in ACTIONS.iter().enumerate() {
            let a = Action::from_name(name).unwrap();
            assert_eq!(a, Action::ALL[i]);
            assert_eq!(a as usize, i);
            assert_eq!(a.name(), *name);
        }
        assert_eq!(GUARDS.len(), Guard::COUNT);
        for (i, name) in GUARDS.iter().enumerate() {
            assert_eq!(Guard::from_name(name).unwrap() as usize, i);
        }
        assert_eq!(EFFECTS.len(), EffectKind::COUNT);
        for (i, name) in EFFECTS.iter().enumerate() {
            let e = EffectKind::from_name(name).unwrap();
            assert_eq!(e as usize, i);
            assert_eq!(e.name(), *name);
        }
        for bogus in ["", "Register", "vote ", "notice", "vote_once_"] {
            assert!(Action::from_name(bogus).is_none());
            assert!(Guard::from_name(bogus).is_none());
            assert!(EffectKind::from_name(bogus).is_none());
        }
    }
}
