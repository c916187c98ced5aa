"""RS003 cms-shortcode: CMS shortcodes and BBCode left in the article text.

What: WordPress-style shortcodes and forum BBCode that the CMS should have rendered:
`[embed]https://…[/embed]`, `[caption id="attachment_12" align="alignnone"]…[/caption]`,
`[gallery ids="1,2,3"]`, `[video src="…"]`, `[tweet …]`, `[b]…[/b]`, `[url=…]`. A bracket
counts when it is a closing code (`[/caption]`), a known shortcode name, or a name with
quoted `key="value"` attributes; editorial brackets in quotes (`"[The minister] said"`),
`[sic]` and Markdown links (`[text](url)`) are prose and stay.
Why: readers see the raw code; MT systems pass it through or translate its words.
Example: `[caption id="attachment_5" width="640"]` before a photo caption.
Fix: unsafe: an embed block (`[embed]…[/embed]`, `[video]…[/video]`) is removed with what
it wraps (a URL or player code); any other code is removed and the text it wraps stays
(a caption's words may be wanted).
"""

import bisect
import re
from functools import lru_cache

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.types import Fix

RULE = Rule("RS003", "cms-shortcode", "residue", WARNING, __doc__)

# Shortcode names of WordPress core and common plugins, and BBCode tags. A STRONG name is
# a shortcode even bare (`[embed]`); a WEAK one only with attributes or its closing code
# on the line (`[video]` alone can be a transcript's note).
_EMBEDS = "embed|video|audio|youtube|vimeo|tweet|twitter|instagram|facebook|tiktok|soundcloud|spotify|playlist|iframe|googlemaps|dailymotion"
_STRONG = ("embed|caption|wp_caption|gallery|playlist|youtube|vimeo|tweet|instagram|tiktok|soundcloud|"
           "spotify|iframe|googlemaps|dailymotion|contact-form-7|contact-form|wpforms|adsense|adrotate|"
           "related_posts|one_half|one_third|pullquote|vc_[a-z_]+|et_pb_[a-z_]+|fusion_[a-z_]+")
_WEAK = "video|audio|twitter|facebook|ad|ads|related|button|box|column|img|url|quote|b|i|u|s|color|size|font|center|spoiler|list|code|email|blockquote"
_VAL = r"""(?:"[^"\]\n]*"|'[^'\]\n]*'|&quot;[^\]\n]*?&quot;|”[^\]\n]*?”|[^\s\]"']+)"""
_SHORTCODE_RE = lazy_re(
    rf"\[(?P<strong>{_STRONG})(?:\s[^\[\]\n]{{0,300}})?\]"  # positional arguments too: `[tweet URL]`
    rf"|\[/(?P<closename>[a-z][a-z0-9_-]{{0,30}})\]"
    rf"|\[(?P<name>[a-z][a-z0-9_-]{{0,30}})(?P<attrs>(?:=[^\]\s]{{1,200}})?(?:\s+[a-z_-]+\s*=\s*{_VAL})*)\s*/?\]"
)
_STRONG_RE = lazy_re(rf"(?:{_STRONG})$")
_WEAK_RE = lazy_re(rf"(?:{_WEAK})$")
# An embed block is `\[(?P<n>EMBEDS)\b[^\]\n]*\][^\n]*?\[/(?P=n)\]`; that regex scans to the
# line end from every opener that has no closer, so the block is put together from the
# positions of `]` and of each closer instead (_embed_blocks): the same matches, linear.
_EMBED_OPEN_RE = lazy_re(rf"\[(?P<n>{_EMBEDS})\b")
_EMBED_CLOSE_RE = lazy_re(rf"\[/({_EMBEDS})\]")


def _is_code(m, text, doc, last_closer) -> bool:
    if text.startswith(("(", ":"), m.end()):
        return False  # a Markdown link or link definition
    strong, closename, name, attrs = m.group("strong", "closename", "name", "attrs")
    if strong or closename:
        return True
    compact = attrs.replace(" ", "")
    if '="' in compact or "='" in compact or "=&quot;" in compact or "=”" in compact:
        return True  # key="value": never prose
    is_strong, known = _kind(name)
    if attrs:
        return known
    return is_strong or (known and _closed(name, m.end(), doc, last_closer))


@lru_cache(maxsize=1024)
def _kind(name) -> tuple[bool, bool]:
    """(a STRONG name, a known name): one answer a name (a page repeats its few codes)."""
    strong = bool(_STRONG_RE.match(name))
    return strong, strong or bool(_WEAK_RE.match(name))


def _closed(name, pos, doc, last_closer) -> bool:
    """A WEAK name with no attributes counts only when its closing code follows on the line.
    (The line's last closer of that name is looked up once, not the rest of the line per code.)"""
    line_no = doc.line_col(pos)[0]
    if (line_no, name) not in last_closer:
        s, e = doc.line_span(line_no)
        last_closer[line_no, name] = doc.text.rfind(f"[/{name}]", s, e)
    return last_closer[line_no, name] >= pos


def _line_end(doc, pos):
    line_no = doc.line_col(pos)[0]
    return doc.line_starts[line_no] - 1 if line_no < len(doc.line_starts) else len(doc.text)


def _embed_blocks(doc):
    """(start, end) of each embed block, as _EMBED_BLOCK_RE.finditer would find them."""
    text = doc.text
    closers: dict[str, list[int]] = {}
    for c in _EMBED_CLOSE_RE.finditer(text):
        closers.setdefault(c.group(1), []).append(c.start())
    if not closers:
        return
    brackets = [b.start() for b in re.finditer(r"\]", text)]
    pos = 0
    while (m := _EMBED_OPEN_RE.search(text, pos)) is not None:
        name, end = m.group("n"), _line_end(doc, m.start())
        k = bisect.bisect_left(brackets, m.end())  # the `]` that ends the opening code
        starts = closers.get(name, [])
        if k < len(brackets) and brackets[k] < end:
            j = bisect.bisect_left(starts, brackets[k] + 1)  # the first closer after it
            if j < len(starts) and starts[j] < end:
                yield m.start(), starts[j] + len(name) + 3
                pos = starts[j] + len(name) + 3
                continue
        pos = m.start() + 1


def check(doc, settings):
    text = doc.text
    if "[" not in text:
        return
    taken = []  # sorted, disjoint: one bisect per shortcode
    for s, e in _embed_blocks(doc):
        taken.append((s, e))
        yield RULE.finding(s, e, f"CMS embed shortcode {quote(text[s:e], 50)} in the text",
                           Fix.replace(s, e, "", UNSAFE))
    taken_starts = [a for a, _ in taken]
    last_closer: dict = {}
    for m in _SHORTCODE_RE.finditer(text):
        s, e = m.span()
        k = bisect.bisect_right(taken_starts, s) - 1
        if k >= 0 and s < taken[k][1] or not _is_code(m, text, doc, last_closer):
            continue
        if doc.in_skip(s):
            continue
        before = text[s - 1] if s else "\n"
        after = text[e] if e < len(text) else "\n"
        de = e + 1 if before in " \n" and after == " " else e
        yield RULE.finding(s, e, f"CMS shortcode {quote(m.group(), 50)} in the text",
                           Fix.replace(s, de, "", UNSAFE))
