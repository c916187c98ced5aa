"""The public Python API (mt_repair.api, re-exported by mt_repair): each function, its
docstring examples, the stable names, and that `import mt_repair` stays cheap."""

from __future__ import annotations

import dataclasses
import doctest
import subprocess
import sys

import pytest

import mt_repair
from mt_repair import api

MOJIBAKE = "قال Ø§Ù„Ø±Ø¦ÙŠØ³ إن الحكومة ستجتمع غدا."
PACKAGE = {"check_text", "fix_text", "check_pair", "load_settings", "list_rules", "FixResult", "RuleInfo",
           "Settings", "ConfigError", "Finding", "Fix", "Edit", "Severity", "Applicability"}
STABLE = PACKAGE | {"rules"}  # api.rules is list_rules (mt_repair.rules is the rule package)


def test_docstring_examples_run():
    result = doctest.testmod(api, raise_on_error=False)
    assert result.attempted >= 8 and result.failed == 0


def test_stable_surface():
    assert set(api.__all__) == STABLE
    assert set(mt_repair.__all__) == PACKAGE | {"__version__"}
    for name in PACKAGE:
        assert getattr(mt_repair, name) is getattr(api, name)
    assert api.rules is api.list_rules
    with pytest.raises(AttributeError):
        mt_repair.not_a_name  # noqa: B018


def test_import_stays_cheap():
    code = ("import sys, mt_repair; print(sorted(m for m in sys.modules if m.startswith('mt_repair')));"
            "mt_repair.check_text; print('mt_repair.api' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    first, second = out.splitlines()
    assert first == "['mt_repair']"  # no rules, no word lists until the API is used
    assert second == "True"


def test_check_text_finds_and_selects():
    found = mt_repair.check_text(MOJIBAKE)
    assert [(f.code, MOJIBAKE[f.start:f.end]) for f in found] == [("SC007", "Ø§Ù„Ø±Ø¦ÙŠØ³")]
    assert isinstance(found[0], mt_repair.Finding) and found[0].severity is mt_repair.Severity.ERROR
    with pytest.raises(dataclasses.FrozenInstanceError):
        found[0].start = 0
    assert mt_repair.check_text(MOJIBAKE, ignore=["script"]) == []
    assert mt_repair.check_text(MOJIBAKE, select=["RP"]) == []
    assert [f.code for f in mt_repair.check_text(MOJIBAKE, select=["mojibake"])] == ["SC007"]


def test_bad_selectors_are_value_errors():
    with pytest.raises(mt_repair.ConfigError, match="unknown rule selector"):
        mt_repair.check_text("text", select=["glued-scrpt"])
    with pytest.raises(ValueError, match="list of selectors"):
        mt_repair.check_text("text", ignore="SC007")


def test_select_keeps_loaded_word_lists():
    base = mt_repair.load_settings()
    lexicon = base.lexicon
    derived = api._settings(base, ["GB"], None)
    assert derived.select == ("GB",) and derived.lexicon is lexicon
    assert api._settings(base, None, None) is base


def test_fix_text_safe_and_unsafe():
    result = mt_repair.fix_text(MOJIBAKE)
    assert result == mt_repair.FixResult("قال الرئيس إن الحكومة ستجتمع غدا.", 1, [])
    cp1256 = "وقال في رسالة بعنوان ÇáÓáÇã إن الحكومة ستجتمع."  # a Windows-1256 guess: an unsafe fix
    safe_only = mt_repair.fix_text(cp1256)
    assert safe_only.text == cp1256 and safe_only.fixed == 0
    assert [f.code for f in safe_only.findings] == ["SC007"]
    assert safe_only.findings[0].fix.applicability is mt_repair.Applicability.UNSAFE
    both = mt_repair.fix_text(cp1256, unsafe=True)
    assert both.text == "وقال في رسالة بعنوان السلام إن الحكومة ستجتمع." and both.fixed == 1 and both.findings == []


def test_load_settings_forms(tmp_path):
    assert mt_repair.load_settings().select == ("ALL",)
    assert mt_repair.load_settings({"ignore": ["GB"]}).ignore == ("GB",)
    s = mt_repair.load_settings({"select": ["SC"]})
    assert mt_repair.load_settings(s) is s
    (tmp_path / ".mt-repair.toml").write_text('ignore = ["SC007"]\n', encoding="utf-8")
    (tmp_path / "news").mkdir()
    article = tmp_path / "news" / "a.md"
    article.write_text(MOJIBAKE, encoding="utf-8")
    for where in (tmp_path / ".mt-repair.toml", tmp_path / "news", article):
        loaded = mt_repair.load_settings(where)
        assert loaded.ignore == ("SC007",), where
        assert mt_repair.check_text(MOJIBAKE, settings=loaded) == []
    # settings may also be given as anything load_settings takes
    assert mt_repair.check_text(MOJIBAKE, settings=article) == []


def test_load_settings_without_config_is_defaults(tmp_path_factory):
    folder = tmp_path_factory.mktemp("noconfig")
    assert mt_repair.load_settings(folder).ignore == ()


def test_load_settings_errors(tmp_path):
    with pytest.raises(mt_repair.ConfigError, match="no such file"):
        mt_repair.load_settings(tmp_path / "missing.toml")
    bad = tmp_path / ".mt-repair.toml"
    bad.write_text("select = [", encoding="utf-8")
    with pytest.raises(mt_repair.ConfigError, match="invalid TOML"):
        mt_repair.load_settings(bad)
    with pytest.raises(mt_repair.ConfigError):
        mt_repair.load_settings({"select": "SC007"})  # not a list


def test_path_names_per_file_ignores(tmp_path):
    settings = mt_repair.load_settings({"per-file-ignores": {"legacy/*": ["SC007"]}})
    assert mt_repair.check_text(MOJIBAKE, path="legacy/a.md", settings=settings) == []
    assert [f.code for f in mt_repair.check_text(MOJIBAKE, path="news/a.md", settings=settings)] == ["SC007"]


def test_check_pair():
    found = mt_repair.check_pair("توفي ٣ أشخاص.", "Five people died.")
    assert [f.code for f in found] == ["PR002"]
    assert all(0 <= f.start <= f.end <= len("Five people died.") for f in found)
    assert mt_repair.check_pair("توفي ٣ أشخاص.", "Three people died.") == []
    assert mt_repair.check_pair("توفي ٣ أشخاص.", "Five people died.", ignore=["pair"]) == []


def test_rules_metadata():
    infos = mt_repair.list_rules()
    codes = [r.code for r in infos]
    assert len(codes) == len(set(codes)) and {"RP001", "SC007", "PR001"} <= set(codes)
    sc007 = next(r for r in infos if r.code == "SC007")
    assert (sc007.name, sc007.category, sc007.severity) == ("mojibake", "script", "error")
    assert sc007.fix_safety == ("safe", "unsafe")
    assert sc007.fix.startswith("safe when") and sc007.doc.startswith("SC007 mojibake")
    assert next(r for r in infos if r.code == "SC005").fix_safety == ("none",)
    d = sc007.as_dict()
    assert list(d) == ["code", "name", "category", "severity", "fix_safety", "fix", "summary", "doc"]


def test_rule_command_json(capsys):
    import json

    from mt_repair.cli import main

    assert main(["rule", "SC007", "--output-format", "json"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert one == next(r for r in mt_repair.list_rules() if r.code == "SC007").as_dict()
    assert main(["rule", "mojibake", "--output-format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["code"] == "SC007"
    assert main(["rule", "--all", "--output-format", "json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in every] == [r.code for r in mt_repair.list_rules()]
    assert all(set(r) == {"code", "name", "category", "severity", "fix_safety", "fix", "summary", "doc"}
               for r in every)
    assert all(r["fix_safety"] for r in every), [r["code"] for r in every if not r["fix_safety"]]
    assert main(["rule", "SC007"]) == 0  # the text form is unchanged
    assert capsys.readouterr().out.startswith("SC007 mojibake  (category: script")
