//! The replay engine: a message's event log folded into its state, one event at a time.
//!
//! Each event is checked in a fixed order: time order, whether the profile has the action,
//! whether the actor holds a role that may take it, whether the state allows it, and the
//! regulation's guards. The first failure refuses the event with a [`Reason`] and leaves the
//! machine exactly as it was; nothing reads a clock, so the same log gives the same answer.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;

use super::event::{AnswerResult, CallOutcome, Rating, Signature, WorkflowEvent};
use super::report::{
    Counters, Effect, EffectStatus, Pending, PendingKind, Reason, Recipient, RefusedEvent, RoleActions,
    StoryStep,
};
use super::vocabulary::{Action, EffectKind, Guard, Role, State};
use super::voters::Voters;
use crate::calendar::Calendar;
use crate::message::{Channel, Message};
use crate::profile::{Family, Profile, Provision};

/// The machine's memory between events.
#[derive(Debug, Clone)]
pub(crate) struct Machine<'a> {
    pub profile: &'a Profile,
    /// The profile's calendar: how far an extension may move a planned date is counted in it.
    pub calendar: &'a Calendar,
    pub message: &'a Message,
    pub zone: Tz,
    /// Bit `a as u32` set when the profile enables action `a` (looked up once, not per event).
    enabled: u32,
    /// The provision of each enabled action, by `Action as usize` (read once per replay).
    actions: [Option<&'a Provision>; Action::ALL.len()],
    /// The provision of each guard the profile has, by `Guard as usize`.
    guards: [Option<&'a Provision>; Guard::COUNT],
    /// The provision of each effect the profile owes, by `EffectKind as usize`.
    owed: [Option<&'a Provision>; EffectKind::COUNT],
    pub now: DateTime<FixedOffset>,
    /// `now` in the profile's zone (the replay's `now`; its date is «today» for the terms),
    /// converted once.
    pub local_now: DateTime<FixedOffset>,
    pub state: State,
    pub registered_at: Option<DateTime<FixedOffset>>,
    pub published_at: Option<DateTime<FixedOffset>>,
    pub receipt_at: Option<DateTime<FixedOffset>>,
    pub stage_at: DateTime<FixedOffset>,
    pub rework_at: Option<DateTime<FixedOffset>>,
    pub vote_window_end: Option<DateTime<FixedOffset>>,
    pub answered: bool,
    pub in_rework: bool,
    pub rated: bool,
    pub votes_escalated: bool,
    pub taken_by_coordinator: bool,
    pub counters: Counters,
    /// Who has voted (borrowed from the log: no copies per vote; sized for the log's votes up
    /// front, so it never grows).
    pub voters: Voters<'a>,
    pub category: Option<String>,
    pub organisation: Option<String>,
    pub executor: Option<String>,
    pub pending: Option<Pending>,
    pub result: Option<AnswerResult>,
    pub planned_date: Option<NaiveDate>,
    /// Each accepted extension of the answer term, in units of `[limits] extension`, in order.
    pub extended_by: Vec<i64>,
    /// Extensions of the current planned date since the postponed answer that set it.
    pub planned_extensions: u32,
    pub last_at: Option<DateTime<FixedOffset>>,
    pub effects: Vec<Effect>,
    pub refused: Vec<RefusedEvent>,
    /// One line per accepted event. Not sized for the whole log up front: with glibc, the
    /// first allocation of a kilobyte or more in a replay merges the small blocks the previous
    /// replay freed and sends later small allocations down the slow path, so it should come as
    /// late as it can (measured: 58 k instructions per 50-event replay reserved, 52 k grown).
    pub story: Vec<StoryStep>,
}

/// An event handler's verdict: accepted, or refused with the reason.
type Step = std::result::Result<(), Reason>;

fn nonempty(s: Option<&String>) -> bool {
    s.is_some_and(|s| !s.trim().is_empty())
}

impl<'a> Machine<'a> {
    pub fn new(
        profile: &'a Profile,
        calendar: &'a Calendar,
        message: &'a Message,
        zone: Tz,
        now: DateTime<FixedOffset>,
        events: &[WorkflowEvent],
    ) -> Self {
        // One pass over each of the profile's (short) provision maps instead of a map look-up
        // by name for every action, guard and effect the replay asks about.
        let mut enabled = 0u32;
        let mut actions = [None; Action::ALL.len()];
        for (name, p) in &profile.workflow.actions {
            if let Some(a) = Action::from_name(name) {
                enabled |= 1u32 << (a as u32);
                if let Some(slot) = actions.get_mut(a as usize) {
                    *slot = Some(p);
                }
            }
        }
        let mut guards = [None; Guard::COUNT];
        for (name, p) in &profile.workflow.guards {
            if let Some(slot) = Guard::from_name(name).and_then(|g| guards.get_mut(g as usize)) {
                *slot = Some(p);
            }
        }
        let votes = events.iter().filter(|e| e.action == Action::Vote).count();
        let mut owed = [None; EffectKind::COUNT];
        for (name, p) in &profile.workflow.effects {
            if let Some(slot) = EffectKind::from_name(name).and_then(|e| owed.get_mut(e as usize)) {
                *slot = Some(p);
            }
        }
        Self {
            profile,
            calendar,
            message,
            zone,
            enabled,
            actions,
            guards,
            owed,
            now,
            local_now: now.with_timezone(&zone).fixed_offset(),
            state: State::Moderation,
            registered_at: None,
            published_at: None,
            receipt_at: None,
            stage_at: message.sent_at,
            rework_at: None,
            vote_window_end: None,
            answered: false,
            in_rework: false,
            rated: false,
            votes_escalated: false,
            taken_by_coordinator: false,
            counters: Counters::default(),
            voters: Voters::with_capacity(votes),
            category: None,
            organisation: None,
            executor: None,
            pending: None,
            result: None,
            planned_date: None,
            extended_by: Vec::new(),
            planned_extensions: 0,
            last_at: None,
            effects: Vec::new(),
            refused: Vec::new(),
            story: Vec::new(),
        }
    }

    fn pos(&self) -> bool {
        self.profile.family == Family::Pos
    }

    fn enabled(&self, action: Action) -> bool {
        self.enabled & (1u32 << (action as u32)) != 0
    }

    /// The guard's provision when the profile has the guard (cite it only when it refuses).
    pub fn guard_on(&self, guard: Guard) -> Option<&'a Provision> {
        self.guards.get(guard as usize).copied().flatten()
    }

    fn guard(&self, guard: Guard) -> Option<String> {
        self.guard_on(guard).map(Provision::citation)
    }

    /// The effect's provision when the platform owes it under this profile.
    pub fn owes(&self, kind: EffectKind) -> Option<&'a Provision> {
        self.owed.get(kind as usize).copied().flatten()
    }

    fn action_clause(&self, action: Action) -> Option<String> {
        self.actions
            .get(action as usize)
            .copied()
            .flatten()
            .map(Provision::citation)
    }

    /// Whether the current state (and what the machine knows) allows `action` at all.
    pub fn state_allows(&self, action: Action) -> bool {
        let s = self.state;
        match action {
            Action::Register | Action::RegisterAndPublish => s == State::Moderation && self.registered_at.is_none(),
            Action::Refuse | Action::ChangeCategory | Action::ChangeOrganisation => s == State::Moderation,
            Action::RegisterCall => {
                s == State::Moderation && self.registered_at.is_none() && self.message.channel == Some(Channel::Phone)
            }
            Action::Assign | Action::TakeIntoWork | Action::Transfer | Action::SendToApproval | Action::Return => {
                s == State::Coordination
            }
            Action::Accept | Action::ReturnNotInCompetence => s == State::Acceptance,
            Action::Answer => matches!(s, State::Execution | State::Postponed),
            Action::Approve | Action::Decline | Action::Delegate => {
                matches!(s, State::Approval | State::SignOff) && self.pending.is_some()
            }
            Action::ReturnForReview => matches!(s, State::Approval | State::SignOff | State::Answered | State::Postponed),
            Action::Rate => matches!(s, State::Answered | State::Postponed) && self.answered && !self.rated,
            Action::Vote => self.published_at.is_some() && s != State::Refused,
            Action::BlockUser => true,
            Action::Extend => {
                matches!(s, State::Acceptance | State::Coordination | State::Execution | State::Approval | State::SignOff | State::Postponed)
            }
        }
    }

    /// Whether `role` may take `action` here (the coordinator answers only what it took into
    /// its own work).
    fn role_allows(&self, action: Action, role: Role) -> bool {
        if action == Action::Answer && role == Role::Coordinator && !self.taken_by_coordinator {
            return false;
        }
        action.roles(self.state).contains(&role)
    }

    /// The actions each role may take now, roles in [`Role::ALL`] order and each role's
    /// actions in [`Action::ALL`] order.
    pub fn allowed(&self) -> Vec<RoleActions> {
        // Each action's state check once (not once per role), then a bit per action per role.
        let mut by_role = [0u32; Role::ALL.len()];
        for a in Action::ALL {
            if !self.enabled(a) || !self.state_allows(a) {
                continue;
            }
            for &role in a.roles(self.state) {
                if self.role_allows(a, role) {
                    if let Some(mask) = by_role.get_mut(role as usize) {
                        *mask |= 1u32 << (a as u32);
                    }
                }
            }
        }
        // Exactly sized: one allocation per role that may act, and one for the list.
        let mut out = Vec::with_capacity(by_role.iter().filter(|m| **m != 0).count());
        for (&role, mask) in Role::ALL.iter().zip(by_role) {
            if mask == 0 {
                continue;
            }
            let mut actions = Vec::with_capacity(mask.count_ones() as usize);
            let mut rest = mask;
            while rest != 0 {
                // Lowest set bit first: actions come out in `Action::ALL` order.
                if let Some(&a) = Action::ALL.get(rest.trailing_zeros() as usize) {
                    actions.push(a);
                }
                rest &= rest - 1;
            }
            out.push(RoleActions { role, actions });
        }
        out
    }

    /// Records an effect the platform owes, when the profile lists it. Fixed texts stay
    /// borrowed; callers that format a text check [`Machine::owes`] first.
    fn effect(
        &mut self,
        kind: EffectKind,
        to: Recipient,
        at: DateTime<FixedOffset>,
        ru: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
        code: Option<String>,
    ) {
        let Some(p) = self.owes(kind) else { return };
        let status = if at <= self.now {
            EffectStatus::Owed
        } else {
            EffectStatus::Scheduled
        };
        self.effects.push(Effect {
            kind: Cow::Borrowed(kind.name()),
            to,
            at,
            status,
            clause: p.citation(),
            ru: ru.into(),
            en: en.into(),
            code,
        });
    }

    /// Applies one event, or refuses it leaving everything as it was.
    ///
    /// Every handler checks all its conditions before it changes anything, so a refused event
    /// needs no undo.
    pub fn apply(&mut self, index: usize, ev: &'a WorkflowEvent) {
        let before = self.state;
        match self.step(ev) {
            Ok(()) => {
                self.last_at = Some(ev.at);
                self.story.push(StoryStep {
                    index,
                    at: ev.at,
                    action: ev.action,
                    actor: ev.actor.id.clone(),
                    from: before,
                    to: self.state,
                });
            }
            Err(reason) => self.refused.push(RefusedEvent {
                index,
                at: ev.at,
                action: ev.action,
                actor: ev.actor.id.clone(),
                reason,
            }),
        }
    }

    fn step(&mut self, ev: &'a WorkflowEvent) -> Step {
        self.check_time(ev)?;
        let action = ev.action;
        if !self.enabled(action) {
            return Err(Reason::new(
                "action_not_enabled",
                format!("действие «{}» не предусмотрено регламентом ({})", action.name(), self.profile.regulation.short_ru),
                format!("the {} regulation has no `{}` action", self.profile.regulation.short_en, action.name()),
                None,
            ));
        }
        self.check_role(ev)?;
        if action == Action::Vote && (self.published_at.is_none() || self.state == State::Refused) {
            return Err(Reason::new(
                "not_public",
                "голосовать можно только за опубликованное публичное сообщение",
                "only a published public message can be voted for",
                self.guard(Guard::VotePublicOnly),
            ));
        }
        if !self.state_allows(action) {
            return Err(Reason::new(
                "wrong_state",
                format!("действие «{}» недопустимо в состоянии «{}»", action.name(), self.state.ru()),
                format!("`{}` is not allowed in state `{}`", action.name(), self.state.name()),
                self.action_clause(action),
            ));
        }
        match action {
            Action::Register | Action::RegisterAndPublish => self.register(ev),
            Action::Refuse => self.refuse(ev),
            Action::ChangeCategory => self.change_category(ev),
            Action::ChangeOrganisation => self.change_organisation(ev),
            Action::RegisterCall => self.register_call(ev),
            Action::Assign => self.assign(ev),
            Action::TakeIntoWork => {
                self.executor = Some(ev.actor.id.clone());
                self.taken_by_coordinator = true;
                self.enter(State::Execution, ev.at);
                Ok(())
            }
            Action::Transfer => self.transfer(ev),
            Action::SendToApproval => {
                let result = self.draft(ev)?;
                self.executor = Some(ev.actor.id.clone());
                self.send_to_heads(drafted(ev, result), ev.at);
                Ok(())
            }
            Action::Return => {
                self.enter(State::Moderation, ev.at);
                Ok(())
            }
            Action::Accept => self.accept(ev),
            Action::ReturnNotInCompetence => self.return_not_in_competence(ev),
            Action::Answer => self.answer(ev),
            Action::Approve => self.approve(ev),
            Action::Decline => self.decline(ev),
            Action::Delegate => self.delegate(ev),
            Action::ReturnForReview => {
                if !nonempty(ev.reason.as_ref()) {
                    return Err(missing("reason", "причина возврата", self.action_clause(action)));
                }
                self.pending = None;
                // An answer returned for another review is no answer yet: the answer term runs
                // on from where it started (it is not restarted) until the next answer
                // (Mamadysh s.2, s.3: the 30 days run from the registration).
                self.answered = false;
                self.enter(State::Execution, ev.at);
                Ok(())
            }
            Action::Rate => self.rate(ev),
            Action::Vote => self.vote(ev),
            Action::BlockUser => self.block(ev),
            Action::Extend => self.extend(ev),
        }
    }

    fn check_time(&self, ev: &WorkflowEvent) -> Step {
        if ev.at > self.now {
            return Err(Reason::new(
                "after_now",
                format!("событие {} позже момента оценки {}", ev.at.to_rfc3339(), self.now.to_rfc3339()),
                format!("the event at {} is after `now` ({})", ev.at.to_rfc3339(), self.now.to_rfc3339()),
                None,
            ));
        }
        if ev.at < self.message.sent_at {
            return Err(Reason::new(
                "before_sending",
                "событие раньше направления сообщения",
                format!("the event at {} is before the message was sent", ev.at.to_rfc3339()),
                None,
            ));
        }
        if let Some(last) = self.last_at {
            if ev.at < last {
                return Err(Reason::new(
                    "out_of_order",
                    format!("событие {} раньше предыдущего ({})", ev.at.to_rfc3339(), last.to_rfc3339()),
                    format!("the event at {} is earlier than the previous one ({}); events must be in time order", ev.at.to_rfc3339(), last.to_rfc3339()),
                    None,
                ));
            }
        }
        Ok(())
    }

    fn check_role(&self, ev: &WorkflowEvent) -> Step {
        let action = ev.action;
        if ev.actor.roles.iter().any(|&r| self.role_allows(action, r)) {
            return Ok(());
        }
        let needed: Vec<&str> = action.roles(self.state).iter().map(|r| r.name()).collect();
        if ev.actor.roles.iter().all(|&r| r == Role::Administrator) && !ev.actor.roles.is_empty() {
            let clause = self.pos().then(|| format!("{} s.2", self.profile.regulation.short_en));
            return Err(Reason::new(
                "administrator_no_processing",
                "администратор настраивает учетные записи и не участвует в обработке сообщений",
                "the administrator sets up accounts and takes no part in processing",
                clause.filter(|_| self.profile.id == "mamadysh"),
            ));
        }
        Err(Reason::new(
            "role_missing",
            format!("для действия «{}» нужна роль: {}", action.name(), needed.join(", ")),
            format!("`{}` needs the role {}", action.name(), needed.join(" or ")),
            self.action_clause(action),
        ))
    }

    /// Moves to `state`, noting when the stage was entered (stage terms count from it).
    fn enter(&mut self, state: State, at: DateTime<FixedOffset>) {
        if state != self.state {
            self.stage_at = at;
        }
        self.state = state;
    }

    /// Where a registered message goes to be answered.
    fn send_to_executor(&mut self, at: DateTime<FixedOffset>) {
        self.receipt_at = Some(at);
        let next = if self.enabled(Action::Accept) { State::Acceptance } else { State::Execution };
        self.enter(next, at);
        self.effect(
            EffectKind::RouteToExecutor,
            Recipient::Organisation,
            at,
            "сообщение направлено исполнителю",
            "the message is sent to the executor",
            None,
        );
    }

    fn register(&mut self, ev: &WorkflowEvent) -> Step {
        let publish = ev.action == Action::RegisterAndPublish;
        if publish && !self.message.public {
            if let Some(clause) = self.guard_on(Guard::PublishOnlyPublic) {
                return Err(Reason::new(
                    "not_public",
                    "пользователь не указал, что сообщение публичное: его нельзя опубликовать",
                    "the user did not make the message public; it cannot be published",
                    Some(clause.citation()),
                ));
            }
        }
        self.registered_at = Some(ev.at);
        if publish {
            self.publish(ev.at)?;
            self.effect(
                EffectKind::NoticePublished,
                Recipient::Applicant,
                ev.at,
                "уведомление о регистрации и публикации сообщения",
                "notice: the message is registered and published",
                None,
            );
            self.effect(
                EffectKind::PublishMessage,
                Recipient::Public,
                ev.at,
                "публикация сообщения",
                "publish the message",
                None,
            );
        } else {
            self.effect(
                EffectKind::NoticeRegistered,
                Recipient::Applicant,
                ev.at,
                "уведомление о регистрации сообщения",
                "notice: the message is registered",
                None,
            );
        }
        if self.pos() {
            self.enter(State::Coordination, ev.at);
        } else {
            self.send_to_executor(ev.at);
        }
        Ok(())
    }

    fn publish(&mut self, at: DateTime<FixedOffset>) -> Step {
        self.published_at = Some(at);
        self.vote_window_end = None;
        if let Some(term) = self.profile.term("vote_window").and_then(crate::profile::TermRule::to_term) {
            if term.unit == crate::term::TermUnit::Hours {
                self.vote_window_end = at.checked_add_signed(chrono::Duration::hours(term.amount));
            }
        }
        Ok(())
    }

    fn refuse(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(code) = ev.code.as_deref() else {
            return Err(missing("code", "код основания отказа", self.action_clause(Action::Refuse)));
        };
        let profile = self.profile;
        let Some(ground) = profile.refusal(code) else {
            return Err(Reason::new(
                "unknown_refusal_code",
                format!("основания отказа «{code}» нет в перечне регламента"),
                format!("`{code}` is not a refusal ground of the {} regulation", self.profile.regulation.short_en),
                self.action_clause(Action::Refuse),
            ));
        };
        self.enter(State::Refused, ev.at);
        if self.owes(EffectKind::NoticeRefused).is_some() {
            let (ru, en) = (&ground.ru, &ground.en);
            let cite = ground.citation();
            self.effect(
                EffectKind::NoticeRefused,
                Recipient::Applicant,
                ev.at,
                format!("уведомление об отказе в регистрации: {ru} ({cite}); предложение скорректировать сообщение"),
                format!("notice: registration refused: {en} ({cite}); the user is invited to correct the message"),
                Some(code.to_string()),
            );
        }
        Ok(())
    }

    fn change_category(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(id) = ev.category.as_deref() else {
            return Err(missing("category", "категория", self.action_clause(Action::ChangeCategory)));
        };
        if self.profile.category(id).is_none() {
            return Err(Reason::new(
                "unknown_category",
                format!("категории «{id}» нет в профиле"),
                format!("`{id}` is not a category of the profile"),
                None,
            ));
        }
        self.category = Some(id.to_string());
        Ok(())
    }

    fn change_organisation(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(id) = ev.organisation.as_deref() else {
            return Err(missing("organisation", "организация", self.action_clause(Action::ChangeOrganisation)));
        };
        if !self.profile.organisations.iter().any(|o| o.id == id) {
            return Err(Reason::new(
                "unknown_organisation",
                format!("организации «{id}» нет в профиле"),
                format!("`{id}` is not an organisation of the profile"),
                None,
            ));
        }
        self.organisation = Some(id.to_string());
        if self.pos() {
            // Tynda 3.3 2): the message goes to the other organisation's coordination.
            if self.registered_at.is_none() {
                self.registered_at = Some(ev.at);
            }
            self.enter(State::Coordination, ev.at);
        } else if self.registered_at.is_some() {
            // Back from an executor as outside competence: re-routed to the new executor.
            self.executor = None;
            self.send_to_executor(ev.at);
        }
        Ok(())
    }

    fn register_call(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(outcome) = ev.outcome else {
            return Err(missing("outcome", "результат обработки вызова", self.action_clause(Action::RegisterCall)));
        };
        let (ru, en) = match outcome {
            CallOutcome::AnsweredAtOnce => {
                self.answered = true;
                self.result = Some(AnswerResult::Solved);
                self.enter(State::Answered, ev.at);
                ("вызов зарегистрирован; ответ дан оператором", "call registered; answered by the operator")
            }
            CallOutcome::ContactsGiven => {
                self.enter(State::Referred, ev.at);
                ("вызов зарегистрирован; даны контакты органа по компетенции", "call registered; contacts of the competent body given")
            }
            CallOutcome::WrittenMessage => {
                ("вызов зарегистрирован; заведено сообщение для письменного ответа", "call registered; a written message opened")
            }
        };
        self.effect(
            EffectKind::CallRegistered,
            Recipient::Applicant,
            ev.at,
            ru,
            en,
            None,
        );
        Ok(())
    }

    fn assign(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(id) = ev.assignee.as_deref().filter(|s| !s.trim().is_empty()) else {
            return Err(missing("assignee", "исполнитель", self.action_clause(Action::Assign)));
        };
        self.executor = Some(id.to_string());
        self.taken_by_coordinator = false;
        self.send_to_executor(ev.at);
        Ok(())
    }

    fn transfer(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(org) = ev.organisation.as_deref().filter(|s| !s.trim().is_empty()) else {
            return Err(missing("organisation", "организация", self.action_clause(Action::Transfer)));
        };
        let pending = Pending {
            kind: PendingKind::Transfer,
            result: None,
            text: ev.text.clone(),
            planned_date: None,
            organisation: Some(org.to_string()),
            approvers: ev.co_approvers.clone(),
            signer: ev.approver.clone(),
        };
        if self.enabled(Action::Approve) {
            self.send_to_heads(pending, ev.at);
        } else {
            self.complete_transfer(&pending, ev.at);
        }
        Ok(())
    }

    fn complete_transfer(&mut self, pending: &Pending, at: DateTime<FixedOffset>) {
        self.organisation.clone_from(&pending.organisation);
        self.pending = None;
        self.enter(State::Transferred, at);
        let org = pending.organisation.clone().unwrap_or_default();
        self.effect(
            EffectKind::NoticeRedirected,
            Recipient::Applicant,
            at,
            format!("уведомление о перенаправлении сообщения в организацию «{org}»"),
            format!("notice: the message is redirected to `{org}`"),
            Some(org),
        );
    }

    /// Sends a decision to the heads: согласование when co-approvers are named, else утверждение.
    fn send_to_heads(&mut self, pending: Pending, at: DateTime<FixedOffset>) {
        let next = if pending.approvers.is_empty() { State::SignOff } else { State::Approval };
        self.pending = Some(pending);
        self.enter(next, at);
    }

    fn accept(&mut self, ev: &WorkflowEvent) -> Step {
        if let Some(id) = &self.executor {
            if *id != ev.actor.id {
                return Err(not_the("executor", "исполнитель", id));
            }
        }
        self.executor = Some(ev.actor.id.clone());
        self.enter(State::Execution, ev.at);
        Ok(())
    }

    fn return_not_in_competence(&mut self, ev: &WorkflowEvent) -> Step {
        if let Some(clause) = self.guard_on(Guard::CompetenceReasons) {
            if !nonempty(ev.reason.as_ref()) {
                return Err(Reason::new(
                    "reasons_required",
                    "возврат вне компетенции требует мотивированного обоснования",
                    "a return as outside competence needs its reasons",
                    Some(clause.citation()),
                ));
            }
        }
        self.executor = None;
        let next = if self.pos() { State::Coordination } else { State::Moderation };
        self.enter(next, ev.at);
        Ok(())
    }

    /// Checks an answer against the regulation's guards and returns its result. The answer
    /// becomes a [`Pending`] decision (with copies of its text and heads, see [`drafted`]) only
    /// when it goes to the heads; one delivered at once needs only its result and date.
    fn draft(&self, ev: &WorkflowEvent) -> std::result::Result<AnswerResult, Reason> {
        // The clause is cited only when a field is missing (formatting it is not free).
        let Some(result) = ev.result else {
            return Err(missing(
                "result",
                "результат рассмотрения",
                self.action_clause(ev.action),
            ));
        };
        if !nonempty(ev.text.as_ref()) {
            return Err(missing(
                "text",
                "текст ответа",
                self.action_clause(ev.action),
            ));
        }
        if result == AnswerResult::Postponed {
            if let Some(c) = self.guard_on(Guard::PostponedNeedsDate) {
                if ev.planned_date.is_none() {
                    return Err(Reason::new(
                        "postponed_without_date",
                        "ответ «отложено» должен указывать дату, до которой отложено рассмотрение",
                        "a postponed answer must give the date it is postponed until",
                        Some(c.citation()),
                    ));
                }
            }
            if let Some(limit) = &self.profile.limits.postponements {
                if self.counters.postponements >= limit.value {
                    return Err(Reason::new(
                        "postponement_limit",
                        format!("ответ «отложено» возможен не более {} раз", limit.value),
                        format!("an answer may be postponed at most {} time(s)", limit.value),
                        Some(limit.citation()),
                    ));
                }
            }
        }
        if let Some(date) = ev.planned_date {
            let today = ev.at.with_timezone(&self.zone).date_naive();
            if date <= today {
                return Err(Reason::new(
                    "planned_date_not_ahead",
                    "планируемая дата должна быть позже даты ответа",
                    "the planned date must be after the day of the answer",
                    None,
                ));
            }
        }
        if let Some(c) = self.guard_on(Guard::NoUndatedPromise) {
            if ev.promise && ev.planned_date.is_none() {
                return Err(Reason::new(
                    "promise_without_date",
                    "не допускается ответ о том, что вопрос будет решен, без указания точных сроков",
                    "an answer may not promise that the question will be solved without an exact date",
                    Some(c.citation()),
                ));
            }
            // The text is published: a promise in it needs a date too (super::promise).
            let phrase = ev.text.as_deref().filter(|_| ev.planned_date.is_none()).and_then(super::promise::undated_promise);
            if let Some(phrase) = phrase {
                return Err(Reason::new(
                    "promise_without_date",
                    format!("текст ответа обещает решить вопрос («{phrase}…») без указания точного срока: укажите дату в тексте или планируемую дату"),
                    format!("the answer's text promises a solution («{phrase}…») without an exact date: give the date in the text or as the planned date"),
                    Some(c.citation()),
                ));
            }
        }
        if let Some(c) = self.guard_on(Guard::AnswerPersonalData) {
            // The answer to a published message is published too: personal or medical data in
            // its text is held before it is sent, with where it is and how to fix it.
            let published = self.published_at.is_some();
            let found = ev.text.as_deref().filter(|_| published).and_then(|text| {
                let report = crate::detect::scan(text);
                let d = report.detections.into_iter().find(|d| d.kind.is_personal_data() || d.kind == crate::detect::DetectionKind::Medical)?;
                Some((text.get(d.start..d.end).unwrap_or_default().to_string(), text.get(..d.start).map_or(0, |t| t.chars().count()) + 1))
            });
            if let Some((fragment, at)) = found {
                return Err(Reason::new(
                    "answer_personal_data",
                    format!("ответ будет опубликован, а в его тексте персональные данные («{fragment}», с {at}-го символа): уберите их из текста или обезличьте"),
                    format!("the answer will be published and its text holds personal data («{fragment}», at character {at}): remove or anonymise it"),
                    Some(c.citation()),
                ));
            }
        }
        if let Some(c) = self.guard_on(Guard::OneDocument) {
            if ev.documents.is_some_and(|n| n != 1) {
                return Err(Reason::new(
                    "one_document",
                    "на каждое сообщение необходимо отвечать одним документом",
                    "each message is answered with exactly one document",
                    Some(c.citation()),
                ));
            }
        }
        if let Some(c) = self.guard_on(Guard::OfficialRequired) {
            let ok = ev
                .official
                .as_ref()
                .is_some_and(|o| !o.position.trim().is_empty() && !o.name.trim().is_empty());
            if !ok {
                return Err(Reason::new(
                    "official_required",
                    "в ответе должны быть указаны должность и ФИО исполнителя",
                    "the answer must give the official's position and full name",
                    Some(c.citation()),
                ));
            }
        }
        if let Some(c) = self.guard_on(Guard::ApproverRequired) {
            if !nonempty(ev.approver.as_ref()) {
                return Err(Reason::new(
                    "approver_required",
                    "в ответе должен быть указан утверждающий руководитель",
                    "the answer must name the head who approves it",
                    Some(c.citation()),
                ));
            }
        }
        Ok(result)
    }

    fn answer(&mut self, ev: &WorkflowEvent) -> Step {
        if ev.actor.has(Role::Executor) && !(ev.actor.has(Role::Coordinator) && self.taken_by_coordinator) {
            if let Some(id) = &self.executor {
                if *id != ev.actor.id {
                    return Err(not_the("executor", "исполнитель", id));
                }
            }
        }
        let result = self.draft(ev)?;
        if self.executor.is_none() {
            self.executor = Some(ev.actor.id.clone());
        }
        if self.pos() && self.enabled(Action::Approve) {
            self.send_to_heads(drafted(ev, result), ev.at);
        } else {
            self.deliver(Some(result), ev.planned_date, ev.at);
        }
        Ok(())
    }

    /// The answer reaches the applicant.
    fn deliver(&mut self, result: Option<AnswerResult>, planned_date: Option<NaiveDate>, at: DateTime<FixedOffset>) {
        self.pending = None;
        self.answered = true;
        self.in_rework = false;
        self.rated = false;
        self.result = result;
        self.planned_date = planned_date;
        self.planned_extensions = 0;
        let postponed = result == Some(AnswerResult::Postponed);
        if postponed {
            self.counters.postponements += 1;
            self.enter(State::Postponed, at);
            if self.pos() {
                self.effect(
                    EffectKind::NoticeInterimAnswer,
                    Recipient::Applicant,
                    at,
                    "промежуточный ответ заявителю: рассмотрение отложено",
                    "interim answer to the applicant: consideration postponed",
                    None,
                );
            }
        } else {
            self.enter(State::Answered, at);
        }
        if !(postponed && self.pos() && self.owes(EffectKind::NoticeInterimAnswer).is_some()) {
            self.effect(
                EffectKind::NoticeAnswer,
                Recipient::Applicant,
                at,
                "уведомление заявителю: ответ на сообщение готов",
                "notice: the answer is ready",
                None,
            );
        }
        if self.published_at.is_some() {
            self.effect(
                EffectKind::PublishAnswer,
                Recipient::Public,
                at,
                "публикация ответа на публичное сообщение",
                "publish the answer to the public message",
                None,
            );
        }
        if let Some(date) = planned_date.filter(|_| self.owes(EffectKind::ReminderPlannedDate).is_some()) {
            if let Some(when) = self.start_of(date) {
                self.effect(
                    EffectKind::ReminderPlannedDate,
                    Recipient::Organisation,
                    when,
                    format!("напоминание исполнителю {date}: подготовить дополнительный ответ"),
                    format!("reminder to the organisation on {date}: prepare an additional answer"),
                    None,
                );
            }
        }
    }

    /// Extends the answer term by the profile's `[limits] extension`, or, for a postponed
    /// answer, moves its planned date on by at most as much; the applicant is told why.
    fn extend(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(limit) = &self.profile.limits.extension else {
            return Err(Reason::new(
                "extension_not_set",
                format!("регламент ({}) не устанавливает продление срока", self.profile.regulation.short_ru),
                format!("the {} profile sets no `[limits] extension`", self.profile.regulation.short_en),
                self.action_clause(Action::Extend),
            ));
        };
        let ext = limit.value;
        if !nonempty(ev.reason.as_ref()) {
            return Err(missing("reason", "основание продления срока (сообщается заявителю)", Some(limit.citation())));
        }
        let postponed = self.state == State::Postponed;
        if let Some(times) = ext.times.filter(|_| !postponed) {
            if self.counters.extensions >= times {
                return Err(Reason::new(
                    "extension_limit",
                    format!("срок может быть продлён не более {times} раз(а) ({}); продлений уже: {}", limit.citation(), self.counters.extensions),
                    format!("the term may be extended at most {times} time(s) ({}); already extended {}", limit.citation(), self.counters.extensions),
                    Some(limit.citation()),
                ));
            }
        }
        let amount = ev.amount.unwrap_or(ext.amount);
        let (ru_max, en_max) = crate::term::unit_words(ext.amount, ext.unit);
        if amount <= 0 || amount > ext.amount {
            return Err(Reason::new(
                "extension_too_long",
                format!("срок может быть продлён не более чем на {} {ru_max}, а не на {amount}", ext.amount),
                format!("the term may be extended by at most {} {en_max}, not by {amount}", ext.amount),
                Some(limit.citation()),
            ));
        }
        let (ru_by, en_by) = crate::term::unit_words(amount, ext.unit);
        let reason = ev.reason.as_deref().unwrap_or_default();
        if postponed {
            let (Some(current), Some(new)) = (self.planned_date, ev.planned_date) else {
                return Err(missing("planned_date", "новая планируемая дата", Some(limit.citation())));
            };
            if new <= current {
                return Err(Reason::new(
                    "planned_date_not_later",
                    format!("новая планируемая дата {new} должна быть позже прежней, {current}"),
                    format!("the new planned date {new} must be after the current one, {current}"),
                    None,
                ));
            }
            let latest = self.extended_date(current, amount).ok_or_else(|| {
                Reason::new(
                    "out_of_range",
                    "продление выходит за годы производственного календаря",
                    "the extension runs past the production calendar's years",
                    None,
                )
            })?;
            if new > latest {
                return Err(Reason::new(
                    "extension_too_long",
                    format!("планируемая дата может быть перенесена не более чем на {amount} {ru_by}: не позже {latest}, а не на {new}"),
                    format!("the planned date may move by at most {amount} {en_by}: to {latest} at the latest, not {new}"),
                    Some(limit.citation()),
                ));
            }
            // The reminder of the old date is no longer owed; the new date's takes its place.
            let old = self.start_of(current);
            self.effects.retain(|e| !(e.kind == EffectKind::ReminderPlannedDate.name() && Some(e.at) == old));
            self.planned_date = Some(new);
            self.planned_extensions += 1;
            self.counters.planned_date_extensions += 1;
            if self.owes(EffectKind::ReminderPlannedDate).is_some() {
                if let Some(when) = self.start_of(new) {
                    self.effect(
                        EffectKind::ReminderPlannedDate,
                        Recipient::Organisation,
                        when,
                        format!("напоминание исполнителю {new}: подготовить дополнительный ответ"),
                        format!("reminder to the organisation on {new}: prepare an additional answer"),
                        None,
                    );
                }
            }
        } else {
            if self.answered || self.in_rework {
                return Err(Reason::new(
                    "nothing_to_extend",
                    "срок ответа не течёт: продлевать нечего",
                    "no answer term is running: there is nothing to extend",
                    Some(limit.citation()),
                ));
            }
            self.extended_by.push(amount);
            self.counters.extensions += 1;
        }
        if self.owes(EffectKind::NoticeExtension).is_some() {
            let (ru, en) = match self.planned_date.filter(|_| postponed) {
                Some(date) => (
                    format!("уведомление заявителю: планируемая дата перенесена на {date}; основание: {reason}"),
                    format!("notice to the applicant: the planned date is moved to {date}; grounds: {reason}"),
                ),
                None => (
                    format!("уведомление заявителю: срок рассмотрения продлён на {amount} {ru_by}; основание: {reason}"),
                    format!("notice to the applicant: the term is extended by {amount} {en_by}; grounds: {reason}"),
                ),
            };
            self.effect(EffectKind::NoticeExtension, Recipient::Applicant, ev.at, ru, en, None);
        }
        Ok(())
    }

    /// The last day a planned date `current` may move to by an extension of `amount` units,
    /// counted on from its end as the extension's term; `None` past the calendar.
    fn extended_date(&self, current: NaiveDate, amount: i64) -> Option<NaiveDate> {
        use chrono::TimeZone;
        let ext = self.profile.limits.extension.as_ref()?.value;
        let end = chrono::NaiveTime::from_hms_opt(23, 59, 59)?;
        let start = self.zone.from_local_datetime(&current.and_time(end)).earliest()?.fixed_offset();
        let term = ext.term(amount, None);
        crate::term::resolve_term(self.calendar, self.zone, start, &term, &crate::term::TermSources::default()).ok().map(|r| r.due_date)
    }

    /// 00:00 local of a date in the profile's zone.
    pub fn start_of(&self, date: NaiveDate) -> Option<DateTime<FixedOffset>> {
        use chrono::TimeZone;
        self.zone
            .from_local_datetime(&date.and_time(chrono::NaiveTime::MIN)).earliest().map(|t| t.fixed_offset())
    }

    fn approve(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(mut pending) = self.pending.clone() else {
            return Err(missing("pending", "решение на согласовании", None));
        };
        if let Some(text) = ev.text.as_ref().filter(|t| !t.trim().is_empty()) {
            pending.text = Some(text.clone());
        }
        if self.state == State::Approval {
            if !pending.approvers.is_empty() {
                let Some(i) = pending.approvers.iter().position(|a| *a == ev.actor.id) else {
                    return Err(not_the("approver", "согласующий руководитель", &pending.approvers.join(", ")));
                };
                pending.approvers.remove(i);
            }
            if pending.approvers.is_empty() {
                self.pending = Some(pending);
                self.enter(State::SignOff, ev.at);
            } else {
                self.pending = Some(pending);
            }
            return Ok(());
        }
        if let Some(signer) = &pending.signer {
            if *signer != ev.actor.id {
                return Err(not_the("signer", "утверждающий руководитель", signer));
            }
        }
        if pending.kind == PendingKind::Transfer {
            self.complete_transfer(&pending, ev.at);
            return Ok(());
        }
        if let Some(c) = self.guard_on(Guard::SignatureRequired) {
            if ev.signature.is_none() {
                return Err(Reason::new(
                    "signature_required",
                    "ответ подписывается УНЭП или УКЭП",
                    "the answer must be signed with УНЭП or УКЭП",
                    Some(c.citation()),
                ));
            }
        }
        if let Some(c) = self.guard_on(Guard::QualifiedSignature59fz) {
            if self.message.appeal_59fz && ev.signature != Some(Signature::Ukep) {
                return Err(Reason::new(
                    "qualified_signature_required",
                    "ответ на обращение по 59-ФЗ утверждается с применением УКЭП",
                    "an answer to a 59-FZ appeal needs a qualified signature (УКЭП)",
                    Some(c.citation()),
                ));
            }
        }
        self.deliver(pending.result, pending.planned_date, ev.at);
        Ok(())
    }

    fn decline(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(pending) = self.pending.take() else {
            return Err(missing("pending", "решение на согласовании", None));
        };
        // A declined transfer goes back to coordination (Tynda 3.6 2)), or to the executor «для
        // доработки» where the regulation says so (Mamadysh s.2).
        let next = match pending.kind {
            PendingKind::Answer => State::Execution,
            PendingKind::Transfer if self.profile.workflow.declined_transfer_to_executor.is_some() => State::Execution,
            PendingKind::Transfer => State::Coordination,
        };
        self.enter(next, ev.at);
        Ok(())
    }

    fn delegate(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(to) = ev.to.as_deref().filter(|s| !s.trim().is_empty()) else {
            return Err(missing("to", "руководитель, которому передано право", self.action_clause(Action::Delegate)));
        };
        let Some(mut pending) = self.pending.clone() else {
            return Err(missing("pending", "решение на согласовании", None));
        };
        if self.state == State::Approval {
            if let Some(slot) = pending.approvers.iter_mut().find(|a| **a == ev.actor.id) {
                *slot = to.to_string();
            } else if pending.approvers.is_empty() {
                pending.approvers.push(to.to_string());
            } else {
                return Err(not_the("approver", "согласующий руководитель", &pending.approvers.join(", ")));
            }
        } else {
            if let Some(signer) = &pending.signer {
                if *signer != ev.actor.id {
                    return Err(not_the("signer", "утверждающий руководитель", signer));
                }
            }
            pending.signer = Some(to.to_string());
        }
        self.pending = Some(pending);
        Ok(())
    }

    fn rate(&mut self, ev: &WorkflowEvent) -> Step {
        if let Some(author) = &self.message.author.id {
            if *author != ev.actor.id {
                return Err(Reason::new(
                    "not_the_author",
                    "оценку ответу дает автор сообщения",
                    "only the author of the message rates its answer",
                    self.action_clause(Action::Rate),
                ));
            }
        }
        let Some(rating) = ev.rating else {
            return Err(missing("rating", "оценка", self.action_clause(Action::Rate)));
        };
        if rating == Rating::Positive {
            self.rated = true;
            return Ok(());
        }
        if let Some(c) = self.guard_on(Guard::NegativeRatingRemarks) {
            if !nonempty(ev.remarks.as_ref()) {
                return Err(Reason::new(
                    "negative_rating_without_remarks",
                    "при негативной оценке обязательно указываются конкретные замечания",
                    "a negative rating must give the remarks that need rework",
                    Some(c.citation()),
                ));
            }
        }
        if let Some(limit) = &self.profile.limits.reworks {
            if self.counters.reworks >= limit.value {
                return Err(Reason::new(
                    "rework_limit",
                    format!("сообщение направляется на доработку не более {} раз", limit.value),
                    format!("a message goes back for rework at most {} times", limit.value),
                    Some(limit.citation()),
                ));
            }
        }
        self.counters.reworks += 1;
        self.in_rework = true;
        self.rated = true;
        self.rework_at = Some(ev.at);
        self.pending = None;
        self.enter(State::Execution, ev.at);
        self.effect(
            EffectKind::NoticeRework,
            Recipient::Applicant,
            ev.at,
            "уведомление о направлении ответа на доработку",
            "notice: the answer is sent back for rework",
            None,
        );
        if let Some(limit) = &self.profile.limits.reworks {
            if self.counters.reworks == limit.value {
                let (to, ru, en) = match self.profile.family {
                    Family::RegionalPlatform => (
                        Recipient::Commission,
                        "доработка трижды подряд: сообщение выносится на рассмотрение комиссии оператора и координатора",
                        "reworked three times in a row: the message goes before the commission of the operator and the coordinator",
                    ),
                    _ => (
                        Recipient::Authority,
                        "доработка трижды: информация выносится оператором на рассмотрение органа",
                        "reworked three times: the operator puts the matter before the authority",
                    ),
                };
                self.effect(EffectKind::EscalationReworkLimit, to, ev.at, ru, en, None);
            }
        }
        Ok(())
    }

    fn vote(&mut self, ev: &'a WorkflowEvent) -> Step {
        let guest_only = ev.actor.has(Role::Guest) && !ev.actor.has(Role::User);
        if guest_only && !self.profile.submission.guests_may_support.as_ref().is_some_and(|c| c.value) {
            return Err(Reason::new(
                "guest_cannot_vote",
                "гости не голосуют по этому регламенту",
                "guests may not vote under this regulation",
                None,
            ));
        }
        // One lookup: a repeat is refused before anything changes; a new voter is recorded.
        let new_voter = self.voters.insert(&ev.actor.id);
        if !new_voter {
            if let Some(c) = self.guard_on(Guard::VoteOnce) {
                return Err(Reason::new(
                    "already_voted",
                    "голосовать в поддержку одного сообщения можно только один раз",
                    "one may vote for a message only once",
                    Some(c.citation()),
                ));
            }
        }
        self.counters.votes += 1;
        if self.vote_window_end.is_some_and(|end| ev.at <= end) {
            self.counters.votes_in_window += 1;
        }
        if let Some(threshold) = &self.profile.limits.vote_threshold {
            if !self.votes_escalated && self.counters.votes_in_window > threshold.value {
                self.votes_escalated = true;
                let n = threshold.value;
                self.effect(
                    EffectKind::EscalationVotes,
                    Recipient::Authority,
                    ev.at,
                    format!("более {n} голосов в течение трех суток с публикации: сообщение передается на рассмотрение органу"),
                    format!("more than {n} votes within 72 hours of publication: the message goes before the authority"),
                    None,
                );
            }
        }
        Ok(())
    }

    fn block(&mut self, ev: &WorkflowEvent) -> Step {
        let Some(user) = ev.user.as_deref().filter(|s| !s.trim().is_empty()) else {
            return Err(missing(
                "user",
                "пользователь",
                self.action_clause(Action::BlockUser),
            ));
        };
        let Some(days) = ev.days.filter(|d| *d > 0) else {
            return Err(missing(
                "days",
                "срок блокировки в днях",
                self.action_clause(Action::BlockUser),
            ));
        };
        if let Some(limit) = &self.profile.limits.block_days {
            if days > limit.value {
                return Err(Reason::new(
                    "block_too_long",
                    format!("блокировка возможна сроком до {} дней", limit.value),
                    format!("a user may be blocked for at most {} days", limit.value),
                    Some(limit.citation()),
                ));
            }
        }
        if self.owes(EffectKind::UserBlocked).is_none() {
            return Ok(());
        }
        let until = ev
            .at
            .checked_add_signed(chrono::Duration::days(i64::from(days)))
            .unwrap_or(ev.at);
        self.effect(
            EffectKind::UserBlocked,
            Recipient::User,
            ev.at,
            format!("пользователь {user} заблокирован на {days} дн. (до {})", until.to_rfc3339()),
            format!("user {user} blocked for {days} days (until {})", until.to_rfc3339()),
            Some(user.to_string()),
        );
        Ok(())
    }
}

/// A checked answer as the decision that awaits the heads.
fn drafted(ev: &WorkflowEvent, result: AnswerResult) -> Pending {
    Pending {
        kind: PendingKind::Answer,
        result: Some(result),
        text: ev.text.clone(),
        planned_date: ev.planned_date,
        organisation: None,
        approvers: ev.co_approvers.clone(),
        signer: ev.approver.clone(),
    }
}

fn missing(field: &str, ru: &str, clause: Option<String>) -> Reason {
    Reason::new(
        "field_missing",
        format!("не указано: {ru} (`{field}`)"),
        format!("the event lacks `{field}`"),
        clause,
    )
}

fn not_the(role: &str, ru: &str, who: &str) -> Reason {
    Reason::new(
        &format!("not_the_{role}"),
        format!("действие вправе совершить только {ru}: {who}"),
        format!("only the {role} ({who}) may do this"),
        None,
    )
}
