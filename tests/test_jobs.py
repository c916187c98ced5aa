"""`check --jobs N`: a folder checked on a process pool gives what a serial run gives.

The folder is generated here (articles from examples/ with MT artifacts added, of very
different sizes so that workers finish out of order), with files that cannot be read among
them, a translation pair and a link. Runs go through the real CLI in a subprocess and
compare bytes: the report, stderr, the exit code and, with --fix, every file.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mt_repair import parallel
from mt_repair.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ARTIFACTS = [
    "قال الرئيس ، وأضاف أن المفاوضات مستمرة .",  # spaces before punctuation
    "The minister said that that the talks will continue ,and the the ceasefire holds.",
    "وأكد البيان ضرورة احترام وحدة الأراضي.. وقال المتحدث إن \"الوفد\" وصل.",
    "Officials said the the  aid convoy arrived on Tuesday .",
]


def _paragraphs() -> list[str]:
    paras = []
    for f in sorted(EXAMPLES.rglob("*.md")):
        if f.name != "README.md":
            paras += [p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return paras


def _make_folder(folder: Path, n: int = 48) -> None:
    """At least 2 x parallel.BYTES_PER_WORKER of articles, so that --jobs 2 starts a pool."""
    rng = random.Random(12)
    paras = _paragraphs()
    folder.mkdir()
    (folder / "world").mkdir()
    for i in range(n):
        k = rng.choice((2, 4, 30, 60))  # small and large: workers finish out of order
        body = [rng.choice(paras) for _ in range(k)]
        for _ in range(rng.randint(0, 3)):
            body.insert(rng.randrange(len(body) + 1), rng.choice(ARTIFACTS))
        where = folder / "world" if i % 3 == 0 else folder
        newline = "\r\n" if i % 7 == 0 else "\n"
        (where / f"article-{i:03d}.md").write_bytes(("\n\n".join(body) + "\n").replace("\n", newline).encode())
    (folder / "binary.md").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (folder / "latin1.md").write_bytes("Le caf\xe9 est ferm\xe9 .\n".encode("latin-1"))
    (folder / "empty.md").write_bytes(b"")
    shutil.copy(EXAMPLES / "pairs" / "aid-conference.ar.md", folder / "aid.ar.md")
    shutil.copy(EXAMPLES / "pairs" / "aid-conference.en.md", folder / "aid.en.md")
    os.symlink("nowhere.md", folder / "gone.md")  # dangling: an error in both modes
    os.symlink("world/article-045.md", folder / "zz-alias.md")  # one file, two names, both checked late
    assert sum(f.stat().st_size for f in folder.rglob("*.md") if f.is_file()) > 2 * parallel.BYTES_PER_WORKER


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    f = tmp_path_factory.mktemp("jobs") / "articles"
    _make_folder(f)
    return f


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "mt_repair", "check", ".", "--isolated", *args],
                          capture_output=True, cwd=cwd, env=env, timeout=300, check=False)


def same_run(a: subprocess.CompletedProcess, b: subprocess.CompletedProcess) -> None:
    assert a.returncode == b.returncode
    assert a.stdout == b.stdout
    assert a.stderr == b.stderr


@pytest.mark.parametrize("fmt", ["concise", "json"])
def test_jobs_2_prints_what_jobs_1_prints(folder, fmt):
    serial = cli(folder, "--output-format", fmt, "--jobs", "1")
    assert serial.returncode == 2  # the binary file and the dangling link are errors
    assert b"binary.md" in serial.stderr + serial.stdout and b"gone.md" in serial.stderr + serial.stdout
    assert b"aid.en.md" in serial.stdout and b"PR" in serial.stdout  # pair findings are in the report
    pooled = cli(folder, "--output-format", fmt, "--jobs", "2")
    same_run(serial, pooled)
    same_run(pooled, cli(folder, "--output-format", fmt, "--jobs", "2"))  # the same order every run


def test_jobs_2_fixes_the_same_bytes(folder, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    shutil.copytree(folder, one, symlinks=True)
    shutil.copytree(folder, two, symlinks=True)
    same_run(cli(one, "--diff", "--jobs", "1"), cli(two, "--diff", "--jobs", "2"))
    a = cli(one, "--fix", "--show-fixes", "--output-format", "concise", "--jobs", "1")
    b = cli(two, "--fix", "--show-fixes", "--output-format", "concise", "--jobs", "2")
    same_run(a, b)
    assert b"Fixed " in a.stdout  # something was fixed: the comparison below means something
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    changed = 0
    for rel in files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel
        changed += (one / rel).read_bytes() != (folder / rel).read_bytes()
    assert changed >= 5
    assert b"changed" not in b.stderr  # the link and its target went to one worker, in order


def test_baseline_hides_the_same_findings(folder, tmp_path):
    base = tmp_path / "baseline.json"
    assert cli(folder, "--write-baseline", str(base), "--jobs", "2").returncode == 2  # the unreadable files
    a = cli(folder, "--baseline", str(base), "--output-format", "concise", "--jobs", "1")
    b = cli(folder, "--baseline", str(base), "--output-format", "concise", "--jobs", "2")
    same_run(a, b)
    assert b"hidden by the baseline" in a.stderr


def test_a_pool_runs_for_a_folder_and_not_for_one_file(folder, monkeypatch, capsys):
    calls = []
    real = parallel.check_files

    def spy(job, tasks, workers, method=None):
        calls.append((len(tasks), workers))
        return real(job, tasks, workers, method)

    monkeypatch.setattr(parallel, "check_files", spy)
    monkeypatch.chdir(folder)
    assert main(["check", ".", "--isolated", "--output-format", "concise", "--jobs", "2"]) == 2
    assert calls and calls[0][1] == 2 and calls[0][0] > 40
    pooled = capsys.readouterr()
    assert main(["check", ".", "--isolated", "--output-format", "concise", "--jobs", "1"]) == 2
    assert len(calls) == 1  # --jobs 1: serial
    assert capsys.readouterr() == pooled
    assert main(["check", "article-001.md", "--isolated", "--jobs", "2"]) in (0, 1)
    assert len(calls) == 1  # one file: no pool


def test_names_of_one_file_go_to_one_worker_in_order(tmp_path):
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "b.md").write_text("y", encoding="utf-8")
    os.symlink("a.md", tmp_path / "c.md")
    os.link(tmp_path / "b.md", tmp_path / "d.md")
    tasks = [parallel.Task(i, str(tmp_path / n), n, 0) for i, n in enumerate(["a.md", "b.md", "c.md", "d.md"])]

    class Args:
        fix = True

    units = parallel._units(tasks, Args)
    assert [[t.shown for t in u] for u in units] == [["a.md", "c.md"], ["b.md", "d.md"]]
    Args.fix = False  # nothing is written: any worker may read any name
    assert len(parallel._units(tasks, Args)) == 4


def test_workers_for_small_runs_stay_serial(tmp_path):
    small = [tmp_path / f"{i}.md" for i in range(8)]
    for p in small:
        p.write_text("Short.\n", encoding="utf-8")
    assert parallel.workers_for(2, [str(p) for p in small]) == 1
    big = tmp_path / "big.md"
    big.write_text("x" * (4 * parallel.BYTES_PER_WORKER), encoding="utf-8")
    assert parallel.workers_for(2, [str(big), str(small[0])]) == 2
    assert parallel.workers_for(8, [str(big), str(small[0])]) == 2  # never more workers than files
    assert parallel.workers_for(1, [str(big), str(small[0])]) == 1
    assert parallel.default_jobs() >= 1


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--jobs", "0", "."])
    assert exc.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_archive_walks_folders_as_check_does(tmp_path):
    """`mt-repair archive FOLDER` lists the files `check FOLDER` checks (mt_repair.workspace)."""
    from mt_repair.archive.sources import plan
    from mt_repair.config import Settings

    top = tmp_path / "news"
    for rel in ("a.md", "world/b.md", "drafts/c.md", "world/drafts/d.md", ".hidden.md", ".git/x.md",
                "ignored/e.md", "kept.txt", "notes.csv", "archive/2019/f.md", "world/archive/2019/g.md"):
        (top / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / rel).write_text("Text.\n", encoding="utf-8")
    (top / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    os.mkfifo(top / "pipe.md")
    settings = Settings(exclude=("drafts", "/archive/2019"), root=top)
    batches, skipped = plan([str(top)], settings, 100, 1 << 20)
    files = [f for b in batches for f in b.files]
    assert files == ["a.md", "kept.txt", "world/archive/2019/g.md", "world/b.md"]
    assert [s["path"] for s in skipped] == ["pipe.md"] and "not a regular file" in skipped[0]["error"]
