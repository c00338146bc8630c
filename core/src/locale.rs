//! Dates and weekdays written out in Russian and English for explanations.
//!
//! Explanations are read by citizens and officials («отправлено в субботу 7 марта»), so dates are
//! written the way people write them, not as ISO strings.

use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS_RU: [&str; 12] = [
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

fn weekday_ru(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "понедельник",
        Weekday::Tue => "вторник",
        Weekday::Wed => "среда",
        Weekday::Thu => "четверг",
        Weekday::Fri => "пятница",
        Weekday::Sat => "суббота",
        Weekday::Sun => "воскресенье",
    }
}

fn weekday_en(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// «суббота, 7 марта 2026»
pub fn date_ru(d: NaiveDate) -> String {
    let month = MONTHS_RU.get(d.month0() as usize).copied().unwrap_or("");
    format!("{}, {} {} {}", weekday_ru(d.weekday()), d.day(), month, d.year())
}

/// «7 марта 2026», for phrases where the weekday would need another grammatical case.
pub fn day_ru(d: NaiveDate) -> String {
    let month = MONTHS_RU.get(d.month0() as usize).copied().unwrap_or("");
    format!("{} {} {}", d.day(), month, d.year())
}

/// "Saturday 7 March 2026"
pub fn date_en(d: NaiveDate) -> String {
    let month = MONTHS_EN.get(d.month0() as usize).copied().unwrap_or("");
    format!("{} {} {} {}", weekday_en(d.weekday()), d.day(), month, d.year())
}

/// Russian noun form for a count: 1 день, 2 дня, 5 дней.
pub fn plural_ru<'a>(n: i64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let n = n.unsigned_abs();
    let (m10, m100) = (n % 10, n % 100);
    if m10 == 1 && m100 != 11 {
        one
    } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
        few
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(date_ru(d), "суббота, 7 марта 2026");
        assert_eq!(date_en(d), "Saturday 7 March 2026");
        assert_eq!(plural_ru(21, "день", "дня", "дней"), "день");
        assert_eq!(plural_ru(12, "день", "дня", "дней"), "дней");
        assert_eq!(plural_ru(3, "день", "дня", "дней"), "дня");
    }
}
