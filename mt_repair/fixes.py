"""Applying fixes: pure functions over text, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mt_repair.types import Applicability, Edit, Fix


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix], list[Fix]]:
    """Apply non-overlapping fixes to `text`.

    Fixes are taken in order of position; a fix whose span touches the span of one
    already taken is skipped whole (never half-applied). Two pure insertions at the
    same offset overlap; an insertion at the end of a replaced span does not.
    Returns (new_text, applied, skipped).
    """
    ordered = sorted(fixes, key=lambda f: (f.start, f.end))
    applied: list[Fix] = []
    skipped: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in ordered:
        if any(_overlaps(a, b, fix) for a, b in taken) or _self_overlapping(fix):
            skipped.append(fix)
            continue
        applied.append(fix)
        taken.extend((e.start, e.end) for e in fix.edits)
    edits: list[Edit] = sorted((e for f in applied for e in f.edits), key=lambda e: e.start)
    out: list[str] = []
    pos = 0
    for edit in edits:
        out.append(text[pos:edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out), applied, skipped


def _overlaps(a: int, b: int, fix: Fix) -> bool:
    for e in fix.edits:
        if e.start < b and a < e.end:
            return True
        if e.start == e.end == a == b or (e.start == e.end and a < e.start < b):
            return True
        if a == b and e.start < a < e.end:
            return True
    return False


def _self_overlapping(fix: Fix) -> bool:
    edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
    return any(edits[i].end > edits[i + 1].start for i in range(len(edits) - 1))


def fix_until_stable(
    text: str,
    find_fixes: Callable[[str], list[Fix]],
    minimum: Applicability = Applicability.SAFE,
    max_rounds: int = 10,
) -> tuple[str, int]:
    """Re-check and re-apply until no applicable fix is left (a fixed point).

    Returns the fixed text and the number of fixes applied over all rounds.
    """
    total = 0
    for _ in range(max_rounds):
        fixes = [f for f in find_fixes(text) if f.applicability >= minimum]
        if not fixes:
            break
        new_text, applied, _ = apply_fixes(text, fixes)
        if not applied or new_text == text:
            break
        total += len(applied)
        text = new_text
    return text, total
