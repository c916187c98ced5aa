"""Side-by-side excerpts of what changed between two texts, for the worst examples."""

from __future__ import annotations

import difflib
import re

_ARABIC = re.compile("[\u0600-\u06ff]")


def direction(text: str) -> str:
    """'rtl' when Arabic letters outnumber Latin ones."""
    ar = len(_ARABIC.findall(text))
    return "rtl" if ar and ar >= len(re.findall("[A-Za-z]", text)) else "ltr"


def hunks(left: str, right: str, limit: int = 3, width: int = 600) -> list[dict]:
    """Changed line blocks as {"left", "right"}; each side trimmed to `width` characters."""
    ll, rl = left.splitlines(), right.splitlines()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ll, rl, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        out.append({"left": _trim("\n".join(ll[i1:i2]), width), "right": _trim("\n".join(rl[j1:j2]), width)})
        if len(out) >= limit:
            break
    return out


def _trim(s: str, width: int) -> str:
    return s if len(s) <= width else s[:width - 1] + "…"


def word_diff(left: str, right: str) -> list[tuple[str, str]]:
    """(op, text) pieces: op is '=', '-' (only left) or '+' (only right); split on words."""
    a, b = re.findall(r"\s+|[^\s]+", left), re.findall(r"\s+|[^\s]+", right)
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out
