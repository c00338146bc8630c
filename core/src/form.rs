//! The form a profile requires: which fields a message form must or may offer, with what
//! choices and limits, each citing its clause.
//!
//! A form written by hand drifts from the regulation (a portal's form once had no category and
//! no event time although Essentuki 17 and 19 require them, so no message could ever be sent).
//! [`describe`] reads the same profile values [`crate::message::validate`] checks, so the form
//! offers exactly what validation asks for; field names are the paths validation's findings
//! carry (`event.time`, `attachments`), so a page puts each finding next to its field.

use serde::{Deserialize, Serialize};

use crate::profile::{Cited, DataRule, Profile, Requirement, Visibility};

/// A profile value as a form needs it: the value, the bare clause for a short reference
/// («п. 24»), and the full citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FormRule<T> {
    /// The value.
    pub value: T,
    /// The clause of the regulation, `None` when the value is the portal's own choice.
    pub clause: Option<String>,
    /// The citation validation's findings carry («Essentuki 24»).
    pub citation: String,
}

impl<T: Clone> FormRule<T> {
    fn of(rule: &Cited<T>) -> Self {
        Self { value: rule.value.clone(), clause: rule.clause.clone(), citation: rule.citation() }
    }
}

/// One field of the form, named by the message path validation uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FormField {
    /// Message path: `text`, `category`, `event.date`, `event.time`, `event.place`,
    /// `contact.name`, `contact.phone`.
    pub name: String,
    /// Whether the message is refused without it.
    pub required: bool,
    /// The clause that asks for it, `None` when it is the portal's own choice.
    pub clause: Option<String>,
    /// The full citation.
    pub citation: String,
}

/// One category, in tree order (a parent before its children).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FormCategory {
    /// Id, the value of `category` (or `subcategory` for a child).
    pub id: String,
    /// Parent id.
    pub parent: Option<String>,
    /// Depth in the tree: 0 for a root.
    pub depth: u32,
    /// Name in Russian.
    pub name_ru: String,
    /// Name in English.
    pub name_en: String,
}

/// Who may send, as the portal must know before showing the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FormAuthor {
    /// A guest (not signed in) may send: `false` with the clause when the regulation says so.
    pub guests_may_submit: Option<FormRule<bool>>,
    /// Sending needs signing in through ESIA (Gosuslugi).
    pub esia_required: Option<FormRule<bool>>,
    /// Through ESIA only on one's own behalf.
    pub esia_own_behalf_only: Option<FormRule<bool>>,
}

/// What may be attached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FormAttachments {
    /// Allowed formats as the profile lists them (media types or extensions).
    pub media_types: Option<FormRule<Vec<String>>>,
    /// The file picker's `accept` value for those formats (empty: any file).
    pub accept: String,
    /// Most files.
    pub max_count: Option<FormRule<u32>>,
    /// Most bytes in total.
    pub max_total_bytes: Option<FormRule<u64>>,
    /// Photos needing rotation, cropping or zoom are refused.
    pub editing_forbidden: Option<FormRule<bool>>,
}

/// The public flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FormPublic {
    /// The author chooses (offer the checkbox).
    pub user_chooses: Option<FormRule<bool>>,
    /// Whether the box starts ticked, from the profile's default visibility (ticked when the
    /// regulation gives no default: the author sees and decides).
    pub default_public: bool,
    /// The clause of the default.
    pub default: Option<FormRule<Visibility>>,
    /// Personal data make the message non-public.
    pub personal_data_non_public: Option<FormRule<bool>>,
}

/// Everything a message form under a profile offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Form {
    /// Profile id.
    pub profile: String,
    /// Municipality, in Russian.
    pub municipality_ru: String,
    /// Short name of the regulation, in Russian.
    pub regulation_ru: String,
    /// Short name of the regulation as citations start («Essentuki»).
    pub regulation_en: String,
    /// Full title of the act, in Russian.
    pub act_ru: String,
    /// IANA time zone of the municipality (event times are local to it).
    pub zone: String,
    /// The language messages must be written in, when the regulation sets one.
    pub language: Option<FormRule<String>>,
    /// Who may send.
    pub author: FormAuthor,
    /// The fields, in the order a form shows them.
    pub fields: Vec<FormField>,
    /// The category tree (empty when the profile lists none).
    pub categories: Vec<FormCategory>,
    /// What may be attached.
    pub attachments: FormAttachments,
    /// The public flag.
    pub public: FormPublic,
}

/// The form `profile` requires.
pub fn describe(profile: &Profile) -> Form {
    let f = &profile.fields;
    let mut fields = Vec::new();
    // Text is always there: validation reads it for language, obscenity and personal data; the
    // profile says whether it (or a photo) is required.
    let field = |name: &str, rule: Option<&Cited<Requirement>>| rule.map(|r| FormField {
        name: name.to_string(),
        required: r.value == Requirement::Required,
        clause: r.clause.clone(),
        citation: r.citation(),
    });
    fields.push(field("text", f.content.as_ref()).unwrap_or_else(|| FormField {
        name: "text".into(),
        required: false,
        clause: None,
        citation: format!("{} profile", profile.regulation.short_en),
    }));
    let rest = [
        ("category", f.category.as_ref()),
        ("event.date", f.event_date.as_ref()),
        ("event.time", f.event_time.as_ref()),
        ("event.place", f.event_place.as_ref()),
        ("contact.name", f.full_name.as_ref()),
        ("contact.phone", f.phone.as_ref()),
    ];
    fields.extend(rest.into_iter().filter_map(|(name, rule)| field(name, rule)));

    let sub = &profile.submission;
    let guests = sub.guests_may_submit.as_ref().map(FormRule::of).or_else(|| {
        sub.account_required.as_ref().map(|r| FormRule { value: !r.value, clause: r.clause.clone(), citation: r.citation() })
    });
    let att = &profile.attachments;
    let pubr = &profile.publicity;
    Form {
        profile: profile.id.clone(),
        municipality_ru: profile.municipality.name_ru.clone(),
        regulation_ru: profile.regulation.short_ru.clone(),
        regulation_en: profile.regulation.short_en.clone(),
        act_ru: profile.regulation.act_ru.clone(),
        zone: profile.municipality.zone.clone(),
        language: profile.language.required.as_ref().map(FormRule::of),
        author: FormAuthor {
            guests_may_submit: guests,
            esia_required: sub.esia_required.as_ref().map(FormRule::of),
            esia_own_behalf_only: sub.esia_own_behalf_only.as_ref().map(FormRule::of),
        },
        fields,
        categories: tree(profile),
        attachments: FormAttachments {
            accept: att.media_types.as_ref().map_or_else(String::new, |r| accept(&r.value)),
            media_types: att.media_types.as_ref().map(FormRule::of),
            max_count: att.max_count.as_ref().map(FormRule::of),
            max_total_bytes: att.max_total_bytes.as_ref().map(FormRule::of),
            editing_forbidden: att.editing_forbidden.as_ref().map(FormRule::of),
        },
        public: FormPublic {
            user_chooses: pubr.user_chooses.as_ref().map(FormRule::of),
            default_public: pubr.default.as_ref().is_none_or(|d| d.value == Visibility::Public),
            default: pubr.default.as_ref().map(FormRule::of),
            personal_data_non_public: pubr.personal_data.as_ref().map(|r| FormRule {
                value: r.value == DataRule::NonPublic,
                clause: r.clause.clone(),
                citation: r.citation(),
            }),
        },
    }
}

/// The categories, each parent followed by its children, in the profile's order.
fn tree(profile: &Profile) -> Vec<FormCategory> {
    fn walk(profile: &Profile, parent: Option<&str>, depth: u32, out: &mut Vec<FormCategory>) {
        for c in profile.categories.iter().filter(|c| c.parent.as_deref() == parent) {
            // A cycle cannot pass the profile loader; the guard keeps a hand-made profile finite.
            if out.iter().any(|o| o.id == c.id) {
                continue;
            }
            out.push(FormCategory { id: c.id.clone(), parent: c.parent.clone(), depth, name_ru: c.name_ru.clone(), name_en: c.name_en.clone() });
            walk(profile, Some(&c.id), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(profile, None, 0, &mut out);
    // A category whose parent is not in the list still belongs in the form.
    for c in &profile.categories {
        if !out.iter().any(|o| o.id == c.id) {
            out.push(FormCategory { id: c.id.clone(), parent: c.parent.clone(), depth: 0, name_ru: c.name_ru.clone(), name_en: c.name_en.clone() });
        }
    }
    out
}

/// A file picker's `accept` list: media types as given, extensions with a leading dot, and for
/// the image formats regulations name the usual extensions of the same format (validation
/// accepts a file by either).
fn accept(allowed: &[String]) -> String {
    let mut items: Vec<String> = Vec::new();
    let mut add = |s: String| {
        if !items.contains(&s) {
            items.push(s);
        }
    };
    for a in allowed {
        let a = a.trim().to_ascii_lowercase();
        let ext = if a.contains('/') {
            add(a.clone());
            a.rsplit('/').next().unwrap_or_default().to_string()
        } else {
            a.trim_start_matches("*.").trim_start_matches('.').to_string()
        };
        match ext.as_str() {
            "jpg" | "jpeg" | "pjpeg" => ["jpg", "jpeg"].into_iter().for_each(|e| add(format!(".{e}"))),
            "tif" | "tiff" | "x-tiff" => ["tif", "tiff"].into_iter().for_each(|e| add(format!(".{e}"))),
            "png" | "x-png" => add(".png".into()),
            _ if !a.contains('/') => add(format!(".{ext}")),
            _ => {}
        }
    }
    items.join(",")
}

#[cfg(all(test, feature = "builtin-rules"))]
mod tests {
    use super::*;
    use crate::message::{Message, HistoryEntry};

    fn names(form: &Form) -> Vec<&str> {
        form.fields.iter().filter(|f| f.required).map(|f| f.name.as_str()).collect()
    }

    #[test]
    fn essentuki_asks_for_what_clause_17_and_19_require() {
        let form = describe(&Profile::builtin("essentuki").unwrap());
        let req = names(&form);
        for f in ["category", "event.date", "event.time", "event.place"] {
            assert!(req.contains(&f), "{f} in {req:?}");
        }
        assert!(!form.categories.is_empty());
        assert_eq!(form.attachments.max_count.as_ref().map(|r| (r.value, r.clause.as_deref())), Some((5, Some("24"))));
        assert_eq!(form.attachments.accept, "image/jpeg,.jpg,.jpeg,image/png,.png,image/tiff,.tif,.tiff");
    }

    #[test]
    fn tynda_needs_esia() {
        let form = describe(&Profile::builtin("tynda").unwrap());
        assert_eq!(form.author.esia_required.as_ref().map(|r| r.value), Some(true));
        assert_eq!(form.author.guests_may_submit.as_ref().map(|r| r.value), Some(false));
    }

    /// A message that fills every required field of the form with a plausible value passes
    /// validation's field checks in every built-in profile: the form and validation agree.
    #[test]
    fn filling_the_form_clears_every_missing_field_finding() {
        for name in Profile::builtin_names() {
            let rules = crate::Rules::builtin(name).unwrap();
            let form = describe(rules.profile());
            let mut m: Message = serde_json::from_value(serde_json::json!({
                "sent_at": "2026-03-06T11:00:00+03:00",
                "text": "Во дворе дома не вывозят мусор третью неделю, прошу принять меры.",
                "author": {"kind": "user", "auth": "esia"},
            })).unwrap();
            for f in &form.fields {
                match f.name.as_str() {
                    "category" => m.category = form.categories.first().map(|c| c.id.clone()),
                    "event.date" => m.event.date = "2026-03-05".parse().ok(),
                    "event.time" => m.event.time = "10:30:00".parse().ok(),
                    "event.place" => m.event.place = Some("ул. Пушкина, 12".into()),
                    _ => {}
                }
            }
            let v = rules.validate(&m, &[] as &[HistoryEntry]).unwrap();
            let missing: Vec<_> = v.findings.iter().filter(|f| f.code.starts_with("missing_")).collect();
            assert!(missing.is_empty(), "{name}: {missing:?}");
            assert!(v.ok, "{name}: {:?}", v.findings);
        }
    }
}
