"""Per-call time of validate and plan from Python, single and batched (the message of
benches/benches/messages.rs: 500 characters, 3 photos, Essentuki). Run after the wheel is
installed: python bindings-python/bench.py"""

import statistics
import timeit

import reglament

BASE = (
    "Во дворе дома на улице Пушкина третью неделю не вывозят мусор, контейнеры переполнены, "
    "вокруг бегают бродячие собаки, дети не могут пройти к площадке. Прошу принять меры. "
)
TEXT = (BASE * 10)[:500]
MESSAGE = {
    "channel": "web",
    "author": {"kind": "user", "auth": "esia"},
    "sent_at": "2026-03-07T11:00:00+03:00",
    "text": TEXT,
    "event": {"date": "2026-03-07", "time": "09:30", "place": "ул. Пушкина, 12"},
    "attachments": [
        {"name": "1.jpg", "media_type": "image/jpeg", "size": 2_400_000},
        {"name": "2.jpg", "media_type": "image/jpeg", "size": 2_100_000},
        {"name": "3.png", "media_type": "image/png", "size": 900_000},
    ],
    "public": True,
}


def median_us(stmt, number, repeat=15):
    times = timeit.repeat(stmt, number=number, repeat=repeat)
    return statistics.median(times) / number * 1e6


def main():
    p = reglament.Profile.builtin("essentuki")
    batch = [MESSAGE] * 1000
    rows = [
        ("validate", median_us(lambda: p.validate(MESSAGE), 2000)),
        ("plan", median_us(lambda: p.plan(MESSAGE), 2000)),
        ("validate_many (1000), per message", median_us(lambda: p.validate_many(batch), 2, 7) / 1000),
        ("plan_many (1000), per message", median_us(lambda: p.plan_many(batch), 2, 7) / 1000),
    ]
    for name, us in rows:
        print(f"python {name}: {us:.1f} µs")


if __name__ == "__main__":
    main()
