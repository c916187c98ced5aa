"""Applying fixes: pure functions over text, no I/O.

Two promises hold for a whole fix run (`fix_findings_until_stable`):
- nothing is hidden: a finding whose text is still there after a round of fixes (at least
  half of it) is still reported, even when the fix of another finding changed the words
  or the context a rule recognised it by (it is carried to the new offsets unless the
  re-check reports it again);
- nothing is half done: a fix that another fix's deletion or replacement contains gives way
  to it, and deletions that overlap (a list of residue lines, each taking a line break) are
  merged into one instead of one of them being dropped.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from mt_repair.types import Applicability, Edit, Finding, Fix, Frozen, set_field


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix], list[Fix]]:
    """Apply non-overlapping fixes to `text`.

    Fixes are taken in order of position; a fix whose span touches the span of one
    already taken is skipped whole (never half-applied). Two pure insertions at the
    same offset overlap; an insertion at the end of a replaced span does not.
    Returns (new_text, applied, skipped). O(n log n): the taken edits are kept sorted and
    each edit is compared with its neighbours only.
    """
    ordered = sorted(fixes, key=_span)
    applied: list[Fix] = []
    skipped: list[Fix] = []
    taken = _TakenEdits()
    for fix in ordered:
        edits = fix.edits
        if len(edits) == 1:  # the common case, without the generic checks' overhead
            e = edits[0]
            if taken.overlaps(e.start, e.end):
                skipped.append(fix)
            else:
                applied.append(fix)
                taken.add(e.start, e.end)
            continue
        if _self_overlapping(fix) or any(taken.overlaps(e.start, e.end) for e in edits):
            skipped.append(fix)
            continue
        applied.append(fix)
        for e in edits:
            taken.add(e.start, e.end)
    return splice(text, [e for f in applied for e in f.edits]), applied, skipped


def _span(fix: Fix) -> tuple[int, int]:
    edits = fix.edits
    return (edits[0].start, edits[0].end) if len(edits) == 1 else (fix.start, fix.end)


def splice(text: str, edits: Iterable[Edit]) -> str:
    """`text` with non-overlapping `edits` applied (an insertion before a replacement
    that starts at the same offset)."""
    out: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos:edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


class _TakenEdits:
    """The spans of the edits taken so far, sorted. Taken spans never overlap one another,
    so sorted by start they are sorted by end too, and only the first span ending after a
    new edit's start can overlap it. Fixes come in order of start, so adding a span is
    nearly always an append."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, t: int) -> bool:
        spans = self.spans
        i = bisect.bisect_right(self.ends, s)  # the first span ending after s
        if i < len(spans) and spans[i][0] < t:
            return True  # shares text with it, or an insertion strictly inside it (or it inside us)
        if s == t:  # two pure insertions at one offset
            j = bisect.bisect_left(spans, (s, s))
            return j < len(spans) and spans[j] == (s, s)
        return False

    def add(self, s: int, t: int) -> None:
        spans = self.spans
        if not spans or spans[-1] <= (s, t):
            spans.append((s, t))
            self.ends.append(t)
            return
        i = bisect.bisect_right(spans, (s, t))
        spans.insert(i, (s, t))
        self.ends.insert(i, t)


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


# -- fixing findings, with nothing hidden ----------------------------------------------------
class FixOutcome(Frozen):
    """The fixed text, how many findings' fixes were applied, and the findings on the
    fixed text: a fresh check of it plus those carried through the fixes (see below)."""

    __slots__ = _fields = ("text", "fixed", "findings")

    def __init__(self, text: str, fixed: int, findings: list[Finding]) -> None:
        set_field(self, "text", text)
        set_field(self, "fixed", fixed)
        set_field(self, "findings", findings)


def fix_findings_until_stable(
    text: str,
    check: Callable[[str], list[Finding]],
    minimum: Applicability = Applicability.SAFE,
    max_rounds: int = 10,
) -> FixOutcome:
    """Apply the fixes of `check`'s findings (of at least `minimum` safety) round after
    round until none is left, and return the findings on the result.

    A finding of one round that its own fix did not resolve, and at least half of whose
    text was neither deleted nor replaced, is mapped through the round's edits; if the
    re-check does not report it (same code, overlapping span) it is kept, with its fix
    moved to the new offsets when that is still well defined. So a fix cannot hide a
    problem by changing the words or the context another rule recognised it by; the last
    round's findings are the report, with no extra check.
    """
    findings = check(text)
    total = 0
    for _ in range(max_rounds):
        fixes, own, gone = plan_fixes(findings, minimum)
        if not fixes:
            break
        new_text, applied, _ = apply_fixes(text, fixes)
        if not applied or new_text == text:
            break
        fixed = {id(f) for fix in applied for f in own.get(id(fix), ())}
        total += len(fixed)
        resolved = fixed | {id(f) for fix in applied for f in gone.get(id(fix), ())}
        edits = _EditMap([e for fix in applied for e in fix.edits])
        carried = [c for f in findings if id(f) not in resolved
                   for c in (edits.carry(f),) if c is not None]
        text = new_text
        findings = _merge_carried(check(text), carried)
    return FixOutcome(text, total, findings)


def plan_fixes(findings: Sequence[Finding], minimum: Applicability
               ) -> tuple[list[Fix], dict[int, list[Finding]], dict[int, list[Finding]]]:
    """The fixes to try in one round; for each (by id) the findings whose own fix it is;
    and for each the findings it resolves without its own fix being applied.

    A fix all of whose edits lie inside a longer edit of another fix gives way to it (a
    residue line's deletion takes the spacing fix inside the line with it); single-edit
    deletions that overlap are merged into one (adjacent residue lines each taking a line
    break). Everything else is left to `apply_fixes`.
    """
    chosen = [f for f in findings if f.fix is not None and f.fix.applicability >= minimum]
    same: dict[tuple[Edit, ...], Fix] = {}  # two rules proposing the very same edits: one fix
    own: dict[int, list[Finding]] = {}
    for f in chosen:
        fix = same.setdefault(f.fix.edits, f.fix)
        own.setdefault(id(fix), []).append(f)
        if fix is not f.fix:
            own[id(f.fix)] = own[id(fix)]
    fixes = list(same.values())
    covered = _contained_fixes(fixes)
    fixes = [fix for fix in fixes if id(fix) not in covered]
    plain, deletions = [], []
    for fix in fixes:
        e = fix.edits
        (deletions if len(e) == 1 and not e[0].replacement and e[0].start < e[0].end else plain).append(fix)
    deletions.sort(key=lambda d: (d.start, d.end))
    group: list[Fix] = []
    for fix in deletions + [None]:
        if group and (fix is None or fix.start >= max(g.end for g in group)):
            if len(group) == 1:
                plain.append(group[0])
            else:  # overlapping deletions: one deletion of their union
                merged = Fix.delete(group[0].start, max(g.end for g in group),
                                    min(g.applicability for g in group))
                own[id(merged)] = [f for g in group for f in own[id(g)]]
                covered.update({id(g): merged for g in group})
                plain.append(merged)
            group = []
        if fix is not None:
            group.append(fix)
    # the findings a fix takes with it: those of the fixes it contains, at any depth
    gone: dict[int, list[Finding]] = {}
    for f in chosen:
        holder = covered.get(id(same[f.fix.edits]))
        while holder is not None and id(holder) in covered:
            holder = covered[id(holder)]
        if holder is not None and all(f is not g for g in own.get(id(holder), ())):
            gone.setdefault(id(holder), []).append(f)
    return plain, own, gone


def _contained_fixes(fixes: Sequence[Fix]) -> dict[int, Fix]:
    """id(fix) -> the fix that contains it: every edit of `fix` lies inside one longer
    edit of the other (an insertion strictly inside), which replaces that text anyway.
    One sweep over the edits sorted by (start, longest first), keeping the edits of the
    two fixes that reach furthest right; a containment it cannot see is left to
    `apply_fixes` (one of the two is then taken, the other skipped)."""
    items = sorted(((e.start, e.end, i) for i, fix in enumerate(fixes) for e in fix.edits),
                   key=lambda x: (x[0], -x[1]))
    held: dict[int, list[int]] = {}  # fix index -> the holder of each of its edits seen held
    best: list[tuple[int, int, int]] = []  # (end, start, fix index) of two distinct fixes, furthest first
    for s, t, i in items:
        other = next((b for b in best if b[2] != i), None)
        if other is not None:
            end, start, j = other
            inside = start < s < end if s == t else start <= s and t <= end
            if inside and (start, end) != (s, t):
                held.setdefault(i, []).append(j)
        for k, (end, _, j) in enumerate(best):
            if j == i:
                if t > end:
                    best[k] = (t, s, i)
                break
        else:
            best.append((t, s, i))
        best.sort(key=lambda b: -b[0])  # stable: of equal ends the earlier start stays first
        del best[2:]
    out: dict[int, Fix] = {}
    for i, holders in held.items():
        if len(holders) == len(fixes[i].edits) and len(set(holders)) == 1:
            out[id(fixes[i])] = fixes[holders[0]]
    return out


class _EditMap:
    """Offsets before a round of edits -> offsets after it. The edits do not overlap."""

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.edits = sorted(edits, key=lambda e: (e.start, e.end))
        self.starts = [e.start for e in self.edits]
        self.ends = [e.end for e in self.edits]
        self.shift = [0]  # shift[k]: total length change of the first k edits
        for e in self.edits:
            self.shift.append(self.shift[-1] + len(e.replacement) - (e.end - e.start))

    def left(self, x: int) -> int:
        """Where offset x is after the edits, as a start: after text inserted at x; at the
        start of the replacement when x is inside a replaced span."""
        k = bisect.bisect_right(self.ends, x)  # edits ending at or before x
        if k < len(self.edits) and self.edits[k].start < x:
            return self.edits[k].start + self.shift[k]
        return x + self.shift[k]

    def right(self, x: int) -> int:
        """Where offset x is after the edits, as an end: before text inserted at x; at the
        end of the replacement when x is inside a replaced span."""
        k = bisect.bisect_left(self.starts, x)  # edits starting before x
        if k and self.edits[k - 1].end > x:
            e = self.edits[k - 1]
            return e.start + self.shift[k - 1] + len(e.replacement)
        return x + self.shift[k]

    def touching(self, s: int, t: int) -> list[Edit]:
        """The edits that change text[s:t] or insert strictly inside it (for an empty
        span: replace text around it)."""
        i = bisect.bisect_right(self.ends, s)
        if s == t:
            return [e for e in self.edits[i:i + 1] if e.start < s]
        out = []
        while i < len(self.edits) and self.edits[i].start < t:
            e = self.edits[i]
            if e.start < e.end or s < e.start:
                out.append(e)
            i += 1
        return out

    def carry(self, f: Finding) -> Finding | None:
        """`f` at its offsets after the edits, or None when its text is gone: less than
        half of it left (the rest deleted or replaced). Two rules often report one
        stutter; the fix of one deletes most of the other's text and so resolves it too.
        Insertions remove nothing: a line that a spacing fix touched is still there."""
        touched = self.touching(f.start, f.end)
        if f.start == f.end:
            if touched:
                return None
        elif touched:
            pos, kept = f.start, 0
            for e in touched:
                kept += max(0, e.start - pos)
                pos = max(pos, e.end)
            kept += max(0, f.end - pos)
            if 2 * kept < f.end - f.start:
                return None
        start, end = self.left(f.start), self.right(f.end)
        return f.replace(start=start, end=max(start, end), fix=self._carry_fix(f.fix))

    def _carry_fix(self, fix: Fix | None) -> Fix | None:
        """A fix moved to the new offsets when no edit touched it, or a deletion grown
        over the edits inside it; otherwise None (it was written for text that changed)."""
        if fix is None:
            return None
        if not any(self._clashes(e.start, e.end) for e in fix.edits):
            return Fix(tuple(Edit(self.left(e.start), max(self.left(e.start), self.right(e.end)),
                                  e.replacement) for e in fix.edits), fix.applicability)
        e = fix.edits[0]
        if len(fix.edits) == 1 and not e.replacement and e.start < e.end and all(
                e.start <= x.start and x.end <= e.end for x in self.touching(e.start, e.end)):
            return Fix.delete(self.left(e.start), self.right(e.end), fix.applicability)
        return None

    def _clashes(self, s: int, t: int) -> bool:
        """Would an edit at s..t have overlapped an applied one (apply_fixes's test)?"""
        i = bisect.bisect_right(self.ends, s)
        if i < len(self.edits) and self.edits[i].start < t:
            return True
        if s == t:
            j = bisect.bisect_left(self.starts, s)
            return any(e.start == e.end == s for e in self.edits[j:j + 2])
        return False


def _merge_carried(fresh: list[Finding], carried: list[Finding]) -> list[Finding]:
    """`fresh` plus the carried findings it does not report again (same code, overlapping
    span, or the same empty span), in position order."""
    if not carried:
        return fresh
    spans: dict[str, tuple[list[int], list[int]]] = {}
    for f in fresh:  # fresh is sorted by start; per code, ends running max for the overlap test
        starts, ends = spans.setdefault(f.code, ([], []))
        starts.append(f.start)
        ends.append(max(f.end, ends[-1]) if ends else f.end)
    kept = []
    for c in carried:
        starts, ends = spans.get(c.code, ((), ()))
        k = bisect.bisect_left(starts, c.end) if c.start < c.end else bisect.bisect_right(starts, c.end)
        # fresh findings of this code starting before c ends: does one reach into c?
        if k and (ends[k - 1] > c.start or (c.start == c.end and ends[k - 1] >= c.start
                                              and starts[k - 1] <= c.start)):
            continue
        kept.append(c)
    if not kept:
        return fresh
    return sorted(fresh + kept, key=lambda f: (f.start, f.end, f.code))
