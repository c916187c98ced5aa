"""Regexes compiled on first use.

Compiling the rules' ~200 patterns took ~130 ms of every run, more than checking an
article; most of them serve a rule whose cheap prefilter (no digit, no Latin letter, no
quote...) already passed over the text. `lazy_re(pattern, flags)` stands in for
`re.compile` at module level: the pattern compiles the first time a method is asked
for, then the compiled pattern's bound methods sit in the instance, so later calls cost
what a plain compiled pattern costs.
"""

from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """`re.compile(pattern, flags)`, deferred. Offers the methods of `re.Pattern`;
    `.compiled` is the real pattern (for code that needs an `re.Pattern` itself)."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Only reached for attributes not set yet: compile once, then keep the bound methods.
        if name.startswith("__"):
            raise AttributeError(name)
        rx = re.compile(self.pattern, self._flags)
        d = self.__dict__
        d.update((m, getattr(rx, m)) for m in _METHODS)
        d.update(compiled=rx, flags=rx.flags, groups=rx.groups, groupindex=rx.groupindex)
        return d[name] if name in d else getattr(rx, name)

    def __repr__(self) -> str:
        return f"lazy_re({self.pattern!r}, {self._flags!r})"


def lazy_re(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern that compiles on first use (see the module docstring)."""
    return LazyPattern(pattern, flags)
