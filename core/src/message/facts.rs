//! [`Facts`]: what choosing and resolving a message's terms reads of it.
//!
//! A plan depends on four things of a message: when it was sent, the category it is routed by,
//! the platform's fast-track level and the 59-FZ flag. Routing and planning read them through
//! this borrowed view, so an audit of an archive row (which has no text, author or contact)
//! plans by the very same code without building a [`Message`] per row.

use chrono::{DateTime, FixedOffset};

use super::model::Message;

/// The parts of a message its terms depend on, borrowed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Facts<'m> {
    /// When the message was sent: terms run from here.
    pub(crate) sent_at: DateTime<FixedOffset>,
    /// The category it is routed by: its subcategory when it has one, else its category.
    pub(crate) category: Option<&'m str>,
    /// The fast-track level set by the platform, if any.
    pub(crate) fast_track: Option<&'m str>,
    /// Whether it is a 59-FZ appeal.
    pub(crate) appeal_59fz: bool,
}

impl<'m> Facts<'m> {
    /// What `message`'s terms depend on.
    pub(crate) fn of(message: &'m Message) -> Self {
        Self {
            sent_at: message.sent_at,
            category: message.subcategory.as_deref().or(message.category.as_deref()),
            fast_track: message.fast_track.as_deref(),
            appeal_59fz: message.appeal_59fz,
        }
    }
}
