"""A seeded injector of realistic machine-translation artifacts, with exact labels.

It corrupts clean text one line (paragraph) at a time and records, for each artifact,
its span in the corrupted text, its category (the checker's categories), its kind (the
injector that made it) and how far a repair can undo it (`fix`: `safe` when the
artifact is exactly undone by a safe fix, `unsafe` when only by an unsafe one, `none`
when no automatic fix can know the original: garbled words, untranslated fragments).

Every artifact is a real one, made from real material:
- glossary variants, handles and English/Arabic name forms come from the glossary
  (`glossaries/house.tsv`), never invented; style variants (`~`) are not used, since
  they are accepted spellings;
- Persian letters go only into words that have the Arabic letter (ی for a ي, ک for a ك);
- garbled clauses are real words with their letters shuffled, kept only when the
  result is a non-word for the word lists and hunspell (so a shuffle that happens to
  spell a word is never labelled garbled);
- residue lines are the page furniture of Arabic and English news sites.

Selection: each line is corrupted with probability `rate`; the category is the one
injected least so far (ties broken by the seeded generator), then the least used kind
of that category that applies to the line. Lines the checker already reports on the
untouched text (`skip`) are left alone, so labels and baseline findings never mix.
The same seed, text and glossary give the same corrupted text and labels, byte for byte.
"""

from __future__ import annotations

import random
from collections import Counter

from mt_repair.evaluation.artifacts import EN_NAME, KINDS
from mt_repair.evaluation.injected import (AR_PLAIN_RE, Context, InjectedDoc, Injection, Kind, LineMap, Mark,
                                           mojibake, tokens_of)
from mt_repair.rules.base import CATEGORIES

__all__ = ["KINDS", "Context", "InjectedDoc", "Injection", "Injector", "Kind", "LineMap", "Mark", "mojibake"]


# -- the engine ----------------------------------------------------------------------------

def _weakest(marks) -> str:
    order = ("safe", "unsafe", "none")
    return max((m.fix for m in marks), key=order.index)


class Injector:
    """Corrupts documents of one language. Keep one per corpus: it balances categories
    across documents, so the order documents are given in is part of the seed."""

    def __init__(self, language: str, settings, seed: int, rate: float = 0.25, kinds=None):
        from mt_repair.evaluation.terms import TermMatcher

        if language not in ("ar", "en"):
            raise ValueError("language must be 'ar' or 'en'")
        self.language = language
        self.rate = rate
        self.rng = random.Random(f"mt-repair-inject:{seed}:{language}")
        self.glossary = settings.glossary
        self.lexicon = settings.lexicon
        self.matcher = TermMatcher(self.glossary)
        self.kinds = [k for k in KINDS if k.language == language and (kinds is None or k.name in kinds)]
        self.by_category = {c: [k for k in self.kinds if k.category == c] for c in CATEGORIES}
        self.category_counts: Counter = Counter()
        self.kind_counts: Counter = Counter()

    def document(self, name: str, lines: list[str], skip: set[int] = frozenset()) -> InjectedDoc:
        words = Counter(self._doc_words(lines))
        used: set[str] = set()
        out_lines, marks, maps, fixes = [], [], [], []
        clean_pos = pos = 0
        for i, line in enumerate(lines):
            inj = None
            if i not in skip and len(line.split()) >= 3 and self.rng.random() < self.rate:
                ctx = Context(self.rng, self.glossary, self.lexicon, self.matcher, lines, i,
                              used=used, skip=frozenset(skip), words=words)
                inj = self._inject(line, ctx)
            new = inj.text if inj else line
            marks.extend(m.shifted(pos) for m in (inj.marks if inj else ()))
            maps.append(LineMap(clean_pos, clean_pos + len(line), pos, pos + len(new), inj is not None))
            out_lines.append(new)
            fixes.append(_weakest(inj.marks) if inj else None)
            clean_pos += len(line) + 1
            pos += len(new) + 1
        clean = "\n".join(lines) + "\n"
        corrupted = "\n".join(out_lines) + "\n"
        return InjectedDoc(name, clean, corrupted, tuple(marks), tuple(maps), tuple(out_lines), tuple(fixes))

    def _doc_words(self, lines):
        for line in lines:
            if self.language == "ar":
                for _, _, w in tokens_of(AR_PLAIN_RE, line, 5):
                    pre = next((p for p in ("وال", "فال", "بال", "لل", "ال", "و", "ف")
                                if w.startswith(p) and len(w) - len(p) >= 5), "")
                    yield w[len(pre):]
            else:
                yield from EN_NAME.findall(line)

    def _inject(self, line: str, ctx: Context) -> Injection | None:
        rng = self.rng
        categories = sorted((c for c in CATEGORIES if self.by_category[c]),
                            key=lambda c: (self.category_counts[c], rng.random()))
        for cat in categories:
            kinds = sorted(self.by_category[cat], key=lambda k: (self.kind_counts[k.name], rng.random()))
            for kind in kinds:
                if kind.once_per_doc and kind.name in ctx.used:
                    continue
                inj = kind.make(line, ctx)
                if inj is None:
                    continue
                ctx.used.add(kind.name)
                self.category_counts[cat] += 1
                self.kind_counts[kind.name] += 1
                return inj
        return None
