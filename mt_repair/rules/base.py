"""What every rule module provides: a `Rule` with its metadata, and `check(doc, settings)`."""

from __future__ import annotations

from mt_repair.types import Applicability, Finding, Fix, Frozen, Severity, set_field

CATEGORIES = ("repetition", "script", "garbled", "punctuation", "numbers", "terminology", "residue")


class Rule(Frozen):
    _fields = ("code", "name", "category", "severity", "doc")

    def __init__(self, code: str, name: str, category: str, severity: Severity, doc: str) -> None:
        if category not in CATEGORIES:
            raise ValueError(f"{code}: unknown category {category!r}")
        set_field(self, "code", code)
        set_field(self, "name", name)
        set_field(self, "category", category)
        set_field(self, "severity", severity)
        set_field(self, "doc", doc)

    def finding(self, start: int, end: int, message: str, fix: Fix | None = None,
                severity: Severity | None = None, subject: str | None = None) -> Finding:
        return Finding(self.code, self.name, self.category, severity or self.severity,
                       start, end, message, fix, subject)

    @property
    def summary(self) -> str:
        return self.doc.strip().split("\n", 1)[0]


SAFE, UNSAFE, DISPLAY = Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY_ONLY
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def quote(s: str, limit: int = 60) -> str:
    """A span shown inside a message: trimmed, with invisible characters named."""
    from mt_repair.text import show_invisible

    s = " ".join(s.split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return f"«{show_invisible(s)}»"
