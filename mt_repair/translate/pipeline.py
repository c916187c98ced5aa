"""One article through the whole translation pipeline. No file I/O here.

repair the source (safe fixes) → split (segment.py) → find and inject terms (terms.py)
→ translate (a Translator, or anything with the same `translate` method) → make every
term appear → safe English-side fixes per sentence → render the English article.

English fixes are applied per sentence so that the article stays exactly the join of
the sentence records written to the JSONL file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from mt_repair.linter import fix_text
from mt_repair.translate.segment import split_article
from mt_repair.translate.terms import TermIndex, ensure_terms, inject
from mt_repair.types import Applicability


@dataclass
class SentenceRecord:
    """One line of the pair file."""

    id: int
    line: int  # 1-based line in the (repaired) source
    paragraph: int
    source: str  # the Arabic sentence after safe repair
    model_input: str  # what the model was given (glossary forms replaced by their English)
    model: str  # the model's output as decoded
    target: str  # the final English sentence, as in the article
    target_line: int = 0  # 1-based line in the English article
    # {"ar", "en", "kind", "status"}; status: model (the model wrote it), forced (the logits
    # processor did), corrected (an English variant replaced), inserted (post-edited in)
    terms: list[dict] = field(default_factory=list)
    heading: bool = False

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class TranslateResult:
    english: str
    records: list[SentenceRecord]
    source: str  # the source after safe repair
    source_fixes: int = 0
    target_fixes: int = 0
    raw: str = ""  # the article as the model gave it: before term post-editing and English fixes

    @property
    def term_count(self) -> int:
        return sum(len(r.terms) for r in self.records)

    def term_rate(self, stage: str = "target") -> float:
        """Share of protected terms whose English is in the final sentence ("target")
        or already in the model's own output ("model")."""
        total = ok = 0
        for r in self.records:
            text = r.target if stage == "target" else r.model
            for t in r.terms:
                total += 1
                ok += t["en"].casefold() in text.casefold()
        return ok / total if total else 1.0

    def statuses(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.records:
            for t in r.terms:
                out[t["status"]] = out.get(t["status"], 0) + 1
        return out


def translate_text(text: str, settings, translator, *, path: str = "<text>", repair: bool = True,
                   batch_size: int = 16, max_length: int = 256, num_beams: int = 4,
                   on_batch=None) -> TranslateResult:
    source_fixes = 0
    if repair:
        text, source_fixes = fix_text(text, settings, path, Applicability.SAFE)
    layout = split_article(text)
    index = TermIndex(settings.glossary)
    found = [index.find(seg.text) for seg in layout.segments]
    can_spell = getattr(translator, "can_spell", lambda s: True)
    inputs = [inject(seg.text, terms, can_spell) for seg, terms in zip(layout.segments, found)]
    outputs = translator.translate(inputs, [[t.target for t in terms] for terms in found],
                                   batch_size=batch_size, max_length=max_length, num_beams=num_beams,
                                   on_batch=on_batch) if inputs else []
    targets, records, target_fixes = [], [], 0
    for seg, terms, given, out in zip(layout.segments, found, inputs, outputs):
        model_text = " ".join(out.text.split())  # one line: a segment never spans lines
        english, statuses = ensure_terms(model_text, seg.text, terms)
        fixed, n = fix_text(english, settings, "<translation>", Applicability.SAFE)
        if fixed != english:
            target_fixes += n
            english, again = ensure_terms(fixed, seg.text, terms)  # a fix never costs a term
            statuses = [s if a == "present" else a for s, a in zip(statuses, again)]
        targets.append(english)
        records.append(SentenceRecord(
            seg.index, seg.line, seg.paragraph, seg.text, given, model_text, english, heading=seg.heading,
            terms=[{"ar": t.source, "en": t.target, "kind": t.kind,
                    "status": ("forced" if k in out.forced else "model") if s == "present" else s}
                   for k, (t, s) in enumerate(zip(terms, statuses))]))
    english = layout.render(targets)
    _set_target_lines(layout, targets, records)
    raw = layout.render([r.model for r in records])
    return TranslateResult(english, records, text, source_fixes, target_fixes, raw)


def _set_target_lines(layout, targets: list[str], records: list[SentenceRecord]) -> None:
    line = 1
    for part in layout.parts:
        if isinstance(part, str):
            line += part.count("\n")
        else:
            records[part].target_line = line
            line += targets[part].count("\n")
