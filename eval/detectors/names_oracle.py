"""Third parties' names (Tynda 3.3 ж) on real petitions: a name-list rule against natasha.

Why: before a name detector goes into `reglament::detect`, the rule it would apply must be
measured on real text. natasha (an established Russian NER, PyPI) is the oracle here and only
here: it is never a dependency of the library.

The rule uses the public name lists vendored in `rules/lexicons/names/` (see the README there):
a petition "names a person" when
  * initials: `А. Б. Фамилия`, `А.Б. Фамилия`, `Фамилия А. Б.` / `Фамилия А.Б.`; or
  * two neighbouring capitalised words that are both in the lists (first name + patronymic,
    first name + surname, surname + first name …), in any case form the lists generate; or
  * (variant `+single`) one capitalised listed first name or patronymic not at a sentence start.

Usage (from this directory, with natasha installed in a venv):
    python names_oracle.py data/petitions_dev.jsonl data/petitions_heldout.jsonl
It prints message-level TP/FP/FN, precision and recall of each rule variant against natasha's
PER spans that are not street names or sentence-initial words (`is_person`), and (with -v) the
disagreements.
"""

import json
import re
import sys
from pathlib import Path

LISTS = Path(__file__).resolve().parents[2] / "rules" / "lexicons" / "names"


def load(name):
    out = set()
    for line in (LISTS / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.add(line.replace("ё", "е"))
    return out


def forms(word):
    """The case forms of a name (nominative given), enough for matching, not a grammar."""
    w = word
    f = {w}
    if w.endswith(("ович", "евич", "ич")):
        f |= {w + e for e in ("а", "у", "ем", "е")}
    elif w.endswith(("овна", "евна", "ична", "инична")):
        s = w[:-1]
        f |= {s + e for e in ("ы", "е", "у", "ой", "ою")}
    elif w.endswith(("ова", "ева", "ина", "ына")) and len(w) > 5:
        s = w[:-1]
        f |= {s + e for e in ("ой", "у")}
    elif w.endswith(("ов", "ев", "ин", "ын")) and len(w) > 4:
        f |= {w + e for e in ("а", "у", "ым", "е")}
    elif w.endswith("ия"):
        s = w[:-2]
        f |= {s + e for e in ("ии", "ию", "ией")}
    elif w.endswith("ий"):
        s = w[:-2]
        f |= {s + e for e in ("ия", "ию", "ием", "ии")}
    elif w.endswith("ей") or w.endswith("ай"):
        s = w[:-1]
        f |= {s + e for e in ("я", "ю", "ем", "е")}
    elif w.endswith("а"):
        s = w[:-1]
        f |= {s + e for e in ("ы", "и", "е", "у", "ой", "ою")}
    elif w.endswith("я"):
        s = w[:-1]
        f |= {s + e for e in ("и", "е", "ю", "ей", "ею")}
    elif w.endswith("ь"):
        s = w[:-1]
        f |= {s + e for e in ("я", "ю", "ем", "е", "и")}
    elif w[-1] not in "аеиоуыэюя":
        f |= {w + e for e in ("а", "у", "ом", "е")}
    return f


def expand(words):
    out = set()
    for w in words:
        out |= forms(w)
    return out


FIRST = expand(load("first_names.txt"))
PATRONYMIC = expand(load("patronymics.txt"))
SURNAME = expand(load("surnames.txt"))
ANY = FIRST | PATRONYMIC | SURNAME

TOKEN = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?|[.!?\n]")
INITIALS = re.compile(
    r"\b[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]{2,}|\b[А-ЯЁ][а-яё]{2,}\s[А-ЯЁ]\.\s?[А-ЯЁ]\."
)


def rule(text, single):
    if INITIALS.search(text):
        return True
    toks = TOKEN.findall(text)
    prev_listed = False
    sentence_start = True
    for t in toks:
        if t in ".!?\n":
            sentence_start = True
            prev_listed = False
            continue
        low = t.lower().replace("ё", "е")
        listed = t[0].isupper() and low in ANY
        if listed and prev_listed:
            return True
        if single and listed and not sentence_start and (low in FIRST or low in PATRONYMIC):
            return True
        prev_listed = listed
        sentence_start = False
    return False


ADDRESS_BEFORE = re.compile(
    r"(ул|улиц[аеуы]|пр|просп|проспект[а-я]*|пер|переул[а-я]*|наб|набережн[а-я]*|пл|площад[а-я]*|"
    r"б-р|бульв[а-я]*|ш|шоссе|сквер[а-я]*|парк[а-я]*|мост[а-я]*|им|имени|метро|м|станци[а-я]*|"
    r"линия|линии|аллея|аллеи)[.\s]*$",
    re.I,
)
ADDRESS_AFTER = re.compile(
    r"^[\s,]*(ул|улиц|пр\b|просп|пер\b|переул|наб|пл\b|площад|бульв|шоссе|сквер|парк|мост)", re.I
)


def is_person(text, span):
    """natasha's PER spans on petitions are mostly streets named after people («ул. Марата»,
    «пр. Энгельса») and capitalised words at a sentence start («Фотофиксация», «Отмыто»).
    A span counts as a person's name when no address word stands next to it and it is two
    words or more, or a single word not at the start of a sentence."""
    before = text[max(0, span.start - 25) : span.start]
    after = text[span.stop : span.stop + 15]
    if ADDRESS_BEFORE.search(before) or ADDRESS_AFTER.search(after):
        return False
    if " " in span.text.strip() or "." in span.text:
        return True
    lead = before.rstrip()
    return bool(lead) and lead[-1] not in ".!?\n" and not span.text.endswith("-")


def main():
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    verbose = "-v" in sys.argv
    paths = [a for a in sys.argv[1:] if a != "-v"]
    segmenter, emb = Segmenter(), NewsEmbedding()
    ner = NewsNERTagger(emb)
    rows = [json.loads(l) for p in paths for l in open(p, encoding="utf-8")]
    scores = {"initials+pairs": [0, 0, 0], "initials+pairs+single": [0, 0, 0]}
    per_msgs = 0
    for row in rows:
        text = row["text"]
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        per = [s for s in doc.spans if s.type == "PER" and is_person(text, s)]
        truth = bool(per)
        per_msgs += truth
        for name, single in (("initials+pairs", False), ("initials+pairs+single", True)):
            got = rule(text, single)
            s = scores[name]
            if truth and got:
                s[0] += 1
            elif got:
                s[1] += 1
                if verbose and not single:
                    print("FP vs natasha", row["id"], text[:200].replace("\n", " "))
            elif truth:
                s[2] += 1
                if verbose and not single:
                    print("FN vs natasha", row["id"], [x.text for x in per])
    print(f"{len(rows)} petitions, {per_msgs} with a PER span by natasha")
    print("| rule | TP | FP | FN | precision | recall |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (tp, fp, fn) in scores.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        print(f"| {name} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} |")


if __name__ == "__main__":
    main()
