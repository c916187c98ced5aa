"""The public Python API: check and fix text from a pipeline, without the command line.

Everything named in `__all__` is the stable surface (also importable from `mt_repair`
itself); other modules are internal and may change. Offsets are code points into the
text given, as everywhere in mt-repair; nothing here reads or writes article files.

>>> from mt_repair import check_text, fix_text
>>> [f.code for f in check_text("The the minister said it was ready .")]
['RP001', 'PN001']
>>> fix_text("قال Ø§Ù„Ø±Ø¦ÙŠØ³ إن الحكومة ستجتمع غدا.").text
'قال الرئيس إن الحكومة ستجتمع غدا.'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from mt_repair.types import Applicability, Edit, Finding, Fix, Frozen, Severity, set_field

__all__ = [  # noqa: F822 - Settings and ConfigError come through __getattr__ below
    "Applicability", "ConfigError", "Edit", "Finding", "Fix", "FixResult", "RuleInfo", "Settings",
    "Severity", "check_pair", "check_text", "fix_text", "list_rules", "load_settings", "rules",
]

_default = None
# a rule docstring's `Fix:` paragraph, and the fix kinds it names
_FIX_PARAGRAPH = re.compile(r"^Fix(?: safety)?:\s*(.*?)(?=\n\s*\n|\n[A-Z][a-z]+:|\Z)", re.DOTALL | re.MULTILINE)
_SAFETY_WORD = re.compile(r"\b(unsafe|safe|display[- ]only|none)\b")


def __getattr__(name: str):
    # Settings and ConfigError come from config.py, which loads every rule: on first use only
    if name in ("Settings", "ConfigError"):
        from mt_repair import config

        return getattr(config, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class FixResult(Frozen):
    """What `fix_text` returns: the fixed text, how many findings' fixes were applied, and
    the findings still in the fixed text (those without a fix of the requested safety)."""

    __slots__ = _fields = ("text", "fixed", "findings")

    def __init__(self, text: str, fixed: int, findings: list[Finding] | None = None) -> None:
        set_field(self, "text", text)
        set_field(self, "fixed", fixed)
        set_field(self, "findings", [] if findings is None else findings)


class RuleInfo(Frozen):
    """A rule's metadata, as `mt-repair rule CODE` shows it.

    `fix_safety` lists the fix kinds its documentation names, in order (`safe`, `unsafe`,
    `display-only`; `none` where some findings have no fix); `fix` is that paragraph."""

    __slots__ = _fields = ("code", "name", "category", "severity", "summary", "fix_safety", "fix", "doc")

    def __init__(self, code: str, name: str, category: str, severity: str, summary: str,
                 fix_safety: tuple[str, ...], fix: str, doc: str) -> None:
        set_field(self, "code", code)
        set_field(self, "name", name)
        set_field(self, "category", category)
        set_field(self, "severity", severity)
        set_field(self, "summary", summary)
        set_field(self, "fix_safety", fix_safety)
        set_field(self, "fix", fix)
        set_field(self, "doc", doc)

    @classmethod
    def from_rule(cls, rule) -> RuleInfo:
        """The info of a text rule (`mt_repair.rules`) or a pair rule (`mt_repair.pairs`)."""
        from inspect import cleandoc  # inspect costs ~7 ms to import: only when rules are listed

        doc = cleandoc(rule.doc)
        m = _FIX_PARAGRAPH.search(doc)
        fix = " ".join(m.group(1).split()) if m else ""
        kinds: list[str] = []
        for word in _SAFETY_WORD.findall(fix):
            word = word.replace(" ", "-")
            if word not in kinds:
                kinds.append(word)
        return cls(rule.code, rule.name, rule.category, str(rule.severity),
                   rule.summary.split(": ", 1)[-1], tuple(kinds), fix, doc)

    def as_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "category": self.category,
                "severity": self.severity, "fix_safety": list(self.fix_safety), "fix": self.fix,
                "summary": self.summary, "doc": self.doc}


def load_settings(path_or_config=None):
    """Settings from a config file, the nearest config above a path, or a table.

    - ``None``: the defaults (every rule, the house glossary), no file read;
    - a ``.mt-repair.toml``, ``mt-repair.toml`` or ``pyproject.toml`` file: that config;
    - any other path (an article or a folder): the nearest config above it, else defaults;
    - a mapping: the contents of a ``[tool.mt-repair]`` table (``{"ignore": ["GB"]}``);
    - a ``Settings``: returned as is.

    Raises ``ConfigError`` (a ``ValueError``) with a one-line reason for a bad config.

    >>> load_settings({"ignore": ["garbled"]}).ignore
    ('garbled',)
    """
    from mt_repair import config

    if path_or_config is None:
        return config.Settings()
    if isinstance(path_or_config, config.Settings):
        return path_or_config
    if isinstance(path_or_config, Mapping):
        return config.settings_from_table(dict(path_or_config), None)
    path = Path(path_or_config)
    if path.is_file() and path.name in config.CONFIG_NAMES:
        return config.load_settings(path)
    if not path.exists():
        raise config.ConfigError(f"{path}: no such file or folder")
    found = config.find_config(path)
    return config.load_settings(found) if found else config.Settings()


def _settings(settings, select, ignore):
    """`settings` (default: the shared defaults) with `select`/`ignore` replaced, keeping
    the glossary and word lists it already loaded (they do not depend on the rules)."""
    global _default
    from mt_repair.config import ConfigError, Settings, validate_selector

    if settings is None:
        if _default is None:
            _default = Settings()
        settings = _default
    elif not isinstance(settings, Settings):
        settings = load_settings(settings)
    changes = {}
    for key, value in (("select", select), ("ignore", ignore)):
        if value is None:
            continue
        if isinstance(value, str):
            raise ConfigError(f"{key} takes a list of selectors, not the string {value!r}")
        changes[key] = tuple(validate_selector(s) for s in value)
    if not changes:
        return settings
    derived = settings.replace(**changes)
    for cached in ("glossary", "lexicon", "allow_folded"):  # functools.cached_property values
        if cached in settings.__dict__:
            derived.__dict__[cached] = settings.__dict__[cached]
    return derived


def check_text(text: str, *, path: str | None = None, settings=None,
               select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
               source: str | None = None, source_path: str | None = None) -> list[Finding]:
    """Every finding in `text`, sorted by position (inline ``mt-repair: ignore`` comments and
    the settings' per-file ignores and severity overrides applied). With `source`, the
    Arabic original `text` translates, the pair rules' findings (PR…) too, merged with the
    others so that one artifact is one finding.

    `path` is only a name (for per-file ignores and messages); the text is never read from
    it. `settings` is a ``Settings`` or anything `load_settings` takes (load it once and pass
    the ``Settings`` when checking many texts: it keeps its glossary and word lists);
    `select`/`ignore` replace its selection with codes, prefixes, names or categories.

    >>> [(f.code, f.start, f.end) for f in check_text("قال Ø§Ù„Ø±Ø¦ÙŠØ³ إن الحكومة ستجتمع غدا.")]
    [('SC007', 4, 16)]
    >>> check_text("The the plan.", ignore=["repetition"])
    []
    """
    from mt_repair import linter

    return linter.check_text(text, _settings(settings, select, ignore), path or "<text>", source,
                             source_path or "<source>")


def fix_text(text: str, *, unsafe: bool = False, path: str | None = None, settings=None,
             select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
             source: str | None = None, source_path: str | None = None) -> FixResult:
    """Apply the safe fixes (and the unsafe ones with ``unsafe=True``) until none is left.
    With `source` (the Arabic original of `text`) the pair rules' fixes are applied too,
    as `check --fix` does for a translation, and re-checked each round with the others.

    >>> result = fix_text("The the minister said it was ready .")
    >>> result.text, result.fixed, result.findings
    ('The minister said it was ready.', 2, [])
    >>> fix_text("clean text").fixed
    0
    """
    from mt_repair import linter

    minimum = Applicability.UNSAFE if unsafe else Applicability.SAFE
    outcome = linter.fix_and_check(text, _settings(settings, select, ignore), path or "<text>", minimum,
                                   source, source_path or "<source>")
    return FixResult(outcome.text, outcome.fixed, list(outcome.findings))


def check_pair(source: str, target: str, *, settings=None, select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None, source_path: str | None = None,
               target_path: str | None = None) -> list[Finding]:
    """Findings of the pair rules (PR…) for `target`, an English translation of the Arabic
    `source`; offsets point into `target`. The mono rules are not run (`check_text(target,
    source=source)` gives both, merged; `fix_text(target, source=source)` applies both's fixes).

    >>> [f.code for f in check_pair("توفي ٣ أشخاص.", "Five people died.")]
    ['PR002']
    """
    from mt_repair import pairs

    return pairs.check_pair(source, target, _settings(settings, select, ignore),
                            source_path or "<source>", target_path or "<target>")


def rules() -> list[RuleInfo]:
    """Every rule, text rules then pair rules, in code order within each family.

    >>> next(r for r in rules() if r.code == "SC007").name
    'mojibake'
    """
    from mt_repair.pairs import PAIR_RULES
    from mt_repair.rules import ALL_RULES

    return [RuleInfo.from_rule(r) for r in (*ALL_RULES, *PAIR_RULES)]


# `mt_repair.rules` is the rule package, so the package re-exports this as `list_rules`
list_rules = rules
