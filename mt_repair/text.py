"""Character classes and small helpers for Arabic/Latin text, shared by rules."""

from __future__ import annotations

import re

from mt_repair.lazyre import lazy_re

# Arabic letters used in Arabic words, including the Persian/Urdu letters that MT
# and keyboards leak into Arabic (so those stay inside the word they corrupt).
AR_LETTER = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF"
AR_MARK = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"  # tashkeel, Quranic marks, tatweel
AR_DIGIT = "\u0660-\u0669\u06F0-\u06F9"
LATIN_LETTER = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F"

AR_WORD = f"[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*"
LATIN_WORD = f"[{LATIN_LETTER}]+(?:['\u2019][{LATIN_LETTER}]+)*"
NUMBER = f"[0-9{AR_DIGIT}]+(?:[.,\u066B\u066C][0-9{AR_DIGIT}]+)*"

# A word for the repetition patterns: letters with any tashkeel inside or after them
# (`عليّ`), bounded by non-word characters on both sides.
WORD_M = f"[^\\W\\d_](?:[^\\W\\d_]|[{AR_MARK}])*"
NO_WORD_BEFORE = f"(?<![\\w{AR_MARK}])"
NO_WORD_AFTER = f"(?![\\w{AR_MARK}])"

TOKEN_RE = lazy_re(f"{AR_WORD}|{LATIN_WORD}|{NUMBER}")
AR_LETTER_RE = lazy_re(f"[{AR_LETTER}]")
LATIN_LETTER_RE = lazy_re(f"[{LATIN_LETTER}]")
AR_MARK_RE = lazy_re(f"[{AR_MARK}]")

_AR_START = lazy_re(f"[{AR_LETTER}]")


def is_arabic_word(token: str) -> bool:
    return bool(_AR_START.match(token))


def is_latin_word(token: str) -> bool:
    c = token[:1]
    return ("A" <= c <= "Z") or ("a" <= c <= "z") or ("\u00C0" <= c <= "\u024F")


def strip_marks(word: str) -> str:
    """Drop tashkeel and tatweel (for dictionary look-ups, never for output)."""
    return AR_MARK_RE.sub("", word)


# Proclitics that attach to Arabic nouns and names, longest first.
AR_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل",
                 "وب", "وك", "ول", "فب", "فك", "فل", "و", "ف", "ب", "ك", "ل", "ال")


# Latin letters spelled in Arabic (`سي إن إن` CNN, `ال إس يو` LSU), as news writes them.
SPELLED_LATIN_LETTERS = frozenset("""
إيه أيه ايه بي سي دي إي اي إف اف جي إتش اتش آي جيه جاي كيه كاي إل ال إم ام إن ان أو او كيو آر ار
إس اس تي يو في فى دبليو إكس اكس واي زد زي
""".split())


# An attribution line (`المصدر: euronews`): Latin names and URLs are legitimate there.
SOURCE_LINE_RE = lazy_re(r"^\s*(?:المصدر|مصدر|source|via)\s*[:：]", re.I)


def show_invisible(text: str) -> str:
    """Render invisible and control characters as U+XXXX so a person can see them."""
    return INVISIBLE_RE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


INVISIBLE_CHARS = (
    "\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E"
    "\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB"
)
INVISIBLE_RE = lazy_re(f"[{INVISIBLE_CHARS}]")
