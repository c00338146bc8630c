"""Load: one Profile per municipality shared by many Python threads gives the single-thread
answers, memory stays flat, and loading and dropping profiles over and over does not grow.

The calls are the conformance suite's own inputs through the suite's runner (`conformance.run_op`),
so the mix is every operation. The binding releases the GIL in validate, plan and replay, so the
threads do run the core in parallel. RELIABILITY_THREADS and RELIABILITY_CALLS (calls per thread)
scale the run up; CI runs a few seconds of it. Figures: docs/reliability.md."""

from __future__ import annotations

import json
import os
import threading
from typing import Any, Dict, List, Tuple

import reglament
from conformance import load_cases, run_op

THREADS = int(os.environ.get("RELIABILITY_THREADS", "8"))
CALLS = int(os.environ.get("RELIABILITY_CALLS", "500"))


def rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def answer(case: Dict[str, Any]) -> str:
    try:
        value = run_op(case["op"], case.get("profile"), case["input"])
    except reglament.ReglamentError as err:
        return f"error {err.code} {err.path}"
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def test_threads_sharing_profiles_answer_as_one_thread_with_flat_memory() -> None:
    cases = [c for _, c in load_cases()]
    expected = [answer(c) for c in cases]
    failures: List[Tuple[int, int]] = []

    def worker(t: int, calls: int) -> None:
        for k in range(calls):
            i = (k * 7 + t * 131) % len(cases)
            if answer(cases[i]) != expected[i]:
                failures.append((t, i))

    def run(calls: int) -> None:
        threads = [threading.Thread(target=worker, args=(t, calls)) for t in range(THREADS)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()

    run(CALLS // 4 + 1)
    before = rss_kib()
    run(CALLS)
    after = rss_kib()
    print(f"python load: {THREADS} threads x {CALLS} calls = {THREADS * CALLS} over {len(cases)} inputs; RSS {before} -> {after} KiB")
    assert not failures, f"answers differed under threads: {failures[:5]}"
    assert after <= before + 16 * 1024, f"memory grew from {before} KiB to {after} KiB"


def test_loading_and_dropping_profiles_does_not_grow() -> None:
    rounds = int(os.environ.get("RELIABILITY_RELOADS", "100"))

    def load_all() -> None:
        for name in reglament.Profile.builtin_names():
            p = reglament.Profile.builtin(name)
            assert p.name
            del p

    for _ in range(rounds // 4 + 1):
        load_all()
    before = rss_kib()
    for _ in range(rounds):
        load_all()
    after = rss_kib()
    print(f"python reload: {rounds} rounds; RSS {before} -> {after} KiB")
    assert after <= before + 4 * 1024, f"memory grew from {before} KiB to {after} KiB"
