"""RS002 markup-residue: HTML tags and character entities left in the text, whole or broken.

What: HTML and XML tags (`<br>`, `</p>`, `<span class="x">`, `<seg id="1">`, and the
spaced forms MT makes of them, `< br / >`), CMS block comments (`<!-- wp:paragraph -->`),
and character entities: well-formed (`&amp;`, `&#39;`, `&gt;`, `&nbsp;`, `&amp;quot;`) and
broken by a translation system (`& gt ؛`, `&lt ؛`, `A&gt؛`, `& amp ;`, `& # 39 ;`, `&gt 90%`).
`&` between words and numbers is left alone (`AT&T`, `R&D`, `Johnson & Johnson`, a golf
score `5&4`), and so are `<` and `>` as comparisons (`p < 0.05`); `<sup>`/`<sub>` pairs
(`m<sup>2</sup>`) are formatting Markdown has no other way to write.
Why: markup escaped into the article text is shown to readers literally; MT systems
tokenise entities (`& gt ;`) and translate their `;` into `؛`, which no renderer decodes.
Example: `عدد خلايا الدم البيضاء &lt ؛ 4` (from `count &lt; 4`).
Fix: a well-formed entity is decoded (`&#39;` -> `'`), safe, except `&lt;`/`&gt;` in Arabic,
where the comparison sign reads mirrored and the editor should look (unsafe); a broken
entity is decoded unsafe; tags are removed unsafe (an attribute can hold a link the
editor wants); an entity standing for an invisible character gets no fix.
"""

import re
from functools import lru_cache

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.text import INVISIBLE_RE
from mt_repair.types import Fix

RULE = Rule("RS002", "markup-residue", "residue", WARNING, __doc__)

# HTML elements that scraped or machine-translated article text carries.
_TAGS = (
    "a|abbr|article|aside|audio|b|blockquote|body|br|button|caption|center|cite|code|dd|del|div|dl|"
    "dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|"
    "ins|label|li|link|main|mark|meta|nav|noscript|object|ol|p|picture|pre|q|s|script|section|small|"
    "source|span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|time|title|tr|u|ul|video|wbr"
)
_VALUE = r"""(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|[^\s"'<>=`]{1,100})"""
_ATTR = rf"[A-Za-z_:][\w:.-]*(?:\s*=\s*{_VALUE})?"
_TAG_RE = lazy_re(
    # a known element, written well (attributes, if any, must include a name=value pair)
    rf"<(?P<close>/)?(?P<name>(?i:{_TAGS}))(?P<attrs>(?:\s+{_ATTR})*)\s*/?>"
    # any element with quoted name="value" attributes (`<seg id="1">`), or closed (`</seg>`)
    rf"|<[A-Za-z][\w:-]*(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"\n]*\"|'[^'\n]*'))+\s*/?>"
    r"|</[A-Za-z][\w:-]{0,20}\s*>"
    # a known element with spaces MT put inside the brackets (`< br / >`, `< / p >`)
    rf"|<[ \t]*/?[ \t]*(?:{_TAGS})[ \t]*/?[ \t]*>"
    # CMS block comments
    r"|<!--\s*/?(?:wp:[^\n]*?|more|nextpage|noteaser)\s*-->"
)
_PAIRED_OK = lazy_re(r"<(sup|sub)>[^<>\n]{1,40}</\1>", re.I)

# Entities broken by MT: the names below are never English words.
_BROKEN_NAMES = "lt|gt|amp|quot|apos|nbsp|mdash|ndash|hellip|rsquo|lsquo|ldquo|rdquo|laquo|raquo|middot|zwnj|zwj|lrm|rlm"
_CORE = {"lt", "gt", "amp", "quot", "apos", "nbsp"}
_ENTITY_RE = lazy_re(
    r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"  # well-formed
    r"|&(?P<sp1>[ \t]*)(?:#[ \t]*(?P<num>[0-9]{2,7}|x[0-9a-fA-F]{2,6})|(?P<name>" + _BROKEN_NAMES + r"))"
    r"(?![A-Za-z0-9])(?P<sp2>[ \t]*)(?P<term>[;؛])?"
)
_FOLLOW_OK = lazy_re(r"[ \t]*(?:[0-9\u0660-\u0669]|[\u0600-\u06FF]|$)")


@lru_cache(maxsize=4096)
def _decode(entity: str) -> str | None:
    """The character(s) a well-formed entity stands for, unescaping `&amp;` chains; None if unknown."""
    import html
    from html.entities import html5

    s = entity
    while s.startswith("&amp;") and len(s) > 5 and s != "&amp;":
        s = "&" + s[5:]
    body = s[1:]
    if body.startswith("#"):
        try:
            n = int(body[2:-1], 16) if body[1:2] in "xX" else int(body[1:-1])
        except ValueError:
            return None
        if not 0 < n < 0x110000 or 0xD800 <= n <= 0xDFFF:
            return None
        return html.unescape(s)
    return html5.get(body)


def _broken_value(m) -> str | None:
    if m.group("num"):
        num = m.group("num")
        n = int(num[1:], 16) if num[0] == "x" else int(num)
        return chr(n) if 0 < n < 0x110000 and not 0xD800 <= n <= 0xDFFF else None
    from html.entities import html5
    return html5.get(m.group("name") + ";")


_MARKDOWN = set("*_#[]`|~\\")


def _plain_decode(doc, text, s, e, value) -> bool:
    """Is writing `value` for the entity at s..e sure to read the same? Not for `<` and `>`
    in Arabic (the sign reads mirrored), `<` before a letter (it would open a tag), `>` at
    a line's start (a Markdown quote), nor for characters Markdown gives a meaning."""
    if value in ("<", ">"):
        if doc.is_arabic_at(s):
            return False
        if value == "<":
            return not re.match(r"[A-Za-z/!?]", text[e:e + 1])
        return bool(text[text.rfind("\n", 0, s) + 1:s].strip())
    return not (len(value) == 1 and value in _MARKDOWN)


def _entities(doc, text):
    for m in _ENTITY_RE.finditer(text):
        s, e = m.span()
        if doc.overlaps_skip(s, e):
            continue
        raw = m.group()
        if m.group("name") is None and m.group("num") is None:  # well-formed
            value = _decode(raw)
            if value is None:
                continue
            broken = False
        else:
            if not m.group("term"):
                e = s + len(raw) - len(m.group("sp2"))  # not the spaces after it
                raw = text[s:e]
                name = m.group("name")
                if m.group("num"):
                    if m.group("sp1"):
                        continue
                elif name not in _CORE:
                    continue
                elif m.group("sp1") and not (_FOLLOW_OK.match(text, e) or doc.is_arabic_at(s)):
                    continue
            value = _broken_value(m)
            if value is None:
                continue
            broken = True
        shown = quote(value) if value.strip() else f"U+{ord(value[0]):04X}"
        if INVISIBLE_RE.search(value):
            fix = None
        elif broken or not _plain_decode(doc, text, s, e, value):
            fix = Fix.replace(s, e, value, UNSAFE)
        else:
            fix = Fix.replace(s, e, value, SAFE)
        kind = "broken HTML entity" if broken else "HTML entity"
        yield RULE.finding(s, e, f"{kind} {quote(raw, 30)} in the text (stands for {shown})", fix)


def _tags(doc, text):
    # not text.lower(): it makes a copy of 12 bytes a character of Arabic text first
    ok = [m.span() for m in _PAIRED_OK.finditer(text)] if re.search("<[sS][uU]", text) else []
    run = None  # (start, end, count) of adjacent tags
    for m in _TAG_RE.finditer(text):
        s, e = m.span()
        if m.group("name") is not None and m.group("attrs") and "=" not in m.group("attrs"):
            continue  # `<a and b>`: a comparison, not a tag
        if any(a <= s and e <= b for a, b in ok):
            continue
        if not m.group().startswith("<!--") and doc.overlaps_skip(s, e):
            continue
        if run and not text[run[1]:s].strip() and "\n" not in text[run[1]:s]:
            run = (run[0], e, run[2] + 1)
            continue
        if run:
            yield _tag_finding(text, *run)
        run = (s, e, 1)
    if run:
        yield _tag_finding(text, *run)


def _tag_finding(text, s, e, n):
    before = text[s - 1] if s else "\n"
    after = text[e] if e < len(text) else "\n"
    if before.isspace() or after.isspace() or after in ".,;:!?،؛؟)»”'\"":
        fix = Fix.replace(s, e, "", UNSAFE)
        if before == " " and after == " ":
            fix = Fix.replace(s, e + 1, "", UNSAFE)
    else:
        fix = Fix.replace(s, e, " ", UNSAFE)
    what = "HTML tags" if n > 1 else "HTML comment" if text.startswith("<!--", s) else "HTML tag"
    return RULE.finding(s, e, f"{what} {quote(text[s:e], 40)} in the text", fix)


_STRAY_AMP = lazy_re(r"(?<=[0-9\u0660-\u0669])[ \t]*&[ \t]*(?=[0-9\u0660-\u0669])")


def _with_debris(doc, text, findings):
    """Where a line holds a broken entity, a bare `&` between digits on that line is debris
    of another one (`4 & 109` from `4&times;109`); elsewhere it is a score (`5&4`)."""
    broken_lines = set()
    for f in findings:
        yield f
        if f.message.startswith("broken"):
            broken_lines.add(doc.line_col(f.start)[0])
    for line in sorted(broken_lines):
        ls, le = doc.line_span(line)
        for m in _STRAY_AMP.finditer(text, ls, le):
            s = ls + text[ls:le].index("&", m.start() - ls)
            yield RULE.finding(s, s + 1, "stray «&» beside broken HTML entities on this line "
                                         "(the rest of an entity, such as &times;)")


def check(doc, settings):
    text = doc.text
    if "&" in text:
        yield from _with_debris(doc, text, list(_entities(doc, text)))
    if "<" in text:
        yield from _tags(doc, text)
