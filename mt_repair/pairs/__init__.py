"""Pair checks: an Arabic source and its English translation, side by side.

`X.ar.md` beside `X.en.md` (or .txt/.markdown) is a pair; `check --source/--target`
names one explicitly. Each pair rule is one module named after its code (PR001…), its
docstring its documentation, its cases `tests/pair_cases/CODE.toml`. Findings belong to
the target file and go through the same selection, ignores and reporters as the mono
rules; selecting `pair` (the category) or `PR` selects them all.

To add a rule: write `prNNN_name.py` with `RULE = PairRule(...)` and `check(pair)`, add
it to `_MODULES`, and add its cases.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from mt_repair.pairs.base import CATEGORY, Pair, PairRule
from mt_repair.types import Finding

_MODULES = ("pr001_glossary_term", "pr002_number_mismatch", "pr003_date_mismatch", "pr004_untranslated",
            "pr005_identical", "pr006_omitted", "pr007_added", "pr008_detached", "pr009_added_name",
            "pr010_latin_copy")
SUFFIXES = (".md", ".markdown", ".txt", ".text")


def _load():
    registry = {}
    for name in _MODULES:
        module = import_module(f"mt_repair.pairs.{name}")
        if module.RULE.code in registry:
            raise RuntimeError(f"duplicate pair rule code {module.RULE.code}")
        registry[module.RULE.code] = (module.RULE, module.check)
    return registry


PAIR_REGISTRY: dict[str, tuple[PairRule, object]] = _load()
PAIR_RULES: list[PairRule] = [r for r, _ in PAIR_REGISTRY.values()]


def source_for(target: str | Path) -> Path | None:
    """`X.ar.md` for `X.en.md` when it exists beside it, else None."""
    p = Path(target)
    for suffix in SUFFIXES:
        if p.name.endswith(".en" + suffix):
            candidate = p.with_name(p.name[: -len(".en" + suffix)] + ".ar" + suffix)
            return candidate if candidate.is_file() else None
    return None


def selected_pair_rules(settings, path: str | None = None) -> list[PairRule]:
    from mt_repair.config import matches, selected

    ignored = settings.ignored_for(path)
    return [r for r in PAIR_RULES if selected(r, settings.select, settings.ignore)
            and (not r.opt_in or _named(r, settings.select))
            and not any(matches(r, s) for s in ignored)]


def _named(rule: PairRule, select) -> bool:
    """An opt-in rule is selected by its code or name only, never by ALL, a prefix or a category."""
    return any(s.upper() == rule.code or s.lower() == rule.name for s in select)


def check_pair(source: str, target: str, settings, source_path: str = "<source>",
               target_path: str = "<target>") -> list[Finding]:
    """Findings of the selected pair rules, as offsets into `target`, sorted; inline
    ignores in the target and severity overrides applied as for the mono rules."""
    rules = selected_pair_rules(settings, target_path)
    if not rules:
        return []
    pair = Pair(source, target, settings, source_path, target_path)
    if not pair.applicable:
        return []
    found: list[Finding] = []
    for rule in rules:
        found.extend(PAIR_REGISTRY[rule.code][1](pair))
    from mt_repair.linter import finalize  # the mono rules' ignores, overrides and order

    return finalize(found, pair.target_doc, settings)


__all__ = ["CATEGORY", "PAIR_REGISTRY", "PAIR_RULES", "Pair", "PairRule", "check_pair", "source_for"]
