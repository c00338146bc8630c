//! An answer's text that promises a solution without an exact date (Mikhailovka 4.2: «не
//! допускается давать ответы о том, что вопрос будет решен, без указания точных сроков»).
//!
//! The portal's `promise` flag says so when the executor ticks it; the text says so too, and
//! answers are published, so the text is read as well: a promise phrase («будет устранено», «в
//! ближайшее время», «по мере финансирования») with no date in the text and no planned date is
//! refused. A date is a numeric date (`15.04.2026`, `15.04`), a day with a month name («15
//! апреля») or a month name with a year («в мае 2026 года»). The phrases are matched on the
//! lowercased text, `ё` as `е`.

/// Phrases that promise a solution, lowercased, `ё` as `е`.
const PROMISES: &[&str] = &[
    "будет решен",
    "будут решены",
    "будет устранен",
    "будут устранены",
    "будет выполнен",
    "будут выполнены",
    "будет отремонтирован",
    "будут отремонтированы",
    "будет произведен",
    "будут произведены",
    "будет проведен",
    "будут проведены",
    "будет восстановлен",
    "будут восстановлены",
    "будет заменен",
    "будут заменены",
    "будет установлен",
    "будут установлены",
    "планируется",
    "запланирован",
    "в ближайшее время",
    "по мере финансирования",
    "при наличии финансирования",
    "по мере поступления финансирования",
    "в порядке очередности",
];

/// Month names as they follow a day («15 апреля») or precede a year («в мае 2026»), as stems.
const MONTHS: &[&str] = &[
    "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
];

/// The promise phrase of an answer text that gives no date, if it has one.
pub(crate) fn undated_promise(text: &str) -> Option<&'static str> {
    let t: String = text.to_lowercase().replace('ё', "е");
    let phrase = PROMISES.iter().find(|p| t.contains(**p))?;
    (!has_date(&t)).then_some(*phrase)
}

/// Whether a lowercased text names a date: `d.m`, `d.m.y`, a day and a month name, or a month
/// name and a year.
fn has_date(t: &str) -> bool {
    let words: Vec<&str> = t.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|w| !w.is_empty()).collect();
    let is_day = |w: &str| w.len() <= 2 && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let is_year = |w: &str| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (2000..=2100).contains(&y));
    let is_month = |w: &str| {
        MONTHS.iter().any(|m| {
            // «ма» alone would match too much: May is «мая», «мае», «май».
            if *m == "ма" { matches!(w, "мая" | "мае" | "май") } else { w.starts_with(m) }
        })
    };
    let numeric = |w: &str| {
        let parts: Vec<&str> = w.trim_matches('.').split('.').collect();
        matches!(parts.as_slice(), [d, m] | [d, m, _] if is_day(d) && m.len() <= 2 && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)))
    };
    words.iter().any(|w| numeric(w))
        || words.windows(2).any(|p| match p {
            [a, b] => {
                let (a, b) = (a.trim_matches('.'), b.trim_matches('.'));
                (is_day(a) && is_month(b)) || (is_month(a) && is_year(b))
            }
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_promise_without_a_date_is_found() {
        assert_eq!(undated_promise("Освещение будет восстановлено в ближайшее время."), Some("будет восстановлен"));
        assert_eq!(undated_promise("Ремонт дороги планируется по мере финансирования"), Some("планируется"));
    }

    #[test]
    fn a_promise_with_a_date_or_no_promise_is_not() {
        assert_eq!(undated_promise("Освещение будет восстановлено до 15.04.2026"), None);
        assert_eq!(undated_promise("Яма будет устранена до 20 мая."), None);
        assert_eq!(undated_promise("Ремонт запланирован на июль 2026 года"), None);
        assert_eq!(undated_promise("Освещение восстановлено, фото прилагается"), None);
    }
}
