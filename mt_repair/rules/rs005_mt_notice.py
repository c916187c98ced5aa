"""RS005 mt-notice: a notice that the text was translated by machine, left in the article.

What: disclaimers and labels about automatic translation, in English and Arabic: a
sentence that names this text, translation and an automatic means (`This article was
machine-translated and may contain errors.`, `تمت ترجمة هذا المقال آليًا`, `This content
was translated using AI`), and labels on their own (`Machine translated`, `(machine
translation)`, `Translated by Google`, `ترجمة: Google`, `(ترجمة آلية)`, `مترجم آلياً`).
Sentences about machine translation (`Machine translation has improved`, a heading
`الترجمة الآلية`) are prose and stay: a notice must point at this text or be a label.
Why: a CMS or translation plug-in adds it; once an editor has reviewed the translation
it is wrong, and it tells readers the article was not edited.
Example: `*This article has been translated automatically.*` at the end of an article.
Fix: unsafe: the notice (its sentence, or its line when it stands alone) is deleted.
"""

import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_MARK
from mt_repair.types import Fix

RULE = Rule("RS005", "mt-notice", "residue", WARNING, __doc__)

_PREFILTER = lazy_re(rf"(?i)translat|ت[{AR_MARK}]*ر[{AR_MARK}]*ج[{AR_MARK}]*م")
_MARKS = lazy_re(f"[{AR_MARK}]")
_SENTENCE = lazy_re(r"[^.!?؟]+(?:[.!?؟]+|$)")

_EN_TR = lazy_re(r"(?i)\btranslat(?:ed|ion|ions|e|es|ing|or)\b|\b(?:auto|machine)[- ]?translat")
_EN_MEANS = lazy_re(
    r"(?i)\b(?:machine|automatic(?:ally)?|automated|auto|computer|software)\b|\bauto[- ]?translat"
    r"|\b(?:Google(?: Translate)?|DeepL|Bing|Microsoft Translator|Yandex|ChatGPT)\b"
    r"|\bartificial intelligence\b|(?-i:\bAI\b)")
_EN_THIS = lazy_re(
    r"(?i)\b(?:this|the present|the following|the above)\s+(?:article|story|text|page|content|post|"
    r"report|piece|item|document|release|statement|version|translation|news|material|summary|"
    r"transcript|interview|website|site)\b")
_EN_MEANS_NAME = (r"(?:Google(?: Translate)?|DeepL|Bing|Microsoft Translator|Yandex|ChatGPT|AI|"
                  r"artificial intelligence|machine translation|a machine)")
_EN_TAIL = (rf"(?:\s+(?:from|into)\s+(?:the\s+)?[A-Z][a-z]+)?(?:\s+(?:by|with|via|using)\s+{_EN_MEANS_NAME})?"
            r"(?:\s*[,;–—-]\s*(?:and\s+)?(?:it\s+)?(?:may|might|could)\s+contain\s+(?:errors|inaccuracies|mistakes))?")
_EN_LABEL = lazy_re(
    rf"(?:(?:automatically|machine|auto)[- ]?translated{_EN_TAIL}"
    rf"|translated\s+(?:automatically|by\s+machine){_EN_TAIL}"
    rf"|translated(?:\s+(?:from|into)\s+(?:the\s+)?[A-Z][a-z]+)?\s+(?:by|with|via|using)\s+{_EN_MEANS_NAME}"
    rf"|(?:translation|translated\s+by)\s*:\s*{_EN_MEANS_NAME})",
    re.I)
_EN_BRACKETED = lazy_re(rf"(?:machine|automatic|automated|AI|auto)[- ]?translation{_EN_TAIL}", re.I)

_AR_TR = lazy_re(r"ترجم|مترجم")
_AR_MEANS = lazy_re(r"آلي(?:ا|ة)?\b|تلقائي(?:ا|ة)?\b|الآلة|جوجل|غوغل|قوقل|Google|DeepL|الذكاء الاصطناعي")
_AR_THIS = lazy_re(
    r"\b(?:هذا|هذه)\s+(?:المقال|المقالة|النص|الخبر|المحتوى|التقرير|الموضوع|المنشور|الصفحة|المادة|"
    r"القصة|النسخة|الترجمة|البيان|الحوار|المقابلة|الموقع)")
_AR_MEANS_NAME = r"(?:جوجل|غوغل|قوقل|Google(?: Translate)?|DeepL|الذكاء الاصطناعي|الآلة)"
_AR_LABEL = lazy_re(
    r"(?:تمت?\s+|تم\s+)?(?:الترجمة|ترجمته|ترجمتها|ترجم|ترجمت|مترجم|مترجمة)\s+"
    rf"(?:(?:آليا|آليًا|آلياً|تلقائيا|تلقائيًا|تلقائياً)(?:\s+(?:بواسطة|عبر|باستخدام|من)\s+{_AR_MEANS_NAME})?"
    rf"|(?:بواسطة|عبر|باستخدام|من)\s+{_AR_MEANS_NAME})"
    rf"|(?:ترجمة|الترجمة)\s*:\s*(?:آلية|{_AR_MEANS_NAME})")
_AR_BRACKETED = lazy_re(rf"(?:ترجمة|الترجمة)\s+(?:آلية|تلقائية|الآلة|{_AR_MEANS_NAME})")

_WRAP = " \t*_()[]«»\"'“”.:!؟?،,-–—"


def _is_notice(sentence: str) -> bool:
    body = sentence.strip(_WRAP)
    if not body:
        return False
    bracketed = bool(re.fullmatch(r"\s*[*_]*[(\[].*[)\]][*_]*\s*[.]?\s*", sentence))
    if _AR_TR.search(body):
        if _AR_LABEL.fullmatch(body) or (bracketed and _AR_BRACKETED.fullmatch(body)):
            return True
        return bool(_AR_MEANS.search(body) and _AR_THIS.search(body))
    if _EN_TR.search(body):
        if _EN_LABEL.fullmatch(body) or (bracketed and _EN_BRACKETED.fullmatch(body)):
            return True
        return bool(_EN_MEANS.search(body) and _EN_THIS.search(body) and len(body.split()) <= 40)
    return False


def check(doc, settings):
    text = doc.text
    if not _PREFILTER.search(text):
        return
    for i, (ls, le, line) in enumerate(doc.lines):
        if not _PREFILTER.search(line) or line.lstrip().startswith("#"):
            continue
        # match on the line without tashkeel (`تُرجم`), mapping back to the line's offsets
        plain, pos = [], []
        for j, ch in enumerate(line):
            if not _MARKS.match(ch):
                plain.append(ch)
                pos.append(j)
        plain = "".join(plain)
        pos.append(len(line))
        # parenthesised notices inside a line, then sentence by sentence
        spans = [m.span() for m in re.finditer(r"\([^()\n]{4,80}\)", plain) if _is_notice(m.group())]
        for m in _SENTENCE.finditer(plain):
            if not any(a < m.end() and m.start() < b for a, b in spans) and _is_notice(m.group()):
                a = m.start() + len(m.group()) - len(m.group().lstrip())
                spans.append((a, m.end()))
        for a, b in sorted(spans):
            s, e = ls + pos[a], ls + pos[b] if b < len(pos) else le
            if doc.overlaps_skip(s, e):
                continue
            rest = (line[:pos[a]] + line[pos[b]:] if b < len(pos) else line[:pos[a]]).strip(_WRAP)
            if not rest:  # the notice is the whole line: delete the line
                ds = ls
                de = doc.line_starts[i + 1] if i + 1 < len(doc.line_starts) else le
                if de == le and ls > 0:
                    ds = ls - 1
                fix = Fix.replace(ds, de, "", UNSAFE)
                s, e = ls + len(line) - len(line.lstrip()), ls + len(line.rstrip())
            else:
                ds = s - 1 if s > ls and text[s - 1] == " " else s
                fix = Fix.replace(ds, e, "", UNSAFE)
            yield RULE.finding(s, e, f"machine-translation notice {quote(text[s:e], 50)}", fix)
