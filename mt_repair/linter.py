"""Run the selected rules over one text; find fixes; fix until stable. No I/O here."""

from __future__ import annotations

from mt_repair.config import Settings
from mt_repair.document import Document
from mt_repair.fixes import FixOutcome, fix_findings_until_stable
from mt_repair.rules import REGISTRY
from mt_repair.types import Applicability, Finding


def check_text(text: str, settings: Settings, path: str = "<text>") -> list[Finding]:
    """All findings for `text`, sorted by position, after inline and per-file ignores."""
    doc = Document(text, path)
    findings: list[Finding] = []
    for rule in settings.rules_for(path):
        _, check = REGISTRY[rule.code]
        findings.extend(check(doc, settings))
    return finalize(findings, doc, settings)


def finalize(findings, doc: Document, settings: Settings) -> list[Finding]:
    """Drop what inline ignores in `doc` cover, apply severity overrides, sort by position,
    and drop findings another one stands for (`absorb_nested`: one finding per artifact)."""
    ignores = doc.ignores
    out = []
    for f in findings:
        if ignores:
            line, _ = doc.line_col(f.start)
            codes = ignores.get(line, frozenset())
            if codes is None or f.code in codes:
                continue
        sev = settings.severity.get(f.code)
        if sev is not None and sev != f.severity:
            f = Finding(f.code, f.name, f.category, sev, f.start, f.end, f.message, f.fix)
        out.append(f)
    out.sort(key=lambda f: (f.start, f.end, f.code))
    return absorb_nested(out)


_HOLDERS = 8


def _deletes(a: Finding, b: Finding) -> bool:
    """Does one edit of `a`'s fix delete all of `b`'s span, and hold every edit of `b`'s
    fix the way `fixes.plan_fixes` lets a longer edit take a fix with it (an insertion
    strictly inside; an edit of the very same range is a rival, not held)?"""
    for e in a.fix.edits:
        if e.replacement or not (e.start <= b.start and b.end <= e.end):
            continue
        if b.fix is None or all(
                (e.start < x.start < e.end) if x.start == x.end
                else (e.start <= x.start and x.end <= e.end and (x.start, x.end) != (e.start, e.end))
                for x in b.fix.edits):
            return True
    return False


def absorbs(a: Finding, b: Finding) -> bool:
    """Does `a` stand for `b`, so that `b` need not be shown? When `a`'s fix deletes the
    text `b` reports and `a` is page residue or of `b`'s category (a tag line takes its
    hashtags with it, an echoed list its doubled word), or both flag the same span and
    `b` has no fix or the very same edits (`plan_fixes` makes those one fix: `#Macron` as
    a hashtag and as an English name); and `b` is no more severe (the exit code cannot
    change) and its fix no safer (a run that would apply `b`'s fix applies `a`'s, which
    `b`'s gives way to: no fix is lost). Everything else is a separate problem and stays."""
    if a is b or a.fix is None or not (a.start <= b.start and b.end <= a.end):
        return False
    if b.severity > a.severity or (b.fix is not None and a.fix.applicability < b.fix.applicability):
        return False
    if (a.start, a.end) == (b.start, b.end) and (b.fix is None or a.fix.edits == b.fix.edits):
        return True
    # inside a deletion: page furniture takes all it holds (none of it is article text);
    # otherwise only a finding of its own kind (a doubled word inside an echoed list), as
    # a stray space inside an echo is a second problem, still there if the echo is kept
    return (a.category == "residue" or a.category == b.category) and _deletes(a, b)


def absorb_nested(findings: list[Finding]) -> list[Finding]:
    """One finding per artifact across rules: drop each finding another one `absorbs`
    (see there). `findings` sorted by position; the result keeps their order."""
    if len(findings) < 2:
        return findings
    # containers first; of equal spans the more severe, then the safer fix, may stand for the other
    order = sorted(range(len(findings)), key=lambda i: (
        findings[i].start, -findings[i].end, -findings[i].severity,
        -(findings[i].fix.applicability if findings[i].fix is not None else -1)))
    active: list[Finding] = []  # kept findings with a fix, that may still hold later ones
    dropped: set[int] = set()
    for i in order:
        f = findings[i]
        active = [a for a in active if a.end > f.start or a.start == f.start]
        if any(absorbs(a, f) for a in active):
            dropped.add(i)
            continue
        if f.fix is not None:
            # the few reaching furthest right hold the most; a bounded list keeps this
            # linear (a containment missed only leaves a finding shown, never hides one)
            active.append(f)
            if len(active) > _HOLDERS:
                active.sort(key=lambda a: -a.end)
                del active[_HOLDERS:]
    return [f for i, f in enumerate(findings) if i not in dropped] if dropped else findings


def fix_text(text: str, settings: Settings, path: str = "<text>",
             minimum: Applicability = Applicability.SAFE) -> tuple[str, int]:
    """Apply fixes of at least `minimum` safety until none is left. Returns (text, count)."""
    outcome = fix_and_check(text, settings, path, minimum)
    return outcome.text, outcome.fixed


def fix_and_check(text: str, settings: Settings, path: str = "<text>",
                  minimum: Applicability = Applicability.SAFE) -> FixOutcome:
    """Fix as `fix_text` does, and return the findings on the fixed text too: the last
    round's check plus any finding a fix changed the evidence of (never hidden), so the
    report after --fix needs no check of its own."""
    return fix_findings_until_stable(text, lambda t: check_text(t, settings, path), minimum)
