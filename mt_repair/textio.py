"""Reading and writing article files without ever damaging them.

Reading keeps what is needed to write back byte-for-byte: the encoding, the BOM, and
the text exactly as decoded (line endings untouched). Writing goes through a temporary
file in the same folder, fsync, and a rename, keeping the file's permissions.
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # larger files are skipped with a message


class InputError(Exception):
    """A file that cannot be checked; the message is shown to the user as is."""


class NotAnArticle(InputError):
    """A file that is no article to check (binary, oversized), rather than a broken one.

    Hook mode (`check --hook`) turns these into notes instead of errors.
    """


@dataclass(frozen=True)
class SourceFile:
    path: str
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(raw: bytes, path: str, max_bytes: int = MAX_BYTES) -> SourceFile:
    if len(raw) > max_bytes:
        raise NotAnArticle(f"skipped: {len(raw) / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit "
                           f"(raise it with --max-size)")
    bom, encoding = b"", "utf-8"
    for mark, enc in _BOMS:
        if raw.startswith(mark):
            bom, encoding = mark, enc
            break
    body = raw[len(bom):]
    if encoding == "utf-8" and b"\x00" in body[:8192]:
        raise NotAnArticle("skipped: binary file (contains NUL bytes)")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        line = body[:exc.start].count(b"\n") + 1
        raise InputError(f"not valid {encoding.upper()}: byte 0x{body[exc.start]:02X} at offset "
                         f"{exc.start + len(bom)} (line {line}); convert the file to UTF-8") from None
    return SourceFile(path, text, encoding, bom)


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceFile:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise NotAnArticle(f"skipped: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit "
                               f"(raise it with --max-size)")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found (was it moved or deleted during the run?)") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    return decode(raw, str(path), max_bytes)


def write_atomic(path: str | Path, data: bytes, create: bool = False) -> None:
    """Replace `path` with `data` via a temp file and rename; keeps permissions.
    With `create`, a missing file is created (mode from the umask) instead of an error."""
    p = Path(path)
    try:
        mode = stat.S_IMODE(p.stat().st_mode)
    except FileNotFoundError:
        if not create:
            raise InputError("file vanished before it could be written; nothing was written") from None
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".mt-repair.tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
