"""SC008 off-target-language: a sentence in another language than the text's.

What: in English text, a sentence of six or more words (four different lower-case ones) in another language
(`Le ministre a déclaré que les négociations reprendraient.`, Swahili or other
romanised output of a multilingual system); in Arabic text, a sentence in Persian or
Urdu (`وزیر امور خارجه گفت که مذاکرات ادامه خواهد یافت`).
Why: multilingual MT systems drift into a neighbouring language ("off-target"
translation); every word may be spelled right, so spell checks and a quick read miss it.
How: cheap filters first, so clean text pays almost nothing: an English sentence with
enough English function words, or an Arabic one with fewer than two Persian/Urdu letters
or words (one is SC004's leak), is never examined. The rest go to langdetect (seeded, so
runs agree), and a sentence is reported only when the detector gives English (or Arabic)
under 5% and, for English, fewer than 35% of its words are English words (Zipf >= 3) that
are not common (Zipf >= 4) in any of six neighbours, nor 60% of its lower-case words
English. A paragraph in another language is one artifact: consecutive candidate sentences
on a line are asked as one text and, when clearly off-target (90%), reported once from the
first to the last; once three paragraphs in a row are in one other language, further
candidates join that drift without a call until a sentence in the text's language ends it.
Quoted sentences (in quotation marks) are left alone. Without langdetect installed the
rule reports nothing.
Example: `The talks went on. El presidente dijo que las conversaciones continuarán mañana.`
Fix: none. Only a translator can put the sentence into the right language.
"""

from __future__ import annotations


from mt_repair.lazyre import lazy_re
from mt_repair.lexicon import FOREIGN_LATIN, common_words, wordfreq_words
from mt_repair.rules.base import WARNING, Rule, quote

RULE = Rule("SC008", "off-target-language", "script", WARNING, __doc__)

MIN_WORDS = 6
# Possessive: a run of marks followed by a letter is only ever taken whole, and the
# sentence body never gives back what it took (the end it stops at always matches), so
# matches are as with plain quantifiers; without them a line of `!?!?…` backtracked
# exponentially. A sentence never starts inside a run of marks (a match ends after a
# whole run, and where a run's first mark fails the rest fail too), so the lookbehind
# changes no match; it spares a line of marks one scan per mark (quadratic).
_SENTENCE = lazy_re(r"(?<![.!?؟])(?:[^.!?؟\n]|[.!?؟]++(?=[^\s.!?؟]))++(?:[.!?؟]+|$)")
_LATIN_WORD = lazy_re(r"[A-Za-z\u00C0-\u024F]+")
# Function words: English ones, and those of the Latin-script languages MT drifts into.
# A sentence with two English ones and fewer foreign ones is English, and costs no more.
_EN_FUNCTION = frozenset(
    "the and to for with that this were are have has had been from by which it its of "
    "they their them there these those not but what when who would can could should "
    "we you she he his our my your does did be if than then into about after before "
    "was will is in on at or an a as said says i me do so".split())
_FOREIGN_FUNCTION = frozenset(
    "le la les des du une est et pas pour dans sur qui avec ce cette sont "  # French
    "el los las del que por para con una es y se lo al como pero "  # Spanish
    "der die das und ist nicht mit ein eine den dem zu auf sich von für auch "  # German
    "il di che per non gli della sono nel alla "  # Italian
    "os não um uma em com na no dos das ao ou "  # Portuguese
    "het een van en niet zijn op te voor met "  # Dutch
    "ta li ma fil tal jew huwa "  # Maltese
    "wa ya ni kwa na katika "  # Swahili
    "ng sa mga ang "  # Tagalog
    "dan yang di ini itu dengan untuk".split()) - _EN_FUNCTION  # Indonesian
# Persian/Urdu: letters Arabic does not use, and frequent words Arabic does not have.
_PERSIAN_LETTERS = "\u067E\u0686\u0698\u06AF\u06A9\u06CC\u06C0\u06C1\u06BE\u06D2"
_PERSIAN_HINT = lazy_re(
    rf"[{_PERSIAN_LETTERS}]|(?<!\S)(?:است|این|را|برای|هستند|بود|شده|کرد|میں|ہے|کے|کی|نے)(?!\S)")
_QUOTES = "\"“”«»'‘’"
_NAMES = {"fr": "French", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese",
          "nl": "Dutch", "fa": "Persian", "ur": "Urdu", "sw": "Swahili", "tl": "Tagalog",
          "id": "Indonesian", "so": "Somali", "ro": "Romanian", "ca": "Catalan", "tr": "Turkish",
          "af": "Afrikaans", "da": "Danish", "no": "Norwegian", "sv": "Swedish", "pl": "Polish",
          "cy": "Welsh", "fi": "Finnish", "hr": "Croatian", "sl": "Slovenian", "sk": "Slovak",
          "cs": "Czech", "hu": "Hungarian", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian",
          "sq": "Albanian", "vi": "Vietnamese"}
_detector = None


def _detect(text):
    """langdetect's probabilities for `text`, {lang: p}; None without langdetect."""
    global _detector
    if _detector is None:
        try:
            from langdetect import DetectorFactory, detect_langs
            from langdetect.lang_detect_exception import LangDetectException
        except ImportError:
            _detector = False
            return None
        DetectorFactory.seed = 0
        _detector = (detect_langs, LangDetectException)
    if _detector is False:
        return None
    detect_langs, error = _detector
    try:
        return {r.lang: r.prob for r in detect_langs(text)}
    except error:
        return None


def _quoted(line, s, e):
    if line[s:s + 1] in _QUOTES or line[e - 1:e] in _QUOTES:
        return True
    before, after = line[:s].rstrip(), line[e:].lstrip()
    return bool(before) and before[-1] in _QUOTES or bool(after) and after[0] in _QUOTES


def _detect_cached(doc, text):
    """_detect, once per distinct text in a document (langdetect is seeded: same answer)."""
    cache = doc.__dict__.setdefault("_sc008_detect", {})
    if text not in cache:
        cache[text] = _detect(text)
    return cache[text]


ESTABLISHED = 3  # paragraphs in a row found in one other language: a drifted document


class _Drift:
    """The document's current run of off-target paragraphs: the language and how many
    paragraphs (lines) in a row were found in it. Reset by any sentence shown to be in
    the text's language."""

    def __init__(self):
        self.lang, self.p, self.streak = None, 0.0, 0

    def reset(self):
        self.lang, self.p, self.streak = None, 0.0, 0

    def add(self, lang, p):
        self.streak = self.streak + 1 if lang == self.lang else 1
        self.lang, self.p = lang, p


def _verdicts(doc, run, judge, drift):
    """(start, end, text, lang, p) for a line's run of candidate sentences [(s, e, sent)].

    A paragraph in another language is one artifact: a run of two or more candidates is
    asked as a whole first (one langdetect call instead of one a sentence) and, when the
    whole is clearly off-target, reported once from its first sentence to its last.
    Otherwise (a mixed run, or a single sentence) each sentence is judged on its own.
    Once ESTABLISHED paragraphs in a row are in one other language, the next runs of
    candidates (sentences the cheap tests could not show to be in the text's language)
    join the drift without a call: a document that drifted costs a few calls, not one a
    sentence."""
    if not run:
        return
    s, e = run[0][0], run[-1][1]
    if drift.streak >= ESTABLISHED:
        yield s, e, doc.text[s:e], drift.lang, drift.p
        return
    if len(run) >= 2:
        verdict = judge(_detect_cached(doc, " ".join(sent for _, _, sent in run)), clear=True)
        if verdict:
            drift.add(*verdict)
            yield (s, e, doc.text[s:e]) + verdict
            return
    found = []
    for s, e, sent in run:
        verdict = judge(_detect_cached(doc, sent))
        if verdict:
            found.append((s, e, sent) + verdict)
        else:
            drift.reset()
    if found and len(found) == len(run) and len({f[3] for f in found}) == 1:
        drift.add(found[0][3], min(f[4] for f in found))
    yield from found


def _persian_judge(probs, clear=False):
    if not probs:
        return None
    lang = max(probs, key=probs.get)
    if lang in ("fa", "ur") and probs.get("ar", 0.0) < 0.05 and probs[lang] >= 0.9:
        return lang, probs[lang]
    return None


def _english_judge(probs, clear=False):
    if not probs:
        return None
    lang = max(probs, key=probs.get)
    if lang != "en" and probs.get("en", 0.0) < 0.05 and (not clear or probs[lang] >= 0.9):
        return lang, probs[lang]
    return None


def persian_sentences(doc):
    """(start, end, sentence, language) for each Arabic-script sentence (or run of them
    on a line) that is Persian or Urdu. Shared with SC004, which then leaves its words alone."""
    cached = doc.__dict__.get("_sc008_persian")
    if cached is not None:
        return cached
    out = []
    drift = _Drift()
    if True in doc.arabic_lines and _PERSIAN_HINT.search(doc.text):  # no Arabic line: nothing to find
        for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
            if not arabic or not _PERSIAN_HINT.search(line):
                if arabic and len(line.split()) >= MIN_WORDS:
                    drift.reset()  # an Arabic paragraph ends the drift
                continue
            run = []
            for m in _SENTENCE.finditer(line):
                sent = m.group().strip()
                if len(sent.split()) < MIN_WORDS:
                    continue  # too short to tell: neither joins nor breaks a run
                # a Persian or Urdu sentence has their letters or words throughout; one
                # word with a Persian letter in Arabic is SC004's leak
                if len(_PERSIAN_HINT.findall(sent)) < 2:
                    out.extend(v[:4] for v in _verdicts(doc, run, _persian_judge, drift))
                    run = []
                    drift.reset()
                    continue
                s = ls + m.start() + (len(m.group()) - len(m.group().lstrip()))
                run.append((s, s + len(sent), sent))
            out.extend(v[:4] for v in _verdicts(doc, run, _persian_judge, drift))
    doc.__dict__["_sc008_persian"] = out
    return out


def _english_sentences(doc):
    common = wordfreq_words("en", 600)  # Zipf >= 3
    drift = _Drift()
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        if arabic:
            continue
        run = []  # consecutive candidate sentences: an English one ends the run
        for m in _SENTENCE.finditer(line):
            # six words, four of them lower-case: a line of names (a headline, a
            # score line) says nothing about the language it is in
            if len(m.group().split()) < MIN_WORDS:
                continue
            words = _LATIN_WORD.findall(m.group())
            if len(set(filter(str.islower, words))) < 4:
                continue
            english = _english_by_cheap_tests(words, common)
            if english:
                yield from _verdicts(doc, run, _english_judge, drift)
                run = []
                if english == PLAINLY:  # the word-list tests also pass some foreign sentences
                    drift.reset()
                continue
            sent = m.group().strip()
            s = ls + m.start() + (len(m.group()) - len(m.group().lstrip()))
            if _quoted(line, s - ls, s - ls + len(sent)) or doc.overlaps_skip(s, s + len(sent)):
                yield from _verdicts(doc, run, _english_judge, drift)
                run = []
                continue
            run.append((s, s + len(sent), sent))
        yield from _verdicts(doc, run, _english_judge, drift)


PLAINLY, BY_WORD_LISTS = 2, 1


def _english_by_cheap_tests(words, common) -> int:
    """PLAINLY for a sentence with more English function words than foreign ones,
    BY_WORD_LISTS for one the word lists show to be English, 0 for a candidate."""
    folded = list(map(str.casefold, words))
    en = sum(map(_EN_FUNCTION.__contains__, folded))
    if en >= 2 and sum(map(_FOREIGN_FUNCTION.__contains__, folded)) < en:
        return PLAINLY
    if common is not None:
        distinct = set(folded)  # each word looked up once (a 100 KB line of a few words)
        english = distinct - set(common.missing(distinct))
        for lang in FOREIGN_LATIN:  # words common in English only
            other = common_words(lang)
            if other is not None and english:
                english = set(other.missing(english))
        if sum(map(english.__contains__, folded)) >= 0.35 * len(folded):
            return BY_WORD_LISTS
        # headlines have few function words; their lower-case words are English
        lower = [w for w in words if w.islower() and w not in _FOREIGN_FUNCTION]
        if lower and sum(map(set(common.missing(set(lower))).__contains__, lower)) <= 0.4 * len(lower):
            return BY_WORD_LISTS
    return 0


def check(doc, settings):
    if doc.language == "en":
        for s, e, sent, lang, p in _english_sentences(doc):
            name = _NAMES.get(lang, lang)
            yield RULE.finding(s, e, f"{_what(sent)} not in English (looks {name}, {p:.0%}): {quote(sent, 50)}")
    for s, e, sent, lang in persian_sentences(doc):
        yield RULE.finding(s, e, f"{_what(sent)} in {_NAMES[lang]}, not Arabic: {quote(sent, 50)}")


def _what(text):
    n = sum(1 for _ in _SENTENCE.finditer(text))
    return "sentence" if n <= 1 else f"{n} sentences"
