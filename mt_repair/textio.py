"""Reading and writing article files without ever damaging them.

Reading keeps what is needed to write back byte-for-byte: the encoding, the BOM, and
the text exactly as decoded (line endings untouched). Only regular files are read (a FIFO
would block, `/dev/zero` never ends) and every read is bounded by the size limit, whatever
`st_size` says. A read also keeps a stamp of the file (inode, size, mtime, and its bytes,
or their SHA-256 above 64 KB) so that a write can first check that nobody changed the file
since.

Writing goes through a temporary file in the same folder, fsync, and a rename, keeping the
file's permissions, owner and group. A symbolic link is written through (its target is
replaced, the link stays). A file with hard links, or whose owner a new file could not
keep, is rewritten in place instead (a rename would split the link or change the owner),
with a backup copy on disk until the new bytes are synced.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from mt_repair.types import Frozen, set_field

MAX_BYTES = 20 * 1024 * 1024  # larger files are skipped with a message
KEEP_BYTES = 1 << 16  # a file's stamp keeps its bytes up to this size, their SHA-256 above
_CHUNK = 1 << 20


class InputError(Exception):
    """A file that cannot be checked; the message is shown to the user as is."""


class NotAnArticle(InputError):
    """A file that is no article to check (binary, oversized, not a regular file), rather
    than a broken one. Hook mode (`check --hook`) turns these into notes instead of errors.
    """


class FileChanged(InputError):
    """The file on disk is no longer the one that was read: writing would lose that edit."""


class Stamp(Frozen):
    """What a file was when it was read. `content` is the bytes read, or their SHA-256
    for a file over KEEP_BYTES: checking an article that is not written never imports
    hashlib (~3 ms of a one-line check), and a small file is compared byte for byte."""

    __slots__ = _fields = ("dev", "ino", "size", "mtime_ns", "content")
    _shown = ("dev", "ino", "size", "mtime_ns")

    def __init__(self, dev: int, ino: int, size: int, mtime_ns: int, content: bytes) -> None:
        set_field(self, "dev", dev)
        set_field(self, "ino", ino)
        set_field(self, "size", size)
        set_field(self, "mtime_ns", mtime_ns)
        set_field(self, "content", content)

    @classmethod
    def of(cls, st: os.stat_result, raw: bytes) -> "Stamp":
        return cls(st.st_dev, st.st_ino, len(raw), st.st_mtime_ns,
                   raw if len(raw) <= KEEP_BYTES else _sha256(raw))

    def same_content(self, data: bytes) -> bool:
        if self.size <= KEEP_BYTES:
            return data == self.content
        return _sha256(data) == self.content


def _sha256(data: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(data).digest()


class SourceFile(Frozen):
    __slots__ = _fields = ("path", "text", "encoding", "bom", "stamp")

    def __init__(self, path: str, text: str, encoding: str = "utf-8", bom: bytes = b"",
                 stamp: Stamp | None = None) -> None:  # stamp: None for stdin
        set_field(self, "path", path)
        set_field(self, "text", text)
        set_field(self, "encoding", encoding)
        set_field(self, "bom", bom)
        set_field(self, "stamp", stamp)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _too_big(max_bytes: int, size: int | None = None) -> NotAnArticle:
    what = f"{size / 1e6:.1f} MB is" if size is not None else "it is"
    limit = f"{max_bytes / 1e6:.0f} MB" if max_bytes >= 1e6 else f"{max_bytes:,} bytes"
    return NotAnArticle(f"skipped: {what} over the {limit} limit (raise it with --max-size)")


def decode(raw: bytes, path: str, max_bytes: int = MAX_BYTES) -> SourceFile:
    if len(raw) > max_bytes:
        raise _too_big(max_bytes, len(raw) if len(raw) > max_bytes + 1 else None)
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


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def _not_regular(mode: int) -> NotAnArticle:
    return NotAnArticle(f"skipped: {kind_of(mode)}, not a regular file")


def read_at_most(read, limit: int) -> bytes:
    """Up to `limit` bytes from `read(n)` (a file's or os.read's), stopping at end of file."""
    parts, got = [], 0
    while got < limit:
        chunk = read(min(_CHUNK, limit - got))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _open_regular(path, flags: int) -> tuple[int, os.stat_result]:
    """Open a regular file and fstat it. Non-regular files are refused before they are
    opened (opening a FIFO blocks, opening a device can act on it) and again after."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise _not_regular(mode)
    fd = os.open(path, flags | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped between the stat and the open
            raise _not_regular(st.st_mode)
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def _os_error(exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("file not found (was it moved or deleted during the run?)")
    if isinstance(exc, PermissionError):
        return InputError("permission denied")
    return InputError(f"cannot read: {exc.strerror or exc}")


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceFile:
    try:
        fd, st = _open_regular(path, os.O_RDONLY)
        try:
            if st.st_size > max_bytes:
                raise _too_big(max_bytes, st.st_size)
            raw = read_at_most(lambda n: os.read(fd, n), max_bytes + 1)  # st_size may lie (/proc, growing)
        finally:
            os.close(fd)
    except OSError as exc:
        raise _os_error(exc) from None
    src = decode(raw, str(path), max_bytes)
    return src.replace(stamp=Stamp.of(st, raw))


# -- writing ----------------------------------------------------------------------------
_CHANGED = "changed on disk while being checked; not written (run again to check the new text)"
_VANISHED = "file vanished before it could be written; nothing was written"


def _unchanged(st: os.stat_result, data: bytes, expect: Stamp) -> None:
    """Raise FileChanged unless the file (`st`, and `data`: its first bytes, up to
    `expect.size + 1` of them) is the one that was read."""
    if (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) != (expect.dev, expect.ino, expect.size,
                                                              expect.mtime_ns):
        raise FileChanged(_CHANGED)
    if not expect.same_content(data):
        raise FileChanged(_CHANGED)  # rewritten within the mtime's granularity


def _check_path(target: Path, expect: Stamp) -> None:
    try:
        fd, st = _open_regular(target, os.O_RDONLY)
    except FileNotFoundError:
        raise FileChanged(_VANISHED) from None
    except NotAnArticle:
        raise FileChanged(_CHANGED) from None
    try:
        _unchanged(st, read_at_most(lambda n: os.read(fd, n), expect.size + 1), expect)
    finally:
        os.close(fd)


def resolve(path: str | Path) -> Path:
    """The file a write to `path` must change: a symbolic link's target, not the link."""
    p = Path(path)
    return Path(os.path.realpath(p)) if os.path.islink(p) else p


def write_atomic(path: str | Path, data: bytes, create: bool = False, expect: Stamp | None = None) -> None:
    """Replace the file at `path` with `data`, keeping its permissions, owner and group.

    With `create`, a missing file is created (mode from the umask) instead of an error.
    With `expect`, the file must still be what was read (else FileChanged, nothing written).
    A symlink is written through. Temp file + rename when the folder allows it and nothing
    would be lost by it; in place with a backup when the file has hard links or its owner
    could not be kept.
    """
    target = resolve(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        if not create or expect is not None:
            raise InputError(_VANISHED) from None
        st = None
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{kind_of(st.st_mode)}, not a regular file; nothing was written")
        if not os.access(target, os.W_OK):
            raise InputError("the file is read-only; nothing was written (make it writable to fix it)")
        if expect is not None:
            _check_path(target, expect)
        if st.st_nlink > 1:
            return _write_in_place(target, data, expect)  # a rename would split the hard link
    staged = _stage(target, data, st)
    if staged is None:  # the folder is not writable, or the owner could not be kept
        return _write_in_place(target, data, expect)
    try:
        if expect is not None:
            _check_path(target, expect)  # a last look right before the rename
        os.replace(staged, target)
    except BaseException:
        _unlink(staged)
        raise
    _fsync_dir(target.parent)


def _stage(target: Path, data: bytes, st: os.stat_result | None) -> str | None:
    """A synced temporary file beside `target` holding `data`, with the mode, owner and group
    of `st` (or the umask's mode); None when the folder or the owner does not allow it."""
    try:
        import tempfile  # here: a check that writes nothing does not pay for it

        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".mt-repair.tmp")
    except PermissionError:
        if st is None:
            raise
        return None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            return tmp
        mine = os.stat(tmp)
        if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                _unlink(tmp)
                return None
        os.chmod(tmp, stat.S_IMODE(st.st_mode))  # after chown, which clears set-id bits
        return tmp
    except BaseException:
        _unlink(tmp)
        raise


def _write_in_place(target: Path, data: bytes, expect: Stamp | None) -> None:
    """Overwrite the file's own inode, so hard links, owner and group stay as they are.

    Not atomic, so the old bytes go to a synced backup file first: should the process die
    mid-write, the backup (`.NAME.*.mt-repair.bak` beside the file, or in the temp folder)
    still holds them. After a failed write the old bytes are put back from memory.
    """
    try:
        fd, st = _open_regular(target, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise InputError(_VANISHED) from None
    try:
        old = read_at_most(lambda n: os.read(fd, n), st.st_size + 1)
        if expect is not None:
            _unchanged(st, old, expect)
        backup = _backup(target, old)
        try:
            _overwrite(fd, data)
        except BaseException as exc:
            try:
                _overwrite(fd, old)
            except OSError:
                raise InputError(f"writing failed ({exc}); the original is kept in {backup}") from None
            _unlink(backup)
            raise
        _unlink(backup)
    finally:
        os.close(fd)


def _overwrite(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def _backup(target: Path, data: bytes) -> str:
    import tempfile

    for folder in (target.parent, tempfile.gettempdir()):
        try:
            fd, path = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".mt-repair.bak")
        except OSError:
            continue
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            _unlink(path)
            raise
        return path
    raise InputError("no folder to keep a backup copy in while rewriting in place; nothing was written")


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; some systems cannot open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class StagedWrites:
    """Several files written all or none: each goes to a synced temporary file beside its
    target, and only `commit` renames them into place (should a rename fail, the files it
    had created are removed again). Leaving the `with` block without a commit (an error,
    Ctrl-C) removes the temporary files and leaves the targets as they were. For generated
    files: an existing one is replaced (a hard link to it is not kept).
    """

    def __init__(self) -> None:
        self._staged: list[tuple[str, Path, bool]] = []

    def __enter__(self) -> "StagedWrites":
        return self

    def add(self, path: str | Path, data: bytes) -> None:
        target = resolve(path)
        try:
            st = os.stat(target)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: {kind_of(st.st_mode)}, not a regular file")
        tmp = _stage(target, data, st)
        if tmp is None:
            raise InputError(f"{path}: cannot write beside it with its owner kept (permission denied)")
        self._staged.append((tmp, target, st is not None))

    def commit(self) -> None:
        created: list[Path] = []
        try:
            while self._staged:
                tmp, target, existed = self._staged[0]
                os.replace(tmp, target)
                self._staged.pop(0)
                if not existed:
                    created.append(target)
                _fsync_dir(target.parent)
        except BaseException:
            for target in created:
                _unlink(str(target))
            raise

    def __exit__(self, *exc) -> None:
        for tmp, _, _ in self._staged:
            _unlink(tmp)
        self._staged.clear()
