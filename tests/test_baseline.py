"""Baselines: `check --write-baseline FILE` records findings, `check --baseline FILE` hides them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from mt_repair.baseline import Baseline, fingerprint
from mt_repair.cli import main
from mt_repair.types import Finding, Severity

OLD = "# أرشيف\n\nقال الرئيس ، وأضاف أن المفاوضات مستمرة.\nوأكد البيان في في العاصمة ضرورة الحل.\n"


def _check(capsys, *args) -> tuple[int, list[dict], str]:
    code = main(["check", "--isolated", "--output-format", "json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


@pytest.fixture
def archive(tmp_path, monkeypatch, capsys):
    """An archive folder with one old article and its baseline, written by the CLI."""
    monkeypatch.chdir(tmp_path)
    Path("archive").mkdir()
    Path("archive/2019.md").write_text(OLD, encoding="utf-8")
    assert main(["check", "--isolated", "archive", "--write-baseline", "baseline.json"]) == 0
    err = capsys.readouterr().err
    assert "Recorded 2 findings in 1 file to baseline.json." in err
    return tmp_path


def test_recorded_findings_are_hidden_and_nothing_is_written(archive, capsys):
    before = Path("archive/2019.md").read_bytes()
    code, items, err = _check(capsys, "--baseline", "baseline.json", "archive")
    assert (code, items) == (0, [])
    assert Path("archive/2019.md").read_bytes() == before
    code, items, _ = _check(capsys, "archive")
    assert code == 1 and {i["code"] for i in items} == {"PN001", "RP001"}  # without it, both are back


def test_stable_when_lines_move(archive, capsys):
    Path("archive/2019.md").write_text("مقدمة جديدة.\n\n" * 5 + OLD + "\nخاتمة.\n", encoding="utf-8")
    code, items, err = _check(capsys, "--baseline", "baseline.json", "archive")
    assert (code, items) == (0, [])


def test_only_new_findings_are_reported(archive, capsys):
    Path("archive/2019.md").write_text(OLD + "وقال الوزير , إن الاتفاق قريب.\n", encoding="utf-8")
    code, items, err = _check(capsys, "--baseline", "baseline.json", "archive")
    assert code == 1
    assert {(i["code"], i["line"]) for i in items} == {("PN001", 5), ("PN002", 5)}  # both on the new line


def test_summary_counts_hidden_and_stale(archive, capsys):
    text = OLD.replace(" ،", "،")  # one old finding fixed by hand
    Path("archive/2019.md").write_text(text, encoding="utf-8")
    code = main(["check", "--isolated", "--output-format", "concise", "--baseline", "baseline.json", "archive"])
    err = capsys.readouterr().err
    assert code == 0
    assert "1 finding hidden by the baseline baseline.json. 1 recorded there no longer found" in err


def test_counts_per_fingerprint(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    line = "قال الرئيس ، وأضاف\n"
    Path("a.md").write_text(line * 2, encoding="utf-8")
    assert main(["check", "--isolated", "--select", "PN001", "a.md", "--write-baseline", "b.json"]) == 0
    capsys.readouterr()
    rows = json.loads(Path("b.json").read_text(encoding="utf-8"))["files"]["a.md"]
    assert [(r["code"], r["count"]) for r in rows] == [("PN001", 2)]
    Path("a.md").write_text(line * 3, encoding="utf-8")  # a third identical finding is new
    code, items, _ = _check(capsys, "--select", "PN001", "--baseline", "b.json", "a.md")
    assert code == 1 and [i["line"] for i in items] == [3]


def test_editing_the_flagged_words_makes_a_finding_new(archive, capsys):
    Path("archive/2019.md").write_text(OLD.replace("الرئيس ،", "الوزير ،"), encoding="utf-8")
    code, items, _ = _check(capsys, "--baseline", "baseline.json", "archive")
    assert [i["code"] for i in items] == ["PN001"]


def test_paths_are_relative_to_the_baseline_file(archive, monkeypatch, capsys):
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert list(data["files"]) == ["archive/2019.md"]
    monkeypatch.chdir(archive / "archive")  # another folder, other spellings of the same paths
    code, items, _ = _check(capsys, "--baseline", str(archive / "baseline.json"), "2019.md")
    assert (code, items) == (0, [])
    code, items, _ = _check(capsys, "--baseline", "../baseline.json", str(archive / "archive"))
    assert (code, items) == (0, [])


def test_baseline_file_is_deterministic_and_has_no_positions(archive, capsys):
    first = Path("baseline.json").read_bytes()
    assert main(["check", "--isolated", "archive", "--write-baseline", "baseline.json"]) == 0
    assert Path("baseline.json").read_bytes() == first
    data = json.loads(first)
    assert data["format"] == "mt-repair-baseline" and data["version"] == 1
    for rows in data["files"].values():
        for row in rows:
            assert set(row) == {"code", "fingerprint", "count", "text"}


def test_fix_with_baseline_still_repairs(archive, capsys):
    """A baseline hides findings from the report; --fix still repairs what is safe."""
    assert main(["check", "--isolated", "--fix", "--baseline", "baseline.json", "archive"]) == 0
    assert " ،" not in Path("archive/2019.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("content, message", [
    (None, "does not exist; write one with --write-baseline"),
    ("{not json", "invalid JSON"),
    ('{"format": "something-else"}', "not an mt-repair baseline"),
    ('{"format": "mt-repair-baseline", "version": 9, "files": {}}', "version 9"),
    ('{"format": "mt-repair-baseline", "version": 1, "files": {"a.md": [{"code": "PN001"}]}}', "malformed"),
])
def test_bad_baseline_is_a_usage_error(tmp_path, monkeypatch, capsys, content, message):
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(OLD, encoding="utf-8")
    if content is not None:
        Path("b.json").write_text(content, encoding="utf-8")
    assert main(["check", "--isolated", "--baseline", "b.json", "a.md"]) == 2
    assert message in capsys.readouterr().err


def test_write_baseline_and_diff_do_not_go_together(tmp_path, capsys):
    assert main(["check", "--isolated", "--diff", "--write-baseline", str(tmp_path / "b.json"), str(tmp_path)]) == 2


def test_fingerprint_ignores_position_and_line_endings_but_not_context():
    f = Finding("PN001", "space-before-punctuation", "punctuation", Severity.WARNING, 10, 12, "m")
    text = "قال الرئيس ، وأضاف\n"
    moved = "سطر\r\n" + text.replace("\n", "\r\n")
    g = Finding(f.code, f.name, f.category, f.severity, 10 + 5, 12 + 5, "other message")
    assert fingerprint(text, f) == fingerprint(moved, g)
    other = Finding("PN002", f.name, f.category, f.severity, f.start, f.end, f.message)
    assert fingerprint(text, f) != fingerprint(text, other)
    assert fingerprint(text, f) != fingerprint(text.replace("الرئيس", "الوزير"), f)
    base = Baseline(Path("."), {"a.md": Counter({fingerprint(text, f): 1})})
    assert base.filter("a.md", moved, [g]) == [] and base.hidden == 1
