//! The archive audit row by row in the core (`AuditPlan::audit`, no explanations kept): the
//! Rust side of the Arrow figures in docs/figures.md.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use chrono::{DateTime, Duration, FixedOffset};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use reglament::message::{AuditPlan, AuditRow};
use reglament::Rules;

/// 4096 sendings 7 h 13 min apart from 2023-01-01: every weekday, hour and holiday of 3.4 years.
fn sendings() -> Vec<DateTime<FixedOffset>> {
    let start = DateTime::parse_from_rfc3339("2023-01-01T00:30:00+03:00").unwrap();
    (0..4096).map(|i| start + Duration::minutes(433 * i)).collect()
}

fn audit(c: &mut Criterion) {
    let sent = sendings();
    let mut group = c.benchmark_group("audit");
    for name in ["kislovodsk", "tynda"] {
        let rules = Rules::builtin(name).unwrap();
        let plan = AuditPlan::new(&rules);
        let now = DateTime::parse_from_rfc3339("2026-12-01T00:00:00+03:00").ok();
        group.throughput(Throughput::Elements((sent.len() * plan.terms().len()) as u64));
        group.bench_function(format!("{name}/4096 rows"), |b| {
            b.iter(|| {
                for s in &sent {
                    let row = AuditRow { sent_at: Some(*s), ..AuditRow::default() };
                    black_box(plan.audit(&rules, &row, now, false).unwrap());
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, audit);
criterion_main!(benches);
