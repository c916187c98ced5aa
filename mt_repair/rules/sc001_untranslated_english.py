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
A run of titles, names, hashtags and handles (`وقال FM Annalena #Baerbock إن`) that the
glossary covers token by token (whole names, a person's surname alone, an entity's
handles and hashtags, a CamelCase hashtag of a name, glossary titles and TITLES) is
reported as one finding and replaced by the Arabic of each part.
Example: `قال PM البريطاني` -> `قال رئيس الوزراء البريطاني`;
`وقال FM Annalena #Baerbock إن` -> `وقال وزير الخارجية أنالينا بيربوك إن`.
Fix: unsafe, and only for glossary titles and names and runs the glossary covers whole
(the replacement is the glossary's Arabic form), and for a run of nothing but English function words between Arabic words
(`قال that that إن` -> `قال إن`: deleted, with RP001's safe fix taking the copies first);
other foreign words get no automatic fix.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.glossary import normalize_handle
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
_RUN = lazy_re(rf"(?<![@#&\-/.{LATIN_LETTER}0-9_]){_ITEM}(?:[ \t]+(?:{_ITEM}|[0-9]+(?:[.,][0-9]+)*))*(?![\w@\-/])")
_AR_WORD_BEFORE = lazy_re(rf"([{AR_LETTER}][{AR_LETTER}{AR_MARK}]*)[ \t]*$")
_AR_AFTER = lazy_re(rf"[ \t]*[{AR_LETTER}]")  # used with match(line, pos)
_AR_CHAR = lazy_re(rf"[{AR_LETTER}{AR_MARK}]")


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
_AR_BEFORE = lazy_re(rf"[{AR_LETTER}{AR_MARK}][ \t]*$")
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
_GLUED_BEFORE = lazy_re(rf"[{AR_LETTER}{AR_MARK}]+$")
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


# English words that carry no content an Arabic sentence around them lacks: articles,
# prepositions, conjunctions, `that`, copulas. Not negation (`not`), modals or `said`.
_EMPTY_WORDS = frozenset(
    "the a an of to in on at for with by from and or but is are was were be been that this these those it its"
    .split())


def _function_word_fix(line, ls, m, words):
    """`قال المتحدث that that that إن`: a run of nothing but English function words
    between Arabic words is decoder residue with no content; it is deleted with the
    blanks before it (unsafe: the editor may want the word translated instead)."""
    if not all(w in _EMPTY_WORDS for w in words):
        return None
    a = _back(line, m.start(), " \t")
    if a == 0 or a == m.start() or not _AR_CHAR.match(line, a - 1) or not _AR_AFTER.match(line, m.end()):
        return None
    return Fix.delete(ls + a, ls + m.end(), UNSAFE)


# Titles MT leaves in English before a name, beyond the glossary's own titles.
TITLES = {
    "fm": "وزير الخارجية", "foreign minister": "وزير الخارجية", "pm": "رئيس الوزراء",
    "dpm": "نائب رئيس الوزراء", "spokesperson": "المتحدث", "spokesman": "المتحدث",
    "spokeswoman": "المتحدثة", "aide": "المساعد", "secretary of state": "وزير الخارجية الأمريكي",
    "minister": "الوزير", "president": "الرئيس", "senator": "السيناتور", "ambassador": "السفير",
    "mayor": "العمدة", "general": "الجنرال", "gen": "الجنرال", "dr": "الدكتور", "prof": "البروفيسور",
}
# Names, titles, hashtags and handles in a row (`FM Annalena #Baerbock`)
_NAME_RUN = lazy_re(rf"(?<![\w@#&\-/.])[#@]?[{LATIN_LETTER}][{LATIN_LETTER}0-9_'’.-]*"
                       rf"(?:[ \t]+[#@]?[{LATIN_LETTER}][{LATIN_LETTER}0-9_'’.-]*)+(?![\w@\-/])"
                       rf"|(?<![\w@#&\-/.])[#@][{LATIN_LETTER}][{LATIN_LETTER}0-9_]*(?![\w@\-/])")
_CAMEL = lazy_re(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")


def _unit(glossary, tokens, i):
    """The longest glossary unit starting at tokens[i]: (Arabic, tokens taken) or None.
    A name (whole, or a person's surname alone), a title, a handle or hashtag of an
    entity, a CamelCase hashtag of a name (`#AnnalenaBaerbock`)."""
    for k in range(min(5, len(tokens) - i), 0, -1):
        words = [t.lstrip("#@").rstrip(".") for t in tokens[i:i + k]]
        key = " ".join(words).casefold()
        entry = glossary.by_en.get(key) if glossary else None
        if entry is not None and entry.type in ("person", "title", "place", "org"):
            ar = entry.ar
            if entry.type == "title" and " " not in ar and not ar.startswith("ال") and i + k < len(tokens):
                ar = "ال" + ar  # a title before a name takes the article: `President Biden` -> `الرئيس بايدن`
            return ar, k
        if key in TITLES:
            return TITLES[key], k
    tok = tokens[i]
    word = tok.lstrip("#@")
    if glossary:
        if tok[0] in "#@" and normalize_handle(tok) in glossary.handle_of:
            e = glossary.handle_of[normalize_handle(tok)]
            return e.ar, 1
        e = glossary.person_by_surname.get(word.casefold())
        if e is not None and word[:1].isupper() and len(e.ar.split()) == len(e.en.split()):
            return e.ar.split()[-1], 1  # a surname: the Arabic name's last word
        if tok[0] == "#":
            parts = _CAMEL.findall(word)
            if len(parts) > 1 and "".join(parts) == word:
                e = glossary.by_en.get(" ".join(parts).casefold())
                if e is not None and e.type == "person":
                    return e.ar, 1
    return None


def _name_runs(glossary, line, ls):
    """(start, end, Arabic) of each run of Latin names, titles and hashtags in an Arabic
    line that the glossary covers token by token (`وقال FM Annalena #Baerbock إن`)."""
    for m in _NAME_RUN.finditer(line):
        tokens = m.group().split()
        if not any(t[0] in "#@" for t in tokens) and len(tokens) < 2:
            continue  # one plain word: the main check's
        parts, i = [], 0
        while i < len(tokens):
            u = _unit(glossary, tokens, i)
            if u is None:
                break
            parts.append(u)
            i += u[1]
        if i < len(tokens) or (len(parts) == 1 and tokens[0][0] not in "#@"):
            continue  # not all covered; or one glossary entry, which the main check fixes
        yield ls + m.start(), ls + m.end(), " ".join(ar for ar, _ in parts)


def check(doc, settings):
    glossary = settings.glossary
    allow = settings.allow_folded
    english = wordfreq_words("en")
    for (ls, le, line), arabic, (_, latin) in zip(doc.lines, doc.arabic_lines, doc.line_scripts):
        if not arabic or not latin or SOURCE_LINE_RE.match(line):
            continue
        covered = []
        if glossary and any(c.isupper() or c in "#@" for c in line):
            for a, b, ar in _name_runs(glossary, line, ls):
                if doc.overlaps_skip(a, b) or _enclosed(line, a - ls, b - ls) or _introduced(line, a - ls):
                    continue
                covered.append((a, b))
                yield RULE.finding(a, b, f"English names and titles {quote(doc.text[a:b])} in Arabic text; "
                                         f"house form {quote(ar)}", Fix.replace(a, b, ar, UNSAFE))
        for m in _RUN.finditer(line):
            if covered and any(a <= ls + m.start() < b for a, b in covered):
                continue
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
                yield RULE.finding(start, end, f"untranslated {kind} {quote(text)} in Arabic text",
                                   _function_word_fix(line, ls, m, words))
