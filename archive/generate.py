"""A synthetic archive of citizen messages, as Parquet, for the audit examples and figures.

    python archive/generate.py --rows 1000000 --out archive.parquet [--seed 1] [--profiles essentuki,tynda]

Reproducible: the same arguments give the same file. Every row is one message of one of the
five built-in profiles (the ``profile`` column), with the columns an audit reads: ``sent_at``
(UTC timestamp), ``category``, ``fast_track``, ``organisation`` (the profile's own routing of the
category), ``registered_at`` and ``answered_at`` (null while the step is still open).

The data are synthetic; the distributions are assumptions, written out in ``archive/README.md``
(volumes per profile, category shares, sending hours and weekdays, registration and answer
delays). They exercise what the regulations make hard — weekends, holidays, working Saturdays,
evening sendings after a cut-off, late answers — not any real portal's statistics.
"""

from __future__ import annotations

import argparse
import datetime
import tomllib
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

import reglament

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ["essentuki", "kislovodsk", "mikhailovka", "mamadysh", "tynda"]
# Shares of the archive by profile, roughly by the towns' populations (Essentuki ~110k,
# Kislovodsk ~130k, Mikhailovka ~55k, Mamadysh ~15k, Tynda ~30k).
VOLUME = {"essentuki": 0.32, "kislovodsk": 0.36, "mikhailovka": 0.16, "mamadysh": 0.05, "tynda": 0.11}
# Messages are sent from 2022-01-01 to 2026-10-31 (all within the production calendar).
FIRST = datetime.datetime(2022, 1, 1, tzinfo=datetime.timezone.utc)
LAST = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
# Local sending hour weights 0..23: quiet at night, peaks mid-morning and in the evening.
HOURS = np.array([1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2.5, 4.5, 6, 6.5, 6.5, 6, 6, 6, 5.5, 5.5, 5.5, 6, 6.5, 6, 5, 3.5, 2])
# Weekday weights Monday..Sunday: fewer messages at weekends.
WEEKDAYS = np.array([1.2, 1.1, 1.05, 1.0, 0.95, 0.7, 0.65])
# Offsets of the profiles' zones from UTC, in hours, for the local sending hour (none of them
# changes its offset in 2022-2026).
OFFSETS = {"essentuki": 3, "kislovodsk": 3, "mikhailovka": 3, "mamadysh": 3, "tynda": 9}
# A share of messages still open at the archive's end (no answer yet), and of late answers.
OPEN = 0.03
LATE = 0.08
DAY_US = 86_400_000_000
HOUR_US = 3_600_000_000


def categories(profile: str) -> Tuple[List[str], List[str]]:
    """The profile's leaf categories (those no other category names as parent) and the
    organisation the profile routes each to."""
    data = tomllib.loads((ROOT / "rules" / "profiles" / f"{profile}.toml").read_text(encoding="utf-8"))
    cats = data.get("category", [])
    parents = {c.get("parent") for c in cats}
    leaves = [c["id"] for c in cats if c["id"] not in parents] or [None]
    rules = reglament.Profile.builtin(profile)
    orgs = []
    for c in leaves:
        message: Dict[str, object] = {"sent_at": "2026-03-02T10:00:00+03:00"}
        if c is not None:
            message["category"] = c
        orgs.append(rules.route(message)["organisation"]["id"])  # type: ignore[typeddict-item]
    return [c or "" for c in leaves], orgs


def fast_levels(profile: str) -> List[str]:
    data = tomllib.loads((ROOT / "rules" / "profiles" / f"{profile}.toml").read_text(encoding="utf-8"))
    return sorted(k for k, v in data.get("fast_track", {}).items() if not v.get("unset"))


def sent_times(rng: np.random.Generator, n: int, offset_hours: int) -> np.ndarray:
    """UTC microseconds: a uniform day, a weekday-weighted acceptance, a local hour by weight."""
    days = (LAST - FIRST).days
    out = np.empty(0, dtype=np.int64)
    weights = WEEKDAYS / WEEKDAYS.max()
    while out.size < n:
        day = rng.integers(0, days, size=2 * (n - out.size) + 16)
        weekday = (day + FIRST.weekday()) % 7
        day = day[rng.random(day.size) < weights[weekday]]
        out = np.concatenate([out, day])
    day = out[:n]
    hour = rng.choice(24, size=n, p=HOURS / HOURS.sum())
    within = rng.integers(0, HOUR_US, size=n)
    start = int(FIRST.timestamp() * 1_000_000)
    return start + day * DAY_US + (hour - offset_hours) * HOUR_US + within


def profile_rows(rng: np.random.Generator, profile: str, n: int) -> pa.Table:
    cats, orgs = categories(profile)
    # Category shares: Zipf-like (a few categories take most messages).
    share = 1.0 / np.arange(1, len(cats) + 1) ** 1.1
    pick = rng.permutation(len(cats))[rng.choice(len(cats), size=n, p=share / share.sum())]
    sent = sent_times(rng, n, OFFSETS[profile])
    levels = fast_levels(profile)
    fast = np.full(n, None, dtype=object)
    if levels:
        flagged = rng.random(n) < 0.05
        fast[flagged] = np.array(levels, dtype=object)[rng.integers(0, len(levels), size=int(flagged.sum()))]
    # Registration: within hours mostly, a tail of days (lognormal, median ~5 hours).
    registered = sent + (rng.lognormal(np.log(5.0), 1.2, size=n) * HOUR_US).astype(np.int64)
    # Answer: median ~4 days, a share late: 30 days and an exponential tail beyond.
    answered = sent + (rng.lognormal(np.log(4.0), 0.5, size=n) * DAY_US).astype(np.int64)
    late = rng.random(n) < LATE
    answered[late] = sent[late] + ((30 + rng.exponential(7.0, size=int(late.sum()))) * DAY_US).astype(np.int64)
    open_ = rng.random(n) < OPEN
    ts = pa.timestamp("us", tz="UTC")
    return pa.table(
        {
            "profile": pa.array([profile] * n, pa.string()),
            "sent_at": pa.array(sent, ts),
            "category": pa.array(np.array(cats, dtype=object)[pick], pa.string()),
            "fast_track": pa.array(fast, pa.string()),
            "organisation": pa.array(np.array(orgs, dtype=object)[pick], pa.string()),
            "registered_at": pa.array(registered, ts),
            "answered_at": pa.array(np.where(open_, 0, answered), ts, mask=open_),
        }
    )


def generate(rows: int, seed: int = 1, profiles: List[str] = PROFILES) -> pa.Table:
    """The archive as one Arrow table: rows split between `profiles` by their volumes, each
    profile's rows in order of sending, ids ``<profile>-<n>``."""
    rng = np.random.default_rng(seed)
    weights = np.array([VOLUME[p] for p in profiles])
    counts = np.floor(rows * weights / weights.sum()).astype(int)
    counts[0] += rows - counts.sum()
    tables = []
    for profile, n in zip(profiles, counts):
        t = profile_rows(rng, profile, int(n)).sort_by("sent_at")
        ids = pa.array([f"{profile}-{i}" for i in range(int(n))], pa.string())
        tables.append(t.add_column(0, "id", ids))
    return pa.concat_tables(tables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profiles", default=",".join(PROFILES))
    parser.add_argument("--out", type=Path, default=Path("archive.parquet"))
    args = parser.parse_args()
    table = generate(args.rows, args.seed, args.profiles.split(","))
    pq.write_table(table, args.out, row_group_size=1 << 17)
    print(f"{args.out}: {table.num_rows} messages")


if __name__ == "__main__":
    main()
