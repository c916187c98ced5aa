"""Honest output: summaries count what was checked, a file named twice is checked once,
options that cannot go together are usage errors (exit 2) instead of being ignored, and a
selection that leaves no rule says so."""

from __future__ import annotations

import pytest

from mt_repair.cli import main

ARTICLE = "The minister said said that the talks failed .\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", "--no-hunspell", "--output-format", "concise", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_counts_only_files_that_were_checked(repo, capsys):
    code, out, err = run(capsys, "a.md", "missing.md")
    assert code == 2
    assert "in 1 file." in out and "1 file could not be checked" in out


def test_a_file_named_twice_is_checked_once(repo, capsys):
    code, out, _ = run(capsys, "a.md", "./a.md", ".")
    assert out.count("RP001") == 2  # a.md and b.md, once each
    assert "in 2 files." in out


@pytest.mark.parametrize("argv, says", [
    (["--statistics", "--diff"], "--statistics and --diff"),
    (["--statistics", "--write-baseline", "base.json"], "--statistics and --write-baseline"),
    (["--statistics", "--output-format", "sarif"], "not sarif"),
    (["--statistics", "--output-format", "github"], "not github"),
    (["--show-fixes"], "--show-fixes goes with --fix"),
    (["--fix", "--diff"], "--fix and --diff"),
    (["--color", "sometimes"], None),  # argparse: exit 2 as well
])
def test_options_that_do_not_go_together_are_usage_errors(repo, capsys, argv, says):
    try:
        code, out, err = run(capsys, *argv, ".")
    except SystemExit as exc:
        code, err = exc.code, capsys.readouterr().err
    assert code == 2
    if says:
        assert says in err
    assert not (repo / "base.json").exists()


@pytest.mark.parametrize("fmt", ["concise", "full", "json"])
def test_statistics_formats(repo, capsys, fmt):
    code, out, _ = run(capsys, "--statistics", "--output-format", fmt, ".")
    assert code == 1 and "RP001" in out and "PN001" in out


def test_empty_selection_is_said(repo, capsys):
    code, out, err = run(capsys, "--select", ",", ".")
    assert "no rule is selected" in err and code == 0
    (repo / ".mt-repair.toml").write_text('select = []\n', encoding="utf-8")
    code, out, err = run(capsys, ".")
    assert "no rule is selected for the files under" in err
    code, out, err = run(capsys, "--extend-select", "RP001", ".")  # the command line adds a rule: no warning
    assert "no rule is selected" not in err and "RP001" in out and "PN001" not in out


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_show_fixes_keeps_machine_output_parseable(repo, capsys, fmt):
    import json

    code, out, err = run(capsys, "--fix", "--show-fixes", "--output-format", fmt, ".")
    json.loads(out)  # nothing but the JSON / SARIF on stdout
    assert "Fixed 2 problems:" in err and "PN001" in err
