"""PR010 pair-latin-copy: a Latin token of the Arabic source missing or garbled in the translation.

What: a name, acronym, drug, gene or model number that the Arabic source writes in Latin
letters (`RaTG13`, `Paguma`, `tachipirina`, `IL-6`, `bat-SL-CoVZX45`) must come through
unchanged: the English beside it (its aligned sentence and the sentences either side)
writes it too, whatever the case. Reported:
- a garbled copy: a token of the aligned English sentence one or two edits away (a third
  of its length at most) from the source's (`RTG13` for `RaTG13`, `Pagua` for `Paguma`,
  `tachypirina` for `tachipirina`);
- a missing copy: no such token in the aligned sentence nor the ones either side, for
  identifiers (a digit, an inner capital or a hyphen: `CD4`, `WIV1`, `RIG-I`) and words
  of five letters or more; a short acronym may be
  spelled out (`IFN` as interferon) and is left alone. A missing code with digits
  (`CD4`, `MCP-1`) is a warning; a missing name is info (a translation may drop it with
  its phrase: `in a video on YouTube` -> `in a video address`).
Not flagged: one-letter tokens, HTML entity names (`& gt`), tokens in the source's code
and URLs, a token the translation writes as part of a longer one (`IL-6R`), and
source sentences that are not translated (PR004-PR006's).
Why: MT vocabularies split rare Latin strings into pieces and put them back wrong; a
changed letter in a drug or a strain name is a factual error that no English spell
checker sees.
Example: source `وكان RaTG13 أقرب الفيروسات`, translation `RTG13 was the closest virus`
-> «RTG13» should be «RaTG13» as in the source.
English into Arabic: only identifiers of the English source (`RaTG13`, `CD4`, `IL-6`),
which an Arabic translation keeps in Latin, and only garbled copies (a missing one may be
transliterated: `كوفيد-19`).
Fix: unsafe for a garbled copy (the source's whole token, letters of another script glued
to it included, `IFNβ`, replaces the translation's whole token); none for a missing one, nor
for a copy with Arabic letters glued to it (`نsp1`: which letters belong is unsure).
"""

import bisect
import re

from mt_repair.document import Document
from mt_repair.pairs.base import BOTH, PairRule
from mt_repair.rules.base import INFO, UNSAFE, WARNING, quote
from mt_repair.types import Fix

RULE = PairRule("PR010", "pair-latin-copy", WARNING, __doc__, directions=BOTH)

_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-.'][A-Za-z0-9]+)*")
_ENTITY_NAMES = frozenset("gt lt amp quot nbsp apos".split())


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


# letters glued to a Latin token that the ASCII token pattern leaves out: Greek and other
# non-Arabic letters (`IFNβ`) in the source; any letter, Arabic included, in the translation
_GLUE_SOURCE = re.compile(r"[^\W\u0600-\u06FF]")
_GLUE_TARGET = re.compile(r"\w")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_CLITIC = re.compile(r"[وف]?(?:[بلك]?ال|لل|[بلك])|[وف]")


def _span(text: str, s: int, e: int, glue: re.Pattern) -> tuple[int, int]:
    while s > 0 and glue.match(text, s - 1):
        s -= 1
    while e < len(text) and glue.match(text, e):
        e += 1
    return s, e


def _whole(text: str, s: int, e: int, glue: re.Pattern) -> str:
    s, e = _span(text, s, e, glue)
    return text[s:e]


def _identifier(tok: str) -> bool:
    """`CD4`, `RaTG13`, `RIG-I`: digits, an inner capital, or a hyphenated acronym."""
    return (any(c.isdigit() for c in tok) or any(c.isupper() for c in tok[1:]) and not tok.isupper()
            or "-" in tok and len(tok) >= 4)


def _source_tokens(pair):
    doc = Document(pair.source)
    for m in _TOKEN.finditer(pair.source):
        tok = m.group()
        if len(tok) < 2 or tok.lower() in _ENTITY_NAMES and "&" in pair.source[max(0, m.start() - 3):m.start()]:
            continue
        if doc.in_skip(m.start()):
            continue
        yield m.start(), tok


def check(pair):
    if not pair.target_as_expected or not re.search(r"[A-Za-z]{2}", pair.source):
        return
    tokens = list(_source_tokens(pair))
    if not tokens:
        return
    owner = {}  # source sentence index -> bead index
    for k, b in enumerate(pair.beads):
        for i in b.src:
            owner[i] = k
    translated = {k for k, _ in pair.translated_beads()}
    starts = [s.start for s in pair.src]

    by_sentence: dict[int, list] = {}
    for pos, tok in tokens:
        by_sentence.setdefault(bisect.bisect_right(starts, pos) - 1, []).append((pos, tok))
    reported = set()
    for pos, tok in tokens:
        if not pair.source_is_arabic and not _identifier(tok):
            continue  # an English source's words are translated; its codes are copied
        i = bisect.bisect_right(starts, pos) - 1
        k = owner.get(i)
        if i < 0 or k is None or k not in translated:
            continue
        own = pair.beads[k].tgt
        if tok.casefold() in pair.target_text(own).casefold():
            continue
        # a token that copies another of the source's own is no garbled copy (`IL-1` beside `IL-2`)
        others = {t.casefold() for i2 in pair.beads[k].src for _, t in by_sentence.get(i2, ())}
        best = None
        limit = 1 if len(tok) <= 5 else 2
        for j in own:
            sent = pair.tgt[j]
            for m in _TOKEN.finditer(sent.text):
                cand = m.group()
                if cand.casefold() in others or len(cand) < 3:
                    continue
                if not pair.source_is_arabic and tok[-1:] == "s" and cand.casefold() == tok[:-1].casefold():
                    continue  # `IFNs` -> `IFN`: Arabic says the plural in its own words
                d = _distance(cand.casefold(), tok.casefold(), limit)
                if d <= limit and d * 3 <= len(tok) and (best is None or d < best[0]):
                    best = (d, sent.start + m.start(), sent.start + m.end(), cand)
        if best is not None:
            _, s, e, cand = best
            if (s, e) in reported:
                continue
            reported.add((s, e))
            # the fix swaps whole tokens: the source's with what glues to it (`IFNβ`), the
            # translation's likewise; none when Arabic letters are glued to the copy (`نsp1`)
            whole = _whole(pair.source, pos, pos + len(tok), _GLUE_SOURCE)
            ws, we = _span(pair.target, s, e, _GLUE_TARGET)
            if _CLITIC.fullmatch(pair.target, ws, s):
                ws = s  # an Arabic clitic before a Latin word (`بالHCoVs`) is no part of it
            if _ARABIC.search(pair.target, ws, we):
                yield RULE.finding(ws, we, f"{quote(pair.target[ws:we])} should be {quote(whole)} as in the source")
            elif whole == tok and (ws, we) == (s, e):
                yield RULE.finding(s, e, f"{quote(cand)} should be {quote(tok)} as in the source",
                                   Fix.replace(s, e, tok, UNSAFE))
            else:
                yield RULE.finding(ws, we, f"{quote(pair.target[ws:we])} should be {quote(whole)} as in the source",
                                   Fix.replace(ws, we, whole, UNSAFE))
        elif pair.source_is_arabic and (_identifier(tok) or len(tok) >= 5 and not tok.isupper()) and \
                tok.casefold() not in pair.target_text(pair.window(k)[1]).casefold():
            # (the sentences either side may hold it: alignment is not exact)
            s, e = pair.target_span(k)
            if (tok, k) in reported:
                continue
            reported.add((tok, k))
            # a name may be left out with its phrase (`in a video on YouTube` -> `in a video
            # address`): a hint; a code with digits (`CD4`, `MCP-1`) has no paraphrase
            yield RULE.finding(s, e, f"{quote(tok)}, written in Latin in the source, is missing from the translation",
                               severity=None if any(c.isdigit() for c in tok) else INFO)
