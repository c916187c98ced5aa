"""Nothing lost, nothing overwritten, nothing hangs: what `--fix`, `--write-baseline` and
`translate` do to files, and what a FIFO, a socket or /dev/zero does to a run.

Each test checks bytes, inodes, link status and owners on disk after a real CLI run
(`main()` in-process, or a subprocess where a hang or stdout's bytes matter). Failures are
injected by monkeypatching at the exact step (a file edited while it is checked, a disk
full mid-write). The fuzz at the end is seeded and small enough to run in seconds.
"""

from __future__ import annotations

import errno
import io
import os
import random
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mt_repair import textio
from mt_repair.cli import main

ROOT = Path(__file__).resolve().parent.parent
DIRTY = "قال الرئيس ، وأضاف أن المفاوضات مستمرة.\r\nوأكد البيان ضرورة احترام وحدة الأراضي.\r\n"
FIXED = DIRTY.replace(" ،", "،")
CLEAN = "قال الرئيس، وأضاف أن المفاوضات مستمرة.\nوأكد البيان ضرورة احترام وحدة الأراضي.\n"
CHANGED = "changed on disk while being checked; not written"
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
HANG_GUARD = 120  # seconds: a guard against hangs, not a timing assertion (a run takes ~2 s)


def cli(*args, stdin: bytes = b"", cwd=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "mt_repair", *args], input=stdin, capture_output=True,
                          cwd=cwd, env=env, timeout=HANG_GUARD)


def filter_stdin(monkeypatch, capsysbinary, data: bytes, *flags: str) -> tuple[int, bytes, bytes]:
    """`mt-repair check - --fix FLAGS < data` in-process: (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main(["check", "--isolated", "--output-format", "concise", "-", "--fix", *flags])
    out, err = capsysbinary.readouterr()
    return code, out, err


def fix_file(tmp_path: Path, data: bytes, *flags: str) -> bytes:
    """What `--fix` writes to a file holding `data`."""
    p = tmp_path / "same-as-stdin.md"
    p.write_bytes(data)
    main(["check", "--isolated", "--output-format", "concise", "--fix", str(p), *flags])
    return p.read_bytes()


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith((".mt-repair.tmp", ".mt-repair.bak"))]


# -- 1. the stdin filter always prints the text --------------------------------------------
FILTER_CASES = {
    "clean": CLEAN.encode(),
    "dirty": DIRTY.encode(),
    "empty": b"",
    "blank": b" \n\r\n\t",
    "bom-crlf": b"\xef\xbb\xbf" + DIRTY.encode(),
    "utf16": "\ufeff".encode("utf-16-le") + DIRTY.encode("utf-16-le"),
    "cr-only": DIRTY.replace("\r\n", "\r").encode(),
    "no-final-newline": FIXED.rstrip().encode(),
    "invalid-utf8": "قال".encode() + b"\xff\xfe abc\n",
    "binary": b"\x00\x01\x02binary",
    "line-separator": "قال الرئيس ، وأضاف\u2028ثم غادر\n".encode(),
}


@pytest.mark.parametrize("flags", [(), ("--unsafe-fixes",)], ids=["fix", "unsafe"])
@pytest.mark.parametrize("name", list(FILTER_CASES))
def test_stdin_filter_prints_the_text_whatever_happens(name, flags, tmp_path, monkeypatch, capsysbinary):
    data = FILTER_CASES[name]
    code, out, err = filter_stdin(monkeypatch, capsysbinary, data, *flags)
    if name in ("invalid-utf8", "binary"):
        assert out == data and code == 2 and b"error" in err  # passed through; the error on stderr
        return
    assert out == fix_file(tmp_path, data, *flags)  # exactly what --fix writes to a file
    if name in ("clean", "empty", "blank"):
        assert out == data
    if name == "dirty":
        assert out == FIXED.encode()
    assert b"No problems" in err or b"Found" in err  # the report goes to stderr, never into the text


def test_stdin_filter_over_the_size_limit_passes_everything_through(monkeypatch, capsysbinary):
    data = (DIRTY * 2000).encode()  # ~170 KB against a ~100 KB limit
    code, out, err = filter_stdin(monkeypatch, capsysbinary, data, "--max-size", "0.1")
    assert out == data and code == 2 and b"over the" in err


def test_stdin_filter_through_a_real_pipe(tmp_path):
    for data, expected in ((CLEAN.encode(), CLEAN.encode()), (DIRTY.encode(), FIXED.encode()), (b"", b"")):
        r = cli("check", "--isolated", "-", "--fix", stdin=data)
        assert r.stdout == expected, r.stderr
    r = cli("check", "--isolated", "-", "--fix", "--unsafe-fixes", stdin=CLEAN.encode())
    assert r.stdout == CLEAN.encode()


def test_stdin_filter_prints_the_input_when_the_checker_crashes(monkeypatch, capsysbinary):
    import mt_repair.linter

    def boom(*a, **k):
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(mt_repair.linter, "fix_and_check", boom)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DIRTY.encode())))
    with pytest.raises(RuntimeError):
        main(["check", "--isolated", "-", "--fix"])
    assert capsysbinary.readouterr().out == DIRTY.encode()


# -- 2. lost update -------------------------------------------------------------------------
def _edit_append(p: Path) -> bytes:
    with open(p, "ab") as fh:
        fh.write("سطر أضافه محرر.\n".encode())
    return p.read_bytes()


def _edit_same_size_same_mtime(p: Path) -> bytes:
    st = p.stat()
    data = p.read_bytes().replace("الرئيس".encode(), "الوزير".encode())  # same byte length
    p.write_bytes(data)
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))  # only the hash can tell
    return data


def _edit_by_rename(p: Path) -> bytes:  # how editors save
    data = ("نص جديد ، كتبه محرر.\n").encode()
    tmp = p.with_name("editor.swp")
    tmp.write_bytes(data)
    os.replace(tmp, p)
    return data


EDITS = {"append": _edit_append, "same-size-same-mtime": _edit_same_size_same_mtime, "rename": _edit_by_rename}


@pytest.mark.parametrize("when", ["while-checking", "before-rename"])
@pytest.mark.parametrize("edit", list(EDITS))
def test_file_edited_during_fix_is_not_overwritten(edit, when, tmp_path, monkeypatch, capsys):
    import mt_repair.linter

    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode())
    other = tmp_path / "b.md"
    other.write_bytes(DIRTY.encode())
    edited = {}

    def editing(real):
        def wrapper(*a, **k):
            if not edited:
                edited["data"] = EDITS[edit](art)
            return real(*a, **k)
        return wrapper

    if when == "while-checking":
        monkeypatch.setattr(mt_repair.linter, "fix_and_check", editing(mt_repair.linter.fix_and_check))
    else:  # after the first look, between the temp file and the rename
        monkeypatch.setattr(textio, "_stage", editing(textio._stage))
    code = main(["check", "--isolated", "--output-format", "concise", "--fix", str(art), str(other)])
    out = capsys.readouterr().out
    assert code == 2
    assert art.read_bytes() == edited["data"]  # the edit survives
    assert f"{art}: error: {CHANGED}" in out
    assert other.read_bytes() == FIXED.encode()  # the run went on
    assert not leftovers(tmp_path)


def test_unchanged_file_is_written(tmp_path):
    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode())
    assert main(["check", "--isolated", "--fix", str(art)]) == 0
    assert art.read_bytes() == FIXED.encode()


# -- 3. links, owners, permissions ----------------------------------------------------------
def test_fix_writes_through_a_symlink_and_keeps_it(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "a.md"
    target.write_bytes(DIRTY.encode())
    link = tmp_path / "link.md"
    link.symlink_to(target)
    chain = tmp_path / "chain.md"
    chain.symlink_to(link)
    assert main(["check", "--isolated", "--fix", str(chain)]) == 0
    assert chain.is_symlink() and link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == FIXED.encode()
    assert not leftovers(tmp_path) and not leftovers(tmp_path / "real")


def test_fix_keeps_hard_links_together(tmp_path):
    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode())
    os.chmod(art, 0o640)
    twin = tmp_path / "twin.md"
    os.link(art, twin)
    ino = art.stat().st_ino
    assert main(["check", "--isolated", "--fix", str(art)]) == 0
    assert art.stat().st_ino == twin.stat().st_ino == ino and art.stat().st_nlink == 2
    assert twin.read_bytes() == FIXED.encode()
    assert stat.S_IMODE(art.stat().st_mode) == 0o640
    assert not leftovers(tmp_path)


@pytest.mark.skipif(not ROOT_USER, reason="giving a file to another user needs root")
@pytest.mark.parametrize("links", [1, 2])
def test_fix_keeps_owner_group_and_mode(links, tmp_path):
    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode())
    if links == 2:
        os.link(art, tmp_path / "twin.md")
    os.chown(art, 65534, 65534)
    os.chmod(art, 0o640)
    assert main(["check", "--isolated", "--fix", str(art)]) == 0
    st = art.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o640)
    assert art.read_bytes() == FIXED.encode()


def test_owner_that_cannot_be_kept_means_rewrite_in_place(tmp_path, monkeypatch):
    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode())
    st = art.stat()
    real_stat = textio.os.stat

    def other_owner(path, *a, **k):  # the file looks as if it belonged to someone else
        result = real_stat(path, *a, **k)
        if Path(path) == art:
            fields = list(result)
            fields[stat.ST_UID] = result.st_uid + 1
            return os.stat_result(fields)
        return result

    def refuse(*a, **k):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(textio.os, "stat", other_owner)
    monkeypatch.setattr(textio.os, "chown", refuse)
    assert main(["check", "--isolated", "--fix", str(art)]) == 0
    monkeypatch.undo()
    assert art.stat().st_ino == st.st_ino  # the same inode: owner untouched
    assert art.read_bytes() == FIXED.encode() and not leftovers(tmp_path)


def test_folder_without_write_permission_means_rewrite_in_place(tmp_path, monkeypatch):
    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode())
    ino = art.stat().st_ino
    import tempfile  # textio imports it only when it writes

    real = tempfile.mkstemp

    def no_files_here(*a, dir=None, **k):
        if dir is not None and Path(dir) == tmp_path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(*a, dir=dir, **k)

    monkeypatch.setattr(tempfile, "mkstemp", no_files_here)
    assert main(["check", "--isolated", "--fix", str(art)]) == 0
    assert art.stat().st_ino == ino and art.read_bytes() == FIXED.encode()
    assert not [p for p in Path(tempfile.gettempdir()).glob(".a.md.*.mt-repair.bak")]


def test_disk_full_during_in_place_rewrite_keeps_the_original(tmp_path, monkeypatch, capsys):
    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode())
    os.link(art, tmp_path / "twin.md")
    real = textio._overwrite
    calls = []

    def full(fd, data):
        calls.append(data)
        if len(calls) == 1:
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, data[: len(data) // 2])  # half written, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(textio, "_overwrite", full)
    assert main(["check", "--isolated", "--output-format", "concise", "--fix", str(art)]) == 2
    assert art.read_bytes() == DIRTY.encode()  # put back
    assert "No space left on device" in capsys.readouterr().out
    assert not leftovers(tmp_path)


@pytest.mark.skipif(ROOT_USER, reason="root may write read-only files")
def test_read_only_file_is_not_replaced(tmp_path, capsys):
    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode())
    os.chmod(art, 0o444)
    assert main(["check", "--isolated", "--output-format", "concise", "--fix", str(art)]) == 2
    assert art.read_bytes() == DIRTY.encode() and "read-only" in capsys.readouterr().out


# -- 4. --write-baseline and translate never replace an article -----------------------------
def test_write_baseline_refuses_to_replace_an_article(tmp_path, capsys):
    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode())
    target = tmp_path / "notes.json"
    target.write_text('{"some": "other json"}\n', encoding="utf-8")
    for victim in (art, target):
        before = victim.read_bytes()
        assert main(["check", "--isolated", str(art), "--write-baseline", str(victim)]) == 2
        assert victim.read_bytes() == before
        assert "not an mt-repair baseline; refusing to replace it" in capsys.readouterr().err


def test_write_baseline_replaces_a_baseline_an_empty_file_and_writes_through_a_link(tmp_path):
    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode())
    base = tmp_path / "base.json"
    base.write_bytes(b"")
    assert main(["check", "--isolated", str(art), "--write-baseline", str(base)]) == 0
    assert b'"format": "mt-repair-baseline"' in base.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(base)
    art.write_bytes(CLEAN.encode())
    assert main(["check", "--isolated", str(art), "--write-baseline", str(link)]) == 0
    assert link.is_symlink() and b'"files": {}' in base.read_bytes()


def test_write_baseline_on_a_fifo_does_not_hang(tmp_path):
    fifo = tmp_path / "base.json"
    os.mkfifo(fifo)
    (tmp_path / "a.md").write_bytes(DIRTY.encode())
    r = cli("check", "--isolated", "a.md", "--write-baseline", "base.json", cwd=tmp_path)
    assert r.returncode == 2 and b"named pipe" in r.stderr and stat.S_ISFIFO(os.lstat(fifo).st_mode)


class _StandIn:
    """A translator that needs no model: enough for the file handling around it."""

    name, device, seconds = "stand-in", "cpu", 0.0

    def translate(self, sources, terms, **kw):
        from mt_repair.translate.model import Output

        return [Output("The talks went on.") for _ in sources]


@pytest.fixture
def translate(tmp_path, monkeypatch):
    import mt_repair.translate.model as model

    monkeypatch.setattr(model, "load_translator", lambda *a, **k: _StandIn())
    art = tmp_path / "x.ar.md"
    art.write_bytes("قال الوزير إن المحادثات مستمرة.\n".encode())

    def run(*args):
        return main(["translate", str(art), "--isolated", "-q", *args])

    return art, run


def test_translate_works_with_the_stand_in(translate, tmp_path):
    art, run = translate
    assert run() == 0
    assert (tmp_path / "x.en.md").read_text(encoding="utf-8") == "The talks went on.\n"
    assert (tmp_path / "x.pairs.jsonl").exists() and not leftovers(tmp_path)


@pytest.mark.parametrize("flag", ["-o", "--pairs", "--raw"])
@pytest.mark.parametrize("how", ["same-path", "symlink", "hard-link"])
def test_translate_never_overwrites_the_article(flag, how, translate, tmp_path, capsys):
    art, run = translate
    before = art.read_bytes()
    if how == "same-path":
        out = art
    elif how == "symlink":
        out = tmp_path / "alias.md"
        out.symlink_to(art)
    else:
        out = tmp_path / "alias.md"
        os.link(art, out)
    assert run(flag, str(out), "--force") == 2
    assert art.read_bytes() == before
    assert "is the article; refusing to overwrite it" in capsys.readouterr().err
    assert not (tmp_path / "x.en.md").exists() and not (tmp_path / "x.pairs.jsonl").exists()


def test_translate_refuses_one_file_for_two_outputs_and_an_input_glossary(translate, tmp_path, capsys):
    art, run = translate
    assert run("-o", str(tmp_path / "o.md"), "--pairs", str(tmp_path / "o.md")) == 2
    assert "both name" in capsys.readouterr().err
    glossary = tmp_path / "g.tsv"
    glossary.write_text("# empty\n", encoding="utf-8")
    assert main(["translate", str(art), "--isolated", "-q", "--glossary", str(glossary), "--raw",
                 str(glossary), "--force"]) == 2
    assert glossary.read_text(encoding="utf-8") == "# empty\n"


@pytest.mark.parametrize("fail_at", ["stage-2", "stage-3", "rename-2", "rename-3"])
def test_failed_translate_leaves_no_output_files(fail_at, translate, tmp_path, monkeypatch, capsys):
    art, run = translate
    step, n = fail_at.split("-")
    calls = []
    if step == "stage":
        real = textio.StagedWrites.add

        def add(self, path, data):
            calls.append(path)
            if len(calls) == int(n):
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(self, path, data)

        monkeypatch.setattr(textio.StagedWrites, "add", add)
    else:
        real = textio.os.replace

        def replace(src, dst):
            calls.append(dst)
            if len(calls) == int(n):
                raise OSError(errno.EIO, "Input/output error")
            return real(src, dst)

        monkeypatch.setattr(textio.os, "replace", replace)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert run("--raw", str(tmp_path / "x.raw.md")) == 2
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no output, no temporary file
    assert "output not written" in capsys.readouterr().err


# -- 5. non-regular files and unreadable folders ---------------------------------------------
def _zoo(folder: Path) -> dict[str, Path]:
    """One of each kind of file a folder of articles should never hold."""
    folder.mkdir()
    zoo = {"fifo": folder / "pipe.md", "zero": folder / "zero.md", "socket": folder / "sock.md",
           "dir": folder / "dir.md"}
    os.mkfifo(zoo["fifo"])
    zoo["zero"].symlink_to("/dev/zero")
    zoo["dir"].mkdir()
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(zoo["socket"]))
    except OSError:  # path too long for AF_UNIX, or not allowed: the others still count
        del zoo["socket"]
    finally:
        sock.close()
    (folder / "good.md").write_bytes(DIRTY.encode())
    return zoo


def test_non_regular_files_in_a_folder_are_noted_never_read(tmp_path):
    zoo = _zoo(tmp_path / "arts")
    r = cli("check", "--isolated", "--output-format", "concise", "--fix", "arts", cwd=tmp_path)
    out = r.stdout.decode()
    assert r.returncode == 0, out + r.stderr.decode()  # notes, not errors: the folder is fine
    assert "arts/pipe.md: note: skipped: a named pipe (FIFO), not a regular file" in out
    assert "arts/zero.md: note: skipped: a character device, not a regular file" in out
    if "socket" in zoo:
        assert "arts/sock.md: note: skipped: a socket, not a regular file" in out
    assert (tmp_path / "arts" / "good.md").read_bytes() == FIXED.encode()
    assert zoo["zero"].is_symlink() and stat.S_ISFIFO(os.lstat(zoo["fifo"]).st_mode)


def test_non_regular_files_named_on_the_command_line_are_errors(tmp_path):
    zoo = _zoo(tmp_path / "arts")
    names = [str(p.relative_to(tmp_path)) for kind, p in zoo.items() if kind != "dir"]  # a folder is walked
    r = cli("check", "--isolated", "--output-format", "concise", "--fix", *names, "arts/good.md", cwd=tmp_path)
    out = r.stdout.decode()
    assert r.returncode == 2
    for name in names:
        assert f"{name}: error:" in out
    assert "not a regular file" in out
    assert (tmp_path / "arts" / "good.md").read_bytes() == FIXED.encode()
    hook = cli("check", "--hook", "--isolated", "--output-format", "concise", "arts/pipe.md", cwd=tmp_path)
    assert hook.returncode == 0 and b"note: skipped: a named pipe" in hook.stdout  # no article, no failure


def test_a_file_whose_size_lies_is_read_only_up_to_the_limit(tmp_path, monkeypatch, capsys):
    art = tmp_path / "a.md"
    art.write_bytes(DIRTY.encode() * 1000)  # ~90 KB
    real = textio.os.fstat

    def says_empty(fd):  # as /proc and some FUSE files do
        fields = list(real(fd))
        fields[stat.ST_SIZE] = 0
        return os.stat_result(fields)

    reads = []
    real_read = textio.os.read
    monkeypatch.setattr(textio.os, "fstat", says_empty)
    monkeypatch.setattr(textio.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    code = main(["check", "--isolated", "--output-format", "concise", "--max-size", "0.01", str(art)])
    assert code == 2 and "over the" in capsys.readouterr().out
    assert sum(reads) <= int(0.01 * 1024 * 1024) + 1


def test_unreadable_folder_is_an_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.md").write_bytes(CLEAN.encode())
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.md").write_bytes(DIRTY.encode())
    real = os.scandir

    def denied(path="."):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", denied)
    code = main(["check", "--isolated", "--output-format", "concise", "--fix", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 2
    assert f"{locked}: error: cannot read this folder: permission denied" in out
    assert (locked / "b.md").read_bytes() == DIRTY.encode()
    assert main(["check", "--isolated", "--output-format", "concise", str(locked)]) == 2  # named itself


@pytest.mark.skipif(ROOT_USER, reason="chmod 000 does not stop root; the monkeypatched test covers it")
def test_unreadable_folder_for_real(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.md").write_bytes(DIRTY.encode())
    os.chmod(locked, 0)
    try:
        r = cli("check", "--isolated", "--output-format", "concise", str(tmp_path))
    finally:
        os.chmod(locked, 0o755)
    assert r.returncode == 2 and b"cannot read this folder: permission denied" in r.stdout


# -- 6. seeded fuzz over files, links and the filter -----------------------------------------
PIECES = ["قال الرئيس", " ،", "،", " وأضاف", "Relatedالمخابرات", "\r\n", "\n", "\r", "\u2028", " ", "  ",
          "said .The", "ی", "\u200f", "## عنوان", "- بند", "<b>", "&amp;", "١٢٣", "مستمرة.", "the the"]


def _random_article(rng: random.Random) -> bytes:
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
    kind = rng.random()
    if kind < 0.1:
        return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    if kind < 0.2:
        return b"\xef\xbb\xbf" + text.encode()
    if kind < 0.25:
        return text.encode() + b"\xff"  # invalid UTF-8
    return text.encode()


@pytest.mark.parametrize("seed", range(4))
def test_fuzz_files_links_and_filter_agree(seed, tmp_path, monkeypatch, capsysbinary):
    """For random articles: --fix on a plain file, through a symlink and on a hard link all
    write the same bytes, the links stay links, nothing is left behind, and the stdin filter
    prints those same bytes (or the input, unchanged, when it cannot be checked)."""
    rng = random.Random(seed)
    for i in range(6):
        data = _random_article(rng)
        flags = ("--unsafe-fixes",) if rng.random() < 0.5 else ()
        case = tmp_path / f"case{i}"
        case.mkdir()
        plain, target, hard = case / "plain.md", case / "target.md", case / "hard.md"
        for p in (plain, target, hard):
            p.write_bytes(data)
        link = case / "link.md"
        link.symlink_to(target)
        os.link(hard, case / "hard-twin.md")
        ino = hard.stat().st_ino
        for p in (plain, link, hard):
            main(["check", "--isolated", "--output-format", "concise", "--fix", str(p), *flags])
        capsysbinary.readouterr()
        written = plain.read_bytes()
        assert target.read_bytes() == written and hard.read_bytes() == written, (seed, i, data)
        assert link.is_symlink() and hard.stat().st_ino == ino and hard.stat().st_nlink == 2
        assert (case / "hard-twin.md").read_bytes() == written
        assert not leftovers(case)
        _, out, _ = filter_stdin(monkeypatch, capsysbinary, data, *flags)
        assert out == written, (seed, i, data)
