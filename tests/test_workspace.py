"""Which files are checked, with which settings (mt_repair/workspace.py), and honest output.

Each test builds a small repository in tmp_path: the nearest config per file whatever the
order of the paths, `extend`, path globs relative to the config's folder, .gitignore,
hidden folders, the default non-article excludes, missing paths, empty folders,
--show-fixes, --statistics, "did you mean" and `init` into a missing tree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mt_repair.cli import main

# RP001 (unsafe fix) and PN001 (safe fix): two findings per file under the defaults
ARTICLE = "The minister said said that the talks failed .\n"


def make(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def check(capsys, *argv: str) -> tuple[int, list[str], str]:
    """Run `check` (concise); the findings as sorted "path:line:col: CODE" strings."""
    capsys.readouterr()
    code = main(["check", "--output-format", "concise", "--no-hunspell", *argv])
    out, err = capsys.readouterr()
    rows = sorted(" ".join(line.split()[:2]) for line in out.splitlines() if ": " in line and "[" in line)
    return code, rows, out + err


def files_of(rows: list[str]) -> set[str]:
    return {Path(r.split(":")[0]).as_posix().removeprefix("./") for r in rows}


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- nearest config, extend, order -----------------------------------------------------------
def test_each_file_uses_its_nearest_config_in_any_order(repo, capsys):
    make(repo, {
        ".mt-repair.toml": 'ignore = ["RP001"]\n',
        "news/.mt-repair.toml": 'ignore = ["PN001"]\n',
        "news/a.md": ARTICLE, "archive/a.md": ARTICLE,
    })
    _, ab, _ = check(capsys, "news/a.md", "archive/a.md")
    _, ba, _ = check(capsys, "archive/a.md", "news/a.md")
    assert ab == ba
    assert ab == ["archive/a.md:1:45: PN001", "news/a.md:1:14: RP001"]
    _, walked, _ = check(capsys, ".")  # a config in a subfolder applies under `check .` too
    assert [r.removeprefix("./") for r in walked] == ab


def test_extend_inherits_and_overrides(repo, capsys):
    make(repo, {
        "base/.mt-repair.toml": 'ignore = ["RP001"]\nfail-on = "error"\n',
        "news/.mt-repair.toml": 'extend = "../base/.mt-repair.toml"\nextend-select = []\n',
        "news/a.md": ARTICLE,
        # a child's ignore adds to the parent's; its extend-select re-enables what the parent ignores
        "desk/.mt-repair.toml": 'extend = "../base/.mt-repair.toml"\nextend-select = ["RP001"]\nignore = ["PN001"]\n',
        "desk/a.md": ARTICLE,
    })
    code, rows, _ = check(capsys, "news", "desk")
    assert rows == ["desk/a.md:1:14: RP001", "news/a.md:1:45: PN001"]
    assert code == 0  # fail-on = "error" inherited by both


def test_extend_cycle_and_missing_target_are_usage_errors(repo, capsys):
    make(repo, {"a/.mt-repair.toml": 'extend = "../b/.mt-repair.toml"\n',
                "b/.mt-repair.toml": 'extend = "../a/.mt-repair.toml"\n', "a/x.md": ARTICLE,
                "c/.mt-repair.toml": 'extend = "../nowhere.toml"\n', "c/x.md": ARTICLE})
    code, _, out = check(capsys, "a")
    assert code == 2 and "cycle" in out
    code, _, out = check(capsys, "c")
    assert code == 2 and "does not exist" in out


def test_config_flag_overrides_every_file_and_cli_selection_applies_on_top(repo, capsys):
    make(repo, {"news/.mt-repair.toml": 'ignore = ["PN001"]\n', "news/a.md": ARTICLE,
                "other.toml": 'select = ["PN001"]\n'})
    _, rows, _ = check(capsys, "--config", "other.toml", "news")
    assert rows == ["news/a.md:1:45: PN001"]
    # the command line wins over the config (as ruff): --extend-select re-enables what it ignores
    _, rows, _ = check(capsys, "--extend-select", "PN001", "news")
    assert rows == ["news/a.md:1:14: RP001", "news/a.md:1:45: PN001"]
    _, rows, _ = check(capsys, "--select", "PN", "--ignore", "RP", "news")  # --select replaces it all
    assert rows == ["news/a.md:1:45: PN001"]
    _, rows, _ = check(capsys, "--ignore", "RP", "news")  # --ignore adds to the config's
    assert rows == []


# -- globs ----------------------------------------------------------------------------------
@pytest.mark.parametrize("glob, left_out", [
    ("archive/2019", {"archive/2019/a.md"}),
    ("archive/*", {"archive/2019/a.md", "archive/2020/a.md"}),
    ("**/drafts/*", {"news/drafts/a.md", "drafts/a.md"}),
    ("drafts", {"news/drafts/a.md", "drafts/a.md"}),  # a bare name matches at any depth
    ("/drafts", {"drafts/a.md"}),
])
def test_exclude_globs_are_paths_relative_to_the_config(repo, capsys, glob, left_out):
    names = {"archive/2019/a.md", "archive/2020/a.md", "news/drafts/a.md", "drafts/a.md", "news/a.md"}
    make(repo, {".mt-repair.toml": f'extend-exclude = ["{glob}"]\n', **{n: ARTICLE for n in names}})
    _, rows, _ = check(capsys, ".")
    assert files_of(rows) == names - left_out
    # from another folder (and through --force-exclude for named files) the same
    _, rows, _ = check(capsys, "--force-exclude", *sorted(names))
    assert files_of(rows) == names - left_out


def test_include_and_per_file_ignores_are_relative_to_the_config(repo, capsys):
    make(repo, {
        "desk/.mt-repair.toml": 'include = ["stories/*.md"]\n[per-file-ignores]\n"stories/old/*" = ["PN001"]\n',
        "desk/stories/a.md": ARTICLE, "desk/stories/old/b.md": ARTICLE, "desk/notes/c.md": ARTICLE,
        "desk/stories/d.txt": ARTICLE,
    })
    _, rows, _ = check(capsys, "desk")
    assert files_of(rows) == {"desk/stories/a.md"}  # stories/*.md does not reach stories/old/b.md
    (repo / "desk/.mt-repair.toml").write_text(
        'include = ["stories/**/*.md"]\n[per-file-ignores]\n"stories/old/*" = ["PN001"]\n', encoding="utf-8")
    _, rows, _ = check(capsys, "desk")
    assert rows == ["desk/stories/a.md:1:14: RP001", "desk/stories/a.md:1:45: PN001",
                    "desk/stories/old/b.md:1:14: RP001"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(repo, capsys):
    make(repo, {"README.md": ARTICLE, "CHANGELOG.md": ARTICLE, "LICENSE.txt": ARTICLE,
                "docs/CONTRIBUTING.md": ARTICLE, "a.md": ARTICLE})
    _, rows, _ = check(capsys, ".")
    assert files_of(rows) == {"a.md"}  # documentation is not an article
    _, rows, _ = check(capsys, "README.md")  # named on the command line: checked
    assert files_of(rows) == {"README.md"}
    (repo / ".mt-repair.toml").write_text('exclude = ["CHANGELOG.md"]\n', encoding="utf-8")
    _, rows, _ = check(capsys, ".")
    assert files_of(rows) == {"a.md", "README.md", "LICENSE.txt", "docs/CONTRIBUTING.md"}


# -- .gitignore and hidden folders ----------------------------------------------------------
def test_gitignore_and_hidden_folders_are_skipped(repo, capsys):
    (repo / ".git").mkdir()
    make(repo, {".gitignore": "build/\n*.tmp.md\n!keep.tmp.md\n", "build/a.md": ARTICLE, "x.tmp.md": ARTICLE,
                "keep.tmp.md": ARTICLE, ".drafts/a.md": ARTICLE, "news/.gitignore": "local.md\n",
                "news/local.md": ARTICLE, "news/a.md": ARTICLE, "a.md": ARTICLE})
    _, rows, _ = check(capsys, ".")
    assert files_of(rows) == {"a.md", "keep.tmp.md", "news/a.md"}
    _, rows, _ = check(capsys, "news")  # the root's .gitignore applies below it as well
    assert files_of(rows) == {"news/a.md"}
    _, rows, _ = check(capsys, "--no-respect-gitignore", ".")
    assert files_of(rows) == {"a.md", "keep.tmp.md", "news/a.md", "build/a.md", "x.tmp.md", "news/local.md"}
    (repo / ".mt-repair.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    _, rows, _ = check(capsys, ".")
    assert "build/a.md" in files_of(rows)
    _, rows, _ = check(capsys, ".drafts")  # a hidden folder named on the command line is walked
    assert files_of(rows) == {".drafts/a.md"}


# -- honest output --------------------------------------------------------------------------
def test_missing_path_is_an_error_without_a_clean_summary(repo, capsys):
    code, _, out = check(capsys, "nope.md")
    assert code == 2
    assert "nope.md: error: file not found" in out
    assert "No problems found" not in out
    make(repo, {"a.md": "A clean sentence.\n"})
    code, _, out = check(capsys, "a.md", "nope")
    assert code == 2 and "No problems found in 1 file." in out


def test_empty_folder_says_so_and_fails_unless_allowed(repo, capsys):
    (repo / "empty").mkdir()
    make(repo, {"only/README.md": ARTICLE})
    for folder in ("empty", "only"):
        code, _, out = check(capsys, folder)
        assert code == 2, out
        assert f"{folder}: no files to check" in out
        assert "No problems found" not in out
    code, _, out = check(capsys, "--allow-empty", "empty")
    assert code == 0 and "no files to check" in out


def test_quiet_full_format_prints_no_summary(repo, capsys):
    make(repo, {"a.md": ARTICLE})
    capsys.readouterr()
    main(["check", "--no-hunspell", "--output-format", "full", "a.md"])
    assert "Found 2 problems" in capsys.readouterr().out
    main(["check", "--no-hunspell", "--output-format", "full", "-q", "a.md"])
    out = capsys.readouterr().out
    assert "RP001" in out and "Found" not in out


def test_show_fixes_lists_each_fix_by_file_and_line(repo, capsys):
    make(repo, {"a.md": "First line is fine.\n" + ARTICLE, "b.md": "Nothing to fix here.\n"})
    code, _, out = check(capsys, "--fix", "--show-fixes", "a.md", "b.md")
    assert "Fixed 1 problem:" in out
    assert "- a.md:" in out and "2: PN001 space-before-punctuation" in out
    assert "b.md:" not in out.split("Fixed 1 problem:")[1]
    assert (repo / "a.md").read_text(encoding="utf-8").endswith("failed.\n")
    code, _, out = check(capsys, "--show-fixes", "a.md")
    assert code == 2 and "--show-fixes goes with --fix" in out


def test_statistics_counts_per_rule(repo, capsys):
    make(repo, {"a.md": ARTICLE, "b.md": ARTICLE, "c.md": "Fine then ,he said.\n"})
    _, _, out = check(capsys, "--statistics", ".")
    lines = [line.split("\t") for line in out.splitlines() if "\t" in line]
    assert [(n.strip(), code) for n, code, _ in lines][:2] == [("3", "PN001"), ("2", "RP001")]
    assert lines[0][2].startswith("[*]")  # PN001's fixes are safe
    capsys.readouterr()
    main(["check", "--no-hunspell", "--statistics", "--output-format", "json", "."])
    data = json.loads(capsys.readouterr().out)
    assert {d["code"]: d["count"] for d in data}["RP001"] == 2


def test_unknown_selector_gets_did_you_mean(repo, capsys):
    make(repo, {"a.md": ARTICLE})
    code, _, out = check(capsys, "--select", "glued-scrpt", "a.md")
    assert code == 2 and "did you mean 'glued-script'" in out


def test_init_refuses_a_missing_parent(repo, capsys):
    assert main(["init", str(repo / "nowhere" / "deeper")]) == 2
    assert not (repo / "nowhere").exists()
    assert main(["init", str(repo / "desk")]) == 0  # one new folder is fine
    assert (repo / "desk" / ".mt-repair.toml").is_file()
