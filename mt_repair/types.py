"""The small immutable values every other module trades in."""

from __future__ import annotations

import enum
from operator import attrgetter

set_field = object.__setattr__  # how a frozen value's __init__ sets its fields


class Record:
    """What `@dataclass` gave the value classes, without importing `dataclasses` (it pulls in
    `inspect`, ~10 ms, and builds each class with exec, ~1 ms a class: a third of a one-line
    check's start-up). A subclass names its fields in `_fields` (constructor order) and
    writes its `__init__`; `_compare` names the fields `==` (and hash, for a `Frozen` one)
    looks at, `_shown` those `repr` shows (both default to every field).
    `replace(**changes)` is `dataclasses.replace`: a new value built from the fields only.
    A plain Record is mutable and unhashable, as a non-frozen dataclass."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _compare: tuple[str, ...] | None = None
    _shown: tuple[str, ...] | None = None

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        compare = cls._compare if "_compare" in cls.__dict__ else cls._fields
        cls._compare = compare
        cls._shown = cls._shown if "_shown" in cls.__dict__ else cls._fields
        if compare:  # a tuple of the compared values (attrgetter of one name gives the value itself)
            cls._key = attrgetter(*compare, compare[0]) if len(compare) == 1 else attrgetter(*compare)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._key(self) == self._key(other)  # _key: an attrgetter, not a method
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable: unhashable, as a non-frozen dataclass

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self._shown)})"

    def replace(self, **changes):
        values = {n: getattr(self, n) for n in self._fields}
        values.update(changes)
        return type(self)(**values)


class Frozen(Record):
    """A Record whose fields cannot be assigned (as `@dataclass(frozen=True)`): hashable,
    pickled as its constructor's arguments (the `--jobs` processes and the archive's
    workers receive Findings and Fixes)."""

    __slots__ = ()

    def __setattr__(self, name, value):
        from dataclasses import FrozenInstanceError  # only on a bug; callers may catch it by name

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __reduce__(self):
        return type(self), tuple(getattr(self, n) for n in self._fields)


def replace(value: Record, /, **changes):
    """`value` with `changes` (as `dataclasses.replace`); also for a Fix, whose own
    `Fix.replace` builds a one-edit fix."""
    return Record.replace(value, **changes)


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


class Edit(Frozen):
    """Replace text[start:end] (code-point offsets) with `replacement`."""

    __slots__ = _fields = ("start", "end", "replacement")

    def __init__(self, start: int, end: int, replacement: str = "") -> None:
        if not 0 <= start <= end:
            raise ValueError(f"bad edit span {start}..{end}")
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "replacement", replacement)


class Fix(Frozen):
    """A set of edits applied together or not at all."""

    __slots__ = _fields = ("edits", "applicability")

    def __init__(self, edits: tuple[Edit, ...], applicability: Applicability = Applicability.SAFE) -> None:
        set_field(self, "edits", edits)
        set_field(self, "applicability", applicability)

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)

    @classmethod
    def replace(cls, start: int, end: int, replacement: str,  # type: ignore[override]
                applicability: Applicability = Applicability.SAFE) -> "Fix":
        """A one-edit fix. (A Fix with other fields: `mt_repair.types.replace(fix, ...)`.)"""
        return cls((Edit(start, end, replacement),), applicability)

    @classmethod
    def delete(cls, start: int, end: int,
               applicability: Applicability = Applicability.SAFE) -> "Fix":
        return cls((Edit(start, end, ""),), applicability)


class Finding(Frozen):
    """One problem at text[start:end], found by rule `code`.

    `subject`: what it is about, where rules of two families can report one thing (a
    glossary name's house form): findings of one subject whose spans nest are one artifact.
    Neither it nor `fix` takes part in `==` and hash."""

    __slots__ = _fields = ("code", "name", "category", "severity", "start", "end", "message", "fix", "subject")
    _compare = ("code", "name", "category", "severity", "start", "end", "message")

    def __init__(self, code: str, name: str, category: str, severity: Severity, start: int, end: int,
                 message: str, fix: Fix | None = None, subject: str | None = None) -> None:
        set_field(self, "code", code)
        set_field(self, "name", name)
        set_field(self, "category", category)
        set_field(self, "severity", severity)
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "message", message)
        set_field(self, "fix", fix)
        set_field(self, "subject", subject)
