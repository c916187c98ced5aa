"""Pair checks: a source and its translation side by side, Arabic into English or English into Arabic.

`X.ar.md` beside `X.en.md` (or .txt/.markdown) is a pair; the config's `source-language`
(default "ar") says which of the two is the source. `check --source/--target` names one
explicitly, and the source's script then gives the direction. A rule runs only in the
directions its `PairRule.directions` lists. Each pair rule is one module named after its code (PR001…), its
docstring its documentation, its cases `tests/pair_cases/CODE.toml`. Findings belong to
the target file and go through the same selection, ignores and reporters as the mono
rules; selecting `pair` (the category) or `PR` selects them all.

To add a rule: write `prNNN_name.py` with `RULE = PairRule(..., directions=...)` and `check(pair)`, add
it to `_MODULES`, and add its cases.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from mt_repair.types import Finding

if TYPE_CHECKING:
    from mt_repair.pairs.base import Pair, PairRule

_MODULES = ("pr001_glossary_term", "pr002_number_mismatch", "pr003_date_mismatch", "pr004_untranslated",
            "pr005_identical", "pr006_omitted", "pr007_added", "pr008_detached", "pr009_added_name",
            "pr010_latin_copy", "pr011_garbled_name", "pr012_dot_grouping")
SUFFIXES = (".md", ".markdown", ".txt", ".text")


def _load():
    registry = {}
    for name in _MODULES:
        module = import_module(f"mt_repair.pairs.{name}")
        if module.RULE.code in registry:
            raise RuntimeError(f"duplicate pair rule code {module.RULE.code}")
        registry[module.RULE.code] = (module.RULE, module.check)
    return registry


_LOADED: dict[str, object] = {}


def __getattr__(name: str):
    # the rules, and what they share, load on first use: `source_for` alone (is this file
    # a translation?) must not cost the hook the pair modules' imports
    if name in ("PAIR_REGISTRY", "PAIR_RULES"):
        if not _LOADED:
            registry = _load()
            _LOADED.update(PAIR_REGISTRY=registry, PAIR_RULES=[r for r, _ in registry.values()])
        return _LOADED[name]
    if name in ("CATEGORY", "Pair", "PairRule"):
        from mt_repair.pairs import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


SOURCE_LANGUAGES = ("ar", "en")


def target_language(source_language: str = "ar") -> str:
    return "en" if source_language == "ar" else "ar"


def source_for(target: str | Path, source_language: str = "ar") -> Path | None:
    """The source beside a translation, when it exists: `X.ar.md` for `X.en.md` (source
    language "ar"), or `X.en.md` for `X.ar.md` ("en"); else None."""
    p = Path(target)
    tgt = "." + target_language(source_language)
    for suffix in SUFFIXES:
        if p.name.endswith(tgt + suffix):
            candidate = p.with_name(p.name[: -len(tgt + suffix)] + f".{source_language}" + suffix)
            return candidate if candidate.is_file() else None
    return None


def selected_pair_rules(settings, path: str | None = None) -> list[PairRule]:
    # the same layered selection as the text rules (config.resolve_rules: opt-in rules by name only)
    return settings.rules_among(__getattr__("PAIR_RULES"), path)


def pair_findings(pair: Pair, path: str | None = None) -> list[Finding]:
    """The selected pair rules' findings on `pair`, as offsets into its target, unsorted
    and not yet finalized (the linter merges them with the mono rules' findings, so one
    `finalize` sees both: ignores, overrides, one finding per artifact)."""
    rules = selected_pair_rules(pair.settings, path or pair.target_path)
    if not rules or not pair.applicable:
        return []
    found: list[Finding] = []
    for rule in rules:
        if pair.direction not in rule.directions:
            continue
        found.extend(__getattr__("PAIR_REGISTRY")[rule.code][1](pair))
    return found


def check_pair(source: str, target: str, settings, source_path: str = "<source>",
               target_path: str = "<target>") -> list[Finding]:
    """Findings of the selected pair rules, as offsets into `target`, sorted; inline
    ignores in the target and severity overrides applied as for the mono rules.
    (`linter.check_text(target, …, source=source)` gives these and the mono rules' together.)"""
    from mt_repair.linter import check_text  # the mono rules' ignores, overrides and order

    return check_text(target, settings, target_path, source=source, source_path=source_path, mono=False)


__all__ = ["CATEGORY", "PAIR_REGISTRY", "PAIR_RULES", "SOURCE_LANGUAGES", "Pair", "PairRule", "check_pair",
           "pair_findings", "source_for", "target_language"]
