//! The text detectors alone: `scan` on a typical message and a long one, and `fingerprint`.
//! Results are written down in `docs/detectors.md` ("Speed").
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use reglament::detect::{fingerprint, normalize_for_fingerprint, scan};

/// A citizen's message: street, house number, a phone, a date, ordinary Russian prose.
const MESSAGE: &str = "Здравствуйте! Во дворе дома 12 на улице Пушкина третью неделю не вывозят мусор, \
    контейнеры переполнены, вокруг бегают бродячие собаки, дети не могут пройти к площадке. \
    Звонили в управляющую компанию 03.03.2026 по телефону 8 (34342) 2-12-34, ответа нет. \
    Прошу принять меры и сообщить о результатах. Мой телефон для связи: +7 912 345-67-89. \
    С уважением, Иванова Мария Петровна, кв. 45. ";

/// `MESSAGE` repeated and cut to `chars` characters.
fn text(chars: usize) -> String {
    MESSAGE.chars().cycle().take(chars).collect()
}

fn detect(c: &mut Criterion) {
    let typical = text(500);
    let long = text(10_000);
    c.bench_function("scan, typical (500 chars)", |b| b.iter(|| scan(black_box(&typical))));
    c.bench_function("scan, long (10,000 chars)", |b| b.iter(|| scan(black_box(&long))));
    c.bench_function("fingerprint, typical (500 chars)", |b| b.iter(|| fingerprint(black_box(&typical))));
    c.bench_function("normalize_for_fingerprint, typical (500 chars)", |b| {
        b.iter(|| normalize_for_fingerprint(black_box(&typical)))
    });
}

criterion_group!(benches, detect);
criterion_main!(benches);
