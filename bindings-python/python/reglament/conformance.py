"""Run conformance case files, a rule author's own profiles included, through the Rust core.

>>> import reglament.conformance
>>> report = reglament.conformance.run(["examples/my-town"])
>>> report["passed"], report["failed"]
(4, 0)
>>> print(reglament.conformance.format(report))

A path is a case file (``.json``), a profile file (``.toml``, which every case may then name by
id) or a folder holding either. A case names a built-in profile by id, a profile file by its
path relative to the case file (``"profile": "my-town.toml"``), or the id of a profile in a
folder its file lists under ``profiles``. The report has the shape of ``reglament test --json``:
``{"passed", "failed", "cases": [{"file", "name", "op", "profile", "clause", "passed",
"differences": [{"path", "expected", "actual", "note"}]}]}``.

This module only reads files; the cases run and are judged in the core
(``core/src/conformance.rs``), as for the command line and the Node runner.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Dict, Iterable, List, Tuple, Union

from . import _reglament

__all__ = ["run", "format", "main"]

_Source = Tuple[str, str, str]  # (name cases use, file name, TOML text)


def _profile_id(path: Path) -> str:
    return path.name[: -len(".toml")] if path.name.endswith(".toml") else path.name


def _push(out: List[_Source], name: str, file: Path) -> None:
    if not any(p[0] == name for p in out):
        out.append((name, str(file), file.read_text(encoding="utf-8")))


def _read_folder(folder: Path, out: List[_Source]) -> None:
    for file in sorted(folder.glob("*.toml")):
        _push(out, _profile_id(file), file)


def _for_case_file(case_file: Path, paths: Iterable[str]) -> List[_Source]:
    base = case_file.parent
    out: List[_Source] = []
    for rel in paths:
        full = base / rel
        if full.is_dir():
            _read_folder(full, out)
        else:
            _push(out, rel, full)
            _read_folder(full.parent, out)  # `extends` finds a sibling, as `reglament lint` does
    return out


def run(paths: Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]) -> Dict[str, Any]:
    """Runs the case files under ``paths``; returns ``{"passed", "failed", "cases"}``."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    cases: List[Path] = []
    extra: List[_Source] = []
    for p in map(Path, paths):
        if p.is_dir():
            cases.extend(sorted(p.glob("*.json")))
            for file in sorted(p.glob("*.toml")):
                _push(extra, _profile_id(file), file)
        elif p.suffix == ".toml":
            _push(extra, _profile_id(p), p)
            _read_folder(p.parent, extra)
        else:
            cases.append(p)
    if not cases:
        raise ValueError("no case file given: name a case file (.json) or a folder holding one")
    reports: List[Dict[str, Any]] = []
    for file in cases:
        text = file.read_text(encoding="utf-8")
        profiles = _for_case_file(file, _reglament.conformance_profile_paths(text, str(file)))
        profiles += [p for p in extra if not any(q[0] == p[0] for q in profiles)]
        reports.extend(_reglament.conformance_run(text, str(file), profiles))
    failed = sum(1 for r in reports if not r["passed"])
    return {"passed": len(reports) - failed, "failed": failed, "cases": reports}


def format(report: Dict[str, Any]) -> str:  # noqa: A001 - the module's own verb
    """The report as ``reglament test`` prints it: a short diff per failing case, then
    ``N passed, M failed``."""
    text = "".join(_reglament.conformance_diff_text(case) for case in report["cases"] if not case["passed"])
    return f"{text}{report['passed']} passed, {report['failed']} failed"


def main(argv: Union[List[str], None] = None) -> int:
    """``python -m reglament.conformance PATH...``: exit 1 when a case fails."""
    report = run(sys.argv[1:] if argv is None else argv)
    print(format(report))
    return 0 if report["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
