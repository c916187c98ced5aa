"""`--diff`, applied with `git apply` (or GNU patch), gives exactly the bytes `--fix` writes.

Seeded files mix real fixable artifacts (the `fix` cases of tests/rule_cases) with clean
lines, under every line-ending and encoding variant that once broke it: CR-only, CRLF and
mixed endings; U+2028, U+2029, U+0085, VT and FF inside lines (str.splitlines splits there,
patch does not); a UTF-8 BOM on line 1; UTF-16 LE/BE with BOM (given as a git binary
patch); no final newline; names with spaces and non-ASCII letters. One `--diff` run and
one `--fix` run over all files, then every file compared byte for byte.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "rule_cases"
N_FILES = 80

CLEAN = ["قال الوزير إن المحادثات ستستمر الأسبوع المقبل.", "The talks will continue next week.",
         "وأضاف أن التصويت تأجل حتى يوم الاثنين.", "", "## عنوان", "- بند في قائمة", "Officials said so."]
INSIDE = ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c"]
ENDINGS = ["\n", "\r\n", "\r"]
ENCODINGS = [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")]


def artifacts() -> list[str]:
    """Texts some safe fix changes: the rule cases' `fail` texts that have a safe `fix`."""
    out = []
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            if "fix" in case and not case.get("unsafe") and "\n" not in case["fail"]:
                out.append(case["fail"])
    return out


def make_files(seed: int = 10, n: int = N_FILES) -> dict[str, bytes]:
    rng = random.Random(seed)
    pool = artifacts()
    files = {}
    for i in range(n):
        lines = []
        for _ in range(rng.randint(1, 10)):
            line = rng.choice(pool) if rng.random() < 0.6 else rng.choice(CLEAN)
            if rng.random() < 0.3 and " " in line:  # a separator that is no line end to patch
                k = rng.choice([j for j, c in enumerate(line) if c == " "])
                line = line[:k] + rng.choice(INSIDE) + line[k:]
            lines.append(line)
        style = rng.choice(["\n", "\r\n", "\r", "mixed"])
        ends = [rng.choice(ENDINGS) if style == "mixed" else style for _ in lines]
        if rng.random() < 0.3:
            ends[-1] = ""  # no final newline
        text = "".join(line + end for line, end in zip(lines, ends))
        encoding, bom = ENCODINGS[0] if rng.random() < 0.6 else rng.choice(ENCODINGS)
        name = rng.choice(["f{:03d}.md", "f {:03d}.md", "مقال-{:03d}.md", "f{:03d}.txt"]).format(i)
        files[name] = bom + text.encode(encoding)
    return files


def write(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)


def cli(folder: Path, *args: str, pythonpath: str = str(ROOT)) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=pythonpath)
    names = sorted(p.name for p in folder.iterdir() if p.is_file())
    return subprocess.run([sys.executable, "-m", "mt_repair", "check", "--isolated", "--exit-zero", *args,
                           *names], cwd=folder, capture_output=True, env=env)


def mismatches(tmp: Path, files: dict[str, bytes], tool: str = "git",
               pythonpath: str = str(ROOT)) -> tuple[list[str], int]:
    """Files whose patched bytes differ from the fixed ones, and how many files --fix changed."""
    fixed, patched = tmp / "fixed", tmp / "patched"
    write(fixed, files)
    write(patched, files)
    assert cli(fixed, "--fix", pythonpath=pythonpath).returncode == 0
    diff = cli(patched, "--diff", pythonpath=pythonpath)
    assert diff.returncode == 0, diff.stderr.decode()
    if tool == "git":
        subprocess.run(["git", "init", "-q"], cwd=patched, check=True)  # its own top level
        cmd = ["git", "-c", "core.autocrlf=false", "apply", "--whitespace=nowarn", "-"]
    else:
        cmd = ["patch", "-p1", "-s", "--no-backup-if-mismatch", "--batch"]
    applied = subprocess.run(cmd, cwd=patched, input=diff.stdout, capture_output=True)
    if tool == "git":
        assert applied.returncode == 0, applied.stderr.decode()
    bad = [n for n in files if (patched / n).read_bytes() != (fixed / n).read_bytes()]
    changed = sum((fixed / n).read_bytes() != data for n, data in files.items())
    return bad, changed


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_apply_of_diff_gives_the_fixed_bytes(tmp_path):
    files = make_files()
    bad, changed = mismatches(tmp_path, files)
    assert changed >= N_FILES // 3  # the fixes really change files, in every variant
    assert bad == []


@pytest.mark.skipif(shutil.which("patch") is None, reason="GNU patch is not installed")
def test_patch_gives_the_fixed_bytes_except_utf16(tmp_path):
    files = {n: d for n, d in make_files(seed=11).items() if not d.startswith((b"\xff\xfe", b"\xfe\xff"))}
    bad, changed = mismatches(tmp_path, files, tool="patch")
    assert changed >= len(files) // 3
    assert bad == []


def test_utf16_gets_a_note_and_a_binary_patch(tmp_path):
    folder = tmp_path / "d"
    write(folder, {"a.md": "\ufeffقال الوزير ، إن\r\n".encode("utf-16-le")})
    r = cli(folder, "--diff")
    assert b"GIT binary patch" in r.stdout
    assert "a.md: note: UTF-16" in r.stderr.decode()


def test_variants_are_generated():
    """The generator covers what the module docstring promises (else the test proves less)."""
    data = list(make_files().values())
    texts = [d.decode("utf-16" if d[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig") for d in data]
    assert any(d.startswith(b"\xef\xbb\xbf") for d in data)
    assert any(d.startswith(b"\xff\xfe") for d in data) and any(d.startswith(b"\xfe\xff") for d in data)
    assert any("\r" in t and "\n" not in t for t in texts)  # CR only
    assert any("\r\n" in t for t in texts) and any(not t.endswith(("\n", "\r")) for t in texts)
    for ch in INSIDE:
        assert any(ch in t for t in texts), repr(ch)
