"""`--diff`: a patch that `patch -p1` or `git apply` turns into exactly the bytes `--fix` writes.

Exact means bytes, as those tools see them: lines end at b"\\n" only (not at a lone CR,
U+2028, U+0085, form feed…, where str.splitlines would split), a BOM stays part of line 1,
CRLF and CR stay inside their lines, and a last line without a newline gets the
`\\ No newline at end of file` marker.

A UTF-16 file (or any file with NUL bytes) cannot be a unified diff that `patch` applies
(its "lines" would cut characters in half): it gets a git binary patch instead, which
`git apply` applies byte for byte (and which checks that the file is still the one that
was read), with a note saying so; `patch` refuses it with a message rather than
writing a wrong file.

Linear time: common leading and trailing lines are set aside, then the middle is walked
with a greedy resynchronisation in a window that doubles (8, 16, … 4096 lines) until the two
sides meet again. Every edit script is a correct patch; this one is minimal for the usual
fix (lines changed in place, lines deleted) and never quadratic. difflib is not used: on
repeated lines (a duplicated-sentence article) it took minutes for 2 MB, and even 500
alternating lines took seconds.
"""

from __future__ import annotations

import base64
import hashlib
import zlib

from mt_repair.types import Frozen, set_field

CONTEXT = 3
_MAX_WINDOW = 4096
_NO_NEWLINE = b"\n\\ No newline at end of file\n"


class Diff(Frozen):
    """`data`: the patch text for one file (empty when nothing changed); `note`: what the
    user must know about it, one line."""

    __slots__ = _fields = ("data", "note")

    def __init__(self, data: bytes, note: str | None = None) -> None:
        set_field(self, "data", data)
        set_field(self, "note", note)


def unified_diff(path: str, before: bytes, after: bytes, context: int = CONTEXT) -> Diff:
    """The patch that turns `before` into `after` (both the file's bytes) for `path`."""
    if before == after:
        return Diff(b"")
    if b"\x00" in before or b"\x00" in after:
        return Diff(_binary_patch(path, before, after),
                    "UTF-16 or binary: given as a git binary patch (apply it with `git apply`; "
                    "`patch` cannot)")
    a, b = split_lines(before), split_lines(after)
    # a name with a space ends with a tab (as git writes it), or patch stops at the space
    end = b"\t\n" if " " in path else b"\n"
    out = [b"--- ", _name("a/", path), end, b"+++ ", _name("b/", path), end]
    for group in _grouped(_opcodes(a, b), context):
        first, last = group[0], group[-1]
        out.append(b"@@ -%s +%s @@\n" % (_range(first[1], last[2]), _range(first[3], last[4])))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(_lines(b" ", a[i1:i2]))
                continue
            out.extend(_lines(b"-", a[i1:i2]))
            out.extend(_lines(b"+", b[j1:j2]))
    return Diff(b"".join(out))


def split_lines(data: bytes) -> list[bytes]:
    """Lines as patch sees them: split after each b"\\n" only, endings kept."""
    parts = data.split(b"\n")
    last = parts.pop()
    lines = [p + b"\n" for p in parts]
    if last:
        lines.append(last)
    return lines


def _lines(prefix: bytes, lines: list[bytes]):
    for line in lines:
        yield prefix + line if line.endswith(b"\n") else prefix + line + _NO_NEWLINE


def _range(start: int, stop: int) -> bytes:
    """A hunk range as diff writes it: `5` for one line, `4,0` for none after line 4."""
    length = stop - start
    if length == 1:
        return b"%d" % (start + 1)
    return b"%d,%d" % (start + 1 if length else start, length)


# -- edit script ------------------------------------------------------------------------
def _opcodes(a: list[bytes], b: list[bytes]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes (equal / replace / delete / insert) in linear time."""
    n, m = len(a), len(b)
    lo = 0
    while lo < n and lo < m and a[lo] == b[lo]:
        lo += 1
    ea, eb = n, m
    while ea > lo and eb > lo and a[ea - 1] == b[eb - 1]:
        ea, eb = ea - 1, eb - 1
    ops = [("equal", 0, lo, 0, lo)] if lo else []
    i = j = lo
    while i < ea or j < eb:
        i0, j0 = i, j
        while i < ea and j < eb and a[i] == b[j]:
            i, j = i + 1, j + 1
        if i > i0:
            ops.append(("equal", i0, i, j0, j))
        if i == ea or j == eb:
            x, y = ea - i, eb - j
        else:
            x, y = _resync(a, i, ea, b, j, eb)
        if x or y:
            ops.append(("replace" if x and y else "delete" if x else "insert", i, i + x, j, j + y))
        i, j = i + x, j + y
    if ea < n:
        ops.append(("equal", ea, n, eb, m))
    return ops


def _resync(a, i, ea, b, j, eb) -> tuple[int, int]:
    """(x, y), x + y smallest, with a[i+x] == b[j+y], searched in windows that double;
    the cost is proportional to the lines it skips, so the whole walk stays linear.
    No meeting point within _MAX_WINDOW: that many lines of each side are replaced."""
    w = 8
    while True:
        wa, wb = min(w, ea - i), min(w, eb - j)
        first: dict[bytes, int] = {}
        for y in range(wb):
            first.setdefault(b[j + y], y)
        best = None
        for x in range(wa):
            if best is not None and x >= best[0] + best[1]:
                break
            y = first.get(a[i + x])
            if y is not None and (best is None or x + y < best[0] + best[1]):
                best = (x, y)
        if best is not None:
            return best
        if (wa == ea - i and wb == eb - j) or w >= _MAX_WINDOW:
            return wa, wb
        w *= 2


def _grouped(ops, n: int):
    """Hunks with `n` lines of context (difflib.SequenceMatcher.get_grouped_opcodes)."""
    if not ops:
        return
    if ops[0][0] == "equal":
        _, i1, i2, j1, j2 = ops[0]
        ops[0] = ("equal", max(i1, i2 - n), i2, max(j1, j2 - n), j2)
    if ops[-1][0] == "equal":
        _, i1, i2, j1, j2 = ops[-1]
        ops[-1] = ("equal", i1, min(i2, i1 + n), j1, min(j2, j1 + n))
    group = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal" and i2 - i1 > 2 * n:
            group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
            yield group
            group = []
            i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        yield group


# -- names and binary patches -----------------------------------------------------------
def _name(prefix: str, path: str) -> bytes:
    """`a/path`, C-quoted as git writes it when it holds a quote, backslash or control."""
    raw = (prefix + path).encode("utf-8", "surrogateescape")
    if not any(c < 0x20 or c in b'"\\\x7f' for c in raw):
        return raw
    out = bytearray(b'"')
    for c in raw:
        if c in b'"\\':
            out += b"\\" + bytes([c])
        elif c < 0x20 or c == 0x7F:
            out += {0x09: b"\\t", 0x0A: b"\\n", 0x0D: b"\\r"}.get(c, b"\\%03o" % c)
        else:
            out.append(c)
    return bytes(out + b'"')


def _blob_id(data: bytes) -> bytes:
    return hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest().encode()


def _literal(data: bytes) -> bytes:
    """A `literal` hunk of a git binary patch: zlib, then base85 lines of 52 bytes, each
    led by its length (A-Z for 1-26, a-z for 27-52)."""
    z = zlib.compress(data)
    out = [b"literal %d\n" % len(data)]
    for k in range(0, len(z), 52):
        chunk = z[k:k + 52]
        size = len(chunk)
        out.append(bytes([ord("A") + size - 1 if size <= 26 else ord("a") + size - 27]))
        out.append(base64.b85encode(chunk, pad=True) + b"\n")
    return b"".join(out) + b"\n"


def _binary_patch(path: str, before: bytes, after: bytes) -> bytes:
    a, b = _name("a/", path), _name("b/", path)
    return (b"diff --git %s %s\nindex %s..%s\nGIT binary patch\n" % (a, b, _blob_id(before), _blob_id(after))
            + _literal(after) + _literal(before))
