//! Inputs shared by the criterion benches (`benches/`) and the instruction counter
//! (`examples/instructions.rs`), so both measure the same thing.

use reglament::{Message, WorkflowEvent};
use serde_json::json;

/// A public Essentuki message: registered and published, 44 votes (one twice, refused), an
/// answer, a negative rating, a rework answer and a positive rating: 50 events.
pub fn workflow_log() -> reglament::Result<(Message, Vec<WorkflowEvent>)> {
    let message = json!({"id": "e1", "channel": "web", "author": {"id": "u1"}, "sent_at": "2026-03-07T11:00:00+03:00",
        "text": "Третью неделю не вывозят мусор", "category": "all", "public": true});
    let mut events = vec![json!({"at": "2026-03-10T09:00:00+03:00", "actor": {"id": "op", "roles": ["operator"]}, "action": "register_and_publish"})];
    for i in 0..44 {
        let voter = if i == 43 { 0 } else { i };
        events.push(json!({"at": format!("2026-03-10T10:{:02}:00+03:00", i), "actor": {"id": format!("v{voter}"), "roles": ["user"]}, "action": "vote"}));
    }
    events.push(json!({"at": "2026-03-12T10:00:00+03:00", "actor": {"id": "ex", "roles": ["executor"]}, "action": "answer", "result": "solved", "text": "Вывезли"}));
    events.push(json!({"at": "2026-03-13T10:00:00+03:00", "actor": {"id": "u1", "roles": ["applicant"]}, "action": "rate", "rating": "negative", "remarks": "Не вывезли"}));
    events.push(json!({"at": "2026-03-14T10:00:00+03:00", "actor": {"id": "ex", "roles": ["executor"]}, "action": "answer", "result": "postponed", "text": "По графику", "planned_date": "2026-04-15"}));
    events.push(json!({"at": "2026-03-15T10:00:00+03:00", "actor": {"id": "u1", "roles": ["applicant"]}, "action": "rate", "rating": "negative", "remarks": "Не вывезли опять"}));
    events.push(json!({"at": "2026-03-16T10:00:00+03:00", "actor": {"id": "ex", "roles": ["executor"]}, "action": "answer", "result": "solved", "text": "Вывезли"}));
    assert_eq!(events.len(), 50);
    Ok((reglament::input::from_value(&message, "message")?, reglament::input::from_value(&json!(events), "events")?))
}

/// A Tynda message with no events yet: the empty-log replay.
pub fn tynda_message() -> reglament::Result<Message> {
    reglament::input::from_value(
        &json!({"channel": "epgu", "author": {"id": "u1"}, "sent_at": "2026-03-02T10:00:00+09:00", "text": "x", "category": "other"}),
        "message",
    )
}
