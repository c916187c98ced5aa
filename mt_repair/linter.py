"""Run the selected rules over one text; find fixes; fix until stable. No I/O here."""

from __future__ import annotations

from mt_repair.config import Settings
from mt_repair.document import Document
from mt_repair.fixes import FixOutcome, fix_findings_until_stable
from mt_repair.rules import REGISTRY
from mt_repair.types import Applicability, Finding


def check_text(text: str, settings: Settings, path: str = "<text>", source: str | None = None,
               source_path: str = "<source>", *, mono: bool = True) -> list[Finding]:
    """All findings for `text`, sorted by position, after inline and per-file ignores.
    With `source` (the Arabic original `text` translates) the pair rules' findings too,
    finalized with the mono rules' (`mono=False`: the pair rules' alone)."""
    return Checker(settings, path, source, source_path, mono)(text)


class Checker:
    """The one check of a run: the selected mono rules and, when `source` is given, the
    pair rules, merged before `finalize` (so one artifact is one finding across both).
    `fix_and_check` calls it once per round of fixes: pair fixes are applied by `--fix`
    and re-checked like the others. The source's side of the pair (sentences, numbers,
    names) is computed once and kept between rounds; without a source nothing of the
    pair rules is imported (the hook's fast path)."""

    def __init__(self, settings: Settings, path: str = "<text>", source: str | None = None,
                 source_path: str = "<source>", mono: bool = True) -> None:
        self.settings, self.path, self.mono = settings, path, mono
        self.source, self.source_path = source, source_path
        self._pair = None

    def __call__(self, text: str) -> list[Finding]:
        doc = Document(text, self.path)
        findings: list[Finding] = []
        if self.mono:
            for rule in self.settings.rules_for(self.path):
                _, check = REGISTRY[rule.code]
                findings.extend(check(doc, self.settings))
        if self.source is not None:
            from mt_repair.pairs import Pair, pair_findings

            if self._pair is None:
                pair = Pair(self.source, text, self.settings, self.source_path, self.path)
            else:
                pair = self._pair.for_target(text)
            pair.__dict__["target_doc"] = doc  # the cached property: one Document per text
            self._pair = pair
            findings.extend(pair_findings(pair, self.path))
        return finalize(findings, doc, self.settings)


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
            f = f.replace(severity=sev)
        out.append(f)
    out.sort(key=lambda f: (f.start, f.end, f.code))
    return absorb_nested(absorb_same_subject(out))


def _stands_for(a: Finding, b: Finding) -> bool:
    """May `a` be shown for `b` (one subject, nested spans)? When `b` is no more severe and
    has no fix or the very same edits: the exit code and what --fix writes do not change."""
    return b.severity <= a.severity and (b.fix is None or (
        a.fix is not None and a.fix.edits == b.fix.edits and a.fix.applicability >= b.fix.applicability))


def absorb_same_subject(findings: list[Finding]) -> list[Finding]:
    """One finding per subject and place: of two findings about one glossary name whose
    spans nest (PR001 "the translation has no «COVID-19»" over a sentence, TM003
    "«Coved-19» looks like «COVID-19»" inside it), keep the one that `_stands_for` the
    other; when each could, the one with a fix, then the narrower span. `findings` sorted
    by position; the result keeps their order."""
    groups: dict[str, list[int]] = {}
    for i, f in enumerate(findings):
        if f.subject is not None:
            groups.setdefault(f.subject, []).append(i)
    dropped: set[int] = set()
    for idx in groups.values():
        if len(idx) < 2:
            continue
        idx.sort(key=lambda i: (findings[i].start, -findings[i].end))
        open_: list[int] = []  # earlier findings of the subject that may contain later ones
        for i in idx:
            f = findings[i]
            open_ = [j for j in open_ if findings[j].end > f.start and j not in dropped][-_HOLDERS:]
            for j in open_:
                g = findings[j]
                if g.end < f.end:
                    continue  # overlapping, not nested: two places
                keep_f, keep_g = _stands_for(f, g), _stands_for(g, f)
                if keep_f and keep_g:  # either may stand: the fix, then the narrower span
                    keep_g = g.fix is not None and f.fix is None
                    keep_f = not keep_g
                if keep_f:
                    dropped.add(j)
                elif keep_g:
                    dropped.add(i)
                    break
            if i not in dropped:
                open_.append(i)
    return [f for i, f in enumerate(findings) if i not in dropped] if dropped else findings


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
             minimum: Applicability = Applicability.SAFE, source: str | None = None,
             source_path: str = "<source>") -> tuple[str, int]:
    """Apply fixes of at least `minimum` safety until none is left (the pair rules' too
    when `source` is given). Returns (text, count)."""
    outcome = fix_and_check(text, settings, path, minimum, source, source_path)
    return outcome.text, outcome.fixed


def fix_and_check(text: str, settings: Settings, path: str = "<text>",
                  minimum: Applicability = Applicability.SAFE, source: str | None = None,
                  source_path: str = "<source>") -> FixOutcome:
    """Fix as `fix_text` does, and return the findings on the fixed text too: the last
    round's check plus any finding a fix changed the evidence of (never hidden), so the
    report after --fix needs no check of its own."""
    return fix_findings_until_stable(text, Checker(settings, path, source, source_path), minimum)
