//! `validate`: what is wrong with a message under a profile, and why.
//!
//! Each rule applies only where the profile's regulation has it (an absent profile value means
//! the regulation says nothing, so nothing is checked), and each finding cites the clause the
//! profile gives for that value.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::finding::{Finding, FindingSeverity};
use super::model::{Auth, AuthorKind, Channel, HistoryEntry, Message};
use crate::detect::{self, DetectionKind, TextReport};
use crate::profile::languages::{all_cyrillic, phrase};
use crate::profile::{Cited, ContentAction, DataRule, Profile, Requirement};

/// Why a message must not be public, for a form to show before sending.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PrivacyHint {
    /// The message must be non-public (or is refused if it stays public).
    pub must_be_non_public: bool,
    /// Codes of the reasons: `personal_data`, `medical_data`.
    pub reasons: Vec<String>,
    /// The clause behind it.
    pub clause: Option<String>,
}

/// Everything `validate` says about a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Validation {
    /// Findings in a stable order: by field, then code.
    pub findings: Vec<Finding>,
    /// `true` when no finding is an error.
    pub ok: bool,
    /// Whether it must be non-public, whatever the author chose.
    pub privacy: PrivacyHint,
    /// Fingerprint of the text, to keep in the author's history for duplicate checks.
    pub fingerprint: String,
}

struct Ctx<'a> {
    profile: &'a Profile,
    findings: Vec<Finding>,
}

impl Ctx<'_> {
    fn refusal_for(&self, code: &str) -> Option<String> {
        self.profile.refusals.iter().find(|r| r.finding.as_deref() == Some(code)).map(|r| r.code.clone())
    }

    /// Records a finding backed by a cited profile value.
    fn push<T>(&mut self, code: &str, severity: FindingSeverity, field: &str, rule: Option<&Cited<T>>, ru: String, en: String) {
        self.push_cited(code, severity, field, rule.map(Cited::citation), ru, en);
    }

    /// Records a finding with the citation already written (or none: a category that is not in
    /// the profile breaks no single clause).
    fn push_cited(&mut self, code: &str, severity: FindingSeverity, field: &str, clause: Option<String>, ru: String, en: String) {
        let refusal = self.refusal_for(code);
        self.findings.push(Finding {
            code: code.to_string(),
            severity,
            field: field.to_string(),
            ru,
            en,
            clause,
            refusal,
            span: None,
        });
    }
}

fn required(rule: Option<&Cited<Requirement>>) -> Option<&Cited<Requirement>> {
    rule.filter(|r| r.value == Requirement::Required)
}

/// Whether `s` is missing or white space only: what `trim().is_empty()` says, without
/// trimming both ends of a text that starts with a letter.
fn is_blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.chars().all(char::is_whitespace))
}

/// The registered media type for common aliases and file extensions, so that `image/jpg`, a
/// `.jpeg` file with no type, and `image/jpeg` are one format (regulations name formats by
/// extension: «*jpg, *png, tiff», Essentuki 23). Borrowed unless the type has capitals:
/// every attachment is checked against every allowed format on each validation.
fn canonical_media_type<'a>(media_type: &'a str, name: &str) -> Cow<'a, str> {
    let t = media_type.trim();
    let is = |x: &str| t.eq_ignore_ascii_case(x);
    if is("image/jpg") || is("image/pjpeg") {
        return Cow::Borrowed("image/jpeg");
    }
    if is("image/x-png") {
        return Cow::Borrowed("image/png");
    }
    if is("image/tif") || is("image/x-tiff") {
        return Cow::Borrowed("image/tiff");
    }
    if t.is_empty() || is("application/octet-stream") {
        if let Some(m) = name.rsplit_once('.').and_then(|(_, ext)| media_for_extension(ext)) {
            return Cow::Borrowed(m);
        }
    }
    if t.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(t.to_ascii_lowercase())
    } else {
        Cow::Borrowed(t)
    }
}

/// The media type a file extension names, for the formats regulations list.
fn media_for_extension(ext: &str) -> Option<&'static str> {
    let is = |x: &str| ext.eq_ignore_ascii_case(x);
    if is("jpg") || is("jpeg") || is("jpe") {
        Some("image/jpeg")
    } else if is("png") {
        Some("image/png")
    } else if is("tif") || is("tiff") {
        Some("image/tiff")
    } else {
        None
    }
}

/// Whether a file's format is allowed: profile entries are media types (`image/jpeg`) or, without
/// a `/`, file extensions (`jpg`).
fn media_allowed(allowed: &[String], media_type: &str, name: &str) -> bool {
    listed_as_is(allowed, media_type) || allowed_by_format(allowed, media_type, name)
}

/// The common case, answered without folding a type: the attachment's type is one of the
/// allowed entries exactly as written. [`allowed_by_format`] says yes to all of these (the two
/// sides fold alike), except to a type that names no format by itself and is read from the
/// file name instead, which is left to it.
fn listed_as_is(allowed: &[String], media_type: &str) -> bool {
    let t = media_type.trim();
    t.contains('/') && !t.eq_ignore_ascii_case("application/octet-stream") && allowed.iter().any(|a| a == media_type)
}

/// [`media_allowed`] by each side's registered type.
fn allowed_by_format(allowed: &[String], media_type: &str, name: &str) -> bool {
    let canonical = canonical_media_type(media_type, name);
    allowed.iter().any(|a| {
        if a.contains('/') {
            canonical_media_type(a, "") == canonical
        } else {
            // The part after the last dot, as of a file named `.{a}`.
            let ext = a.rsplit('.').next().unwrap_or(a);
            media_for_extension(ext).unwrap_or("") == canonical
        }
    })
}

/// Checks a message against a profile. `history` lists the author's earlier messages.
pub fn validate(profile: &Profile, message: &Message, history: &[HistoryEntry], report: &TextReport) -> Validation {
    let mut cx = Ctx { profile, findings: Vec::new() };
    use FindingSeverity::{Error, Warning};

    // Who may send, and how (Essentuki 9, 14, 16; Mikhailovka 2.1).
    if message.author.kind == AuthorKind::Guest {
        let sub = &profile.submission;
        let rule = sub.guests_may_submit.as_ref().filter(|r| !r.value);
        let rule = rule.or_else(|| sub.account_required.as_ref().filter(|r| r.value));
        if let Some(rule) = rule {
            cx.push("guest_cannot_submit", Error, "author.kind", Some(rule),
                "Гости не могут отправлять сообщения: нужна регистрация на портале".into(),
                "Guests cannot send messages: the author must be a registered user".into());
        }
    }
    if let Some(rule) = profile.submission.esia_required.as_ref().filter(|r| r.value) {
        if message.author.auth != Some(Auth::Esia) {
            cx.push("esia_required", Error, "author.auth", Some(rule),
                "Отправка сообщения возможна только после авторизации через ЕСИА".into(),
                "Sending requires signing in through ESIA (Gosuslugi)".into());
        }
    }
    if let Some(rule) = profile.submission.esia_own_behalf_only.as_ref().filter(|r| r.value) {
        if message.author.auth == Some(Auth::Esia) && message.author.on_own_behalf == Some(false) {
            cx.push("esia_own_behalf", Error, "author.on_own_behalf", Some(rule),
                "Через ЕСИА сообщение отправляется только от своего имени".into(),
                "Through ESIA a message may be sent only on one's own behalf".into());
        }
    }
    if let Some(channel) = message.channel {
        let ch = &profile.channels;
        let rule = match channel {
            Channel::Web => ch.web.as_ref(),
            Channel::App => ch.app.as_ref(),
            Channel::Phone => ch.phone.as_ref(),
            Channel::Epgu => ch.epgu.as_ref(),
        };
        if let Some(rule) = rule.filter(|r| !r.value) {
            cx.push("channel_not_allowed", Error, "channel", Some(rule),
                "Регламент не предусматривает приём сообщений по этому каналу".into(),
                "The regulation does not accept messages through this channel".into());
        }
    }

    // Content and the event (Essentuki 19).
    let has_text = !is_blank(Some(&message.text));
    if let Some(rule) = required(profile.fields.content.as_ref()) {
        if !has_text && message.attachments.is_empty() {
            cx.push("missing_content", Error, "text", Some(rule),
                "Сообщение должно содержать текст или иную форму (фотографии)".into(),
                "The message must have a text or another form of content (photos)".into());
        }
    }
    if let Some(rule) = required(profile.fields.event_date.as_ref()) {
        if message.event.date.is_none() {
            cx.push("missing_event_date", Error, "event.date", Some(rule),
                "Укажите дату события, о котором сообщаете".into(),
                "Give the date of the event reported".into());
        }
    }
    if let Some(rule) = required(profile.fields.event_time.as_ref()) {
        if message.event.time.is_none() {
            cx.push("missing_event_time", Error, "event.time", Some(rule),
                "Укажите время события, о котором сообщаете".into(),
                "Give the time of the event reported".into());
        }
    }
    if let Some(rule) = required(profile.fields.event_place.as_ref()) {
        if is_blank(message.event.place.as_deref()) {
            cx.push("missing_event_place", Error, "event.place", Some(rule),
                "Укажите место события, о котором сообщаете".into(),
                "Give the place of the event reported".into());
        }
    }

    // Category: chosen by the user (Essentuki 17) and from the list (34.5).
    if let Some(rule) = required(profile.fields.category.as_ref()) {
        if is_blank(message.category.as_deref()) && is_blank(message.subcategory.as_deref()) {
            cx.push("missing_category", Error, "category", Some(rule),
                "Выберите категорию сообщения".into(),
                "Choose the message's category".into());
        }
    }
    if let Some(cat) = message.category.as_deref() {
        if profile.category(cat).is_none() {
            cx.push_cited("unknown_category", Error, "category", None,
                format!("Категория «{cat}» отсутствует в перечне категорий"),
                format!("Category `{cat}` is not in the profile's category list"));
        }
    }
    if let Some(sub) = message.subcategory.as_deref() {
        let parent_ok = profile
            .category(sub)
            .is_some_and(|c| message.category.is_none() || c.parent.as_deref() == message.category.as_deref());
        if !parent_ok {
            cx.push_cited("unknown_category", Error, "subcategory", None,
                format!("Подкатегория «{sub}» отсутствует в выбранной категории"),
                format!("Subcategory `{sub}` is not in the chosen category"));
        }
    }
    if let Some(level) = message.fast_track.as_deref() {
        if !profile.fast_track.contains_key(level) {
            let known: Vec<&str> = profile.fast_track.keys().map(String::as_str).collect();
            cx.push_cited("unknown_fast_track", Error, "fast_track", None,
                format!("Уровень ускоренного рассмотрения «{level}» не предусмотрен (есть: {})", known.join(", ")),
                format!("Fast-track level `{level}` does not exist in this profile (known: {})", known.join(", ")));
        }
    }

    // Attachments (Essentuki 23–26).
    let att = &profile.attachments;
    if let Some(rule) = att.media_types.as_ref() {
        for (i, a) in message.attachments.iter().enumerate() {
            if !media_allowed(&rule.value, &a.media_type, &a.name) {
                cx.push("attachment_format", Error, &format!("attachments[{i}].media_type"), Some(rule),
                    format!("Файл «{}» ({}) недопустимого формата; допустимы: {}", a.name, a.media_type, rule.value.join(", ")),
                    format!("File `{}` ({}) has a format not allowed; allowed: {}", a.name, a.media_type, rule.value.join(", ")));
            }
        }
    }
    if let Some(rule) = att.max_count.as_ref() {
        let n = message.attachments.len();
        if n > rule.value as usize {
            cx.push("attachment_count", Error, "attachments", Some(rule),
                format!("Приложено {n} фото; допускается не более {}", rule.value),
                format!("{n} photos attached; at most {} are allowed", rule.value));
        }
    }
    if let Some(rule) = att.max_total_bytes.as_ref() {
        let total: u64 = message.attachments.iter().map(|a| a.size).fold(0, u64::saturating_add);
        if total > rule.value {
            let mb = |b: u64| b as f64 / 1_048_576.0;
            cx.push("attachment_total_size", Error, "attachments", Some(rule),
                format!("Общий размер вложений {:.1} МБ превышает {:.0} МБ", mb(total), mb(rule.value)),
                format!("Attachments total {:.1} MB, more than the {:.0} MB allowed", mb(total), mb(rule.value)));
        }
    }
    if let Some(rule) = att.editing_forbidden.as_ref().filter(|r| r.value) {
        for (i, a) in message.attachments.iter().enumerate() {
            if a.needs_editing == Some(true) {
                cx.push("attachment_needs_editing", Error, &format!("attachments[{i}]"), Some(rule),
                    format!("Фото «{}» требует поворота, обрезки или увеличения", a.name),
                    format!("Photo `{}` needs rotating, cropping or zooming to be read", a.name));
            }
        }
    }

    // Language (Essentuki 21: Russian; a profile may accept more than one language).
    let accepted = profile.language.accepted.as_ref();
    let russian = profile.language.required.as_ref().filter(|r| r.value == "ru");
    // The citation is written only for a finding (validation runs for every message).
    let rule = || accepted.map(Cited::citation).or_else(|| russian.map(Cited::citation));
    if accepted.is_some() || russian.is_some() {
        let tags = accepted.map(|a| a.value.as_slice()).unwrap_or_default();
        let only_russian = accepted.is_none();
        // Only a Cyrillic text can be in a Cyrillic language; a language in another script
        // leaves the check off (`profile::languages`).
        if has_text && report.not_russian && (only_russian || all_cyrillic(tags)) {
            let (ru, en) = if only_russian {
                ("Сообщение должно быть написано на русском языке".to_string(), "The message must be written in Russian".to_string())
            } else {
                let (ru, en) = phrase(tags);
                (format!("Сообщение должно быть написано {ru}"), format!("The message must be written {en}"))
            };
            cx.push_cited("not_russian", Error, "text", rule(), ru, en);
        }
        if has_text && report.unreadable {
            cx.push_cited("unreadable", Error, "text", rule(),
                "Текст сообщения не поддаётся прочтению".into(),
                "The text cannot be read".into());
        }
    }

    // Obscenity (Essentuki 21).
    if let Some(rule) = profile.content.obscenity.as_ref() {
        if let Some(hit) = report.detections.iter().find(|d| d.kind == DetectionKind::Obscenity) {
            let refusal = cx.refusal_for("obscenity");
            let (ru, en) = match rule.value {
                ContentAction::Reject | ContentAction::Remove => (
                    "Сообщение содержит нецензурные выражения".to_string(),
                    "The message contains obscene language".to_string(),
                ),
            };
            cx.findings.push(Finding {
                code: "obscenity".into(),
                severity: Error,
                field: "text".into(),
                ru,
                en,
                clause: Some(rule.citation()),
                refusal,
                span: Some([hit.start, hit.end]),
            });
        }
    }

    // Personal and medical data (Essentuki 31, Tynda 3.3 ж).
    let personal = report.detections.iter().find(|d| d.kind.is_personal_data());
    let medical = report.detections.iter().find(|d| d.kind == DetectionKind::Medical);
    let mut privacy = PrivacyHint::default();
    let pubr = &profile.publicity;
    if let (Some(hit), Some(rule)) = (personal, pubr.personal_data.as_ref().filter(|r| r.value == DataRule::NonPublic)) {
        privacy.must_be_non_public = true;
        privacy.reasons.push("personal_data".into());
        privacy.clause = Some(rule.citation());
        if message.public {
            let mut f = finding_with_span("personal_data_public", Warning, rule, hit,
                "Сообщение содержит персональные данные и не может быть публичным",
                "The message contains personal data and cannot be public");
            f.refusal = cx.refusal_for("personal_data_public");
            cx.findings.push(f);
        }
    }
    if let (Some(hit), Some(rule)) = (medical, pubr.medical_data.as_ref().filter(|r| r.value == DataRule::NonPublic)) {
        privacy.must_be_non_public = true;
        privacy.reasons.push("medical_data".into());
        privacy.clause.get_or_insert_with(|| rule.citation());
        if message.public {
            let mut f = finding_with_span("medical_data_public", Warning, rule, hit,
                "Сообщение содержит сведения о здоровье и не может быть публичным",
                "The message contains medical data and cannot be public");
            f.refusal = cx.refusal_for("medical_data_public");
            cx.findings.push(f);
        }
    }
    if let (Some(hit), Some(rule)) = (personal, pubr.third_party_personal_data.as_ref().filter(|r| r.value == DataRule::Reject)) {
        let mut f = finding_with_span("third_party_personal_data", Warning, rule, hit,
            "Текст содержит персональные данные: если они принадлежат третьему лицу без его согласия, сообщение отклоняется",
            "The text contains personal data: if they belong to a third person without consent, the message is rejected");
        f.refusal = cx.refusal_for("third_party_personal_data");
        cx.findings.push(f);
    }

    // Duplicates (Essentuki 22): a full repeat before the earlier answer term ends.
    let fingerprint = detect::fingerprint(&message.text);
    if let Some(rule) = profile.content.duplicates.as_ref() {
        if has_text {
            let earlier = history.iter().enumerate().find(|(_, h)| {
                h.fingerprint == fingerprint
                    && h.sent_at <= message.sent_at
                    && h.answer_due.is_none_or(|due| message.sent_at <= due)
            });
            if let Some((i, h)) = earlier {
                let id = h.id.clone().unwrap_or_else(|| format!("history[{i}]"));
                cx.push("duplicate", Error, "text", Some(rule),
                    format!("Полный повтор сообщения {id}, срок ответа на которое ещё не истёк"),
                    format!("A full repeat of message {id}, whose answer term has not ended"));
            }
        }
    }

    let mut findings = cx.findings;
    findings.sort_by(|a, b| a.field.cmp(&b.field).then_with(|| a.code.cmp(&b.code)));
    let ok = !findings.iter().any(|f| f.severity == Error);
    Validation { findings, ok, privacy, fingerprint }
}

fn finding_with_span<T>(code: &str, severity: FindingSeverity, rule: &Cited<T>, hit: &detect::Detection, ru: &str, en: &str) -> Finding {
    Finding {
        code: code.to_string(),
        severity,
        field: "text".into(),
        ru: ru.to_string(),
        en: en.to_string(),
        clause: Some(rule.citation()),
        refusal: None,
        span: Some([hit.start, hit.end]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick answer is only ever a yes that the full comparison gives too.
    #[test]
    fn listed_as_is_agrees_with_the_formats() {
        let types = ["image/jpeg", "IMAGE/JPEG", " image/png ", "image/jpg", "application/octet-stream", "", "jpg", "image/tiff", "text/plain", "image/x-png"];
        let names = ["a.jpg", "b.PNG", "c", "d.tif", "e.txt"];
        let lists: Vec<Vec<String>> = vec![
            vec!["image/jpeg".into(), "image/png".into(), "image/tiff".into()],
            vec!["jpg".into(), "png".into()],
            vec!["application/octet-stream".into(), "image/jpg".into(), " image/png ".into()],
            vec!["IMAGE/JPEG".into(), "text/plain".into(), "".into()],
        ];
        let mut quick = 0;
        for list in &lists {
            for t in types {
                for n in names {
                    if listed_as_is(list, t) {
                        quick += 1;
                        assert!(allowed_by_format(list, t, n), "{list:?} {t:?} {n:?}");
                    }
                }
            }
        }
        assert!(quick > 10, "{quick}");
    }
}
