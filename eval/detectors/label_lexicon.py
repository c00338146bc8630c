"""Labels the entries of a public obscene-word list as мат or not, by root family.

Usage: python3 label_lexicon.py LIST > labelled.tsv   (one `label<TAB>entry` a line)

The rule (written down so anyone can check it): an entry is мат (`1`) when it is built on one
of the мат roots the profiles refuse — хуй, пизда, ебать (ёб/еб/яб after a prefix), блядь,
мудак/муде, манда, залупа, гандон, пидор — in Cyrillic, Latin transliteration or a mix with
look-alike letters and digits. Other rude or sexual words in the lists (говно, срать, жопа,
дрочить, трахать, сука, хер, хрен, шлюха, ...) are not мат and are labelled `0`; the detector
must not be scored on them. The regular expression below is the rule; its output was read
through by hand and the exceptions in OVERRIDES are the entries where the rule was wrong.
"""
import re
import sys

FOLD = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
                      "k": "к", "m": "м", "t": "т", "b": "в", "h": "н", "6": "б", "3": "з",
                      "0": "о", "z": "з", "ё": "е"})
CYR = re.compile(r"(ху[йеяюи]|п[иеі][зс][дж]|бля|блэ|(^|[аеиоуыэюяъь'`\s-])[её]б|ъяб|"
                 r"[её]б(ан|ат|ал|ну|л[ао]|у[тч]|ыр|ис|ош|ен)|муд[аеиоя]|мудый|манд[аеиоуюяы]|"
                 r"залуп|г[ао]ндон|пид[оае]?р|пидр)")
LAT = re.compile(r"(huy|hui|huj|xuy|kh?ui|hoo|hue|huё|hu'e|piz|pez|peez|bly|bli[ae]|bl'ya|"
                 r"(^|[aeiou'`\s-])y?e?ob|yob|^eb|[aeiou]eb|'eb|ebn|eb[ai]|'ib|mud[ao]|"
                 r"zalup|gandon|pid[oa]r|yeb|manda)")
# Entries the rule gets wrong, decided by reading them.
OVERRIDES = {"ku'evo": True, "kuevo": True, "zaibat": True, "podi ku'evo": True,
             # euphemisms built on other roots: колебать, грести
             "хули": True, "хлебать": False, "хлебальник": False,
             "скребать": False, "скребаться": False, "заколебать": False, "заколебаться": False, "грёбаный": False, "гребаный": False}


def is_mat(entry: str) -> bool:
    w = entry.lower().replace("ё", "е").replace("_", "")
    if w in OVERRIDES:
        return OVERRIDES[w]
    has_cyr = any("а" <= c <= "я" for c in w)
    if has_cyr:
        return bool(CYR.search(w.translate(FOLD)))
    return bool(LAT.search(w))


if __name__ == "__main__":
    for line in open(sys.argv[1], encoding="utf-8"):
        e = line.strip()
        if e:
            print(f"{int(is_mat(e))}\t{e}")
