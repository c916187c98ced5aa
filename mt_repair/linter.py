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
    """Drop what inline ignores in `doc` cover, apply severity overrides, sort by position."""
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
    return out


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
