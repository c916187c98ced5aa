"""Settings: defaults, `[tool.mt-repair]` in pyproject.toml or `.mt-repair.toml`, CLI overrides."""

from __future__ import annotations

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
                    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                        continue
                    if "mt-repair" not in data.get("tool", {}):
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
    table = data.get("tool", {}).get("mt-repair", {}) if config_file.name == "pyproject.toml" else data
    return settings_from_table(table, config_file)


def settings_from_table(table: dict, config_file: Path | None) -> Settings:
    where = str(config_file) if config_file else "config"
    unknown = set(table) - KNOWN_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown option(s) {', '.join(sorted(unknown))}; "
                          f"known: {', '.join(sorted(KNOWN_KEYS))}")
    root = config_file.parent if config_file else Path.cwd()
    s = Settings(root=root, config_file=config_file)

    def strings(key):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key} must be a list of strings")
        return tuple(value)

    if "select" in table:
        s.select = tuple(validate_selector(x) for x in strings("select"))
    s.select += tuple(validate_selector(x) for x in strings("extend-select"))
    s.ignore = tuple(validate_selector(x) for x in strings("ignore"))
    sev = table.get("severity", {})
    if not isinstance(sev, dict):
        raise ConfigError(f"{where}: severity must be a table of CODE = \"error|warning|info\"")
    try:
        s.severity = {code.upper(): Severity.parse(v) for code, v in sev.items()}
    except ValueError as exc:
        raise ConfigError(f"{where}: severity: {exc}") from None
    s.glossaries = tuple((root / g) for g in strings("glossaries"))
    for g in s.glossaries:
        if not g.is_file():
            raise ConfigError(f"{where}: glossary {g} does not exist")
    s.house_glossary = bool(table.get("house-glossary", True))
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{where}: per-file-ignores must be a table of \"glob\" = [\"CODE\", ...]")
    s.per_file_ignores = {k: tuple(validate_selector(x) for x in v) for k, v in pfi.items()}
    patterns = []
    for item in table.get("residue-patterns", []):
        if isinstance(item, str):
            patterns.append(("regex", item, "house pattern", "unsafe"))
        elif isinstance(item, dict) and "pattern" in item:
            kind = item.get("kind", "regex")
            if kind not in ("line", "header", "prefix", "regex", "tail", "inline"):
                raise ConfigError(f"{where}: residue-patterns kind {kind!r} is not line/header/prefix/regex/tail/inline")
            patterns.append((kind, item["pattern"], item.get("what", "house pattern"), item.get("fix", "unsafe")))
        else:
            raise ConfigError(f"{where}: residue-patterns items are strings (regexes) or tables with `pattern`")
    s.residue_patterns = tuple(patterns)
    s.allow = strings("allow")
    if "include" in table:
        s.include = strings("include")
    s.exclude = s.exclude + strings("exclude")
    if "fail-on" in table:
        try:
            s.fail_on = Severity.parse(table["fail-on"])
        except ValueError as exc:
            raise ConfigError(f"{where}: fail-on: {exc}") from None
    s.hunspell = bool(table.get("hunspell", True))
    return s


def with_overrides(s: Settings, **kw) -> Settings:
    return replace(s, **{k: v for k, v in kw.items() if v is not None})
