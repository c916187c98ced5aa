"""RP001 repeated-word: the same word printed twice or more in a row.

What: any word, in any script, directly followed by itself (`the the`, `في في`,
`virus virus`, `البحرية البحرية`, `COVID-19 COVID-19`, `that that that that`), unless
the doubling is legitimate. Legitimate doubling is an allowlist, each entry with the
sentence that motivates it:
- interjections and sounds, at any count: `ha ha`, `bye bye`, `no no no`, `knock knock`,
  `لا لا`, `نعم نعم`, `كلا كلا`, `آه آه`;
- emphasis, twice only: `a very very long day`, `far far away`, `I love you so so much`,
  `مهم جداً جداً`;
- grammar, twice only: `If I had had time`, `I said that that was final` (not before
  `the`/`this`/a pronoun: `that that this administration` is a stutter), `What it is is
  a scam`, `The can can hold water`, `Will will come` (a name and a verb), `They do do it`;
  `outside it it is 1%` (after a preposition); Arabic `الموقف هو هو` (identity), `سأل من من يريد` (from whom), `قال إن إن لم…`;
- Arabic distributive and adverbial pairs, twice only: `رويداً رويداً`, `خطوة خطوة`,
  `بنداً بنداً`, `دار دار، زنقة زنقة`, and any indefinite accusative written with its
  tanween (`رجلاً رجلاً`, one man at a time); a definite noun closing a demonstrative and
  opening the next phrase (`وتشمل هذه العلاجات العلاجات الحالية`, these treatments include
  the current treatments);
- names, twice: identical capitalised words (`Bora Bora`, `Walla Walla`, `Duran Duran`,
  `the Roa Roa Hotel`), a short list of the same in Arabic (`بطرس بطرس غالي`), hyphenated pairs (`Baden-Baden`) and compounds (`Boutros
  Boutros-Ghali`, `Moon Jae-in in`) are never one word doubled;
- letters spelled out in Arabic (`سي إن إن` CNN, `بي بي سي` BBC, `إم في في ناشفيل`
  WSMV in Nashville): a doubled letter name next to another letter name;
- numbers (`2 2`), single Latin letters (`b a s i c`), and a content word doubled in a
  short chant (`"ارحل ارحل!"`).
Also an Arabic word echoed with the article (`اتفاقية الاتفاقية`, `برأس الرأس`; not
kinship or emphasis, `ابن الابن`, `نخبة النخبة`): none in TICO-19's Arabic reference or
NTREX-128, nine in the TICO-19 system output; no fix (either copy may be the echo).
Why: decoder loops and bad segment joins leave stuttered words; the eye skips them.
Example: `قال المتحدث that that that that إن` -> `قال المتحدث that إن`.
Fix: safe when unambiguous (three or more copies, or a doubled function word such as
`the the`); unsafe for two copies of a content word (`virus virus`), where the second
copy may stand for a word the decoder lost.
"""

import bisect
import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import ERROR, SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_MARK, SPELLED_LATIN_LETTERS, strip_marks
from mt_repair.types import Fix

RULE = Rule("RP001", "repeated-word", "repetition", ERROR, __doc__)

# A token: letters and digits (at least one letter, checked below), with tashkeel, and
# inner hyphens or apostrophes (`COVID-19`, `don't`). A copy must be a whole token: no
# hyphen, apostrophe, dot, slash or @ glued before or after it (`Jae-in in`, `E.ON on`).
_T = rf"[^\W_](?:[^\W_]|[{AR_MARK}])*(?:[-'’](?:[^\W_]|[{AR_MARK}])+)*"
_NB = rf"(?<![\w{AR_MARK}\-'’./@#&_+])"
_NA = rf"(?![\w{AR_MARK}]|[-'’./@&+][\w])"
_RUN = lazy_re(rf"{_NB}({_T})((?:[ \t\u00A0]+\1{_NA})+)", re.I)
_LETTER = lazy_re(r"[^\W\d_]")

_UNIFY = str.maketrans("أإآٱى", "ااااي")


def normalize(word: str) -> str:
    """Case-folded, without tashkeel; Arabic alef forms, ى and final ة unified."""
    w = strip_marks(word).casefold()
    w = w.translate(_UNIFY)
    return w[:-1] + "ه" if w.endswith("ة") else w


# Function words: a doubled one is always a stutter and its fix is safe.
FUNCTION_WORDS = frozenset(map(normalize, """
the a an of to in on at for with by from and or but nor into onto than as that is are was were be been
this these those its he she they we i his their our my your will would shall should
can could may might must not yet still also just only even already never
في من على إلى الى عن مع أن ان التي الذي الذين اللذين اللتين اللواتي قد لم لن هذا هذه ذلك تلك
هؤلاء حيث أو او ثم كما إلا الا بين حتى لدى عند منذ خلال كل بعض غير لكن بل إذا اذا ما
فقط ايضا ولكن قبل بعد عندما حين حول ضد دون نحو
""".split()))

# Interjections and sounds: never a stutter, at any count.
INTERJECTIONS = frozenset(map(normalize, """
ha hah haha he hee heh hi ho hey oh ah aah aha uh um er hmm mm ooh oo wow woo whoa yo la na
bla blah yadda no yes yeah yep nope ok okay bye tick tock knock ding dong boom bang beep
choo chop chow tsk tut shh hush meow woof quack honk wink yum yummy go ta ring bah boo
rah cha pom tom dum bling si oui ja da non nein
لا نعم كلا آه اه أه ها هه هاها أوه اوه واو يا هيا آمين امين مرحبا أهلا اهلا شكرا حسنا طيب
يلا بس صح تمام لبيك والله الله بخ أف اف آي أيوه ايوه اي هاي
""".split()))

# Emphasis and lexicalised pairs: legitimate twice (flagged from three copies on).
# English: `a very very long day`, `far far away`, `so so much`, `please please stay`,
# `Homo sapiens sapiens`, `tse tse fly`, `mahi mahi`. Arabic (compared without tashkeel,
# alef forms and final ة/ه unified): adverbial and distributive pairs (`رويداً رويداً`,
# `قليلاً قليلاً`, `خطوة خطوة`, `واحداً واحداً`, `حرفاً حرفاً`, `بيتاً بيتاً`, `شبراً شبراً`,
# `بنداً بنداً`, `مادة مادة`, `اثنين اثنين`, `مثنى مثنى`, `صفاً صفاً`, `دكاً دكاً`,
# `دار دار، زنقة زنقة`, `شوي شوي`), emphasis (`مهم جداً جداً`), identity (`الموقف هو هو
# لم يتغير`), `بين بين` (so-so), `ألف ألف` (a million), `من من` (from whom).
DOUBLE_OK = frozenset(map(normalize, """
very so far really many much long way please sorry plus sapiens tse mahi cous ylang bora
رويدا شيئا قليلا خطوه واحدا واحد حرفا حرف كلمه بيتا بيت شبرا شبر دار زنقه فردا فرد صفا دكا
سطرا يوما شوي شويه حبه قطعه لحظه نقطه بندا بند فقره ماده حجرا طوبه زوجا اثنين اثنان مثنى
جماعات افواجا جدا هو هي هم هن هما بين الف من
""".split()))

# Names that double, written in Arabic (Arabic has no capitals to tell a name):
# `بطرس بطرس غالي` (Boutros Boutros-Ghali), `عبدالله عبدالله` (Abdullah Abdullah),
# `سرحان سرحان`, `بورا بورا`, `والا والا`, `باغو باغو`, `واغا واغا`, `دوران دوران`, `بادن بادن`.
DOUBLED_NAMES = frozenset(map(normalize, """
بطرس عبدالله سرحان بورا والا باغو واغا دوران بادن روا
""".split()))

# Latin letters spelled in Arabic: `سي إن إن` is CNN, `إم في في ناشفيل` WSMV in Nashville.
SPELLED_LETTERS = SPELLED_LATIN_LETTERS

_NEXT_WORD = lazy_re(rf"[ \t\u00A0]*({_T})")
_PREPOSITIONS = frozenset("""
about above across after against along among around at before behind below beneath beside
between beyond by despite during for from in inside into like near of off on onto outside over
past since than through to toward towards under unlike until upon with within without
""".split())
_AR_DEMONSTRATIVES = frozenset("هذا هذه هذان هاتان هؤلاء ذلك تلك اولئك".split())
_DETERMINERS = frozenset("the a an this these those that he she they we i you it there".split())


def _prev_words(text, start, n=6):
    return re.findall(rf"{_T}", text[max(0, start - 60):start])[-n:]


def _next_word(text, end):
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


def _legitimate_pair(text, m, word, second) -> bool:
    """Is this two-copy doubling grammatical or a name? (see the docstring)"""
    w = normalize(word)
    if w in DOUBLE_OK or w in DOUBLED_NAMES:
        return True
    if "\u064B" in word and "\u064B" in second:  # tanween fath on both: a distributive pair
        return True
    if w == "had":  # `If I had had time`
        return True
    if w == "that":  # `that that was final`, but not `that that this administration`
        return normalize(_next_word(text, m.end())) not in _DETERMINERS
    if w == "is":  # `What it is is a scam`, `All it is is talk`
        return any(normalize(p) in ("what", "all") for p in _prev_words(text, m.start()))
    if w == "can":  # `The can can hold water`
        prev = _prev_words(text, m.start(), 1)
        return bool(prev) and normalize(prev[0]) in ("the", "a", "this", "that", "each", "every")
    if w in ("may", "will") and word != second and (word[0].isupper() or second[0].isupper()):
        return True  # `Will will come`, `May may leave`: a name and a modal
    if w == "hip":  # `Hip hip hooray`, but not `hip hip` alone
        return normalize(_next_word(text, m.end())) in ("hooray", "hurray", "hurrah")
    if w == "do":  # emphatic do: `They do do it`
        return True
    if w == "it":  # `outside it it is 1.2%`: a preposition's object, then a new clause
        prev = _prev_words(text, m.start(), 1)
        return bool(prev) and normalize(prev[0]) in _PREPOSITIONS
    if w in ("you", "her"):  # object then subject or possessive: `I told you you would win`, `gave her her book`
        return True
    if w == "right":  # `you're breathing all right right now`
        prev = _prev_words(text, m.start(), 1)
        return bool(prev) and normalize(prev[0]) == "all"
    if w in ("wait", "now", "well", "there", "come"):  # `Wait wait!`, `Now now, calm down`
        before = text[max(0, m.start() - 3):m.start()].strip()
        return before == "" or before[-1] in ".!?\"'«“(—-:"
    if strip_marks(word) == "إن":  # `قال إن إن لم يتم الاتفاق`: that + if (not `أن أن`)
        return True
    if w.startswith("ال"):  # `وتشمل هذه العلاجات العلاجات الحالية`: `these treatments` + object
        prev = _prev_words(text, m.start(), 1)
        if prev and normalize(prev[0]) in _AR_DEMONSTRATIVES:
            return True
    if word == second and word[:1].isupper() and not word.isupper() and w not in FUNCTION_WORDS:
        return True  # a name: Bora Bora, Walla Walla, Duran Duran, the Roa Roa Hotel
    return False


# Letter names that are also common words (in, or, that, the) are no evidence of spelling.
_LETTER_EVIDENCE = SPELLED_LETTERS - frozenset("في فى أو او إن ان ال اي".split())


def _spelled(text, m, word) -> bool:
    """A letter name doubled next to other letter names: an acronym spelled out."""
    if strip_marks(word) not in SPELLED_LETTERS:
        return False
    before = _prev_words(text, m.start(), 1)
    # `آر آر تي-بي سي آر` (rRT-PCR): a hyphen joins letter names too
    after = strip_marks(_next_word(text, m.end())).split("-")[0]
    prev = strip_marks(before[0]) if before else ""
    # `وكالةسي ان ان`: the letter before may be glued to the word before it
    return prev in _LETTER_EVIDENCE or after in _LETTER_EVIDENCE \
        or any(len(x) > 1 and prev.endswith(x) for x in _LETTER_EVIDENCE)


_QUOTE = lazy_re(r'"([^"\n]{1,80})"|«([^»\n]{1,80})»|“([^”\n]{1,80})”')


def _chant(text, m, cache=None) -> bool:
    """`"ارحل ارحل!"`, `"سلمية سلمية"`: a content word doubled in a short slogan."""
    after = text[m.end():m.end() + 2].lstrip()
    if after.startswith("!"):
        return True
    line_start = text.rfind("\n", 0, m.start()) + 1
    quotes = cache.get(line_start) if cache is not None else None
    if quotes is None:  # the line's quotations, found once a line (per pair was quadratic)
        line_end = text.find("\n", m.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        quotes = [(q.start(), q.end(), len(q.group().split())) for q in _QUOTE.finditer(line)]
        quotes = ([q[0] for q in quotes], quotes)
        if cache is not None:
            cache[line_start] = quotes
    pos = m.start() - line_start
    # quotations do not overlap, so only the last one opening before the pair can hold it
    i = bisect.bisect_left(quotes[0], pos) - 1
    if i >= 0:
        qs, qe, words = quotes[1][i]
        return qe > m.end() - line_start and words <= 6
    return False


_POSSESSIVE_RUN = lazy_re(r"(?<![\w'’])([^\W_]+['’]s)[ \t\u00A0]+\1(?![\w'’])", re.I)
# what every possessive loop holds (from the apostrophe of its first copy on), found by a
# scan that jumps from apostrophe to apostrophe; no match crosses a line end
_POSSESSIVE_PAIR = lazy_re(r"['’]s[ \t\u00A0]+[^\W_]+['’]s(?![\w'’])", re.I)


def _candidate_lines(doc):
    """Lines where a word follows itself; a possessive loop (`patient's patient's`) is not
    seen by the letter-run filter (`patient s patient s`), so those lines are added."""
    lines = doc.lines_with_adjacent_repeat
    if "'s " not in doc.text and "’s " not in doc.text:
        return lines
    # a possessive loop holds `'s` + spaces + a word + `'s`: only lines with that are searched
    starts = doc.line_starts
    where = {bisect.bisect_right(starts, m.start()) - 1 for m in _POSSESSIVE_PAIR.finditer(doc.text)}
    if not where:
        return lines
    have = {ls for ls, _, _ in lines}
    extra = [ln for ln in (doc.lines[i] for i in sorted(where) if i < len(doc.lines))
             if ln[0] not in have and _POSSESSIVE_RUN.search(ln[2])]
    return sorted(lines + extra) if extra else lines


# `X الX`: an Arabic word echoed with the article (`اتفاقية الاتفاقية`, `برأس الرأس`), a
# decoder loop through a sub-word piece. Legitimate where the phrase is an annexation
# of a word to itself: kinship (`أم الأم`, `ابن الابن`, grandmother, grandson) and
# emphasis (`نخبة النخبة`, `صفوة الصفوة`, the very elite).
_ARTICLE_ECHO = lazy_re(rf"(?<![\w{AR_MARK}\-])([وفبلك]?)([\u0621-\u064A]{{3,}}) ال\2(?![\w{AR_MARK}]|-\w)")
ARTICLE_ECHO_OK = frozenset(map(normalize, """
ام اب ابن بنت اخ اخت جد جده عم عمه خال خاله زوج زوجه حفيد حفيده والد والده
نخبه صفوه قمه خلاصه لب سر قلب اصل سيد ملك كل بعض غير نفس عين
""".split()))


def _article_echoes(doc):
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        if not arabic or " ال" not in line:
            continue
        for m in _ARTICLE_ECHO.finditer(line):
            if normalize(m.group(2)) in ARTICLE_ECHO_OK or doc.overlaps_skip(ls + m.start(), ls + m.end()):
                continue
            yield RULE.finding(ls + m.start(), ls + m.end(),
                               f"{quote(m.group(2))} repeated with the article in {quote(m.group())}",
                               severity=WARNING)


def check(doc, settings):
    yield from _article_echoes(doc)
    text = doc.text
    chants = {}
    for m in (m for ls, le, _ in _candidate_lines(doc) for m in _RUN.finditer(text, ls, le)):
        word = m.group(1)
        if not _LETTER.search(word) or doc.overlaps_skip(m.start(), m.end()):
            continue  # numbers (`2 2`) are not words
        copies_text = m.group(2).split()
        copies = 1 + len(copies_text)
        w = normalize(word)
        if w in INTERJECTIONS:
            continue
        if len(word) == 1 and (word.isascii() and (w not in ("a", "i") or word.isupper())
                               or not word.isascii() and word not in "وفبلك"):
            continue  # spelled out letter by letter (`b a s i c`), or initials (`Hussein A A`, `حسين أ أ`)
        function = w in FUNCTION_WORDS
        if copies == 2:
            if _spelled(text, m, word):
                continue
            if not function and (_legitimate_pair(text, m, word, copies_text[0]) or _chant(text, m, chants)):
                continue
            if function and w in ("that", "is", "can", "may", "will", "من", "ان", "بين") \
                    and _legitimate_pair(text, m, word, copies_text[0]):
                continue
        # copies that differ in case may be two words (`WHO who`): deleting them is unsafe
        safe = function or copies >= 3 and all(c == word for c in copies_text)
        fix = Fix.delete(m.start(2), m.end(2), SAFE if safe else UNSAFE)
        yield RULE.finding(m.start(), m.end(),
                           f"{quote(word)} repeated {copies} times in a row", fix,
                           severity=ERROR if copies >= 3 else WARNING)
