"""Settings: defaults, `[tool.mt-repair]` in pyproject.toml or `.mt-repair.toml`, CLI overrides."""

from __future__ import annotations

import difflib
import fnmatch
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from mt_repair.glossary import DEFAULT_GLOSSARY, Glossary
from mt_repair.lexicon import Lexicon
from mt_repair.rules import ALL_RULES, CATEGORIES, Rule
from mt_repair.types import Severity

CONFIG_NAMES = (".mt-repair.toml", "mt-repair.toml", "pyproject.toml")
KNOWN_KEYS = {
    "select", "ignore", "extend-select", "severity", "glossaries", "house-glossary", "per-file-ignores",
    "residue-patterns", "allow", "include", "exclude", "fail-on", "hunspell",
}


class ConfigError(ValueError):
    pass


@dataclass
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    glossaries: tuple[Path, ...] = ()
    house_glossary: bool = True
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    residue_patterns: tuple[tuple[str, str, str, str], ...] = ()
    allow: tuple[str, ...] = ()
    include: tuple[str, ...] = ("*.md", "*.markdown", "*.txt", "*.text")
    exclude: tuple[str, ...] = (".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".mt-repair-cache")
    fail_on: Severity = Severity.WARNING
    hunspell: bool = True
    root: Path | None = None  # folder of the config file, for per-file-ignores
    config_file: Path | None = None

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

    @cached_property
    def rules(self) -> list[Rule]:
        return [r for r in ALL_RULES if selected(r, self.select, self.ignore)]

    def rules_for(self, path: str | None) -> list[Rule]:
        ignores = self.ignored_for(path)
        if not ignores:
            return self.rules
        return [r for r in self.rules if not any(matches(r, s) for s in ignores)]

    def ignored_for(self, path: str | None) -> tuple[str, ...]:
        if not path or not self.per_file_ignores:
            return ()
        p = Path(path)
        try:
            rel = p.resolve().relative_to(self.root.resolve()) if self.root else p
        except ValueError:
            rel = p
        out: list[str] = []
        for pattern, sels in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel.as_posix(), pattern) or fnmatch.fnmatch(p.name, pattern):
                out.extend(sels)
        return tuple(out)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


def matches(rule: Rule, selector: str) -> bool:
    s = selector.strip()
    return (s.upper() == "ALL" or rule.code == s.upper() or rule.code.startswith(s.upper())
            or s.lower() in (rule.category, rule.name))


def selected(rule: Rule, select, ignore) -> bool:
    return any(matches(rule, s) for s in select) and not any(matches(rule, s) for s in ignore)


def validate_selector(s: str) -> str:
    valid = any(matches(r, s) for r in ALL_RULES)
    if not valid:  # pair rules (PR…, category `pair`) are selected alike; imported only here
        from mt_repair.pairs import PAIR_RULES

        valid = any(matches(r, s) for r in PAIR_RULES)
    if not valid:
        raise ConfigError(f"unknown rule selector {s!r}: use a code (RP001), a prefix (RP), "
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
                    try:
                        data = tomllib.loads(candidate.read_text(encoding="utf-8"))
                    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
                        continue  # not readable as TOML: not ours to judge (load_settings says why for --config)
                    tool = data.get("tool", {})
                    if not isinstance(tool, dict) or "mt-repair" not in tool:
                        continue
                return candidate
    return None


def load_settings(config_file: Path | None) -> Settings:
    if config_file is None:
        return Settings()
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
    return settings_from_table(table, config_file)


def _describe(value) -> str:
    """`value` as a config message names it: its TOML type and, if short, itself."""
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)
    shown = repr(value) if not isinstance(value, bool) else str(value).lower()
    return f"{kind} ({shown})" if len(shown) <= 40 else kind


def _did_you_mean(word, choices) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _all_codes() -> set[str]:
    from mt_repair.pairs import PAIR_RULES

    return {r.code for r in ALL_RULES} | {r.code for r in PAIR_RULES}


def settings_from_table(table: dict, config_file: Path | None) -> Settings:
    """Settings from a config table; every value is checked (type and meaning) and a bad
    one raises ConfigError naming the file, the key and what was expected."""
    where = str(config_file) if config_file else "config"
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        hints = "".join(_did_you_mean(k, KNOWN_KEYS) for k in unknown[:1])
        raise ConfigError(f"{where}: unknown option(s) {', '.join(unknown)}{hints}; "
                          f"known: {', '.join(sorted(KNOWN_KEYS))}")
    root = config_file.parent if config_file else Path.cwd()
    s = Settings(root=root, config_file=config_file)

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

    def globs(key, value=None, names_only=True):
        out = strings(key, value, "a list of glob strings")
        for g in out:
            if not g.strip():
                fail(key, "has an empty glob, which matches nothing")
            if names_only and "/" in g.strip("/"):
                fail(key, f"glob {g!r} has a '/': {key} globs match file and folder names, not paths "
                          f"(use per-file-ignores for paths)")
        return out

    if "select" in table:
        s.select = selectors("select")
    s.select += selectors("extend-select")
    s.ignore = selectors("ignore")

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

    s.glossaries = tuple((root / g) for g in strings("glossaries"))
    for g in s.glossaries:
        if not g.is_file():
            raise ConfigError(f"{where}: glossary {g} does not exist")
    s.house_glossary = boolean("house-glossary", True)

    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        fail("per-file-ignores", f'must be a table of "glob" = ["CODE", ...], not {_describe(pfi)}')
    for glob, sels in pfi.items():
        key = f"per-file-ignores.{glob!r}" if glob else "per-file-ignores"
        if not glob.strip():
            fail(key, "has an empty glob, which matches nothing")
        s.per_file_ignores[glob] = selectors(key, sels)

    s.residue_patterns = residue_patterns(table.get("residue-patterns", []), where)
    s.allow = strings("allow")
    if "include" in table:
        s.include = globs("include")
    s.exclude = s.exclude + globs("exclude")
    if "fail-on" in table:
        s.fail_on = severity("fail-on", table["fail-on"])
    s.hunspell = boolean("hunspell", True)
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
    return replace(s, **{k: v for k, v in kw.items() if v is not None})
