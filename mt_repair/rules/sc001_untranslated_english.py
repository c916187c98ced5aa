"""SC001 untranslated-english: English or other foreign words left inside an Arabic sentence.

What: a run of Latin-script words in an Arabic line that holds a word Arabic text has
no reason to keep in Latin: a lower-case word (`the minister said`, `pangolins`,
`et al`, a junk `Meme it`), an English article `a` between Arabic words, a capitalised
word of another language (`Kulturkampf`, `Gracias`), an English title (`PM`) or a
person's or place's name where the glossary has the Arabic form (`Blinken`, `Beijing`).
Why: MT passes through what it cannot translate, and editors reading for sense skip it.
Not flagged, because Arabic news and science write them in Latin on purpose: acronyms
and identifiers (`NATO`, `COVID-19`, `ACE2`, `bat-SL-CoVZX45`, `CoVs`), units (`mg`,
`mol`), single letters (`النوع C`, `x`), other capitalised names and brands (`Bloomberg`,
`Donggala`), titles of works in Title Case (`Chariots of Fire`), Latin binomials
(`Rhinolophus affinis`), `in vitro`; anything in quotation marks or brackets (a title,
or a gloss: `الحراك بالنقر (clicktivism)`); a run named by the word before it (`قناة
Telma`, `تعني twp`, `حرف u`); domains, URLs, HTML entities (`&lt`), `allow`, and
source lines (`المصدر: ...`).
Example: `قال PM البريطاني` -> `قال رئيس الوزراء البريطاني`.
Fix: unsafe, and only for glossary titles and names (the replacement is the glossary's
Arabic form); other foreign words get no automatic fix.
"""

import re

from mt_repair.lexicon import foreign_language, wordfreq_words
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK, LATIN_LETTER, SOURCE_LINE_RE
from mt_repair.types import Fix

RULE = Rule("SC001", "untranslated-english", "script", WARNING, __doc__)

# A Latin item: letters and digits, joined by hyphens, apostrophes or dots
# (`bat-SL-CoVZX45`, `don't`, `weather.com`); a run is items separated by blanks.
# Each run of letters and digits is taken whole (possessive): what may follow it (a
# joiner, a blank, or the end: not \w) never follows a part of one, so no match changes;
# with `[..]*[letter][..]*` a long word followed by `_` backtracked quadratically.
_ITEM = rf"(?=[{LATIN_LETTER}0-9]*[{LATIN_LETTER}])[{LATIN_LETTER}0-9]++(?:[-'\u2019.][{LATIN_LETTER}0-9]++)*"
_RUN = re.compile(rf"(?<![@#&\-/.{LATIN_LETTER}0-9_]){_ITEM}(?:[ \t]+(?:{_ITEM}|[0-9]+(?:[.,][0-9]+)*))*(?![\w@\-/])")
_AR_WORD_BEFORE = re.compile(rf"([{AR_LETTER}][{AR_LETTER}{AR_MARK}]*)[ \t]*$")
_AR_AFTER = re.compile(rf"[ \t]*[{AR_LETTER}]")  # used with match(line, pos)
_AR_CHAR = re.compile(rf"[{AR_LETTER}{AR_MARK}]")


def _back(line, pos, chars=None):
    """Start of the run before `pos` of blanks (chars=" \t") or of Arabic letters and
    marks (chars=None). The `...$` patterns below are searched from there, not from the
    line's start: the same match, without a scan of the whole line for each run."""
    if chars is not None:
        while pos > 0 and line[pos - 1] in chars:
            pos -= 1
        return pos
    while pos > 0 and _AR_CHAR.match(line, pos - 1):
        pos -= 1
    return pos
_AR_BEFORE = re.compile(rf"[{AR_LETTER}{AR_MARK}][ \t]*$")
FUNCTION_WORDS = frozenset(
    "the a an of to in on at for with by from and or but is are was were be been has have had "
    "that this these those it its he she they we you his her their our said says will would "
    "not no can could should may might must also who which what when where than then there".split())
# Units and symbols written in Latin in Arabic text (lower-case; `mL`, `pH` are acronyms anyway).
UNITS = frozenset(
    "mg g kg µg ug ng pg mcg ml l dl µl ul km m cm mm µm um nm mol mmol µmol nmol pmol "
    "h hr hrs min s sec ms µs hz khz mhz ghz kb kbp bp nt kda da kw kwh mw gw mph kph "
    "ppm ppb mmhg iu x vs ca".split())
# Latin phrases science keeps in Latin.
LATIN_PHRASES = ("in vitro", "in vivo", "in situ", "in silico", "in utero", "de novo", "ex vivo", "per se")
# Arabic words that name what follows (`وكالة Bloomberg`, `قناة Telma`, `تعني twp`, `حرف u`):
# the Latin run after them is a name or a cited word, written in Latin on purpose.
INTRODUCERS = frozenset("""
وكالة قناة شبكة موقع صحيفة جريدة مجلة إذاعة محطة منصة تطبيق حساب صفحة مدونة شركة علامة ماركة
مؤسسة منظمة جمعية حركة حزب مجموعة فرقة نادي فريق فندق مطعم منطقة حي شارع ساحة مدينة بلدة قرية
برنامج مسلسل فيلم كتاب رواية مسرحية أغنية ألبوم لعبة مشروع مبادرة حملة وسم هاشتاغ هاشتاج عنوان
بعنوان شعار رمز نظام تقنية طراز موديل سلسلة كلمة لفظ لفظة مصطلح عبارة تعني يعني معناها تسمى يسمى
تدعى يدعى باسم اسم حرف الحرف بحرف لحرف درجة
""".split())
_GLUED_BEFORE = re.compile(rf"[{AR_LETTER}{AR_MARK}]+$")
_GLUED_CLITICS = frozenset(("و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "وب", "ول", "فب", "فل"))
_ENTITIES = frozenset(("lt", "gt", "amp", "quot", "apos", "nbsp"))
_CLITICS = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_QUOTES_OPEN = "\"“”«'‘’(["
_QUOTES_CLOSE = "\"“”»'‘’)]"


def _glossary_hit(glossary, token):
    entry = glossary.by_en.get(token.casefold()) if glossary else None
    if entry is not None and (entry.type in ("person", "title") or entry.type == "place" and not token.isupper()):
        return entry
    return None


def _introduced(line, start):
    m = _AR_WORD_BEFORE.search(line, _back(line, _back(line, start, " \t")), start)
    if not m:
        return False
    word = m.group(1).rstrip("\u0640")
    if word in INTRODUCERS:
        return True
    return any(word.startswith(c) and word[len(c):] in INTRODUCERS for c in _CLITICS)


def _enclosed(line, start, end):
    """In quotation marks or brackets (blanks aside); read outwards from the run."""
    i = start
    while i > 0 and line[i - 1].isspace():
        i -= 1
    if i == 0 or line[i - 1] not in _QUOTES_OPEN:
        return False
    j, n = end, len(line)
    while j < n and line[j].isspace():
        j += 1
    return j < n and line[j] in _QUOTES_CLOSE


def _before_is(line, pos, char):
    """line[:pos].rstrip().endswith(char), without the copy."""
    while pos > 0 and line[pos - 1].isspace():
        pos -= 1
    return pos > 0 and line[pos - 1] == char


def _is_identifier(w):
    """Acronyms and identifiers: digits, two capitals (`CoVs`, `YouTube`), or a
    hyphenated part that is one (`bat-SL-CoVZX45`, `D-dimer`), or dots (`weather.com`)."""
    if "." in w or any(c.isdigit() for c in w):
        return True
    if sum(c.isupper() for c in w) >= 2:
        return True
    return "-" in w and any(p.isupper() for p in w.split("-"))


def _binomial(words, i, english):
    """`Rhinolophus affinis`, `Paguma larvata`: a capitalised genus and a lower-case
    epithet, neither of them a frequent English word (Zipf >= 3)."""
    if i == 0:
        return False
    genus, epithet = words[i - 1], words[i]
    if not (genus[0].isupper() and genus[1:].islower() and len(genus) >= 4 and len(epithet) >= 4):
        return False
    return english is not None and genus.casefold() not in english and epithet not in english


def check(doc, settings):
    glossary = settings.glossary
    allow = settings.allow_folded
    english = wordfreq_words("en")
    for (ls, le, line), arabic, (_, latin) in zip(doc.lines, doc.arabic_lines, doc.line_scripts):
        if not arabic or not latin or SOURCE_LINE_RE.match(line):
            continue
        for m in _RUN.finditer(line):
            glued = _GLUED_BEFORE.search(line, _back(line, m.start()), m.start())
            if glued and glued.group().rstrip("\u0640") not in _GLUED_CLITICS:
                continue  # Latin glued to an Arabic word: SC003's
            start, end = ls + m.start(), ls + m.end()
            if doc.overlaps_skip(start, end) or _enclosed(line, m.start(), m.end()):
                continue
            text = m.group()
            if text.split()[0] in _ENTITIES and _before_is(line, m.start(), "&"):
                continue  # `& gt`: entity debris, reported as markup
            if text.casefold() in allow or text.casefold() in LATIN_PHRASES:
                continue
            words = text.split()
            entry = None
            if len(words) <= 3:
                entry = _glossary_hit(glossary, text)
                if entry is not None and entry.type == "place" and len(words) > 1:
                    entry = None
            if entry is not None:
                if entry.type in ("person", "title") or not _introduced(line, m.start()):
                    what = "title" if entry.type == "title" else "name"
                    yield RULE.finding(start, end,
                                       f"English {what} {quote(text)} in Arabic text; house form {quote(entry.ar)}",
                                       Fix.replace(start, end, entry.ar, UNSAFE))
                continue
            if _introduced(line, m.start()):
                continue
            title_case = (len(words) > 1 and words[0][0].isupper() and words[-1][0].isupper()
                          and all(w[0].isupper() or w.casefold() in FUNCTION_WORDS or w[0].isdigit()
                                  for w in words))
            hits = []
            for i, w in enumerate(words):
                f = w.casefold()
                if f in allow or w[0].isdigit() or _is_identifier(w):
                    continue
                if w.islower():
                    if len(w) == 1:
                        # a stray English article between Arabic words (`عندك a ألم`)
                        if w == "a" and len(words) == 1 \
                                and _AR_BEFORE.search(line, max(0, _back(line, m.start(), " \t") - 1), m.start()) \
                                and _AR_AFTER.match(line, m.end()):
                            hits.append(w)
                        continue
                    if f in UNITS or _binomial(words, i, wordfreq_words("en", 600)):
                        continue
                    if title_case and f in FUNCTION_WORDS:
                        continue
                    hits.append(w)
                elif title_case:
                    continue
                elif f in FUNCTION_WORDS and len(words) > 1:
                    hits.append(w)
                elif _glossary_hit(glossary, w):
                    hits.append(w)
                elif w[1:].islower() and len(w) >= 4 and foreign_language(w):
                    hits.append(w)
            if hits:
                kind = "English" if english is not None and all(
                    h.casefold() in english and not foreign_language(h) for h in hits) else "foreign words"
                yield RULE.finding(start, end, f"untranslated {kind} {quote(text)} in Arabic text")
