"""Regular expressions written by users (`residue-patterns`): checked at load, bounded at run time.

A residue pattern deletes what it matches under `--fix`, so a careless one deletes the
article: `^` or `.*` match every line, `\\w` every word. Such patterns are refused when
the config is read. Their cost is bounded: user patterns run on the `regex` module,
which does not backtrack without end on nested quantifiers such as `(a+)+$` as `re`
does, with a timeout per search; a pattern that still runs past it (`(a|aa)+$`) stops
the run with a message (PatternTimeout) instead of hanging it.
"""

from __future__ import annotations

TIMEOUT = 1.0  # seconds per search of one line; a linear pattern takes microseconds
# Ordinary article lines: a residue pattern that matches every line of one language
# would delete that language's text (the test is generous: all three must match).
ORDINARY = {
    "English": ("The minister said on Monday that the talks would resume next week.",
                "In a statement, officials in the capital confirmed 12 arrests.",
                "Prices rose by 3.5% in March, the highest level since 2019."),
    "Arabic": ("قال الوزير يوم الاثنين إن المحادثات ستستأنف الأسبوع المقبل.",
               "وأكد المسؤولون في بيان اعتقال 12 شخصا في العاصمة.",
               "ارتفعت الأسعار بنسبة 3.5% في مارس، وهو أعلى مستوى منذ 2019."),
}


class PatternTimeout(Exception):
    """A user pattern ran past TIMEOUT on one line; the message says which and what to do."""


def _regex():
    import regex  # third-party `regex`: the same syntax as `re`, plus timeouts

    return regex


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be used as a user regex, or None if it can."""
    regex = _regex()
    try:
        rx = regex.compile(pattern, regex.IGNORECASE | regex.V0)
    except regex.error as exc:
        return f"invalid regular expression: {exc}"
    except (RecursionError, MemoryError, OverflowError):
        return "invalid regular expression: nested too deeply"
    try:
        if rx.search("", timeout=TIMEOUT):
            return ("matches an empty line, so it matches every line: with --fix it would delete the "
                    "whole article (anchor it to the words it is for, e.g. ^Photo: )")
        for lang, lines in ORDINARY.items():
            if all(rx.search(line, timeout=TIMEOUT) for line in lines):
                return (f"matches ordinary article lines such as {lines[0][:40]!r} ({lang}): with --fix it "
                        f"would delete the article's text")
    except TimeoutError:
        return f"takes more than {TIMEOUT:g} s on an ordinary line"
    return None


def prefix_problem(prefix: str) -> str | None:
    """Why a `prefix` pattern (the line starts with it) cannot be used, or None."""
    folded = prefix.casefold()
    if not folded.strip():
        return "is empty: every line starts with it, so with --fix it would delete the article"
    for lines in ORDINARY.values():
        for line in lines:
            if line.casefold().startswith(folded):
                return f"is how ordinary lines start ({line[:40]!r}): with --fix it would delete them"
    return None


class UserRegex:
    """A user pattern compiled with `regex`, case-insensitive, with the subset of the
    `re.Pattern` interface RS001 uses; every search is bounded by TIMEOUT."""

    __slots__ = ("pattern", "_rx")

    def __init__(self, pattern: str) -> None:
        regex = _regex()
        self.pattern = pattern
        self._rx = regex.compile(pattern, regex.IGNORECASE | regex.V0)

    def _timed_out(self) -> PatternTimeout:
        return PatternTimeout(
            f"residue-patterns: {self.pattern!r} took more than {TIMEOUT:g} s on one line and was stopped; "
            f"simplify it (repeats that can split a line in many ways, such as (a|aa)+ or (.*?,){{11}}, "
            f"backtrack without end)")

    def search(self, string: str, pos: int = 0):
        try:
            return self._rx.search(string, pos, timeout=TIMEOUT)
        except TimeoutError:
            raise self._timed_out() from None

    def match(self, string: str, pos: int = 0):
        try:
            return self._rx.match(string, pos, timeout=TIMEOUT)
        except TimeoutError:
            raise self._timed_out() from None

    def finditer(self, string: str, pos: int = 0):
        try:
            return list(self._rx.finditer(string, pos, timeout=TIMEOUT))
        except TimeoutError:
            raise self._timed_out() from None


class AnyOf:
    """A prefilter that passes a line when `house` (a compiled `re` alternation of the
    built-in patterns, or None) or any user pattern matches it. User patterns never join
    the `re` alternation, where nothing would bound their cost."""

    __slots__ = ("house", "users", "anchored")

    def __init__(self, house, users, anchored: bool = False) -> None:
        self.house, self.users, self.anchored = house, tuple(users), anchored

    def match(self, string: str, pos: int = 0):
        return ((self.house is not None and self.house.match(string, pos))
                or any(u.search(string, pos) for u in self.users))

    def search(self, string: str, pos: int = 0):
        return ((self.house is not None and self.house.search(string, pos))
                or any(u.search(string, pos) for u in self.users))
