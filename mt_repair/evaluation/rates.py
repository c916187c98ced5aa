"""Artifact rates: findings per 1,000 words, by category and by rule.

Words are the checker's own tokens (`Document.tokens`: words and numbers outside code,
URLs and comments), so a rate means the same thing for Arabic and English.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from mt_repair.document import Document
from mt_repair.rules.base import CATEGORIES


def word_count(text: str) -> int:
    return len(Document(text).tokens)


@dataclass(frozen=True)
class Tally:
    """Findings counted over a corpus."""

    words: int = 0
    by_category: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.by_category.values())

    def per_1k(self, n: int) -> float:
        return 1000 * n / self.words if self.words else 0.0


def tally(items) -> Tally:
    """items: (text, findings) pairs."""
    words, cats, rules = 0, Counter(), Counter()
    for text, findings in items:
        words += word_count(text)
        for f in findings:
            cats[f.category] += 1
            rules[f.code] += 1
    return Tally(words, cats, rules)


def rule_names() -> dict[str, str]:
    from mt_repair.rules import ALL_RULES

    return {r.code: r.name for r in ALL_RULES}


def rates_dict(before: Tally, after: Tally, names: dict[str, str] | None = None) -> dict:
    """JSON-ready before/after rates; every category is listed, rules only when found."""
    def row(key, b, a):
        return {"key": key, "before": b, "after": a,
                "before_per_1k": round(before.per_1k(b), 3), "after_per_1k": round(after.per_1k(a), 3)}

    return {
        "words_before": before.words, "words_after": after.words,
        "total": row("all", before.total, after.total),
        "by_category": [row(c, before.by_category[c], after.by_category[c]) for c in CATEGORIES],
        "by_rule": [dict(row(code, before.by_rule[code], after.by_rule[code]), name=(names or {}).get(code, ""))
                    for code in sorted(set(before.by_rule) | set(after.by_rule))],
    }
