#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (fuzz/corpus/TARGET/) from the conformance suite.

The seeds are the inputs the suite already holds: messages of validate/route/plan cases, the
logs of replay/can_view cases, the built-in profile and calendar files, and the case files
themselves (trimmed). A seed is named by the hash of its bytes, so rerunning is idempotent.
Run from anywhere: python3 fuzz/seed.py
"""
import glob
import hashlib
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# Profile::builtin_names() order: a target's first byte picks the profile.
PROFILES = ["essentuki", "kislovodsk", "mikhailovka", "mamadysh", "tynda"]


def put(target, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def compact(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":")).encode()


cases = []
for path in sorted(glob.glob(os.path.join(ROOT, "tests", "conformance", "*.json"))):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    cases.extend(doc["cases"])
    # Case files: the first few cases of each file.
    put("case_file", compact({"about": doc.get("about", ""), "cases": doc["cases"][:4]}))

seen = set()
for c in cases:
    prof = c.get("profile")
    pick = bytes([PROFILES.index(prof)]) if prof in PROFILES else b"\x00"
    inp = c["input"]
    if c["op"] in ("validate", "route", "plan") and isinstance(inp.get("message"), dict):
        data = pick + compact(inp["message"])
        if data not in seen:
            seen.add(data)
            put("message", data)
    elif c["op"] in ("replay", "can_view"):
        put("workflow", pick + compact(inp))

for path in sorted(glob.glob(os.path.join(ROOT, "rules", "profiles", "*.toml"))):
    name = os.path.basename(path)[:-5]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if name in ("smart-city", "pos"):
        continue
    m = re.search(r'^extends\s*=\s*"([^"]+)"', text, re.M)
    base = m.group(1) if m else None
    if base:
        # The chain between user files: the municipality, then its base as a second file.
        with open(os.path.join(ROOT, "rules", "profiles", base + ".toml"), encoding="utf-8") as f:
            base_text = f.read()
        renamed = text.replace(f'extends = "{base}"', f'extends = "my-{base}"', 1)
        put("profile", (renamed + f"#@@ my-{base}\n" + base_text).encode())
    put("profile", text.encode())

for path in sorted(glob.glob(os.path.join(ROOT, "rules", "calendars", "*.toml"))):
    with open(path, encoding="utf-8") as f:
        put("layer", f.read().encode())
