"""SC007 mojibake: text decoded with the wrong encoding.

What: UTF-8 read as Windows-1252/Latin-1 (`Ø§Ù„Ø³Ù„Ø§Ù…` for `السلام`, `Ã©` for `é`,
`â€™` for `’`), and Windows-1256 Arabic read as Latin-1 (`ÇáÓáÇã` for `السلام`).
Why: a pipeline step that guessed the wrong encoding; the words are unreadable.
How: ftfy (made for exactly this) judges (its badness heuristic) and repairs each line
that shows a UTF-8 lead byte followed by a continuation byte; the message names ftfy's
steps. Short runs ftfy leaves alone for want of context (`Ùˆ` for `و`) count when they
re-decode strictly as UTF-8 and sit on a line ftfy repaired or give Arabic. Windows-1256
read as Latin-1, which ftfy does not cover, is a separate heuristic.
Example: `قال Ø§Ù„Ø±Ø¦ÙŠØ³` -> `قال الرئيس`.
Fix: safe when the run re-decodes strictly as UTF-8 (the original bytes come back
exactly); unsafe when ftfy had to guess (a lost byte, a sloppy code page) and for the
Windows-1256 guess.
"""

import codecs

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import ERROR, SAFE, UNSAFE, Rule, quote
from mt_repair.text import AR_LETTER_RE
from mt_repair.types import Fix

RULE = Rule("SC007", "mojibake", "script", ERROR, __doc__)

# cp1252 renderings of UTF-8 continuation bytes 0x80-0xBF
_CONT = "\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122"
# Cheap prefilter: a UTF-8 lead byte (C2-F4) as Latin-1, then a continuation byte. Clean
# Arabic and English almost never show it, so ftfy (80 ms to import) loads only for texts
# that do, and looks only at those lines. `Ã ` is `à` whose 0xA0 byte became a space.
_SUSPECT = lazy_re(f"[\u00C2-\u00F4][{_CONT}]|\u00C3 ")
# one UTF-8 sequence or more, as cp1252 (for the short runs ftfy leaves alone)
_RUN = lazy_re(f"(?:[\u00C2-\u00DF][{_CONT}]|[\u00E0-\u00EF][{_CONT}]{{2}})+")
_MOJIBAKE_CHAR = lazy_re(f"[\u00C0-\u00FF{_CONT}]")
_CP1256_AS_LATIN1 = lazy_re("[\u00C0-\u00FF]{4,}(?:[ ][\u00C0-\u00FF]{2,})*")

_config = None


def _ftfy():
    """ftfy with only its encoding repairs on (no quote uncurling, no NFC, no HTML)."""
    global _config
    import ftfy

    if _config is None:
        _config = ftfy.TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
            restore_byte_a0=True, replace_lossy_sequences=False, decode_inconsistent_utf8=True,
            fix_c1_controls=False, fix_latin_ligatures=False, fix_character_width=False,
            uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
            remove_control_chars=False, normalization=None, explain=True)
    return ftfy, _config


def _latin1_holes(exc: UnicodeEncodeError):
    """Encoding error handler: the five bytes cp1252 leaves undefined come through as Latin-1."""
    chars = exc.object[exc.start:exc.end]
    if all(ord(c) < 256 for c in chars):
        return bytes(ord(c) for c in chars), exc.end
    raise exc


codecs.register_error("mt-repair-latin1-holes", _latin1_holes)


def _redecode_utf8(s: str) -> str | None:
    """`s` encoded back as cp1252 (Latin-1 for its five holes) and decoded strictly as UTF-8."""
    try:
        return s.encode("cp1252", "mt-repair-latin1-holes").decode("utf-8")
    except UnicodeError:
        return None


def _exact(bad: str, replacement: str) -> bool:
    """`replacement` is what strict re-decoding gives, once or twice (double mojibake)."""
    for _ in range(2):
        bad = _redecode_utf8(bad)
        if bad is None:
            return False
        if bad == replacement:
            return True
    return False


def _steps(explanation) -> str:
    out = []
    for action, arg in explanation or ():
        out.append(arg if action == "apply" else f"{action} {arg}")
    return ", ".join(out)


def _changes(before: str, after: str):
    """(start, end, replacement) runs where ftfy's `after` differs from `before`, in linear
    time (a character diff is quadratic: minutes on one long line). ftfy's encoding repairs
    never add or drop a space, except `Ã ` -> `à`, so the words pair up one to one; when
    they do not, the changed middle of the line is one run."""
    before_words, after_words = before.split(" "), after.split(" ")
    if len(before_words) != len(after_words):
        return [_trimmed(before, after, 0)]
    runs: list[tuple[int, int, str]] = []
    pos = 0
    for b, a in zip(before_words, after_words):
        if b != a:
            start, end, replacement = _trimmed(b, a, pos)
            if runs and start - runs[-1][1] <= 1:  # words apart by one space: one mojibake phrase
                prev = runs.pop()
                start, replacement = prev[0], prev[2] + before[prev[1]:start] + replacement
            runs.append((start, end, replacement))
        pos += len(b) + 1
    return runs


def _trimmed(before: str, after: str, offset: int) -> tuple[int, int, str]:
    """The one span where `after` differs from `before` (common ends trimmed), widened over
    mojibake characters the trim left out (`Â£` -> `£` is one run, not a deleted `Â`)."""
    limit = min(len(before), len(after))
    p = 0
    while p < limit and before[p] == after[p]:
        p += 1
    q = 0
    while q < limit - p and before[-1 - q] == after[-1 - q]:
        q += 1
    i1, i2, j1, j2 = p, len(before) - q, p, len(after) - q
    while i1 > 0 and _MOJIBAKE_CHAR.match(before, i1 - 1):
        i1, j1 = i1 - 1, j1 - 1
    while i2 < len(before) and _MOJIBAKE_CHAR.match(before, i2):
        i2, j2 = i2 + 1, j2 + 1
    return offset + i1, offset + i2, after[j1:j2]


def _ftfy_findings(text: str):
    ftfy, config = _ftfy()
    from ftfy.badness import is_bad

    pos = 0
    while hit := _SUSPECT.search(text, pos):  # each line with a hit once, then on past it
        line_start = text.rfind("\n", pos, hit.start()) + 1 or pos
        line_end = text.find("\n", hit.end())
        line_end = line_end if line_end >= 0 else len(text)
        pos = line_end + 1
        line = text[line_start:line_end]
        changes = []
        if is_bad(line):
            fixed, explanation = ftfy.fix_and_explain(line, config)
            if fixed != line:
                changes = _changes(line, fixed)
                steps = _steps(explanation)
        for i1, i2, replacement in changes:
            start, end = line_start + i1, line_start + i2
            bad = text[start:end]
            # safe only when the bytes come back exactly; anything ftfy had to guess is unsafe
            safety = SAFE if _exact(bad, replacement) else UNSAFE
            yield RULE.finding(start, end, f"mojibake {quote(bad, 40)} (reads {quote(replacement, 40)}; ftfy: {steps})",
                               Fix.replace(start, end, replacement, safety))
        yield from _leftovers(text, line_start, line, changes)


def _leftovers(text: str, line_start: int, line: str, changes):
    """Short runs ftfy leaves alone for want of context (`Ùˆ` for `و`, `ØŒ` for `،`):
    taken when they re-decode strictly as UTF-8 and either ftfy repaired mojibake on the
    same line or they give Arabic (an `Ø`/`Ù` lead is never ordinary Latin text)."""
    k = 0  # both are in order: walk them together (linear, however many runs a line has)
    for m in _RUN.finditer(line):
        while k < len(changes) and changes[k][1] <= m.start():
            k += 1
        if k < len(changes) and changes[k][0] < m.end():
            continue  # ftfy's repair covers it
        fixed = _redecode_utf8(m.group())
        if fixed is None or not (changes or AR_LETTER_RE.search(fixed)):
            continue
        start, end = line_start + m.start(), line_start + m.end()
        why = "beside ftfy's repairs" if changes else "Arabic"
        yield RULE.finding(start, end, f"mojibake {quote(m.group(), 40)} (reads {quote(fixed, 40)}; "
                                       f"strict UTF-8 re-decoding, {why})", Fix.replace(start, end, fixed, SAFE))


def check(doc, settings):
    text = doc.text
    if text.isascii():
        return
    if _SUSPECT.search(text):
        yield from _ftfy_findings(text)
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
