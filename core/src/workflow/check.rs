//! The static check of a profile's workflow, run by `reglament lint`.
//!
//! From the actions a profile enables, the check builds the graph of states the replay engine
//! can move between and asks three questions a rule author would otherwise learn from a stuck
//! message in production: can every state be reached; does every state that is not final have
//! someone who can act and a term that bounds it (or a cited note that the regulation sets
//! none); and does every final state notify the applicant.

use std::collections::BTreeSet;

use super::vocabulary::{Action, State};
use crate::profile::{Family, Profile, TermStart};

/// One problem the check found; the profile loader turns it into a located diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckIssue {
    /// Stable diagnostic code.
    pub code: String,
    /// What is wrong.
    pub message: String,
    /// Keys of the profile file the problem belongs to.
    pub path: Vec<String>,
    /// How to fix it.
    pub help: String,
}

/// The transitions the enabled actions allow: `(from, action, to)`.
pub fn edges(p: &Profile) -> Vec<(State, Action, State)> {
    use State as S;
    let pos = p.family == Family::Pos;
    let en = |a: Action| p.workflow.action(a.name()).is_some();
    let to_exec = if en(Action::Accept) { S::Acceptance } else { S::Execution };
    let mut e = Vec::new();
    for a in Action::ALL.into_iter().filter(|a| en(*a)) {
        match a {
            Action::Register | Action::RegisterAndPublish => {
                e.push((S::Moderation, a, if pos { S::Coordination } else { to_exec }));
            }
            Action::Refuse => e.push((S::Moderation, a, S::Refused)),
            Action::ChangeCategory => e.push((S::Moderation, a, S::Moderation)),
            Action::ChangeOrganisation => {
                e.push((S::Moderation, a, if pos { S::Coordination } else { S::Moderation }));
                if !pos && en(Action::ReturnNotInCompetence) {
                    e.push((S::Moderation, a, to_exec));
                }
            }
            Action::RegisterCall => {
                e.push((S::Moderation, a, S::Answered));
                e.push((S::Moderation, a, S::Referred));
            }
            Action::Assign => e.push((S::Coordination, a, to_exec)),
            Action::TakeIntoWork => e.push((S::Coordination, a, S::Execution)),
            Action::Transfer => {
                if en(Action::Approve) {
                    e.push((S::Coordination, a, S::Approval));
                    e.push((S::Coordination, a, S::SignOff));
                } else {
                    e.push((S::Coordination, a, S::Transferred));
                }
            }
            Action::SendToApproval => {
                e.push((S::Coordination, a, S::Approval));
                e.push((S::Coordination, a, S::SignOff));
            }
            Action::Return => e.push((S::Coordination, a, S::Moderation)),
            Action::Accept => e.push((S::Acceptance, a, S::Execution)),
            Action::ReturnNotInCompetence => e.push((S::Acceptance, a, if pos { S::Coordination } else { S::Moderation })),
            Action::Answer => {
                for from in [S::Execution, S::Postponed] {
                    if pos && en(Action::Approve) {
                        e.push((from, a, S::Approval));
                        e.push((from, a, S::SignOff));
                    } else {
                        e.push((from, a, S::Answered));
                        e.push((from, a, S::Postponed));
                    }
                }
            }
            Action::Approve => {
                e.push((S::Approval, a, S::SignOff));
                e.push((S::SignOff, a, S::Answered));
                e.push((S::SignOff, a, S::Postponed));
                if en(Action::Transfer) {
                    e.push((S::SignOff, a, S::Transferred));
                }
            }
            Action::Decline => {
                for from in [S::Approval, S::SignOff] {
                    e.push((from, a, S::Execution));
                    if en(Action::Transfer) {
                        e.push((from, a, S::Coordination));
                    }
                }
            }
            Action::Delegate => {
                e.push((S::Approval, a, S::Approval));
                e.push((S::SignOff, a, S::SignOff));
            }
            Action::ReturnForReview => {
                for from in [S::Approval, S::SignOff, S::Answered, S::Postponed] {
                    e.push((from, a, S::Execution));
                }
            }
            Action::Rate => {
                for from in [S::Answered, S::Postponed] {
                    e.push((from, a, S::Execution));
                    e.push((from, a, from));
                }
            }
            // Extending stays in the state: a loop on each state the other actions use.
            Action::Extend | Action::Vote | Action::BlockUser => {}
        }
    }
    if en(Action::Extend) {
        let used: BTreeSet<State> = e.iter().flat_map(|(a, _, b)| [*a, *b]).collect();
        for s in used.into_iter().filter(|s| matches!(s, S::Acceptance | S::Coordination | S::Execution | S::Approval | S::SignOff | S::Postponed)) {
            e.push((s, Action::Extend, s));
        }
    }
    e
}

/// The states reachable from `moderation`.
pub fn reachable(edges: &[(State, Action, State)]) -> BTreeSet<State> {
    let mut seen = BTreeSet::from([State::Moderation]);
    let mut frontier = vec![State::Moderation];
    while let Some(s) = frontier.pop() {
        for (_, _, to) in edges.iter().filter(|(from, _, _)| *from == s) {
            if seen.insert(*to) {
                frontier.push(*to);
            }
        }
    }
    seen
}

/// Whether a term of the profile bounds `state` for every message.
fn bounded(p: &Profile, state: State) -> bool {
    let set = |name: &str| p.term(name).is_some();
    let answer = p.term("answer").filter(|t| t.applies_to == crate::profile::AppliesTo::All).is_some_and(|t| match t.from {
        TermStart::Sending => state.in_processing(),
        TermStart::Registration => state.in_processing() && state != State::Moderation,
        _ => false,
    });
    answer
        || set(state.name())
        || match state {
            State::Moderation => set("registration"),
            State::Acceptance => set("acceptance") || set("competence_return") || set("head_notice"),
            State::Postponed => p.workflow.guard("postponed_needs_date").is_some(),
            _ => false,
        }
}

/// The notice a final state owes the applicant.
fn final_notice(state: State) -> Option<&'static str> {
    match state {
        State::Refused => Some("notice_refused"),
        State::Answered => Some("notice_answer"),
        State::Transferred => Some("notice_redirected"),
        State::Referred => Some("call_registered"),
        _ => None,
    }
}

/// Checks a profile's workflow; a profile that enables no action has no workflow to check.
pub fn static_check(p: &Profile) -> Vec<CheckIssue> {
    let mut out = Vec::new();
    if p.workflow.actions.is_empty() {
        return out;
    }
    let edges = edges(p);
    let reach = reachable(&edges);
    let issue = |code: &str, message: String, path: &[&str], help: &str| CheckIssue {
        code: code.to_string(),
        message,
        path: path.iter().map(|s| (*s).to_string()).collect(),
        help: help.to_string(),
    };
    if p.workflow.action(Action::Extend.name()).is_some() && p.limits.extension.is_none() {
        out.push(issue(
            "extension_not_set",
            "`extend` is enabled, but `[limits] extension` does not say how far and how often a term may be extended".to_string(),
            &["workflow", "actions", "extend"],
            "add `extension = { value = { amount = 30, unit = \"calendar_days\", times = 1 }, clause = \"...\" }` under [limits] («не более чем на 30 календарных дней»), or remove the action",
        ));
    }
    let mentioned: BTreeSet<State> = edges.iter().flat_map(|(a, _, b)| [*a, *b]).collect();
    for s in mentioned.difference(&reach) {
        let mut by: Vec<&str> = edges.iter().filter(|(from, _, _)| from == s).map(|(_, a, _)| a.name()).collect();
        by.dedup();
        let first = by.first().copied().unwrap_or("actions");
        out.push(issue(
            "workflow_unreachable_state",
            format!("state `{}` is never reached, yet `{}` act(s) in it", s.name(), by.join("`, `")),
            &["workflow", "actions", first],
            "enable the action that leads there, or remove the actions that only act in it",
        ));
    }
    for s in &reach {
        if s.is_final() {
            if let Some(notice) = final_notice(*s) {
                if p.workflow.effect(notice).is_none() {
                    out.push(issue(
                        "workflow_final_silent",
                        format!("final state `{}` does not notify the applicant", s.name()),
                        &["workflow", "effects"],
                        &format!("add `{notice} = {{ clause = \"...\" }}` to [workflow.effects]"),
                    ));
                }
            }
            continue;
        }
        if !edges.iter().any(|(from, _, _)| from == s) {
            out.push(issue(
                "workflow_stuck_state",
                format!("nobody can act in state `{}`", s.name()),
                &["workflow", "actions"],
                "enable an action that leads out of it",
            ));
        }
        if !bounded(p, *s) && !p.workflow.unbounded.contains_key(s.name()) {
            out.push(issue(
                "workflow_unbounded_state",
                format!("no term bounds state `{}`", s.name()),
                &["workflow"],
                &format!(
                    "set a term that runs in it, or say why the regulation sets none: [workflow.unbounded] {} = {{ clause = \"...\", note = \"...\" }}",
                    s.name()
                ),
            ));
        }
    }
    out
}
