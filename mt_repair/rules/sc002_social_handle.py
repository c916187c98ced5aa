"""SC002 social-handle: hashtags, @handles and glued account names inside Arabic text.

What: `#Macron`, `@SecBlinken`, and account names glued from a title and a surname
(`secblinken`, `KeirStarmer`) left in Arabic prose.
Why: MT of social posts and live blogs copies handles verbatim; in an article they
must read as names. The glossary maps known handles to the house Arabic name.
Example: `وقال #Macron إن` -> `وقال إيمانويل ماكرون إن`.
Fix: safe when the handle is listed in the glossary (`secblinken` -> `أنتوني بلينكن`);
unsafe when it is recognised only by splitting it into glossary name parts; a hashtag
with an Arabic word only loses its `#` (unsafe); other handles get no fix, and an
@handle the glossary does not know is reported as info (accounts are cited on purpose).
A tag needs a letter: `#1` is a number sign copied from the source ("answers to #1 and 2").
"""


from mt_repair.lazyre import lazy_re
from mt_repair.glossary import normalize_handle
from mt_repair.rules.base import INFO, SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK, SOURCE_LINE_RE
from mt_repair.types import Fix

RULE = Rule("SC002", "social-handle", "script", WARNING, __doc__)

_TAG = lazy_re(rf"(?<![\w@#&])[#@]([A-Za-z0-9_]+|[{AR_LETTER}{AR_MARK}_0-9]+)")
_GLUED = lazy_re(r"(?<![\w@#./])([A-Za-z]*[a-z][A-Z][A-Za-z]*|[a-z]{6,})(?![\w@])")
_CAMEL = lazy_re(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
HANDLE_PREFIXES = ("sec", "secretary", "pm", "fm", "pres", "president", "potus", "gov", "sen",
                   "rep", "mayor", "minister", "the", "real", "official")


def _split_name(token, glossary):
    """`KeirStarmer` / `secblinken` -> the glossary entry whose name parts they are."""
    parts = _CAMEL.findall(token) if not token.islower() else []
    low = token.casefold()
    if parts and len(parts) >= 2:
        tail = parts[-1].casefold()
        entry = glossary.by_en.get(" ".join(parts).casefold()) or glossary.by_en.get(tail)
        if entry is None:
            entry = _surname_entry(glossary, tail)
        if entry is not None and entry.type == "person":
            first = " ".join(parts[:-1]).casefold()
            if first in entry.en.casefold().split() or first in HANDLE_PREFIXES:
                return entry
        return None
    for prefix in HANDLE_PREFIXES:
        if low.startswith(prefix) and len(low) - len(prefix) >= 4:
            entry = _surname_entry(glossary, low[len(prefix):])
            if entry is not None and entry.type == "person":
                return entry
    return None


def _surname_entry(glossary, surname):
    return glossary.person_by_surname.get(surname)


def check(doc, settings):
    glossary = settings.glossary
    allow = settings.allow_folded
    for (ls, le, line), arabic, (_, latin) in zip(doc.lines, doc.arabic_lines, doc.line_scripts):
        if not arabic or not (latin or "#" in line or "@" in line):
            continue
        for m in _TAG.finditer(line):
            start, end = ls + m.start(), ls + m.end()
            if doc.overlaps_skip(start, end) or m.group(1).casefold() in allow:
                continue
            if not any(c.isalpha() for c in m.group(1)):
                continue  # `#1`, `#2020`: a number sign copied from the source, no tag or account
            entry = glossary.handle_of.get(normalize_handle(m.group())) if glossary else None
            if entry is None and glossary and m.group(1).isascii():
                entry = glossary.by_en.get(m.group(1).casefold()) or _split_name(m.group(1), glossary)
                fix = Fix.replace(start, end, entry.ar, UNSAFE) if entry else None
            elif entry is not None:
                fix = Fix.replace(start, end, entry.ar, SAFE)
            elif not m.group(1).isascii() and m.group().startswith("#"):
                fix = Fix.replace(start, end, m.group(1).replace("_", " "), UNSAFE)
            else:
                fix = None
            kind = "hashtag" if m.group().startswith("#") else "handle"
            hint = f"; the house form is {quote(entry.ar)}" if entry else ""
            # an account cited as such (`@MerPolCC`) is legitimate; only mapped names warn
            sev = INFO if kind == "handle" and entry is None else None
            yield RULE.finding(start, end, f"social {kind} {quote(m.group())} in Arabic text{hint}", fix, severity=sev)
        if not glossary:
            continue
        for m in _GLUED.finditer(line):
            token = m.group(1)
            start, end = ls + m.start(1), ls + m.end(1)
            if token.casefold() in allow or doc.overlaps_skip(start, end):
                continue
            entry = glossary.handle_of.get(token.casefold())
            safety = SAFE
            if entry is None:
                entry, safety = _split_name(token, glossary), UNSAFE
            # outlet and brand names are legitimately written in Latin (`المصدر: euronews`)
            if entry is None or entry.type != "person" or SOURCE_LINE_RE.match(line):
                continue
            yield RULE.finding(start, end,
                               f"account name {quote(token)} in Arabic text; the house form is {quote(entry.ar)}",
                               Fix.replace(start, end, entry.ar, safety))
