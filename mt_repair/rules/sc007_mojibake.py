"""SC007 mojibake: text decoded with the wrong encoding.

What: UTF-8 read as Windows-1252/Latin-1 (`Ø§Ù„Ø³Ù„Ø§Ù…` for `السلام`, `Ã©` for `é`,
`â€™` for `’`), and Windows-1256 Arabic read as Latin-1 (`ÇáÓáÇã` for `السلام`).
Why: a pipeline step that guessed the wrong encoding; the words are unreadable.
Example: `قال Ø§Ù„Ø±Ø¦ÙŠØ³` -> `قال الرئيس`.
Fix: safe when the run re-decodes strictly as UTF-8 (the original bytes come back
exactly); unsafe for the Windows-1256 guess, which is a heuristic.
"""

import re

from mt_repair.rules.base import ERROR, SAFE, UNSAFE, Rule, quote
from mt_repair.text import AR_LETTER_RE
from mt_repair.types import Fix

RULE = Rule("SC007", "mojibake", "script", ERROR, __doc__)

# cp1252 renderings of UTF-8 continuation bytes 0x80-0xBF
_CONT = "\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122"
_UTF8_AS_1252 = re.compile(f"(?:[\u00C2-\u00DF][{_CONT}]|[\u00E0-\u00EF][{_CONT}]{{2}})(?:[ ]?(?:[\u00C2-\u00DF][{_CONT}]|[\u00E0-\u00EF][{_CONT}]{{2}}))*")
_SIGNATURE = re.compile("Ã|â€|Â[\u00A0-\u00BF]")
_CP1256_AS_LATIN1 = re.compile("[\u00C0-\u00FF]{4,}(?:[ ][\u00C0-\u00FF]{2,})*")


def _redecode_utf8(s: str) -> str | None:
    raw = bytearray()
    for ch in s:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:
                raw.append(ord(ch))
            else:
                return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def check(doc, settings):
    text = doc.text
    if text.isascii():
        return
    for m in _UTF8_AS_1252.finditer(text):
        fixed = _redecode_utf8(m.group())
        if fixed is None or (len(m.group()) < 4 and not AR_LETTER_RE.search(fixed)):
            # a lone pair is weak evidence unless it is a classic signature: `Ã` + one
            # more letter, `â€` + one, or `Â` before a Latin-1 symbol (`Â£`, `Â°`)
            if fixed is None or not _SIGNATURE.search(m.group()):
                continue
        yield RULE.finding(m.start(), m.end(), f"mojibake {quote(m.group(), 40)} (reads {quote(fixed, 40)})",
                           Fix.replace(m.start(), m.end(), fixed, SAFE))
    for m in _CP1256_AS_LATIN1.finditer(text):
        try:
            fixed = m.group().encode("latin-1").decode("cp1256")
        except UnicodeError:
            continue
        letters = sum(1 for c in fixed if not c.isspace())
        if letters and len(AR_LETTER_RE.findall(fixed)) / letters >= 0.9:
            yield RULE.finding(m.start(), m.end(),
                               f"mojibake {quote(m.group(), 40)} (Windows-1256 Arabic? reads {quote(fixed, 40)})",
                               Fix.replace(m.start(), m.end(), fixed, UNSAFE))
