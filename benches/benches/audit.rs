//! The archive audit row by row in the core: the quiet path (`AuditPlan::audit_into`, no
//! explanations, no map of terms) beside the explained one (`AuditPlan::audit` asked for
//! explanations, which plans with `Rules::plan`), on the same rows: the Rust side of the Arrow
//! figures in docs/figures.md. Throughput counts due dates (the terms each row plans).
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
    let now = DateTime::parse_from_rfc3339("2026-12-01T00:00:00+03:00").ok();
    let mut group = c.benchmark_group("audit");
    for name in ["essentuki", "kislovodsk", "tynda"] {
        let rules = Rules::builtin(name).unwrap();
        let plan = AuditPlan::new(&rules);
        let mut out = vec![None; plan.terms().len()];
        let due_dates: usize = sent
            .iter()
            .map(|s| {
                let row = AuditRow { sent_at: Some(*s), ..AuditRow::default() };
                plan.audit_into(&rules, &row, now, &mut out).unwrap();
                out.iter().flatten().count()
            })
            .sum();
        group.throughput(Throughput::Elements(due_dates as u64));
        group.bench_function(format!("{name}/quiet/4096 rows"), |b| {
            b.iter(|| {
                for s in &sent {
                    let row = AuditRow { sent_at: Some(*s), ..AuditRow::default() };
                    plan.audit_into(&rules, &row, now, &mut out).unwrap();
                    black_box(&out);
                }
            });
        });
        group.bench_function(format!("{name}/explained/4096 rows"), |b| {
            b.iter(|| {
                for s in &sent {
                    let row = AuditRow { sent_at: Some(*s), ..AuditRow::default() };
                    black_box(plan.audit(&rules, &row, now, true).unwrap());
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, audit);
criterion_main!(benches);
