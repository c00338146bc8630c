//! The shipped regional calendar layers against the public sources vendored in
//! `tests/calendar-sources/` (see its README for each source's origin and licence).
//!
//! Why: a regional day off is a legal fact, and a wrong one silently moves every deadline in
//! that region by a day. So every non-provisional regional day off in a layer must be confirmed
//! by at least two independent sources, and every day off a source claims for a region must be
//! in that region's layer. Where a source and the layer disagree for a documented reason, the
//! disagreement is listed in `EXCEPTIONS` with that reason; an exception that no longer matches
//! anything fails the test too, so the list cannot rot.
//!
//! Table-driven: a region is checked when it has a row in `REGIONS`; a source is a folder under
//! `tests/calendar-sources/` read by one of the readers below. To add a region, add its layer
//! file, its row, its source rows (a `pages/ru-xx.tsv` file, entries in another source) and any
//! exceptions.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use reglament::calendar::{AppliesTo, Layer};
use reglament::{Calendar, CalendarOptions, DayKind};

/// One checked region: the layer id (= its file name without `.toml`).
struct Region {
    id: &'static str,
}

/// Every regional layer that is cross-checked. A layer file without a row here fails
/// `every_regional_layer_is_in_the_table`.
const REGIONS: &[Region] = &[
    Region { id: "ru-ad" },
    Region { id: "ru-ce" },
    Region { id: "ru-da" },
    Region { id: "ru-in" },
    Region { id: "ru-kb" },
    Region { id: "ru-kc" },
    Region { id: "ru-kl" },
    Region { id: "ru-se" },
    Region { id: "ru-kda" },
    Region { id: "ru-cr" },
    Region { id: "ru-sev" },
    Region { id: "ru-al" },
    Region { id: "ru-ba" },
    Region { id: "ru-bry" },
    Region { id: "ru-bu" },
    Region { id: "ru-cu" },
    Region { id: "ru-ko" },
    Region { id: "ru-ore" },
    Region { id: "ru-pnz" },
    Region { id: "ru-sa" },
    Region { id: "ru-sar" },
    Region { id: "ru-ty" },
    Region { id: "ru-zab" },
    Region { id: "ru-irk" },
];

/// What kind of disagreement an exception allows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Allow {
    /// The source claims a day off the layer does not have.
    NotInLayer,
    /// The layer has a non-provisional day off with fewer than two confirming sources.
    SingleSource,
}

/// A documented disagreement between the shipped data and a source.
struct Exception {
    region: &'static str,
    /// The source folder (`grafov-russian-holidays`, `pages`), or `*` for `SingleSource`.
    source: &'static str,
    /// `YYYY-MM-DD`; `MM-DD` for that day of every year; `YYYY` or `YYYY-MM` for every day of
    /// that year or month.
    date: &'static str,
    allow: Allow,
    reason: &'static str,
}

/// Documented disagreements. Each says why the layer is right and the source is not (or why
/// a second source could not be had); `docs/calendar-regions.md` gives the detail.
const EXCEPTIONS: &[Exception] = &[
    Exception {
        region: "ru-ad",
        source: "*",
        date: "2020-07-31",
        allow: Allow::SingleSource,
        reason: "Kurban-bayram 2020: one press report of the Head's decree of 28.07.2020 (yuga.ru) found",
    },
    Exception {
        region: "ru-ad",
        source: "*",
        date: "2021",
        allow: Allow::SingleSource,
        reason: "2021: Radonitsa 11.05 and Uraza-bayram 13.05 rest on one press round-up (spektr.press, after RBC)",
    },
    Exception {
        region: "ru-ad",
        source: "*",
        date: "2023-10-06",
        allow: Allow::SingleSource,
        reason: "2023 decree transfer Sun 01.10 -> Fri 06.10: one press report (iarex.ru) quoting the Adygea Ministry of Labour",
    },
    Exception {
        region: "ru-ad",
        source: "*",
        date: "2025",
        allow: Allow::SingleSource,
        reason: "2025 decree (Radonitsa 29.04, Kurban-bayram 06.06, transfer 26.04 -> 30.04, 05.10 -> 06.10): one report of the decree text (adigeatoday.ru); Uraza-bayram 30.03/31.03 has two",
    },
    Exception {
        region: "ru-ad",
        source: "*",
        date: "2026",
        allow: Allow::SingleSource,
        reason: "2026 decree (20.03, 21.04, 27.05): one report of the decree (29ru.net)",
    },
    Exception {
        region: "ru-ad",
        source: "*",
        date: "2022",
        allow: Allow::SingleSource,
        reason: "2022: Uraza-bayram 02.05 and Radonitsa 03.05, moved by the law to 04.05 and 05.05, rest on one press report (kavkaz-uzel)",
    },
    Exception {
        region: "ru-ce",
        source: "grafov-russian-holidays",
        date: "03-23",
        allow: Allow::NotInLayer,
        reason: "День Конституции Чеченской Республики is a regional holiday; no act making it a non-working day was found",
    },
    Exception {
        region: "ru-ce",
        source: "grafov-russian-holidays",
        date: "04-16",
        allow: Allow::NotInLayer,
        reason: "День мира (16 April) was made an annual «праздничный день» by the Head's decree of 2009; no act making it a non-working day was found",
    },
    Exception {
        region: "ru-ce",
        source: "pages",
        date: "2020-05-12",
        allow: Allow::NotInLayer,
        reason: "checheninfo.ru/290616 quotes «12, 13 и 14 мая 2020 года»: a misdated copy of the 2021 decree (Uraza-bayram 2020 was 24 May; the 2020 days off were 23-26 May)",
    },
    Exception {
        region: "ru-ce",
        source: "pages",
        date: "2020-05-13",
        allow: Allow::NotInLayer,
        reason: "as 2020-05-12: misdated copy of the 2021 decree",
    },
    Exception {
        region: "ru-ce",
        source: "pages",
        date: "2020-05-14",
        allow: Allow::NotInLayer,
        reason: "as 2020-05-12: misdated copy of the 2021 decree",
    },
    Exception {
        region: "ru-ce",
        source: "*",
        date: "2020",
        allow: Allow::SingleSource,
        reason: "2020 Uraza-bayram days 24-26.05: one report (ria24, quoting the Chechen Interior Ministry); the decree text was not found",
    },
    Exception {
        region: "ru-ce",
        source: "*",
        date: "2022-05-04",
        allow: Allow::SingleSource,
        reason: "2022 Uraza-bayram day off 04.05: one report quoting the decree (kavkaz-uzel)",
    },
    Exception {
        region: "ru-ce",
        source: "*",
        date: "2025-06",
        allow: Allow::SingleSource,
        reason: "2025 Kurban-bayram days 06-08.06: one report of the decree (newdosh.media)",
    },
    Exception {
        region: "ru-da",
        source: "*",
        date: "2019",
        allow: Allow::SingleSource,
        reason: "2019: Uraza-bayram 05-07.06 (resolution No. 127 of 30.05.2019) and the move of 15.09 to 16.09 (resolution of 11.09.2019) each rest on one page (tarumovka.ru citing e-dag.ru; midag.ru)",
    },
    Exception {
        region: "ru-da",
        source: "*",
        date: "2020-05",
        allow: Allow::SingleSource,
        reason: "2020 Uraza-bayram days 25-26.05: one report of the resolution (riaderbent.ru)",
    },
    Exception {
        region: "ru-da",
        source: "*",
        date: "2020-07-27",
        allow: Allow::SingleSource,
        reason: "2020: 26.07 (Sunday) moved to 27.07: one report (mirmol.ru); the same rule is stated officially for 2015 and 2025",
    },
    Exception {
        region: "ru-da",
        source: "*",
        date: "2021-05",
        allow: Allow::SingleSource,
        reason: "2021 Uraza-bayram days 13-14.05: one report (regnum.ru)",
    },
    Exception {
        region: "ru-da",
        source: "*",
        date: "2021-07",
        allow: Allow::SingleSource,
        reason: "2021 Kurban-bayram: 19.07 for civil servants, 20.07 for all: one report (a copy of a RIA Novosti round-up)",
    },
    Exception {
        region: "ru-da",
        source: "*",
        date: "2022-05-04",
        allow: Allow::SingleSource,
        reason: "2022 Uraza-bayram day off 04.05: one report (rg.ru, after TASS)",
    },
    Exception {
        region: "ru-da",
        source: "*",
        date: "2024-06-17",
        allow: Allow::SingleSource,
        reason: "2024 Kurban-bayram day off 17.06: one report of the resolution of 11.06.2024 (dag.aif.ru)",
    },
    Exception {
        region: "ru-in",
        source: "*",
        date: "2020",
        allow: Allow::SingleSource,
        reason: "2020 Eid al-Adha day off 31.07: one report of the Head's decree (etokavkaz.ru, after TASS)",
    },
    Exception {
        region: "ru-in",
        source: "*",
        date: "2021",
        allow: Allow::SingleSource,
        reason: "2021 Eid days 12-14.05 and 19-21.07: one report each (regnum.ru; a copy of a RIA Novosti round-up)",
    },
    Exception {
        region: "ru-in",
        source: "*",
        date: "2023",
        allow: Allow::SingleSource,
        reason: "2023 Eid days 20-22.04 and 28-30.06: one report each (ortho-rus.ru after RBC Kavkaz; ingush.info)",
    },
    Exception {
        region: "ru-in",
        source: "*",
        date: "2024",
        allow: Allow::SingleSource,
        reason: "2024 Eid days 10-12.04 and 17.06: one report each (dzen.ru round-up; magas-gid.ru)",
    },
    Exception {
        region: "ru-in",
        source: "*",
        date: "2025",
        allow: Allow::SingleSource,
        reason: "2025 Eid al-Fitr days 31.03-01.04: one report (stv-kray.ru)",
    },
    Exception {
        region: "ru-kb",
        source: "grafov-russian-holidays",
        date: "05-21",
        allow: Allow::NotInLayer,
        reason: "День памяти адыгов (черкесов) is a day of mourning in Kabardino-Balkaria; no act making it a non-working day was found",
    },
    Exception {
        region: "ru-kb",
        source: "grafov-russian-holidays",
        date: "09-20",
        allow: Allow::NotInLayer,
        reason: "День адыгов (черкесов) is a regional holiday in Kabardino-Balkaria; no act making it a non-working day was found",
    },
    Exception {
        region: "ru-kb",
        source: "*",
        date: "2019-12-31",
        allow: Allow::SingleSource,
        reason: "2019: 31.12 off and Saturday 28.12 working by the Head's decree: one report (ren.tv)",
    },
    Exception {
        region: "ru-kb",
        source: "*",
        date: "2020-12-31",
        allow: Allow::SingleSource,
        reason: "2020: 31.12 off for civil servants, Saturday 26.12 working: one report (RBC)",
    },
    Exception {
        region: "ru-kb",
        source: "*",
        date: "2025",
        allow: Allow::SingleSource,
        reason: "2025 Uraza-bayram 31.03 and Kurban-bayram 06.06: one report quoting each decree (stv-kray.ru; etokavkaz.ru)",
    },
    Exception {
        region: "ru-kc",
        source: "grafov-russian-holidays",
        date: "07-03",
        allow: Allow::NotInLayer,
        reason: "День единения народов КЧР is a regional holiday; no act making it a non-working day was found",
    },
    Exception {
        region: "ru-kc",
        source: "grafov-russian-holidays",
        date: "09-07",
        allow: Allow::NotInLayer,
        reason: "День образования КЧР was declared non-working by one-off decrees (2015 jubilee); no decree for 2019-2027 was found",
    },
    Exception {
        region: "ru-kc",
        source: "*",
        date: "2020-05-25",
        allow: Allow::SingleSource,
        reason: "2020 Uraza-bayram day off 25.05: one report of the decree (denresp.ru)",
    },
    Exception {
        region: "ru-kc",
        source: "*",
        date: "2021-07-20",
        allow: Allow::SingleSource,
        reason: "2021 Kurban-bayram day off 20.07: one press round-up (alivahotel.ru)",
    },
    Exception {
        region: "ru-kc",
        source: "*",
        date: "2025-03-31",
        allow: Allow::SingleSource,
        reason: "2025 Uraza-bayram day off 31.03: one report (stav.aif.ru)",
    },
    Exception {
        region: "ru-kc",
        source: "*",
        date: "2025-04-28",
        allow: Allow::SingleSource,
        reason: "2025 Radonitsa day off, Monday 28.04: one report of the decree (lifelines)",
    },
    Exception {
        region: "ru-kl",
        source: "grafov-russian-holidays",
        date: "04-05",
        allow: Allow::NotInLayer,
        reason: "5 April (Steppe Code day) stopped being a non-working day from 2021 (it is a memorable date since); the layer has it for 2019-2020 only",
    },
    Exception {
        region: "ru-kl",
        source: "*",
        date: "2019",
        allow: Allow::SingleSource,
        reason: "2019: Tsagan Sar 05.02 (decree No. 6 of 22.01.2019, kalmykia-news.net) and 5 April (whlist.net, plus the 2017 Emacs list) rest on one page each",
    },
    Exception {
        region: "ru-kl",
        source: "*",
        date: "2022-06-14",
        allow: Allow::SingleSource,
        reason: "2022 Buddha's Birthday: the Consultant reference table (decree No. 104 of 03.06.2022) only",
    },
    Exception {
        region: "ru-kl",
        source: "*",
        date: "2022-12-18",
        allow: Allow::SingleSource,
        reason: "2022 Zul: the Consultant reference table (decree No. 251 of 05.12.2022) only",
    },
    Exception {
        region: "ru-kl",
        source: "*",
        date: "2023-06-04",
        allow: Allow::SingleSource,
        reason: "2023 Buddha's Birthday: the Consultant reference table (decree No. 87 of 11.05.2023) only",
    },
    Exception {
        region: "ru-kl",
        source: "*",
        date: "2023-12-07",
        allow: Allow::SingleSource,
        reason: "2023 Zul: the Consultant reference table (decree No. 212 of 17.11.2023) only",
    },
    Exception {
        region: "ru-kl",
        source: "*",
        date: "2024-02-12",
        allow: Allow::SingleSource,
        reason: "2024: Tsagan Sar (Saturday 10.02) moved to Monday 12.02 under the law: one report (elista.org)",
    },
    Exception {
        region: "ru-kl",
        source: "*",
        date: "2025-02-28",
        allow: Allow::SingleSource,
        reason: "2025 Tsagan Sar: one report of decree No. 45 of 19.02.2025 (ddt-elista.ru)",
    },
    Exception {
        region: "ru-se",
        source: "*",
        date: "2019",
        allow: Allow::SingleSource,
        reason: "Dzheorguyba Monday 2019: the date follows from Law No. 61-RZ's rule (law text, docs.cntd.ru); no yearly report was found",
    },
    Exception {
        region: "ru-se",
        source: "*",
        date: "2020",
        allow: Allow::SingleSource,
        reason: "as 2019: date from the law's rule only",
    },
    Exception {
        region: "ru-se",
        source: "*",
        date: "2021",
        allow: Allow::SingleSource,
        reason: "as 2019: date from the law's rule only",
    },
    Exception {
        region: "ru-se",
        source: "*",
        date: "2023",
        allow: Allow::SingleSource,
        reason: "as 2019: date from the law's rule only",
    },
    Exception {
        region: "ru-se",
        source: "*",
        date: "2024",
        allow: Allow::SingleSource,
        reason: "as 2019: date from the law's rule only",
    },
    Exception {
        region: "ru-se",
        source: "*",
        date: "2025",
        allow: Allow::SingleSource,
        reason: "as 2019: date from the law's rule only",
    },
    Exception {
        region: "ru-se",
        source: "*",
        date: "2026",
        allow: Allow::SingleSource,
        reason: "as 2019: date from the law's rule only",
    },
    Exception {
        region: "ru-se",
        source: "*",
        date: "2027",
        allow: Allow::SingleSource,
        reason: "as 2019: date from the law's rule only (the law needs no yearly act, so 2027 is not provisional)",
    },
    Exception {
        region: "ru-kda",
        source: "*",
        date: "2019-05-07",
        allow: Allow::SingleSource,
        reason: "2019 Radonitsa: one report of the Governor's resolution (bloknot-krasnodar.ru)",
    },
    Exception {
        region: "ru-kda",
        source: "*",
        date: "2026-04-21",
        allow: Allow::SingleSource,
        reason: "2026 Radonitsa: the date from the 2024-2053 law as reported by 24krasnodar.ru; no second report",
    },
    Exception {
        region: "ru-kda",
        source: "*",
        date: "2027-05-11",
        allow: Allow::SingleSource,
        reason: "2027 Radonitsa: the date from the 2024-2053 law as reported by 24krasnodar.ru; no second report",
    },
    Exception {
        region: "ru-cr",
        source: "*",
        date: "2021-07-20",
        allow: Allow::SingleSource,
        reason: "2021 Kurban-bayram day off 20.07: one press round-up (alivahotel.ru)",
    },
    Exception {
        region: "ru-cr",
        source: "*",
        date: "2023-04",
        allow: Allow::SingleSource,
        reason: "2023 decree (17.04, 21.04): one report (vz.ru after RIA Novosti)",
    },
    Exception {
        region: "ru-cr",
        source: "*",
        date: "2023-06",
        allow: Allow::SingleSource,
        reason: "2023 decree (05.06, 30.06): one report (vz.ru after RIA Novosti)",
    },
    Exception {
        region: "ru-ad",
        source: "*",
        date: "2019-06-05",
        allow: Allow::SingleSource,
        reason: "2019 Uraza-bayram 05.06 (order No. 141-rg of 31.05.2019): the ConsultantPlus reference table (copy at elcode.ru) only",
    },
    Exception {
        region: "ru-ad",
        source: "*",
        date: "2020-05-24",
        allow: Allow::SingleSource,
        reason: "2020 Uraza-bayram 24.05 (order No. 101-rg of 20.05.2020): the ConsultantPlus reference table (copy at elcode.ru) only",
    },
    Exception {
        region: "ru-al",
        source: "*",
        date: "2019-02-09",
        allow: Allow::SingleSource,
        reason: "Chaga-Bayram 2019: one report of the Head's decree No. 7-u (zvezdaaltaya.ru)",
    },
    Exception {
        region: "ru-al",
        source: "*",
        date: "2025-02-08",
        allow: Allow::SingleSource,
        reason: "Chaga-Bayram 2025: one report of the Government's order (tolknews.ru, after «Новости Горного Алтая»)",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2019-06",
        allow: Allow::SingleSource,
        reason: "Uraza-bayram 04.06.2019: one report of the 2019 resolution (ufatime.ru)",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2019-08",
        allow: Allow::SingleSource,
        reason: "Kurban-bayram 11.08.2019: one report (ufatime.ru); its transfer to 12.08 follows the law's weekend rule (applied and reported in 2020, 2022, 2025, 2026), no report of 2019's found",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2020-10-12",
        allow: Allow::SingleSource,
        reason: "Day of the Republic 2020 on a Sunday: the transfer to 12.10 follows the law's weekend rule; no report of it found",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2020-05-25",
        allow: Allow::SingleSource,
        reason: "transfer of Uraza-bayram 2020 to 25.05: one report (gtrkrb.ru)",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2020-07-31",
        allow: Allow::SingleSource,
        reason: "Kurban-bayram 2020: one report of the resolution (blvesti.ru)",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2021-05-13",
        allow: Allow::SingleSource,
        reason: "Uraza-bayram 2021: one report (belskazak.webnode.ru)",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2021-07-20",
        allow: Allow::SingleSource,
        reason: "Kurban-bayram 2021: one report of the Ministry of Labour's list (dzen.ru round-up)",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2022-05-04",
        allow: Allow::SingleSource,
        reason: "Uraza-bayram 02.05.2022 on a federal day off, moved to 04.05: one report (birsk-gp.ru)",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2022-07-11",
        allow: Allow::SingleSource,
        reason: "Kurban-bayram 09.07.2022 on a Saturday, moved to 11.07: one report (ufa1.ru)",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2024-06-17",
        allow: Allow::SingleSource,
        reason: "Kurban-bayram 16.06.2024 on a Sunday: the transfer to 17.06 follows the law's weekend rule; no report of it found",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2025-03-31",
        allow: Allow::SingleSource,
        reason: "Uraza-bayram 30.03.2025 on a Sunday, moved to 31.03: one report (prufy.ru)",
    },
    Exception {
        region: "ru-ba",
        source: "*",
        date: "2026-10-12",
        allow: Allow::SingleSource,
        reason: "Day of the Republic 11.10.2026 on a Sunday, moved to 12.10: one report (sobaka.ru)",
    },
    Exception {
        region: "ru-bry",
        source: "*",
        date: "2025-04-29",
        allow: Allow::SingleSource,
        reason: "Radonitsa 2025: one report of the governor's decree (novostibryanskom.ru)",
    },
    Exception {
        region: "ru-bry",
        source: "*",
        date: "2026-04-21",
        allow: Allow::SingleSource,
        reason: "Radonitsa 2026: date-holidays (ConsultantPlus's regional list) only",
    },
    Exception {
        region: "ru-bu",
        source: "*",
        date: "2020-02",
        allow: Allow::SingleSource,
        reason: "Sagaalgan 24.02.2020 on a federal day off, moved to 25.02 by the Head's decree: one report (bur.aif.ru)",
    },
    Exception {
        region: "ru-bu",
        source: "*",
        date: "2024-02",
        allow: Allow::SingleSource,
        reason: "Sagaalgan 10.02.2024 and its transfer to 12.02: one report (baikal-daily.ru: Buryatia has 119 days off in 2024, one more than Russia, because of Sagaalgan); the date 10.02 is also Zabaykalsky's and Tyva's",
    },
    Exception {
        region: "ru-bu",
        source: "*",
        date: "2025-03",
        allow: Allow::SingleSource,
        reason: "Sagaalgan 01.03.2025 moved to 03.03 by the Head's decree: one report (newbur.ru); Zabaykalsky did the same",
    },
    Exception {
        region: "ru-sa",
        source: "*",
        date: "2019-04-29",
        allow: Allow::SingleSource,
        reason: "Day of the Republic 27.04.2019 on a Saturday: the transfer to 29.04 follows the law's weekend rule (Минтруд РС(Я), 2025); no report of 2019's found",
    },
    Exception {
        region: "ru-sa",
        source: "*",
        date: "2020-06-22",
        allow: Allow::SingleSource,
        reason: "Ysyakh 21.06.2020 on a Sunday: the transfer to 22.06 follows the law's weekend rule; no report of 2020's found",
    },
    Exception {
        region: "ru-sa",
        source: "*",
        date: "2026-06-22",
        allow: Allow::SingleSource,
        reason: "Ysyakh 21.06.2026 on a Sunday: the transfer to 22.06 follows the law's weekend rule; no report of 2026's found",
    },
    Exception {
        region: "ru-ore",
        source: "*",
        date: "2019-05-07",
        allow: Allow::SingleSource,
        reason: "Radonitsa 2019: one report of the acting governor's order of 30.04.2019 (buzuluk56.ru, after «Говорит Москва»)",
    },
    Exception {
        region: "ru-pnz",
        source: "*",
        date: "2022-05-04",
        allow: Allow::SingleSource,
        reason: "Radonitsa 03.05.2022 on a federal day off, moved to 04.05 by the law as amended on 11.02.2022: one report (penza.aif.ru)",
    },
    Exception {
        region: "ru-sar",
        source: "*",
        date: "2022-05-04",
        allow: Allow::SingleSource,
        reason: "Radonitsa 03.05.2022 on a federal day off, moved to 04.05 under the Labour Code as the law provides: one report (saratovnews.ru)",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2020-08-17",
        allow: Allow::SingleSource,
        reason: "Day of the Republic 15.08.2020 on a Saturday: the transfer to 17.08 follows the law's weekend rule (reported for 2015, 2021, 2023); no report of 2020's found",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2020-09-04",
        allow: Allow::SingleSource,
        reason: "Naadym 2020: one report of the Government resolution of 27.08.2020 No. 404 (tuvaonline.ru)",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2023-05-10",
        allow: Allow::SingleSource,
        reason: "Constitution Day 06.05.2023 on a Saturday, moved to 10.05: one report (tuvapravda.ru, quoting the Supreme Khural)",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2023-08-13",
        allow: Allow::SingleSource,
        reason: "Naadym 13.08.2023: one report of the Government's decision (anyiaktar.ru, in Tuvan)",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2023-08-14",
        allow: Allow::SingleSource,
        reason: "Naadym 13.08.2023 on a Sunday, moved to 14.08: one report (anyiaktar.ru, in Tuvan)",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2021-02-12",
        allow: Allow::SingleSource,
        reason: "Shagaa 2021: one report of the Supreme Khural resolution (tmgnews.ru)",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2022-02-02",
        allow: Allow::SingleSource,
        reason: "Shagaa 2022: one page quoting the Supreme Khural resolution of 10.12.2021 No. 1249 ПВХ-III (constuva.ru, after ConsultantPlus)",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2024-02-12",
        allow: Allow::SingleSource,
        reason: "Shagaa 10.02.2024 on a Saturday: the transfer to 12.02 follows the law's weekend rule; no report found",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2025-03-03",
        allow: Allow::SingleSource,
        reason: "Shagaa 01.03.2025 on a Saturday: the transfer to 03.03 follows the law's weekend rule (Buryatia and Zabaykalsky moved theirs to 03.03); no Tyva report found",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2025-07-18",
        allow: Allow::SingleSource,
        reason: "Naadym 2025: date-holidays (ConsultantPlus's regional list) only",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2026-05-08",
        allow: Allow::SingleSource,
        reason: "Constitution Day 2026 moved from 06.05 to 08.05: date-holidays (ConsultantPlus's regional list) only",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2026-07-24",
        allow: Allow::SingleSource,
        reason: "Naadym 2026: date-holidays (ConsultantPlus's regional list) only",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2026-08-17",
        allow: Allow::SingleSource,
        reason: "Day of the Republic 15.08.2026 on a Saturday: the transfer to 17.08 follows the law's weekend rule; no report found",
    },
    Exception {
        region: "ru-ty",
        source: "*",
        date: "2027-08-16",
        allow: Allow::SingleSource,
        reason: "Day of the Republic 15.08.2027 on a Sunday: the transfer to 16.08 follows the law's weekend rule",
    },
    Exception {
        region: "ru-zab",
        source: "*",
        date: "2020-02",
        allow: Allow::SingleSource,
        reason: "Sagaalgan 24.02.2020 on a federal day off, moved to 25.02: one report (chita.ru, quoting the krai's portal)",
    },
    Exception {
        region: "ru-zab",
        source: "*",
        date: "2021-02-12",
        allow: Allow::SingleSource,
        reason: "Sagaalgan 2021: one report (zabnews.ru)",
    },
    Exception {
        region: "ru-zab",
        source: "*",
        date: "2024-02-10",
        allow: Allow::SingleSource,
        reason: "Sagaalgan 10.02.2024: one report (zabnews.ru), which also says no extra day was given; the transfer to 12.02 is provisional",
    },
    Exception {
        region: "ru-zab",
        source: "*",
        date: "2026-02-18",
        allow: Allow::SingleSource,
        reason: "Sagaalgan 2026: date-holidays (ConsultantPlus's regional list) only; Buryatia and Tyva have the same date from their own acts",
    },
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load_layer(id: &str) -> Layer {
    let file = format!("rules/calendars/{id}.toml");
    let text = read(&repo().join(&file));
    Layer::from_toml(&text, &file).unwrap_or_else(|e| panic!("{file}: {e:?}"))
}

/// Every regional layer file (`ru-*.toml`) in `rules/calendars/`.
fn regional_layer_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(repo().join("rules/calendars"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            let id = name.strip_suffix(".toml")?.to_string();
            id.starts_with("ru-").then_some(id)
        })
        .collect();
    ids.sort();
    ids
}

/// A source's claim: `region` has a day off on `date`, said by `origin` (a host or a dataset
/// name: two claims with the same origin count as one source).
#[derive(Debug, Clone)]
struct Claim {
    source: &'static str,
    origin: String,
    region: String,
    date: NaiveDate,
    /// Where in the vendored file, for messages.
    at: String,
}

/// `grafov-russian-holidays`: an Emacs list of each republic's fixed-date holidays (2017),
/// expanded to every year of the layers' range. Block `russian-holidays-XX-holidays` is region
/// `ru-XX`, except where its doc string names another region (the file's Crimea block reuses
/// the name `ko`).
fn read_grafov(years: std::ops::RangeInclusive<i32>) -> Vec<Claim> {
    const SOURCE: &str = "grafov-russian-holidays";
    const BY_DOCSTRING: &[(&str, &str)] = &[("Republic of Crimea", "ru-cr"), ("Sebastopol", "ru-sev")];
    let path = repo().join("tests/calendar-sources").join(SOURCE).join("russian-holidays.el");
    let text = read(&path);
    let mut claims = Vec::new();
    for block in text.split("(defvar russian-holidays-").skip(1) {
        let Some(code) = block.split("-holidays").next() else { continue };
        // The federal list ("russian-holidays" itself) has no code: skip it.
        if code.contains(char::is_whitespace) || code.is_empty() {
            continue;
        }
        let body = block.split("\n\n").next().unwrap_or(block);
        let region = BY_DOCSTRING
            .iter()
            .find(|(needle, _)| body.contains(needle))
            .map_or_else(|| format!("ru-{code}"), |(_, r)| (*r).to_string());
        for fixed in body.split("(holiday-fixed ").skip(1) {
            let mut nums = fixed.split_whitespace();
            let month: u32 = nums.next().unwrap().parse().unwrap();
            let day: u32 = nums.next().unwrap().parse().unwrap();
            for y in years.clone() {
                claims.push(Claim {
                    source: SOURCE,
                    origin: SOURCE.to_string(),
                    region: region.clone(),
                    date: NaiveDate::from_ymd_opt(y, month, day).unwrap(),
                    at: format!("{SOURCE}/russian-holidays.el ({region} {month:02}-{day:02})"),
                });
            }
        }
    }
    claims
}

/// `pages`: per-region TSV files of statements read on public pages (acts, official sites,
/// press), one day off a line: `region<TAB>date<TAB>url<TAB>excerpt`. The url's host is the
/// origin: pages of one site count as one source.
fn read_pages() -> Vec<Claim> {
    const SOURCE: &str = "pages";
    let dir = repo().join("tests/calendar-sources").join(SOURCE);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut claims = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for (n, line) in read(&path).lines().enumerate() {
            let at = format!("{SOURCE}/{name}:{}", n + 1);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "{at}: want region, date, url, excerpt separated by tabs");
            let date = NaiveDate::parse_from_str(cols[1], "%Y-%m-%d").unwrap_or_else(|e| panic!("{at}: {e}"));
            let host = cols[2]
                .split("://")
                .nth(1)
                .and_then(|rest| rest.split('/').next())
                .unwrap_or_else(|| panic!("{at}: url without a host"))
                .trim_start_matches("www.")
                .to_string();
            assert!(!cols[3].trim().is_empty(), "{at}: the excerpt is what the page says; it may not be empty");
            claims.push(Claim { source: SOURCE, origin: host, region: cols[0].to_string(), date, at });
        }
    }
    claims
}

fn all_claims() -> Vec<Claim> {
    let mut claims = read_grafov(2019..=2027);
    claims.extend(read_pages());
    claims
}

/// The days a layer makes non-working on its own (regional holidays and their transfers), and
/// whether each is provisional.
fn layer_days_off(layer: &Layer) -> BTreeMap<NaiveDate, bool> {
    layer
        .days
        .iter()
        .filter(|d| matches!(d.kind, DayKind::RegionalOff | DayKind::TransferOff | DayKind::Holiday))
        .map(|d| (d.date, d.provisional))
        .collect()
}

fn matches_date(pattern: &str, date: NaiveDate) -> bool {
    if pattern.len() == 4 || pattern.len() == 7 {
        date.to_string().starts_with(pattern)
    } else if pattern.len() == 5 {
        format!("{:02}-{:02}", date.month(), date.day()) == pattern
    } else {
        date.to_string() == pattern
    }
}

fn exception_for(region: &str, source: &str, date: NaiveDate, allow: Allow) -> Option<usize> {
    EXCEPTIONS.iter().position(|e| {
        e.region == region && e.allow == allow && (e.source == source || e.source == "*") && matches_date(e.date, date)
    })
}

#[test]
fn every_layer_file_parses_and_stacks_on_ru() {
    let ru = load_layer("ru");
    for id in regional_layer_ids() {
        let layer = load_layer(&id);
        assert_eq!(layer.id, id, "rules/calendars/{id}.toml: `id` must equal the file name");
        assert_eq!(layer.extends.as_deref(), Some("ru"), "{id}: a regional layer extends `ru`");
        assert_eq!((layer.covers.from, layer.covers.to), (2019, 2027), "{id}: covers 2019..=2027");
        for day in &layer.days {
            assert!(
                day.note_ru.is_some() && day.note_en.is_some(),
                "{id} {}: every day says what it is in Russian and English",
                day.date
            );
        }
        for src in &layer.sources {
            assert!(!src.title_ru.trim().is_empty(), "{id}: source {} has no title", src.id);
        }
        Calendar::from_layers(vec![ru.clone(), layer], CalendarOptions::default())
            .unwrap_or_else(|e| panic!("{id} does not stack on ru: {e:?}"));
    }
}

#[test]
fn every_regional_layer_is_in_the_table() {
    let table: BTreeSet<&str> = REGIONS.iter().map(|r| r.id).collect();
    for id in regional_layer_ids() {
        // Tatarstan and Stavropol are checked in tests/calendar.rs and by the engine's own tests.
        if id == "ru-ta" || id == "ru-sta" {
            continue;
        }
        assert!(table.contains(id.as_str()), "rules/calendars/{id}.toml has no row in REGIONS");
    }
}

/// Every day off a source claims for a checked region is a day off in that region's layer,
/// unless an exception explains why not.
#[test]
fn every_source_claim_is_in_the_layer() {
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    let claims = all_claims();
    for region in REGIONS {
        let layer = load_layer(region.id);
        let days = layer_days_off(&layer);
        for claim in claims.iter().filter(|c| c.region == region.id) {
            match days.get(&claim.date) {
                Some(true) if claim.source == "pages" => problems.push(format!(
                    "{}: {} {} is confirmed by a page but the layer marks it provisional",
                    claim.at, region.id, claim.date
                )),
                Some(_) => {}
                None => match exception_for(region.id, claim.source, claim.date, Allow::NotInLayer) {
                    Some(i) => {
                        used.insert(i);
                    }
                    None => problems.push(format!(
                        "{}: the source says {} is a day off in {}, the layer does not have it",
                        claim.at, claim.date, region.id
                    )),
                },
            }
        }
    }
    for (i, e) in EXCEPTIONS.iter().enumerate() {
        if e.allow == Allow::NotInLayer && !used.contains(&i) {
            problems.push(format!("unused exception: {} {} {} ({})", e.region, e.source, e.date, e.reason));
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

/// Every non-provisional day off in a checked layer is confirmed by at least two independent
/// sources (distinct origins), region by region and year by year, unless an exception says why
/// only one could be had.
#[test]
fn every_layer_day_has_two_sources() {
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    let claims = all_claims();
    let mut per_year: BTreeMap<(&str, i32), (usize, usize)> = BTreeMap::new();
    for region in REGIONS {
        let layer = load_layer(region.id);
        for (date, provisional) in layer_days_off(&layer) {
            if provisional {
                continue;
            }
            let origins: BTreeSet<&str> = claims
                .iter()
                .filter(|c| c.region == region.id && c.date == date)
                .map(|c| c.origin.as_str())
                .collect();
            let tally = per_year.entry((region.id, date.year())).or_default();
            tally.0 += 1;
            if origins.len() >= 2 {
                tally.1 += 1;
                continue;
            }
            match exception_for(region.id, "*", date, Allow::SingleSource) {
                Some(i) => {
                    used.insert(i);
                }
                None => problems.push(format!(
                    "{} {date}: confirmed by {} source(s) {:?}; want two (add a vendored source or a documented exception)",
                    region.id,
                    origins.len(),
                    origins
                )),
            }
        }
    }
    for (i, e) in EXCEPTIONS.iter().enumerate() {
        if e.allow == Allow::SingleSource && !used.contains(&i) {
            problems.push(format!("unused exception: {} {} ({})", e.region, e.date, e.reason));
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
    assert!(!per_year.is_empty(), "no regional day was checked at all");
}

/// The scope names `docs/calendar-regions.md` uses for `applies_to`.
fn scope_name(scope: AppliesTo) -> &'static str {
    match scope {
        AppliesTo::Everyone => "everyone",
        AppliesTo::StateAndMunicipalBodies => "state_and_municipal_bodies",
        AppliesTo::StateBodies => "state_bodies",
    }
}

/// The per-region summary table in `docs/calendar.md` (§8) states, for each
/// checked layer, how many days off it has, how many are provisional and whom they apply to.
/// Why: a reader choosing a layer trusts that table; it must not drift from the files.
#[test]
fn summary_table_matches_the_layers() {
    let file = "docs/calendar.md";
    let text = read(&repo().join(file));
    let mut rows = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if !line.starts_with("| `ru-") {
            continue;
        }
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        assert!(cols.len() >= 9, "{file}:{}: a summary row has 8 columns", n + 1);
        let id = cols[1].trim_matches('`').to_string();
        let count = |i: usize| -> usize {
            cols[i].parse().unwrap_or_else(|_| panic!("{file}:{}: column {i} is not a number", n + 1))
        };
        let scopes: BTreeSet<String> = cols[6].split(',').map(|s| s.trim().trim_matches('`').to_string()).collect();
        assert!(rows.insert(id.clone(), (count(4), count(5), scopes, n + 1)).is_none(), "{file}: {id} has two rows");
    }
    let mut problems = Vec::new();
    for region in REGIONS {
        let Some((days_off, provisional, scopes, line)) = rows.remove(region.id) else {
            problems.push(format!("{file}: no summary row for {}", region.id));
            continue;
        };
        let layer = load_layer(region.id);
        let own: Vec<&reglament::calendar::DayEntry> = layer
            .days
            .iter()
            .filter(|d| matches!(d.kind, DayKind::RegionalOff | DayKind::TransferOff | DayKind::Holiday))
            .collect();
        let want_provisional = own.iter().filter(|d| d.provisional).count();
        let want_scopes: BTreeSet<String> = own.iter().map(|d| scope_name(d.applies_to).to_string()).collect();
        if (days_off, provisional) != (own.len(), want_provisional) {
            problems.push(format!(
                "{file}:{line}: {} says {days_off} days off, {provisional} provisional; the layer has {}, {}",
                region.id,
                own.len(),
                want_provisional
            ));
        }
        if scopes != want_scopes {
            problems.push(format!("{file}:{line}: {} says applies_to {scopes:?}; the layer has {want_scopes:?}", region.id));
        }
    }
    for id in rows.keys() {
        problems.push(format!("{file}: summary row for {id}, which is not a checked region"));
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

/// Orthodox Easter (Gregorian date) of `year`, 1900–2099: Meeus's Julian computus plus the
/// 13 days between the calendars in that range.
fn orthodox_easter(year: i32) -> NaiveDate {
    let (a, b, c) = (year % 4, year % 7, year % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("a valid Easter date");
    julian + chrono::Days::new(13)
}

/// Regions whose yearly act gives Радоница's day off on the Monday before the Tuesday feast.
const RADONITSA_ON_MONDAY: &[(&str, &str)] = &[(
    "ru-kc",
    "the Head's decrees give the Monday (28.04.2025 reported; 2013 likewise); the other years are provisional",
)];

/// The Tatarstan layer's dates of a Muslim feast (`Uraza` or `Kurban` in the note), by year:
/// the decree-fixed reference the other layers' feast days are checked against.
fn tatarstan_feast(word: &str) -> BTreeMap<i32, NaiveDate> {
    load_layer("ru-ta")
        .days
        .iter()
        .filter(|d| d.kind == DayKind::RegionalOff && d.note_en.as_deref().unwrap_or("").contains(word))
        .map(|d| (d.date.year(), d.date))
        .collect()
}

/// A movable day off lies where its feast is: Радоница on the Tuesday nine days after Orthodox
/// Easter (or the Monday before, where the region's act says so), Ураза-байрам and Курбан-байрам
/// from the day before to three days after the feast as Tatarstan's decree fixes it.
/// Why: a mistyped or mis-yeared date in a layer moves deadlines silently; this catches it
/// even where the sources are thin.
#[test]
fn movable_days_lie_on_their_feasts() {
    let fitr = tatarstan_feast("Uraza");
    let adha = tatarstan_feast("Kurban");
    let mut problems = Vec::new();
    let mut checked = 0;
    for region in REGIONS {
        let layer = load_layer(region.id);
        for d in layer.days.iter().filter(|d| d.kind == DayKind::RegionalOff) {
            let note = d.note_en.as_deref().unwrap_or("");
            let year = d.date.year();
            if note.contains("Radonitsa") {
                checked += 1;
                let tuesday = orthodox_easter(year) + chrono::Days::new(9);
                let monday_region = RADONITSA_ON_MONDAY.iter().any(|(r, _)| *r == region.id);
                let want = if monday_region { tuesday - chrono::Days::new(1) } else { tuesday };
                if d.date != want {
                    problems.push(format!("{} {}: Radonitsa is {want} that year", region.id, d.date));
                }
            } else {
                let feast = if ["Uraza", "Oraza", "Eid al-Fitr"].iter().any(|w| note.contains(w)) {
                    fitr.get(&year)
                } else if ["Kurban", "Eid al-Adha"].iter().any(|w| note.contains(w)) {
                    adha.get(&year)
                } else {
                    continue;
                };
                checked += 1;
                let Some(feast) = feast else {
                    problems.push(format!("{} {}: ru-ta has no such feast in {year}", region.id, d.date));
                    continue;
                };
                let offset = (d.date - *feast).num_days();
                if !(-1..=3).contains(&offset) {
                    problems.push(format!("{} {}: {offset} days from the feast ({feast})", region.id, d.date));
                }
            }
        }
    }
    assert!(checked >= 240, "only {checked} movable days recognised: the notes changed?");
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}
