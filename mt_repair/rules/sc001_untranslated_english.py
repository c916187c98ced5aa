"""SC001 untranslated-english: English words left inside an Arabic sentence.

What: a run of Latin-script words in an Arabic line that contains ordinary English
vocabulary (`the minister said`, `that`), an English title (`PM`, `Spokesperson`), or a
person's name in English where the glossary has the Arabic form (`Blinken`).
Why: MT passes through what it cannot translate, and editors reading for sense skip it.
Not flagged: brand, outlet and product names (`Bloomberg`, `YouTube`, `euronews`),
acronyms (`NATO`, `MWPs`), titles of works in Title Case (`Chariots of Fire`), domains
(`weather.com`), anything in `allow`, URLs and source lines (`المصدر: ...`).
Example: `قال PM البريطاني` -> `قال رئيس الوزراء البريطاني`.
Fix: unsafe, and only for glossary titles and names (the replacement is the glossary's
Arabic form); other English gets no automatic fix.
"""

import re

from mt_repair.lexicon import common_words
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.text import LATIN_WORD, SOURCE_LINE_RE
from mt_repair.types import Fix

RULE = Rule("SC001", "untranslated-english", "script", WARNING, __doc__)

_RUN = re.compile(rf"(?<![@#\w]){LATIN_WORD}(?:[ \t]+(?:{LATIN_WORD}|[0-9]+))*(?![\w@])")
FUNCTION_WORDS = frozenset(
    "the a an of to in on at for with by from and or but is are was were be been has have had "
    "that this these those it its he she they we you his her their our said says will would "
    "not no can could should may might must also who which what when where than then there".split())


def _glossary_hit(glossary, token):
    entry = glossary.by_en.get(token.casefold()) if glossary else None
    if entry is not None and entry.type in ("person", "title"):
        return entry
    return None


def check(doc, settings):
    common = common_words("en")
    glossary = settings.glossary
    allow = settings.allow_folded
    for (ls, le, line), arabic, (_, latin) in zip(doc.lines, doc.arabic_lines, doc.line_scripts):
        if not arabic or not latin or SOURCE_LINE_RE.match(line):
            continue
        for m in _RUN.finditer(line):
            start, end = ls + m.start(), ls + m.end()
            if doc.overlaps_skip(start, end):
                continue
            words = m.group().split()
            if all(len(w) == 1 for w in words):
                continue  # a letter named as such (`لحرف u`)
            if line[m.end():m.end() + 1] == "." and line[m.end() + 1:m.end() + 2].isalpha() or \
                    line[m.start() - 1:m.start()] == ".":
                continue  # a bare domain (weather.com)
            entry = None
            if len(words) <= 3:
                entry = glossary.by_en.get(m.group().casefold()) if glossary else None
                if entry is not None and entry.type not in ("person", "title"):
                    entry = None
            if entry is None and len(words) > 1 and words[0][0].isupper() \
                    and all(w[0].isupper() or w.casefold() in FUNCTION_WORDS for w in words):
                continue  # a Title Case title of a book, film or song, kept in English on purpose
            hits = []
            for w in words:
                f = w.casefold()
                if f in allow:
                    continue
                if w.islower() and (f in FUNCTION_WORDS or (common is not None and f in common)):
                    hits.append(w)
                elif w[0].isupper() and f in FUNCTION_WORDS and len(words) > 1:
                    hits.append(w)
                elif entry is None and _glossary_hit(glossary, w):
                    hits.append(w)
            if entry is not None and m.group().casefold() not in allow:
                fix = Fix.replace(start, end, entry.ar, UNSAFE)
                what = "title" if entry.type == "title" else "name"
                yield RULE.finding(start, end,
                                   f"English {what} {quote(m.group())} in Arabic text; house form {quote(entry.ar)}",
                                   fix)
            elif hits:
                yield RULE.finding(start, end, f"untranslated English {quote(m.group())} in Arabic text")
