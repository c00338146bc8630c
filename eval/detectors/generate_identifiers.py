"""Generates data/identifiers.jsonl: real-format identifiers in petition-like sentences.

Usage (from this folder):
    python3 -m venv .venv && .venv/bin/pip install faker==40.63.0 python-stdnum==2.2 phonenumbers==9.0.43
    .venv/bin/python generate_identifiers.py > data/identifiers.jsonl

The identifiers come from Faker's ru_RU provider (individuals_inn, businesses_inn,
businesses_ogrn, kpp, snils, passport_number, phone_number, credit_card_number, email) and are
checked before use: ИНН by python-stdnum (stdnum.ru.inn), phone numbers by phonenumbers
(a valid number of region RU), cards by stdnum.luhn, СНИЛС and ОГРН by their published check
rules (written out below; python-stdnum has neither). A generated value that fails its check
is dropped, so every row is a well-formed identifier. Faker, python-stdnum and phonenumbers
are used here only; they are not dependencies of the library.

Each row: {"text", "labels"} where labels are the detector kinds that must be reported
(individuals' identifiers) — an organisation's ИНН, ОГРН and КПП and request numbers must
not be reported (152-FZ art. 3 covers natural persons only).
"""
import json
import random

import phonenumbers
from faker import Faker
from stdnum import luhn
from stdnum.ru import inn as ru_inn

SEED = 13
N = 40  # rows per template group

fake = Faker("ru_RU")
Faker.seed(SEED)
rnd = random.Random(SEED)


def snils_ok(s: str) -> bool:
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 11:
        return False
    total = sum(x * (9 - i) for i, x in enumerate(d[:9]))
    if total > 101:
        total %= 101
    check = 0 if total in (100, 101) else total
    return check == d[9] * 10 + d[10]


def ogrn_ok(s: str) -> bool:
    return len(s) == 13 and s.isdigit() and int(s[:12]) % 11 % 10 == int(s[12])


def phone_ok(s: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(s, "RU"))
    except phonenumbers.NumberParseException:
        return False


def gen(make, ok):
    for _ in range(1000):
        v = make()
        if ok(v):
            return v
    raise SystemExit("no valid value generated")


def fmt_snils(s: str) -> str:
    d = "".join(c for c in s if c.isdigit())
    return rnd.choice([f"{d[:3]}-{d[3:6]}-{d[6:9]} {d[9:]}", d])


def fmt_passport(p: str) -> str:
    digits = p.replace(" ", "")
    series, number = digits[:4], digits[4:]
    return rnd.choice([f"{series[:2]} {series[2:]} {number}", f"{series} {number}",
                       f"серия {series} номер {number}"])


rows = []
for _ in range(N):
    phone = gen(fake.phone_number, phone_ok)
    rows.append((f"Прошу перезвонить мне по номеру {phone}, во дворе третий день не вывозят мусор.", ["phone"]))
    email = fake.free_email()
    rows.append((f"Ответ прошу направить на почту {email}, спасибо.", ["email"]))
    inn12 = gen(fake.individuals_inn, ru_inn.is_valid)
    rows.append((f"Заявитель: ИНН {inn12}, прошу проверить начисления за отопление.", ["inn"]))
    snils = gen(fake.snils, snils_ok)
    rows.append((f"Мой СНИЛС {fmt_snils(snils)}, прошу пересчитать льготу по ЖКУ.", ["snils"]))
    passport = fake.passport_number()
    rows.append((f"Паспорт {fmt_passport(passport)}, выдан ТП УФМС, прошу зарегистрировать обращение.", ["passport"]))
    card = gen(fake.credit_card_number, lambda c: len(c) == 16 and luhn.is_valid(c))
    rows.append((f"Деньги списали с карты {' '.join(card[i:i+4] for i in range(0, 16, 4))}, прошу вернуть.", ["bank_card"]))
    inn10 = gen(fake.businesses_inn, ru_inn.is_valid)
    rows.append((f"Подрядчик ООО «{fake.last_name()} и партнёры» (ИНН {inn10}) не убрал строительный мусор.", []))
    rows.append((f"Управляющая компания, ИНН {inn10}, не отвечает на обращения.", []))
    ogrn = gen(fake.businesses_ogrn, ogrn_ok)
    rows.append((f"Управляющая организация ОГРН {ogrn}, КПП {fake.kpp()} не выполняет договор.", []))
    req = "".join(str(rnd.randrange(10)) for _ in range(13))
    rows.append((f"Закрыли заявку, номер {req[:3]} {req[3:6]} {req[6:9]} {req[9:]}, а яма осталась.", []))
    rows.append((f"Номер заявки {req}, прошу проверить исполнение.", []))

for text, labels in rows:
    print(json.dumps({"text": text, "labels": labels}, ensure_ascii=False))
