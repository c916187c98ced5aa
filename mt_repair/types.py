"""The small immutable values every other module trades in."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(enum.IntEnum):
    """How sure a fix is. Ordered: a higher value is safer."""

    DISPLAY_ONLY = 0  # shown as a suggestion, never applied
    UNSAFE = 1  # applied only with --unsafe-fixes
    SAFE = 2  # applied by --fix

    def __str__(self) -> str:
        return self.name.lower().replace("_", "-")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] (code-point offsets) with `replacement`."""

    start: int
    end: int
    replacement: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits applied together or not at all."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)

    @classmethod
    def replace(cls, start: int, end: int, replacement: str,
                applicability: Applicability = Applicability.SAFE) -> "Fix":
        return cls((Edit(start, end, replacement),), applicability)

    @classmethod
    def delete(cls, start: int, end: int,
               applicability: Applicability = Applicability.SAFE) -> "Fix":
        return cls((Edit(start, end, ""),), applicability)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at text[start:end], found by rule `code`."""

    code: str
    name: str
    category: str
    severity: Severity
    start: int
    end: int
    message: str
    fix: Fix | None = field(default=None, compare=False)
