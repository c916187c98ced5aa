"""Protected terms: what the English must contain, found in an Arabic sentence.

Two kinds:
- glossary: a house-glossary form (canonical or variant, through the Arabic clitics, as
  the glossary matches them) whose English the translation must use. Titles and words
  the glossary notes as ordinary words too are left to the model (`protectable`).
- verbatim: Latin words, URLs, inline code and e-mail addresses, copied as they are.

Enforcement has three steps. Before generation a glossary form is replaced by its
English (`inject`) when the model's source vocabulary can spell it: models copy Latin
names far more reliably than they transliterate. During generation a logits processor
(constrain.py) makes every term appear. After it, `ensure_terms` corrects an English
variant to the house form and, as a last resort, inserts a missing term at the place
that matches its position in the source. So every term is in the output, even from a
random model; the statuses say which step put it there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mt_repair.glossary import Entry, Glossary, ar_match
from mt_repair.text import AR_LETTER, LATIN_LETTER

_VERBATIM = re.compile(
    r"`[^`\n]+`"
    r"|\b(?:https?://|www\.)[^\s<>\"'«»]+"
    r"|\b[\w.+-]+@[\w-]+\.[\w.-]+\b"
    rf"|[{LATIN_LETTER}][{LATIN_LETTER}0-9&'’.+-]*(?:[ ][{LATIN_LETTER}][{LATIN_LETTER}0-9&'’.+-]*)*")
_TRAILING = ".,;:!?)]»\"'’،؛؟"
_SKIP_TYPES = frozenset({"title"})


def protectable(entry: Entry) -> bool:
    """Is the entry a name to enforce? Not titles (`رئيس` is also "head of"), and not
    entries the glossary notes as ordinary words too (`حماس` enthusiasm, `الجزيرة`
    island) or as generic (`وزارة الخارجية`)."""
    note = entry.note.lower()
    return entry.type not in _SKIP_TYPES and "ordinary word" not in note and "generic" not in note


@dataclass(frozen=True)
class Term:
    """`source` at text[start:end] must come out as `target`."""

    start: int
    end: int
    source: str
    target: str
    kind: str  # "glossary" | "verbatim"
    entry: Entry | None = None

    @property
    def variants(self) -> tuple[str, ...]:
        return self.entry.en_variants if self.entry else ()


class TermIndex:
    """Finds terms in sentences; build once per glossary."""

    def __init__(self, glossary: Glossary | None):
        self.glossary = glossary
        self.by_ar = {e.ar: e for e in glossary.entries} if glossary else {}

    def find(self, text: str) -> list[Term]:
        found: list[Term] = []
        g = self.glossary
        if g is not None:
            for regex, table in ((g.ar_canonical_re, self.by_ar), (g.ar_variant_re, g.ar_variant_of)):
                if regex is None:
                    continue
                for m in regex.finditer(text):
                    form, start, end, _ = ar_match(m)  # also after لل (للأمم المتحدة)
                    entry = table[form]
                    if protectable(entry):
                        found.append(Term(start, end, text[start:end], entry.en, "glossary", entry))
        for m in _VERBATIM.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in _TRAILING:
                e -= 1
            piece = text[s:e]
            if not re.search(f"[{LATIN_LETTER}]", piece) and not piece.startswith("`"):
                continue  # a bare number is the model's to translate (٣ → 3)
            found.append(Term(s, e, piece, piece.strip("`") if piece.startswith("`") else piece, "verbatim"))
        # the longest match wins where two overlap
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
        out: list[Term] = []
        for t in found:
            if out and t.start < out[-1].end:
                continue
            out.append(t)
        return out


def inject(text: str, terms: list[Term], can_spell=lambda s: True) -> str:
    """The sentence with each glossary form replaced by its English (clitics kept apart)."""
    out, pos = [], 0
    for t in terms:
        if t.kind != "glossary" or not can_spell(t.target):
            continue
        out.append(text[pos:t.start])
        if t.start > 0 and re.match(f"[{AR_LETTER}]", text[t.start - 1]):
            out.append(" ")  # `وبلينكن` -> `و Antony Blinken`
        out.append(t.target)
        pos = t.end
    out.append(text[pos:])
    return "".join(out)


def _find(form: str, text: str, ignore_case: bool) -> re.Match | None:
    flags = re.I if ignore_case else 0
    return re.search(rf"(?<![\w]){re.escape(form)}(?![\w])", text, flags)


def ensure_terms(output: str, source: str, terms: list[Term]) -> tuple[str, list[str]]:
    """Make every term's target appear in `output`. Returns (text, status per term):
    "present", "corrected" (an English variant replaced) or "inserted"."""
    statuses: list[str] = []
    done: dict[str, str] = {}
    missing: list[tuple[float, str]] = []
    for t in terms:
        if t.target in done:
            statuses.append(done[t.target])
            continue
        verbatim = t.kind == "verbatim"
        if (t.target in output) if verbatim else _find(t.target, output, ignore_case=True):
            status = "present"
        else:
            status = "inserted"
            for v in sorted(t.variants, key=len, reverse=True):
                m = _find(v, output, ignore_case=False)
                if m:
                    output = output[:m.start()] + t.target + output[m.end():]
                    status = "corrected"
                    break
            if status == "inserted":
                missing.append(((t.start + t.end) / 2 / max(len(source), 1), t.target))
        done[t.target] = status
        statuses.append(status)
    if missing:
        output = _insert(output, missing)
    return output, statuses


def _insert(output: str, items: list[tuple[float, str]]) -> str:
    """Insert each (where, target) at the word boundary matching relative position
    `where` in the source; the final full stop stays last."""
    words = list(re.finditer(r"\S+", output))
    if not words:
        return " ".join(t for _, t in sorted(items))
    n = len(words)
    last = words[-1]
    body = last.group().rstrip(".!?\"'”’")
    end = last.start() + len(body) if body else last.start()
    for where, target in sorted(items, reverse=True):  # right to left keeps offsets valid
        k = min(n, int(where * (n + 1)))
        if k >= n:
            output = output[:end] + (" " if body else "") + target + ("" if body else " ") + output[end:]
        else:
            at = words[k].start()
            output = output[:at] + target + " " + output[at:]
    return output
