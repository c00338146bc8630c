//! validate, route and plan on a typical message and a long one; profile loading.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use reglament::{Message, Profile, Rules};
use serde_json::json;

fn message(text_len: usize, category: Option<&str>) -> Message {
    let base = "Во дворе дома на улице Пушкина третью неделю не вывозят мусор, контейнеры переполнены, \
                вокруг бегают бродячие собаки, дети не могут пройти к площадке. Прошу принять меры. ";
    let mut text = String::new();
    while text.chars().count() < text_len {
        text.push_str(base);
    }
    let text: String = text.chars().take(text_len).collect();
    let mut v = json!({
        "channel": "web",
        "author": {"kind": "user", "auth": "esia"},
        "sent_at": "2026-03-07T11:00:00+03:00",
        "text": text,
        "event": {"date": "2026-03-07", "time": "09:30", "place": "ул. Пушкина, 12"},
        "attachments": [
            {"name": "1.jpg", "media_type": "image/jpeg", "size": 2_400_000},
            {"name": "2.jpg", "media_type": "image/jpeg", "size": 2_100_000},
            {"name": "3.png", "media_type": "image/png", "size": 900_000}
        ],
        "public": true
    });
    if let Some(c) = category {
        v["category"] = json!(c);
    }
    reglament::input::from_value(&v, "message").unwrap()
}

fn first_category(rules: &Rules) -> Option<String> {
    rules.profile().categories.iter().find(|c| rules.route(&message_with(&c.id)).is_ok()).map(|c| c.id.clone())
}

fn message_with(category: &str) -> Message {
    message(50, Some(category))
}

fn messages(c: &mut Criterion) {
    for name in ["essentuki", "tynda"] {
        let rules = Rules::builtin(name).unwrap();
        let cat = first_category(&rules);
        let typical = message(500, cat.as_deref());
        let long = message(10_000, cat.as_deref());
        c.bench_function(&format!("{name}: validate+route+plan, typical (500 chars, 3 photos)"), |b| {
            b.iter(|| {
                let v = rules.validate(black_box(&typical), &[]).unwrap();
                let r = rules.route(black_box(&typical));
                let p = rules.plan(black_box(&typical)).unwrap();
                (v, r, p)
            })
        });
        c.bench_function(&format!("{name}: validate, typical"), |b| b.iter(|| rules.validate(black_box(&typical), &[])));
        c.bench_function(&format!("{name}: route, typical"), |b| b.iter(|| rules.route(black_box(&typical))));
        c.bench_function(&format!("{name}: plan, typical"), |b| b.iter(|| rules.plan(black_box(&typical))));
        c.bench_function(&format!("{name}: validate, long (10,000 chars)"), |b| b.iter(|| rules.validate(black_box(&long), &[])));
    }
}

fn loading(c: &mut Criterion) {
    c.bench_function("profile load (essentuki, with its base)", |b| b.iter(|| Profile::builtin(black_box("essentuki"))));
    c.bench_function("profile load (mamadysh, with its base)", |b| b.iter(|| Profile::builtin(black_box("mamadysh"))));
    c.bench_function("rules load (essentuki: profile + calendar indexes)", |b| b.iter(|| Rules::builtin(black_box("essentuki"))));
    c.bench_function("calendar load (ru-ta)", |b| b.iter(|| reglament::Calendar::builtin(black_box("ru-ta"))));
}

criterion_group!(benches, messages, loading);
criterion_main!(benches);
