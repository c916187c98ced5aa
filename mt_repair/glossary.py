"""The house glossary: loading, validation and fast matching of variant spellings.

Format: see glossaries/README.md. Variants are matched as whole words; Arabic forms
also match behind the proclitics و ف ب ك ل and the article ال, which the correction keeps.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache
from pathlib import Path

from mt_repair.text import AR_LETTER, AR_MARK, LATIN_LETTER, TOKEN_RE
from mt_repair.types import Frozen, Record, set_field

COLUMNS = ("type", "ar", "ar_variants", "en", "en_variants", "handles", "fix", "note")
TYPES = {"person", "place", "org", "outlet", "title", "term"}
# Every proclitic string the Arabic forms pattern accepts before a form (see _ar_forms_re):
# [وف]?[بكل]?, [وف]?ل?ل and [وف]?[بك]?ال.
AR_PROCLITIC_FORMS = tuple(sorted({a + b for a in ("", "و", "ف") for b in ("", "ب", "ك", "ل", "لل", "ال", "بال", "كال")}))
_PROCLITICS = frozenset(AR_PROCLITIC_FORMS)
_PROCLITIC_LENGTHS = sorted({len(p) for p in AR_PROCLITIC_FORMS})
_FEW_TOKENS = 5_000  # distinct tokens; more: one set intersection with the listed proclitic forms
# In a checkout the house glossary lives in glossaries/; an installed wheel carries it
# as mt_repair/glossaries/ (see package-dir in pyproject.toml).
_HERE = Path(__file__).resolve().parent
DEFAULT_GLOSSARY = next((p for p in (_HERE / "glossaries" / "house.tsv", _HERE.parent / "glossaries" / "house.tsv")
                         if p.exists()), _HERE.parent / "glossaries" / "house.tsv")


class GlossaryError(ValueError):
    """A glossary file that cannot be used; the message names file and line."""


class Entry(Frozen):
    """One glossary line. `style_variants`: those marked `~` (accepted elsewhere, info only);
    `source`: "file:line", for messages."""

    _fields = ("type", "ar", "en", "ar_variants", "en_variants", "handles", "safe", "note", "style_variants",
               "source")

    def __init__(self, type: str, ar: str, en: str, ar_variants: tuple[str, ...] = (),
                 en_variants: tuple[str, ...] = (), handles: tuple[str, ...] = (), safe: bool = True,
                 note: str = "", style_variants: frozenset[str] = frozenset(), source: str = "") -> None:
        set_field(self, "type", type)
        set_field(self, "ar", ar)
        set_field(self, "en", en)
        set_field(self, "ar_variants", ar_variants)
        set_field(self, "en_variants", en_variants)
        set_field(self, "handles", handles)
        set_field(self, "safe", safe)
        set_field(self, "note", note)
        set_field(self, "style_variants", style_variants)
        set_field(self, "source", source)


def _split(cell: str) -> tuple[str, ...]:
    if not cell:  # most cells (a quick exit: the house glossary loads on every run)
        return ()
    return tuple(p.strip().lstrip("~") for p in cell.split("|") if p.strip().lstrip("~"))


_NO_STYLE: frozenset[str] = frozenset()


def _style(cell: str) -> frozenset[str]:
    if "~" not in cell:
        return frozenset()
    return frozenset(p.strip()[1:] for p in cell.split("|") if p.strip().startswith("~"))


def normalize_handle(handle: str) -> str:
    return handle.lstrip("@#").casefold()


def read_glossary(path: str | Path) -> list[Entry]:
    """Parse one glossary file. Raises GlossaryError naming the file and line."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"{path}: cannot read glossary: {exc}") from None
    entries: list[Entry] = []
    where = str(path)
    nfc = unicodedata.is_normalized("NFC", raw)  # the whole file at once; cell by cell only to say where
    header: tuple[str, ...] | None = None
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = tuple(c.strip() for c in cells)
            if header != COLUMNS:
                raise GlossaryError(f"{path}:{lineno}: header must be {' '.join(COLUMNS)} (tab-separated)")
            continue
        if len(cells) > len(COLUMNS):
            raise GlossaryError(f"{path}:{lineno}: {len(cells)} columns, expected at most {len(COLUMNS)}")
        cells += [""] * (len(COLUMNS) - len(cells))
        # one tuple per line, unpacked (no dict per row: the house glossary loads on every run)
        row = kind, ar, ar_variants, en, en_variants, handles, fix, note = [c.strip() for c in cells]
        if kind not in TYPES:
            raise GlossaryError(f"{path}:{lineno}: type {kind!r} is not one of {sorted(TYPES)}")
        if not ar or not en:
            raise GlossaryError(f"{path}:{lineno}: both `ar` and `en` are required")
        if fix not in ("", "safe", "unsafe"):
            raise GlossaryError(f"{path}:{lineno}: fix must be safe or unsafe, not {fix!r}")
        for key, value in () if nfc else zip(COLUMNS, row):
            if not unicodedata.is_normalized("NFC", value):
                raise GlossaryError(f"{path}:{lineno}: column {key} is not NFC-normalised")
        style = _style(ar_variants) | _style(en_variants) if "~" in ar_variants or "~" in en_variants else _NO_STYLE
        entries.append(Entry(kind, ar, en, _split(ar_variants), _split(en_variants), _split(handles),
                             fix != "unsafe", note, style, f"{where}:{lineno}"))
    if header is None:
        raise GlossaryError(f"{path}: empty glossary (no header line)")
    return entries


def validate(entries: list[Entry]) -> list[str]:
    """Problems that make a glossary unsafe to correct with (duplicates, loops)."""
    problems: list[str] = []
    for lang in ("ar", "en"):
        owner: dict[str, Entry] = {}
        canon = {getattr(e, lang): e for e in entries}
        variants_of = f"{lang}_variants"
        for e in entries:
            canonical, variants = getattr(e, lang), getattr(e, variants_of)
            for form in (canonical, *variants):
                if owner.setdefault(form, e) is not e:
                    problems.append(f"{e.source}: {lang} form {form!r} also in {owner[form].source}")
            for v in variants:
                if v == canonical:
                    problems.append(f"{e.source}: variant {v!r} equals its canonical form")
                elif v in canon:
                    problems.append(f"{e.source}: variant {v!r} is the canonical form of {canon[v].source} "
                                    f"(a loop: each --fix would change the name again)")
    seen: dict[str, Entry] = {}
    for e in entries:
        for h in e.handles:
            key = normalize_handle(h)
            if key in seen and seen[key] is not e:
                problems.append(f"{e.source}: handle {h!r} also in {seen[key].source}")
            seen.setdefault(key, e)
    return problems


def _raise_problems(problems: list[str], shown: int = 5) -> None:
    if problems:
        more = f"\n  … and {len(problems) - shown} more" if len(problems) > shown else ""
        raise GlossaryError("glossary unsafe to correct with (a duplicate or a loop):\n  "
                            + "\n  ".join(problems[:shown]) + more)


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation shaped as a trie, so `re` decides on the first characters."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        if list(node) == [""]:
            return ""
        alts, optional = [], False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            alts.append(re.escape(ch) + build(node[ch]))
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


class Glossary(Record):
    """The entries of one or more glossary files, with indexes built on first use."""

    _fields = ("entries",)

    def __init__(self, entries: list[Entry] | None = None) -> None:
        self.entries = [] if entries is None else entries

    @classmethod
    def load(cls, paths: list[str | Path]) -> "Glossary":
        """The glossaries in `paths` merged, each checked alone and then all together
        with `validate`: a duplicate, a loop or a cycle (a variant that is another
        entry's canonical form, so that every --fix changes the name again) raises
        GlossaryError naming the file and line of both entries."""
        merged: dict[str, Entry] = {}
        for p in paths:
            entries = read_glossary(p)
            _raise_problems(validate(entries))
            for e in entries:
                merged[e.ar] = e  # a later glossary overrides the same canonical form
        if len(paths) > 1:
            _raise_problems(validate(list(merged.values())))
        return cls(list(merged.values()))

    @cached_property
    def ar_variant_of(self) -> dict[str, Entry]:
        return {v: e for e in self.entries for v in e.ar_variants}

    @cached_property
    def en_variant_of(self) -> dict[str, Entry]:
        return {v: e for e in self.entries for v in e.en_variants}

    @cached_property
    def handle_of(self) -> dict[str, Entry]:
        return {normalize_handle(h): e for e in self.entries for h in e.handles}

    @cached_property
    def by_en(self) -> dict[str, Entry]:
        """Canonical and variant English forms -> entry (case-folded)."""
        out = {}
        for e in self.entries:
            for f in (e.en, *e.en_variants):
                out.setdefault(f.casefold(), e)
        return out

    @cached_property
    def person_by_surname(self) -> dict[str, Entry]:
        """Last word of a person's English name (case-folded) -> the first such entry."""
        out: dict[str, Entry] = {}
        for e in self.entries:
            if e.type == "person":
                out.setdefault(e.en.split()[-1].casefold(), e)
        return out

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of every form: names the spelling check must accept."""
        # one findall over every form, a line each (\w never matches a line break), not ~3,000
        forms = "\n".join(f for e in self.entries for f in (e.ar, *e.ar_variants, e.en, *e.en_variants))
        return frozenset(re.findall(r"\w+", forms))

    @cached_property
    def generated_variants(self) -> "GeneratedVariants":  # noqa: F821 (imported on use)
        """Arabic spelling variants generated by rule (mt_repair.variants), not listed:
        a mapping variant -> (entry, house form), generated only for the words looked up."""
        from mt_repair.variants import GeneratedVariants

        return GeneratedVariants(self)

    @cached_property
    def ar_variant_re(self) -> re.Pattern | None:
        """Arabic variants with optional proclitics; groups `pre` and `form`."""
        return _ar_forms_re(tuple(self.ar_variant_of))

    @cached_property
    def en_surname_variants(self) -> dict[str, tuple[Entry, str]]:
        """English surnames spelled as in a person's listed variant, alone: `Lukashenka`
        (from `Alexander Lukashenka`) -> (entry, `Lukashenko`); `al-Shibani` also gives
        `Shibani`. Not a form or word of any other entry, four letters at least; TM001
        uses them as it uses the Arabic `surname_variants`."""
        taken = set(self.en_variant_of) | {w for e in self.entries for w in e.en.split()}
        out: dict[str, tuple[Entry, str]] = {}
        for e in self.entries:
            house = e.en.split()
            if e.type != "person" or len(house) < 2:
                continue
            for v in e.en_variants:
                words = v.split()
                last = words[-1]
                if len(words) != len(house) or last == house[-1]:
                    continue
                pairs = [(last, house[-1])]
                if re.match(r"(?i)[ae]l-", last) and re.match(r"(?i)[ae]l-", house[-1]):
                    pairs.append((last[3:], house[-1][3:]))  # al-Shibani, and Shibani alone
                for lv, lh in pairs:
                    if lv != lh and len(lv) >= 4 and lv not in taken:
                        out.setdefault(lv, (e, lh))
        return out

    @cached_property
    def surname_variants(self) -> dict[str, tuple[Entry, str]]:
        """Arabic surnames spelled as in a person's variant full name, alone: variant
        surname -> (entry, house surname). `فلاديمير بوتن` lists `بوتن` for `بوتين`.
        A surname alone may be someone else's (شولز: Scholz or Schulz), so TM001 uses
        these only where the article also names the person the house way."""
        taken = set(self.ar_variant_of) | {w for e in self.entries for w in e.ar.split()}
        out: dict[str, tuple[Entry, str]] = {}
        for e in self.entries:
            house = e.ar.split()
            if e.type != "person" or len(house) < 2:
                continue
            for v in e.ar_variants:
                words = v.split()
                last = words[-1]
                if len(words) == len(house) and last != house[-1] and len(last) >= 4 and last not in taken:
                    out.setdefault(last, (e, house[-1]))
        return out

    @cached_property
    def _variants_by_first_word(self) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        """(Arabic, English): a word as it can stand in a text -> the variant forms that
        begin with it. Arabic words are listed behind every proclitic the matching
        pattern allows (وبال…), and forms with the article also as written after لل."""
        ar_heads, en_heads = self._variant_heads
        table: dict[str, set[str]] = {}
        for head, forms in ar_heads.items():
            for p in AR_PROCLITIC_FORMS:
                table.setdefault(p + head, set()).update(forms)
        return {k: frozenset(v) for k, v in table.items()}, en_heads

    @cached_property
    def _variant_heads(self) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        """(Arabic, English): the first word of variant forms -> those forms; Arabic forms
        with the article also under the word without it (written after لل)."""
        out: tuple[dict, dict] = ({}, {})
        for arabic, (table, forms) in zip((True, False), zip(out, (self.ar_variant_of, self.en_variant_of))):
            for f in forms:
                m = TOKEN_RE.match(f)
                first = m.group() if m else f
                heads = [first] + ([first[2:]] if arabic and first.startswith("ال") and len(first) > 3 else [])
                for head in heads:
                    table.setdefault(head, set()).add(f)
        return tuple({k: frozenset(v) for k, v in t.items()} for t in out)

    @cached_property
    def _surnames_as_written(self) -> dict[str, frozenset[str]]:
        table: dict[str, set[str]] = {}
        for form in self.surname_variants:
            for p in AR_PROCLITIC_FORMS:
                table.setdefault(p + form, set()).add(form)
        return {k: frozenset(v) for k, v in table.items()}

    def variants_among(self, tokens, arabic: bool) -> tuple[str, ...]:
        """The variant forms whose first word is among `tokens` (distinct TOKEN_RE tokens),
        behind proclitics in Arabic. Compiling the whole glossary's pattern costs ~50 ms
        and scanning with it ~0.1 us per character; one set intersection finds the few
        variants a text can contain."""
        if not arabic:
            table = self._variant_heads[1]
        elif len(tokens) > _FEW_TOKENS:
            table = self._variants_by_first_word[0]
        else:  # few tokens (an article): strip the proclitics instead of listing them (~8 ms)
            heads, out = self._variant_heads[0], set()
            for w in tokens:
                for k in _PROCLITIC_LENGTHS:
                    if w[:k] in _PROCLITICS and w[k:] in heads:
                        out.update(heads[w[k:]])
            return tuple(sorted(out))
        return tuple(sorted({f for w in table.keys() & tokens for f in table[w]}))

    def surnames_among(self, tokens) -> tuple[str, ...]:
        """The `surname_variants` among `tokens`, behind proclitics too."""
        if len(tokens) <= _FEW_TOKENS:  # as in variants_among
            surnames = self.surname_variants
            return tuple(sorted({w[k:] for w in tokens for k in _PROCLITIC_LENGTHS
                                 if w[:k] in _PROCLITICS and w[k:] in surnames}))
        table = self._surnames_as_written
        return tuple(sorted({f for w in table.keys() & tokens for f in table[w]}))

    def variant_re(self, forms: tuple[str, ...], arabic: bool) -> re.Pattern | None:
        return _ar_forms_re(forms) if arabic else _en_forms_re(forms)

    @cached_property
    def ar_canonical_re(self) -> re.Pattern | None:
        return _ar_forms_re(tuple({e.ar for e in self.entries}))

    @cached_property
    def en_variant_re(self) -> re.Pattern | None:
        return _en_forms_re(tuple(self.en_variant_of))


@lru_cache(maxsize=256)
def _ar_forms_re(forms: tuple[str, ...]) -> re.Pattern | None:
    """Arabic forms behind optional proclitics (groups `pre`, `form`) and, for forms that
    begin with the article, behind `لل` where ل + ال assimilate (`للأمم المتحدة`: groups
    `lpre`, `lform`, the form without its ال). Read matches with `ar_match`."""
    if not forms:
        return None
    by_len = sorted(forms, key=len, reverse=True)
    branches = [rf"(?P<pre>(?:[وف]?[بكل]?|[وف]?ل?ل|[وف]?[بك]?ال)?)(?P<form>{_trie_pattern(by_len)})"]
    stems = [f[2:] for f in by_len if f.startswith("ال") and len(f) > 3]
    if stems:
        branches.append(rf"(?P<lpre>[وف]?لل)(?P<lform>{_trie_pattern(stems)})")
    return re.compile(rf"(?<![{AR_LETTER}{AR_MARK}])(?:{'|'.join(branches)})(?![{AR_LETTER}{AR_MARK}])")


def ar_match(m: re.Match) -> tuple[str, int, int, bool]:
    """(glossary form, start, end, assimilated) for a match of an Arabic forms pattern.
    When `assimilated`, the text has لل for ل + ال and the span covers the form without
    its article: a correction replaces it with the house form without its ال."""
    if m.groupdict().get("form") is not None:
        return m.group("form"), m.start("form"), m.end("form"), False
    return "ال" + m.group("lform"), m.start("lform"), m.end("lform"), True


@lru_cache(maxsize=256)
def _en_forms_re(forms: tuple[str, ...]) -> re.Pattern | None:
    if not forms:
        return None
    return re.compile(
        rf"(?<![{LATIN_LETTER}\w])(?P<form>{_trie_pattern(sorted(forms, key=len, reverse=True))})"
        rf"(?![{LATIN_LETTER}\w])")
