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

import re

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
_SHORTCODE_RE = re.compile(
    rf"\[(?P<strong>{_STRONG})(?:\s[^\[\]\n]{{0,300}})?\]"  # positional arguments too: `[tweet URL]`
    rf"|\[/(?P<closename>[a-z][a-z0-9_-]{{0,30}})\]"
    rf"|\[(?P<name>[a-z][a-z0-9_-]{{0,30}})(?P<attrs>(?:=[^\]\s]{{1,200}})?(?:\s+[a-z_-]+\s*=\s*{_VAL})*)\s*/?\]"
)
_STRONG_RE = re.compile(rf"(?:{_STRONG})$")
_WEAK_RE = re.compile(rf"(?:{_WEAK})$")
_EMBED_BLOCK_RE = re.compile(rf"\[(?P<n>{_EMBEDS})\b[^\]\n]*\][^\n]*?\[/(?P=n)\]")


def _is_code(m, text) -> bool:
    if text.startswith("(", m.end()) or text.startswith(":", m.end()):
        return False  # a Markdown link or link definition
    if m.group("strong") or m.group("closename"):
        return True
    name, attrs = m.group("name"), m.group("attrs")
    compact = attrs.replace(" ", "")
    if '="' in compact or "='" in compact or "=&quot;" in compact or "=”" in compact:
        return True  # key="value": never prose
    known = _STRONG_RE.match(name) or _WEAK_RE.match(name)
    if attrs:
        return bool(known)
    return bool(_STRONG_RE.match(name)) or (bool(known) and _closed(name, m.end(), text))


def _closed(name, pos, text) -> bool:
    """A WEAK name with no attributes counts only when its closing code follows on the line."""
    end = text.find("\n", pos)
    return f"[/{name}]" in text[pos: end if end != -1 else len(text)]


def check(doc, settings):
    text = doc.text
    if "[" not in text:
        return
    taken = []
    for m in _EMBED_BLOCK_RE.finditer(text):
        s, e = m.span()
        taken.append((s, e))
        yield RULE.finding(s, e, f"CMS embed shortcode {quote(m.group(), 50)} in the text",
                           Fix.replace(s, e, "", UNSAFE))
    for m in _SHORTCODE_RE.finditer(text):
        s, e = m.span()
        if any(a <= s < b for a, b in taken) or not _is_code(m, text):
            continue
        if doc.in_skip(s):
            continue
        before = text[s - 1] if s else "\n"
        after = text[e] if e < len(text) else "\n"
        de = e + 1 if before in " \n" and after == " " else e
        yield RULE.finding(s, e, f"CMS shortcode {quote(m.group(), 50)} in the text",
                           Fix.replace(s, de, "", UNSAFE))
