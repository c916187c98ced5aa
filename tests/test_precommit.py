"""The pre-commit hooks, end to end, with the real pre-commit framework and git.

The hook repository is a snapshot of this working tree (tracked files, and untracked ones
git does not ignore) committed to a temporary repository, so the test exercises what a
commit of the tree would ship. An editorial repository is built beside it. pre-commit
builds the hook's virtualenv with pip (15-30 s): once for `try-repo`, which always uses a
fresh store, and once for the installed git hook, whose store the module shares.

Hook mode's own handling of names that pre-commit never passes (deleted files, symlinks)
is tested in-process at the end, for other hook managers that do pass them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mt_repair.cli import main

ROOT = Path(__file__).resolve().parent.parent
DIRTY = "# القمة\n\nقال الرئيس ، وأضاف أن المفاوضات في في العاصمة مستمرة.\n"
FIXED = "# القمة\n\nقال الرئيس، وأضاف أن المفاوضات في العاصمة مستمرة.\n"
CLEAN = "# الطاقة\n\nارتفعت أسعار الغاز في أوروبا، وقال محللون إن الطلب ما زال قوياً.\n"
CHECK_HOOK = "mt-repair (machine-translation artifacts)"
FIX_HOOK = "mt-repair fix (safe fixes)"
TIMEOUT = 600  # building the hook environment downloads packages when pip's cache is cold


def _env(home: Path) -> dict:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",  # no user hooksPath, signing...
               GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org",
               GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org")
    env.pop("VIRTUAL_ENV", None)
    return env


def _run(args, cwd: Path, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    r = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    if check and r.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))} exited {r.returncode}:\n{r.stdout}\n{r.stderr}")
    return r


def _git(cwd: Path, env: dict, *args, check: bool = True) -> subprocess.CompletedProcess:
    return _run(["git", *args], cwd, env, check)


def _pre_commit(cwd: Path, env: dict, *args) -> subprocess.CompletedProcess:
    r = _run([sys.executable, "-m", "pre_commit", *args], cwd, env, check=False)
    print(f"$ pre-commit {' '.join(args)}  (exit {r.returncode})\n{r.stdout}{r.stderr}")  # shown with -s
    return r


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """(path, commit) of a repository holding a snapshot of this working tree."""
    if shutil.which("git") is None:
        pytest.fail("git is needed for the pre-commit hooks")
    work = tmp_path_factory.mktemp("pc")
    env = _env(work / "home")
    listing = _git(ROOT, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard").stdout
    snap = work / "mt-repair"
    for name in filter(None, listing.split("\0")):
        src = ROOT / name
        if src.is_file() and not src.is_symlink():  # skip files deleted in the tree
            (snap / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, snap / name)
    assert (snap / ".pre-commit-hooks.yaml").is_file()
    _git(snap, env, "init", "-q")
    _git(snap, env, "add", "-A")
    _git(snap, env, "commit", "-q", "-m", "snapshot")
    yield snap, _git(snap, env, "rev-parse", "HEAD").stdout.strip(), work
    shutil.rmtree(work, ignore_errors=True)  # the hook environment: tens of MB that pytest would keep


def _editorial(path: Path, env: dict, files: dict[str, str | bytes]) -> Path:
    path.mkdir()
    _git(path, env, "init", "-q")
    for name, content in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return path


def _config(repo: Path, commit: str, hook_id: str, args: str = "") -> str:
    # what the README tells editors to paste, with the snapshot as the hook repository
    return (f"repos:\n  - repo: {repo}\n    rev: {commit}\n    hooks:\n"
            f"      - id: {hook_id}\n        verbose: true\n" + (f"        args: {args}\n" if args else ""))


@pytest.mark.slow
def test_try_repo_runs_both_hooks_on_staged_files_only(hook_repo, tmp_path):
    snap, _, work = hook_repo
    env = _env(work / "home-try-repo")
    ed = _editorial(tmp_path / "desk", env, {"news/summit.md": DIRTY, "news/unstaged.md": DIRTY})
    _git(ed, env, "add", "news/summit.md")

    r = _pre_commit(ed, env, "try-repo", str(snap))

    out = r.stdout + r.stderr
    assert r.returncode == 1
    # the check hook fails and reports; the fix hook then repairs and fails as modifying hooks do
    assert f"{CHECK_HOOK}..." in out and "news/summit.md:3:11: PN001" in out
    assert f"{FIX_HOOK}..." in out and "files were modified by this hook" in out
    assert (ed / "news/summit.md").read_text(encoding="utf-8") == FIXED
    # only staged files are checked: the untracked article is neither reported nor written
    assert "unstaged.md" not in out
    assert (ed / "news/unstaged.md").read_text(encoding="utf-8") == DIRTY


@pytest.fixture(scope="module")
def desk_env(hook_repo):
    return _env(hook_repo[2] / "home")  # one store: the hook environment is built once


@pytest.mark.slow
def test_check_hook_fails_the_commit_and_a_clean_article_passes(hook_repo, desk_env, tmp_path):
    snap, commit, _ = hook_repo
    env = desk_env
    ed = _editorial(tmp_path / "desk", env, {".pre-commit-config.yaml": _config(snap, commit, "mt-repair"),
                                             "news/summit.md": DIRTY, "news/energy.md": CLEAN})
    _pre_commit(ed, env, "install")

    _git(ed, env, "add", ".pre-commit-config.yaml", "news/summit.md")
    r = _git(ed, env, "commit", "-m", "summit", check=False)
    print(r.stdout + r.stderr)
    assert r.returncode != 0, "the commit of an article with artifacts went through"
    assert "news/summit.md:3:11: PN001" in r.stdout + r.stderr
    assert (ed / "news/summit.md").read_text(encoding="utf-8") == DIRTY  # the check hook never writes
    assert _git(ed, env, "rev-list", "--all").stdout == ""  # nothing committed

    _git(ed, env, "rm", "-q", "--cached", "news/summit.md")
    _git(ed, env, "add", ".pre-commit-config.yaml", "news/energy.md")
    r = _git(ed, env, "commit", "-m", "energy")
    print(r.stdout + r.stderr)
    assert f"{CHECK_HOOK}..." in r.stdout + r.stderr and "Passed" in r.stdout + r.stderr


@pytest.mark.slow
def test_fix_hook_repairs_then_the_commit_passes(hook_repo, desk_env, tmp_path):
    snap, commit, _ = hook_repo
    env = desk_env
    ed = _editorial(tmp_path / "desk", env, {".pre-commit-config.yaml": _config(snap, commit, "mt-repair-fix"),
                                             "news/summit.md": DIRTY})
    _pre_commit(ed, env, "install")
    _git(ed, env, "add", "-A")

    r = _git(ed, env, "commit", "-m", "summit", check=False)
    print(r.stdout + r.stderr)
    assert r.returncode != 0 and "files were modified by this hook" in r.stdout + r.stderr
    assert (ed / "news/summit.md").read_text(encoding="utf-8") == FIXED

    _git(ed, env, "add", "news/summit.md")  # the editor reviews the fix and stages it
    r = _git(ed, env, "commit", "-m", "summit")
    print(r.stdout + r.stderr)
    assert f"{FIX_HOOK}..." in r.stdout + r.stderr and "Passed" in r.stdout + r.stderr


@pytest.mark.slow
def test_renamed_deleted_binary_and_excluded_files(hook_repo, desk_env, tmp_path):
    """The fix hook (the one that may write) on a commit of awkward changes."""
    snap, commit, _ = hook_repo
    env = desk_env
    ed = _editorial(tmp_path / "desk", env, {
        ".pre-commit-config.yaml": _config(snap, commit, "mt-repair-fix"),
        ".mt-repair.toml": 'include = ["*.md"]\nexclude = ["drafts"]\n',
        "news/old-name.md": CLEAN, "news/retracted.md": CLEAN})
    _pre_commit(ed, env, "install")
    _git(ed, env, "add", "-A")
    _git(ed, env, "commit", "-q", "-m", "start")

    awkward = {"drafts/summit.md": DIRTY, "news/notes.txt": DIRTY,
               "news/scan.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + DIRTY.encode()}  # a misnamed image
    for name, content in awkward.items():
        (ed / name).parent.mkdir(exist_ok=True)
        (ed / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    _git(ed, env, "mv", "news/old-name.md", "news/new-name.md")
    _git(ed, env, "rm", "-q", "news/retracted.md")
    _git(ed, env, "add", "-A")

    r = _git(ed, env, "commit", "-m", "awkward")
    out = r.stdout + r.stderr
    print(out)
    assert f"{FIX_HOOK}..." in out and "Passed" in out
    assert "drafts/summit.md: note: skipped: excluded by the config (`drafts`)" in out
    assert "news/notes.txt: note: skipped: not matched by the config's include globs" in out
    # pre-commit passes a binary file named *.md (identify goes by the extension): skipped too
    assert "news/scan.md: note: skipped: binary file" in out
    assert "retracted.md:" not in out and "old-name.md:" not in out  # gone: pre-commit passes neither
    assert "No problems found in 1 file. 3 files skipped." in out  # new-name.md is checked
    for name, content in awkward.items():  # nothing written
        data = content if isinstance(content, bytes) else content.encode()
        assert (ed / name).read_bytes() == data, name
    assert (ed / "news/new-name.md").read_text(encoding="utf-8") == CLEAN


@pytest.mark.slow
def test_check_hook_with_a_baseline_fails_only_on_new_findings(hook_repo, desk_env, tmp_path, monkeypatch):
    snap, commit, _ = hook_repo
    env = desk_env
    ed = _editorial(tmp_path / "desk", env, {
        ".pre-commit-config.yaml": _config(snap, commit, "mt-repair", "[--baseline, .mt-repair-baseline.json]"),
        "archive/2019.md": DIRTY})
    monkeypatch.chdir(ed)
    assert main(["check", "archive", "--write-baseline", ".mt-repair-baseline.json"]) == 0
    _pre_commit(ed, env, "install")
    _git(ed, env, "add", "-A")
    r = _git(ed, env, "commit", "-m", "archive and its baseline")  # old findings: recorded, let through
    print(r.stdout + r.stderr)
    assert "2 findings hidden by the baseline .mt-repair-baseline.json." in r.stdout + r.stderr

    (ed / "archive/2019.md").write_text("تصحيح: أضيفت فقرة.\n\n" + DIRTY + "وقال الوزير , إن الاتفاق قريب.\n",
                                        encoding="utf-8")
    _git(ed, env, "add", "-A")
    r = _git(ed, env, "commit", "-m", "edit", check=False)
    out = r.stdout + r.stderr
    print(out)
    assert r.returncode != 0
    assert "archive/2019.md:6:" in out and "PN002" in out  # the new line fails the commit
    assert "archive/2019.md:5:" not in out  # the old findings, moved down two lines, stay hidden


# -- hook mode itself, for hook managers that pass any name ------------------------------
def test_hook_mode_skips_with_a_note_and_never_writes(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".mt-repair.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    Path("drafts").mkdir()
    files = {"drafts/a.md": DIRTY.encode(), "notes.py": DIRTY.encode(),
             "scan.md": b"\x00\x01" + DIRTY.encode(), "big.md": DIRTY.encode() * 4000}
    for name, data in files.items():
        Path(name).write_bytes(data)
    os.symlink("notes.py", "link.md")
    names = [*files, "link.md", "gone.md"]

    assert main(["check", "--hook", "--fix", "--max-size", "0.1", "--output-format", "concise", *names]) == 0
    out = capsys.readouterr().out
    for name in names:
        assert f"{name}: note: skipped: " in out, name
    assert "6 files skipped." in out
    for name, data in files.items():
        assert Path(name).read_bytes() == data, name
    assert os.path.islink("link.md")

    # without --hook, the same names are errors (exit 2), as for any check
    assert main(["check", "--output-format", "concise", "gone.md", "scan.md"]) == 2


def test_force_exclude_alone_applies_globs_but_reports_missing_files(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".mt-repair.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    Path("drafts").mkdir()
    Path("drafts/a.md").write_text(DIRTY, encoding="utf-8")
    Path("a.md").write_text(DIRTY, encoding="utf-8")
    assert main(["check", "--force-exclude", "--output-format", "concise", "drafts/a.md"]) == 0
    assert main(["check", "--output-format", "concise", "drafts/a.md"]) == 1  # named: checked
    assert main(["check", "--force-exclude", "--output-format", "concise", "gone.md"]) == 2
    out = capsys.readouterr().out
    assert "drafts/a.md: note: skipped: excluded by the config (`drafts`)" in out
    assert "gone.md: error: file not found" in out
