"""Settings: defaults, `[tool.mt-repair]` in pyproject.toml or `.mt-repair.toml`, CLI overrides."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from mt_repair.glossary import DEFAULT_GLOSSARY, Glossary
from mt_repair.lexicon import Lexicon
from mt_repair.rules import ALL_RULES, CATEGORIES, Rule
from mt_repair.types import Frozen, Record, Severity, set_field

CONFIG_NAMES = (".mt-repair.toml", "mt-repair.toml", "pyproject.toml")
KNOWN_KEYS = {
    "select", "ignore", "extend-select", "extend-ignore", "severity", "glossaries", "house-glossary", "per-file-ignores",
    "extend-per-file-ignores",
    "residue-patterns", "allow", "include", "exclude", "extend-exclude", "fail-on", "hunspell", "extend",
    "respect-gitignore", "source-language",
}
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.text")
# Never articles: tool folders, and the documentation files every repository has (ruff's
# `exclude` default, extended to non-article Markdown). `exclude` replaces this list,
# `extend-exclude` adds to it; a file named on the command line is checked all the same.
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".mt-repair-cache",
    "README*", "Readme*", "readme*", "CHANGELOG*", "CHANGES*", "HISTORY*", "LICENSE*", "LICENCE*", "COPYING*",
    "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*", "AUTHORS*", "NOTICE*", "CODEOWNERS",
    "PULL_REQUEST_TEMPLATE*", "ISSUE_TEMPLATE*",
)


class ConfigError(ValueError):
    pass


class RuleSelection(Frozen):
    """One layer of rule selection, as ruff keeps them: an extending config's keys, or the
    command line's flags. `select=None`: this layer did not say `select` (it edits the set
    the layers before it left); a tuple replaces that set. `ignore` includes `extend-ignore`."""

    __slots__ = _fields = ("select", "extend_select", "ignore")

    def __init__(self, select: tuple[str, ...] | None = None, extend_select: tuple[str, ...] = (),
                 ignore: tuple[str, ...] = ()) -> None:
        set_field(self, "select", select)
        set_field(self, "extend_select", extend_select)
        set_field(self, "ignore", ignore)

    def __bool__(self) -> bool:
        return self.select is not None or bool(self.extend_select or self.ignore)


class Settings(Record):
    """What a config (and the command line) set. Mutable while a config is read
    (`settings_from_table`); the glossary, word lists and resolved rules are cached on it,
    and `replace()` gives a copy with the fields only (what is pickled to other processes).

    `exclude`: globs relative to `root`, as .gitignore lines (workspace.py). `source_language`:
    of `X.ar.md` beside `X.en.md`, the source (pair checks). `root`: folder of the config
    file, for per-file-ignores. `selections`: later selection layers, applied on top of
    select/ignore in order: extending configs' keys, then the command line's
    --select/--extend-select/--ignore (see `resolve_rules`)."""

    _fields = ("select", "ignore", "severity", "glossaries", "house_glossary", "per_file_ignores",
               "residue_patterns", "allow", "include", "exclude", "respect_gitignore", "fail_on", "hunspell",
               "source_language", "root", "config_file", "selections")

    def __init__(self, select: tuple[str, ...] = ("ALL",), ignore: tuple[str, ...] = (),
                 severity: dict[str, Severity] | None = None, glossaries: tuple[Path, ...] = (),
                 house_glossary: bool = True, per_file_ignores: dict[str, tuple[str, ...]] | None = None,
                 residue_patterns: tuple[tuple[str, str, str, str], ...] = (), allow: tuple[str, ...] = (),
                 include: tuple[str, ...] = DEFAULT_INCLUDE, exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
                 respect_gitignore: bool = True, fail_on: Severity = Severity.WARNING, hunspell: bool = True,
                 source_language: str = "ar", root: Path | None = None, config_file: Path | None = None,
                 selections: tuple[RuleSelection, ...] = ()) -> None:
        self.select = select
        self.ignore = ignore
        self.severity = {} if severity is None else severity
        self.glossaries = glossaries
        self.house_glossary = house_glossary
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.residue_patterns = residue_patterns
        self.allow = allow
        self.include = include
        self.exclude = exclude
        self.respect_gitignore = respect_gitignore
        self.fail_on = fail_on
        self.hunspell = hunspell
        self.source_language = source_language
        self.root = root
        self.config_file = config_file
        self.selections = selections

    # -- derived -------------------------------------------------------------
    @cached_property
    def glossary(self) -> Glossary:
        paths = ([DEFAULT_GLOSSARY] if self.house_glossary and DEFAULT_GLOSSARY.exists() else []) + list(self.glossaries)
        return Glossary.load(paths)

    @cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon(self.glossary.words | frozenset(self.allow), use_hunspell=self.hunspell)

    @cached_property
    def allow_folded(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in self.allow)

    @property
    def layers(self) -> tuple[RuleSelection, ...]:
        """Every selection layer, first to last: this config's (or the root of its `extend`
        chain's) select and ignore, then `selections`."""
        return (RuleSelection(tuple(self.select), (), tuple(self.ignore)), *self.selections)

    @cached_property
    def rules(self) -> list[Rule]:
        return resolve_rules(ALL_RULES, self.layers)

    def rules_for(self, path: str | None) -> list[Rule]:
        return self.rules_among(ALL_RULES, path)

    def rules_among(self, candidates, path: str | None = None) -> list:
        """The rules of `candidates` (text or pair rules) that run on `path`: the selection
        layers resolved, then the per-file ignores that match `path` taken out."""
        chosen = self.rules if candidates is ALL_RULES else resolve_rules(candidates, self.layers)
        ignores = self.ignored_for(path)
        if not ignores:
            return chosen
        return [r for r in chosen if not any(matches(r, s) for s in ignores)]

    def ignored_for(self, path: str | None) -> tuple[str, ...]:
        if not path or not self.per_file_ignores:
            return ()
        from mt_repair.workspace import glob_matches, relative_to

        rel = relative_to(path, self.root)
        out: list[str] = []
        for pattern, sels in self.per_file_ignores.items():
            if glob_matches(pattern, rel):
                out.extend(sels)
        return tuple(out)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


def matches(rule: Rule, selector: str) -> bool:
    s = selector.strip()
    return (s.upper() == "ALL" or rule.code == s.upper() or rule.code.startswith(s.upper())
            or s.lower() in (rule.category, rule.name))


_CODE_PREFIX = re.compile(r"([A-Z]{1,2})(\d{0,3})")


def specificity(selector: str) -> int:
    """How narrowly a selector names rules, as ruff ranks them: ALL 0, a one-letter prefix 1,
    a category or family (`punctuation`, `PN`) 2, `PN0` 3, `PN00` 4, a code or a name 5."""
    s = selector.strip()
    if s.upper() == "ALL":
        return 0
    if s.lower() in CATEGORIES or s.lower() == "pair":
        return 2
    m = _CODE_PREFIX.fullmatch(s.upper())
    if m is None:
        return 5  # a rule name
    letters, digits = m.groups()
    return 1 if len(letters) == 1 else 5 if len(digits) == 3 else 2 + len(digits)


def resolve_rules(rules, layers) -> list:
    """The rules of `rules` that `layers` (RuleSelection, first to last) leave selected, as
    ruff resolves `select`/`extend-select`/`ignore`:
    - within a layer, selectors apply from the least specific to the most specific, and at
      equal specificity `ignore` after `select`: `select = ["RP001"], ignore = ["RP"]` keeps
      RP001, `select = ["RP"], ignore = ["RP001"]` drops it;
    - a layer with `select` replaces the set the earlier layers left; one without edits it,
      so a later `extend-select` (the command line's) re-enables what an earlier `ignore`
      (a config's) dropped, and a later `ignore` adds to the earlier ones;
    - a layer with `select = []` and an `ignore` carries that ignore into the next layer;
    - an opt-in rule (PR008) is enabled only by its own code or name, never by ALL or a prefix."""
    enabled: set[str] = set()
    carried: tuple[str, ...] = ()
    for layer in layers:
        updates: dict[str, bool] = {}
        ignores = (*layer.ignore, *carried)
        carried = ()
        turned_on = (*(layer.select or ()), *layer.extend_select)
        for level in range(6):
            for sel in turned_on:
                if specificity(sel) == level:
                    for r in rules:
                        if matches(r, sel) and (level == 5 or not getattr(r, "opt_in", False)):
                            updates[r.code] = True
            for sel in ignores:
                if specificity(sel) == level:
                    for r in rules:
                        if matches(r, sel):
                            updates[r.code] = False
        if layer.select is not None:
            enabled = {code for code, on in updates.items() if on}
            if not layer.select and not layer.extend_select and layer.ignore:
                carried = layer.ignore
        else:
            for code, on in updates.items():
                (enabled.add if on else enabled.discard)(code)
    return [r for r in rules if r.code in enabled]


def selected(rule: Rule, select, ignore) -> bool:
    """Whether one layer (`select`, `ignore`) selects `rule` (see `resolve_rules`)."""
    return bool(resolve_rules([rule], (RuleSelection(tuple(select), (), tuple(ignore)),)))


def validate_selector(s: str) -> str:
    valid = any(matches(r, s) for r in ALL_RULES)
    if not valid:  # pair rules (PR…, category `pair`) are selected alike; imported only here
        from mt_repair.pairs import PAIR_RULES

        valid = any(matches(r, s) for r in PAIR_RULES)
    if not valid:
        from mt_repair.pairs import PAIR_RULES

        known = {"ALL", *CATEGORIES, "pair"} | {x for r in [*ALL_RULES, *PAIR_RULES] for x in (r.code, r.name)}
        hint = _did_you_mean(s.strip().upper() if s.strip()[:2].isupper() else s.strip().lower(), known)
        raise ConfigError(f"unknown rule selector {s!r}{hint}: use a code (RP001), a prefix (RP), "
                          f"a rule name or a category ({', '.join(CATEGORIES)}, pair)")
    return s


def find_config(start: Path) -> Path | None:
    """The nearest .mt-repair.toml, or pyproject.toml with [tool.mt-repair], up the tree."""
    start = start.resolve()
    for folder in [start, *start.parents] if start.is_dir() else [start.parent, *start.parent.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml":
                    import tomllib  # here: most runs have no config file (~4 ms)

                    try:
                        data = tomllib.loads(candidate.read_text(encoding="utf-8"))
                    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
                        continue  # not readable as TOML: not ours to judge (load_settings says why for --config)
                    tool = data.get("tool", {})
                    if not isinstance(tool, dict) or "mt-repair" not in tool:
                        continue
                return candidate
    return None


def load_settings(config_file: Path | None, _chain: tuple[Path, ...] = ()) -> Settings:
    """Settings from a config file; `extend = "../.mt-repair.toml"` loads that file first
    (its path relative to this file's folder) and this file's keys apply on top of it."""
    if config_file is None:
        return Settings()
    table = _read_table(config_file)
    base = None
    if "extend" in table:
        target = table["extend"]
        if not isinstance(target, str) or not target.strip():
            raise ConfigError(f"{config_file}: extend must be the path of another config file, "
                              f"not {_describe(target)}")
        parent = (config_file.parent / Path(target).expanduser()).resolve()
        if parent in _chain or parent == config_file.resolve():
            raise ConfigError(f"{config_file}: extend {target!r} makes a cycle "
                              f"({' -> '.join(str(c) for c in (*_chain, config_file.resolve(), parent))})")
        if not parent.is_file():
            raise ConfigError(f"{config_file}: extend {target!r}: {parent} does not exist")
        base = load_settings(parent, (*_chain, config_file.resolve()))
    return settings_from_table(table, config_file, base)


def _read_table(config_file: Path) -> dict:
    import tomllib

    try:
        data = tomllib.loads(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{config_file}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{config_file}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib parses arrays and inline tables recursively
        raise ConfigError(f"{config_file}: invalid TOML: arrays or tables nested too deeply") from None
    if config_file.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{config_file}: [tool] must be a table, not {_describe(tool)}")
        table = tool.get("mt-repair", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{config_file}: [tool.mt-repair] must be a table, not {_describe(table)}")
    else:
        table = data
    return table


def _describe(value) -> str:
    """`value` as a config message names it: its TOML type and, if short, itself."""
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)
    shown = repr(value) if not isinstance(value, bool) else str(value).lower()
    return f"{kind} ({shown})" if len(shown) <= 40 else kind


def _did_you_mean(word, choices) -> str:
    import difflib  # only for a mistake

    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _all_codes() -> set[str]:
    from mt_repair.pairs import PAIR_RULES

    return {r.code for r in ALL_RULES} | {r.code for r in PAIR_RULES}


def settings_from_table(table: dict, config_file: Path | None, base: Settings | None = None) -> Settings:
    """Settings from a config table; every value is checked (type and meaning) and a bad
    one raises ConfigError naming the file, the key and what was expected. With `base`
    (an `extend`ed config) the keys given here replace its values (`extend-select`,
    `extend-exclude` and `severity` add to them); its path globs are re-anchored here."""
    where = str(config_file) if config_file else "config"
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        hints = "".join(_did_you_mean(k, KNOWN_KEYS) for k in unknown[:1])
        raise ConfigError(f"{where}: unknown option(s) {', '.join(unknown)}{hints}; "
                          f"known: {', '.join(sorted(KNOWN_KEYS))}")
    root = config_file.parent if config_file else Path.cwd()
    if base is None:
        s = Settings(root=root, config_file=config_file)
    else:
        from mt_repair.workspace import rebase_globs

        old = base.root or Path.cwd()
        s = Settings(select=base.select, ignore=base.ignore, severity=dict(base.severity),
                     glossaries=base.glossaries, house_glossary=base.house_glossary,
                     per_file_ignores={g2: sels for g, sels in base.per_file_ignores.items()
                                       for g2 in rebase_globs((g,), old, root)},
                     residue_patterns=base.residue_patterns, allow=base.allow,
                     include=rebase_globs(base.include, old, root), exclude=rebase_globs(base.exclude, old, root),
                     respect_gitignore=base.respect_gitignore, fail_on=base.fail_on, hunspell=base.hunspell,
                     root=root, config_file=config_file)

    def fail(key: str, message: str):
        raise ConfigError(f"{where}: {key} {message}")

    def strings(key, value=None, what="a list of strings"):
        value = table.get(key, []) if value is None else value
        if not isinstance(value, list):
            hint = f' (write {key} = ["{value}"])' if isinstance(value, str) else ""
            fail(key, f"must be {what}, not {_describe(value)}{hint}")
        for v in value:
            if not isinstance(v, str):
                fail(key, f"must be {what}; it holds {_describe(v)}")
        return tuple(value)

    def selectors(key, value=None):
        out = []
        for x in strings(key, value):
            try:
                out.append(validate_selector(x))
            except ConfigError as exc:
                raise ConfigError(f"{where}: {key}: {exc}") from None
        return tuple(out)

    def boolean(key, default: bool) -> bool:
        if base is not None and key not in table:
            return default
        value = table.get(key, default)
        if not isinstance(value, bool):
            fail(key, f"must be true or false, not {_describe(value)}")
        return value

    def severity(key, value) -> Severity:
        if not isinstance(value, str):
            fail(key, f'must be "error", "warning" or "info", not {_describe(value)}')
        try:
            return Severity.parse(value)
        except ValueError:
            fail(key, f'must be "error", "warning" or "info", not {value!r}'
                      f'{_did_you_mean(value.strip().lower(), ("error", "warning", "info"))}')

    def globs(key, value=None):
        """.gitignore-style globs relative to the config's folder (see workspace.py)."""
        out = strings(key, value, "a list of glob strings")
        from mt_repair.workspace import glob_problem

        for g in out:
            if not g.strip():
                fail(key, "has an empty glob, which matches nothing")
            problem = glob_problem(g)
            if problem:
                fail(key, f"glob {g!r} {problem}")
        return out

    ignore = selectors("ignore") + selectors("extend-ignore")  # ruff: extend-ignore joins ignore
    if base is None:  # the first layer: `select` (default ALL) with `extend-select` and `ignore`
        s.select = (selectors("select") if "select" in table else s.select) + selectors("extend-select")
        s.ignore = ignore
    else:  # an extending config: one more layer on top of the extended config's (as ruff)
        s.selections = base.selections
        layer = RuleSelection(selectors("select") if "select" in table else None,
                              selectors("extend-select"), ignore)
        if layer:
            s.selections += (layer,)

    sev = table.get("severity", {})
    if not isinstance(sev, dict):
        fail("severity", f'must be a table of CODE = "error|warning|info", not {_describe(sev)}')
    if sev:
        codes = _all_codes()
        for code, level in sev.items():
            if code.upper() not in codes:
                raise ConfigError(f"{where}: severity: unknown rule code {code!r}"
                                  f"{_did_you_mean(code.upper(), codes)}; severity takes full codes such as PN003")
            s.severity[code.upper()] = severity(f"severity.{code}", level)

    if "glossaries" in table or base is None:
        s.glossaries = tuple((root / g) for g in strings("glossaries"))
    for g in s.glossaries:
        if not g.is_file():
            raise ConfigError(f"{where}: glossary {g} does not exist")
    s.house_glossary = boolean("house-glossary", s.house_glossary)

    if "per-file-ignores" in table:  # as ruff: replaces an extended config's; extend-per-file-ignores adds
        s.per_file_ignores = {}
    for name in ("per-file-ignores", "extend-per-file-ignores"):
        pfi = table.get(name, {})
        if not isinstance(pfi, dict):
            fail(name, f'must be a table of "glob" = ["CODE", ...], not {_describe(pfi)}')
        for glob, sels in pfi.items():
            key = f"{name}.{glob!r}" if glob else name
            if not glob.strip():
                fail(key, "has an empty glob, which matches nothing")
            globs(key, [glob])
            s.per_file_ignores[glob] = s.per_file_ignores.get(glob, ()) + selectors(key, sels)

    if "residue-patterns" in table or base is None:
        s.residue_patterns = residue_patterns(table.get("residue-patterns", []), where)
    if "allow" in table or base is None:
        s.allow = strings("allow")
    if "include" in table:
        s.include = globs("include")
    if "exclude" in table:  # as ruff: `exclude` replaces the defaults, `extend-exclude` adds to them
        s.exclude = globs("exclude")
    s.exclude = s.exclude + globs("extend-exclude")
    if "fail-on" in table:
        s.fail_on = severity("fail-on", table["fail-on"])
    s.hunspell = boolean("hunspell", s.hunspell)
    s.respect_gitignore = boolean("respect-gitignore", s.respect_gitignore)
    s.source_language = base.source_language if base is not None else s.source_language
    if "source-language" in table:  # which of X.ar.md / X.en.md is the source (pairs)
        lang = table["source-language"]
        if lang not in ("ar", "en"):
            fail("source-language", f'must be "ar" or "en", not {_describe(lang)}'
                                    f'{_did_you_mean(str(lang).strip().lower(), ("ar", "en"))}')
        s.source_language = lang
    return s


RESIDUE_KINDS = ("line", "header", "prefix", "regex", "tail", "inline")
RESIDUE_KEYS = ("kind", "pattern", "what", "fix")


def residue_patterns(items, where: str) -> tuple[tuple[str, str, str, str], ...]:
    """`residue-patterns` as (kind, pattern, what, fix) rows, each checked: a pattern that
    cannot compile, matches an empty or an ordinary line, or is empty, is refused."""
    from mt_repair.rules.rs001_page_residue import _STRIP
    from mt_repair.userpatterns import pattern_problem, prefix_problem

    key = "residue-patterns"
    if not isinstance(items, list):
        hint = f' (write residue-patterns = ["{items}"])' if isinstance(items, str) else ""
        raise ConfigError(f"{where}: {key} must be a list of regexes or tables, not {_describe(items)}{hint}")
    rows = []
    for n, item in enumerate(items, 1):
        at = f"{where}: {key} item {n}"
        if isinstance(item, str):
            item = {"pattern": item}
        if not isinstance(item, dict):
            raise ConfigError(f"{at} must be a string (a regex) or a table with `pattern`, not {_describe(item)}")
        for k in item:
            if k not in RESIDUE_KEYS:
                raise ConfigError(f"{at}: unknown key {k!r}{_did_you_mean(k, RESIDUE_KEYS)}; "
                                  f"known: {', '.join(RESIDUE_KEYS)}")
        if "pattern" not in item:
            raise ConfigError(f"{at}: a table needs `pattern`")
        kind, pattern = item.get("kind", "regex"), item["pattern"]
        what, fix = item.get("what", "house pattern"), item.get("fix", "unsafe")
        for name, value in (("kind", kind), ("pattern", pattern), ("what", what), ("fix", fix)):
            if not isinstance(value, str):
                raise ConfigError(f"{at}: {name} must be a string, not {_describe(value)}")
        if kind not in RESIDUE_KINDS:
            raise ConfigError(f"{at}: kind {kind!r} is not one of {'/'.join(RESIDUE_KINDS)}"
                              f"{_did_you_mean(kind, RESIDUE_KINDS)}")
        if fix not in ("safe", "unsafe"):
            raise ConfigError(f"{at}: fix {fix!r} is not safe or unsafe{_did_you_mean(fix, ('safe', 'unsafe'))}")
        if kind in ("regex", "tail", "inline"):
            problem = pattern_problem(pattern)
        elif kind == "prefix":
            problem = prefix_problem(pattern)
        else:  # line, header: compared with a whole line, trimmed
            problem = None if pattern.strip(_STRIP) else \
                "is empty once spaces and punctuation are trimmed: it would match separator lines such as ---"
        if problem:
            raise ConfigError(f"{at}: {kind} pattern {pattern!r} {problem}")
        rows.append((kind, pattern, what, fix))
    return tuple(rows)


def with_overrides(s: Settings, **kw) -> Settings:
    return s.replace(**{k: v for k, v in kw.items() if v is not None})
