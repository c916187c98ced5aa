"""RS004 wiki-residue: Wikipedia maintenance tags, edit links and footnote markers in an article.

What: inline maintenance templates (`[citation needed]`, `[clarification needed]`, `[who?]`,
`[dubious – discuss]`, `[بحاجة لمصدر]`), section edit links (`History[edit]`, `[عدل]`), and
footnote markers glued to a word or a full stop (`said.[1]`, `country[2][3]`, `[note 1]`,
`الحرب.[٤]`), which systems copy or hallucinate from the wiki text they were trained on.
A news article cites its sources in words, never with bracketed numbers. A number in
brackets after a space (`as reported [1]`) is how scientific prose cites a reference list,
and is left alone, as are Markdown links and references (`[text][1]`, `[1]: url`, `[^1]`)
and editorial brackets (`[sic]`, `"[The minister] said"`).
Why: they are page furniture of another site, meaningless in the article.
Example: `The city was founded in 1820.[3]`
Fix: a maintenance tag or edit link is deleted, safe (it is never content); footnote
markers are deleted, unsafe (in a text that does cite a reference list they are references).
"""

import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.types import Fix

RULE = Rule("RS004", "wiki-residue", "residue", WARNING, __doc__)

_EN_TAG = (
    r"(?:[a-z]+[ -]){0,3}needed|(?:who|whom|when|where|which|why|how|by whom|according to whom|by how much)\?"
    r"|dubious(?:\s*[–—-]\s*discuss)?|original research\??|unreliable (?:medical )?source\??|vague|clarify"
    r"|not in (?:citation|source) given|failed verification|(?:permanent )?dead link|edit|edit source"
    r"|needs update|disputed\s*[–—-]\s*discuss|further explanation needed|improper synthesis\?"
)
_AR_TAG = (
    r"بحاجة (?:ل|إلى |الى )?(?:مصدر|توضيح|تحديث|مراجعة|إسناد)|(?:مصدر|توضيح) مطلوب|مطلوب (?:مصدر|توضيح)"
    r"|من؟|متى؟|أين؟|أي؟|عدل|عدّل|تعديل|عدل المصدر|عدّل المصدر|تحرير|تحرير المصدر|وصلة مكسورة|رابط مكسور"
)
_TAG_RE = lazy_re(rf"\[\s*(?:(?i:{_EN_TAG})|{_AR_TAG})\s*\](?![(\[:])")  # not a Markdown link's text
_DIGITS = "0-9\u0660-\u0669\u06F0-\u06F9"
_NOTE = rf"\[(?:[{_DIGITS}]{{1,3}}|(?:note|nb|n|ملاحظة|ملحوظة|حاشية) ?[{_DIGITS}a-z]{{1,3}}|[a-z])\]"
# glued to a letter or to closing punctuation; a run (`[2][3]`); not a Markdown link or reference
_NOTE_RE = lazy_re(
    rf"(?<=[A-Za-z\u00C0-\u024F\u0621-\u064A.,;:!?)\"'»”’،؛%])(?:{_NOTE})+(?![(:\[])"
)


def check(doc, settings):
    text = doc.text
    if "[" not in text:
        return
    for m in _TAG_RE.finditer(text):
        s, e = m.span()
        if doc.in_skip(s):
            continue
        ds = s - 1 if s and text[s - 1] in " \t" else s  # with the space before it
        yield RULE.finding(s, e, f"wiki maintenance tag or edit link {quote(m.group())}",
                           Fix.replace(ds, e, "", SAFE))
    for m in _NOTE_RE.finditer(text):
        s, e = m.span()
        if doc.in_skip(s):
            continue
        if re.fullmatch(r"(?:\[[a-z]\])+", m.group()) and not text[s - 1] in ".,;:!?\"'»”’،؛":
            continue  # `x[i]`: an index, unless a letter note sits after a full stop
        yield RULE.finding(s, e, f"wiki footnote marker {quote(m.group())} in the text",
                           Fix.replace(s, e, "", UNSAFE))
