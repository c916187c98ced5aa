"""Do no harm: what a repair does to texts that are marked clean.

On a clean text the repair must change nothing (0 characters) and the checker should
report nothing. Characters changed are counted as an edit script: a replaced run of n
characters by m counts max(n, m); an insertion or deletion counts its length.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass


def chars_changed(before: str, after: str) -> int:
    if before == after:
        return 0
    bl, al = before.splitlines(keepends=True), after.splitlines(keepends=True)
    total = 0
    # lines first, then characters inside each changed block: fast on long texts
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, bl, al, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        a, b = "".join(bl[i1:i2]), "".join(al[j1:j2])
        for t, x1, x2, y1, y2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if t != "equal":
                total += max(x2 - x1, y2 - y1)
    return total


@dataclass(frozen=True)
class HarmRow:
    path: str
    chars_changed: int
    findings: int
    codes: tuple[str, ...]


@dataclass(frozen=True)
class HarmResult:
    rows: tuple[HarmRow, ...]

    @property
    def chars_changed(self) -> int:
        return sum(r.chars_changed for r in self.rows)

    @property
    def findings(self) -> int:
        return sum(r.findings for r in self.rows)

    def as_dict(self) -> dict:
        return {"files": len(self.rows), "chars_changed": self.chars_changed, "findings": self.findings,
                "ok": self.chars_changed == 0,
                "by_file": [{"path": r.path, "chars_changed": r.chars_changed, "findings": r.findings,
                             "codes": list(r.codes)} for r in self.rows]}


def do_no_harm(items) -> HarmResult:
    """items: (path, clean text, repaired text, findings on the clean text)."""
    rows = []
    for path, clean, repaired, findings in items:
        rows.append(HarmRow(path, chars_changed(clean, repaired), len(findings),
                            tuple(sorted({f.code for f in findings}))))
    return HarmResult(tuple(rows))
