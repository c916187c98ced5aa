"""Hostile and careless input: every config, glossary, baseline and CLI value that cannot be
used ends in a clear message naming what is wrong and exit 2, never a traceback.

Each case is one line: the files it needs (a config snippet is `.mt-repair.toml`), the
command line, and a fragment the message must contain. The CLI runs in-process (a
traceback is an exception escaping `main`), in a fresh folder per case.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import traceback
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

from mt_repair.cli import main
from mt_repair.glossary import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "# Talks\n\nThe minister said on Monday that the talks would resume.\n"
HEADER = "\t".join(COLUMNS)
DEEP = 5_000  # brackets deep: past Python's recursion limit for any recursive parser
CHECK = ["check", "a.md"]


def cfg(snippet: str, *argv: str) -> tuple[dict, list[str]]:
    """A `.mt-repair.toml` holding `snippet`, an article, and `check a.md` (plus `argv`)."""
    return {".mt-repair.toml": snippet, "a.md": ARTICLE}, [*CHECK, *argv]


def gloss(*rows: str) -> tuple[dict, list[str]]:
    """A user glossary g.tsv with `rows`, named by --glossary."""
    return {"g.tsv": "\n".join([HEADER, *rows]) + "\n", "a.md": ARTICLE}, [*CHECK, "--isolated", "--glossary", "g.tsv"]


def base(data) -> tuple[dict, list[str]]:
    """A baseline file b.json holding `data` (a string is written as it is)."""
    text = data if isinstance(data, str) else json.dumps(data)
    return {"b.json": text, "a.md": ARTICLE}, [*CHECK, "--isolated", "--baseline", "b.json"]


def row(fingerprint="0123456789abcdef", count=1, **extra) -> dict:
    return {"format": "mt-repair-baseline", "version": 1,
            "files": {"a.md": [{"code": "RP001", "fingerprint": fingerprint, "count": count, **extra}]}}


def cli(*argv: str) -> tuple[dict, list[str]]:
    return {"a.md": ARTICLE, "ref.md": ARTICLE}, list(argv)


# id: (files, argv), message fragment
CASES = {
    # -- config: types -------------------------------------------------------------------
    "residue-patterns-string": (cfg('residue-patterns = "^Photo"'), "residue-patterns must be a list"),
    "residue-patterns-int-item": (cfg("residue-patterns = [3]"), "residue-patterns"),
    "residue-pattern-not-string": (cfg('residue-patterns = [{kind = "line", pattern = 3}]'), "pattern must be a string"),
    "residue-what-not-string": (cfg('residue-patterns = [{pattern = "^Foto:", what = 5}]'), "what must be a string"),
    "residue-fix-unknown": (cfg('residue-patterns = [{pattern = "^Foto:", fix = "sfae"}]'), "did you mean 'safe'"),
    "residue-kind-unknown": (cfg('residue-patterns = [{pattern = "^Foto:", kind = "lines"}]'), "did you mean 'line'"),
    "residue-kind-int": (cfg('residue-patterns = [{pattern = "^Foto:", kind = 3}]'), "kind"),
    "residue-unknown-key": (cfg('residue-patterns = [{pattern = "^Foto:", fixx = "safe"}]'), "unknown key 'fixx'"),
    "residue-no-pattern": (cfg('residue-patterns = [{kind = "line"}]'), "pattern"),
    "fail-on-int": (cfg("fail-on = 3"), "fail-on must be"),
    "fail-on-unknown": (cfg('fail-on = "critical"'), "fail-on"),
    "fail-on-typo": (cfg('fail-on = "warn"'), "did you mean 'warning'"),
    "severity-int": (cfg("[severity]\nPN003 = 3"), "PN003"),
    "severity-not-table": (cfg('severity = "info"'), "severity must be a table"),
    "severity-unknown-code": (cfg('[severity]\nPN0003 = "info"'), "did you mean 'PN003'"),
    "severity-prefix": (cfg('[severity]\nPN = "info"'), "unknown rule code 'PN'"),
    "severity-bad-level": (cfg('[severity]\nPN003 = "critical"'), "critical"),
    "severity-table-value": (cfg("[severity]\nPN003 = {a = 1}"), "PN003"),
    "per-file-ignores-int": (cfg("per-file-ignores = 5"), "per-file-ignores must be a table"),
    "per-file-ignores-string-value": (cfg('[per-file-ignores]\n"archive/*" = "RS"'), "must be a list"),
    "per-file-ignores-int-item": (cfg('[per-file-ignores]\n"archive/*" = [3]'), "must be a list"),
    "per-file-ignores-unknown": (cfg('[per-file-ignores]\n"archive/*" = ["residu"]'), "unknown rule selector"),
    "per-file-ignores-empty-glob": (cfg('[per-file-ignores]\n"" = ["RS"]'), "empty glob"),
    "house-glossary-string": (cfg('house-glossary = "no"'), "house-glossary must be true or false"),
    "hunspell-int": (cfg("hunspell = 0"), "hunspell must be true or false"),
    "select-string": (cfg('select = "ALL"'), "select must be a list"),
    "select-unknown": (cfg('select = ["PN0O1"]'), "unknown rule selector"),
    "ignore-int": (cfg("ignore = [1]"), "ignore must be a list of strings"),
    "include-string": (cfg('include = "*.md"'), "include must be a list"),
    "include-empty-glob": (cfg('include = [""]'), "empty glob"),
    "exclude-int": (cfg("exclude = 5"), "exclude must be a list"),
    "exclude-negated-glob": (cfg('exclude = ["!drafts"]'), "negation is for .gitignore files"),  # path globs are valid since issue 11
    "allow-int": (cfg("allow = [1, 2]"), "allow must be a list"),
    "glossaries-string": (cfg('glossaries = "g.tsv"'), "glossaries must be a list"),
    "glossaries-missing": (cfg('glossaries = ["nowhere.tsv"]'), "does not exist"),
    "unknown-key": (cfg('selct = ["ALL"]'), "did you mean 'select'"),
    "invalid-toml": (cfg("select = [\"ALL\""), "invalid TOML"),
    "config-not-utf8": (({".mt-repair.toml": b"select = ['\xff']", "a.md": ARTICLE}, CHECK), "cannot read"),
    "deep-toml": (cfg("x = " + "[" * DEEP + "]" * DEEP), "nested too deeply"),
    "deep-pyproject": (({"pyproject.toml": "x = " + "[" * DEEP + "]" * DEEP, "a.md": ARTICLE},
                        [*CHECK, "--config", "pyproject.toml"]), "nested too deeply"),
    "pyproject-tool-int": (({"pyproject.toml": "tool = 3", "a.md": ARTICLE}, [*CHECK, "--config", "pyproject.toml"]),
                           "[tool] must be a table"),
    "pyproject-section-int": (({"pyproject.toml": "[tool]\nmt-repair = 3", "a.md": ARTICLE}, CHECK),
                              "[tool.mt-repair] must be a table"),
    # -- config: user regexes ------------------------------------------------------------
    "regex-invalid": (cfg('residue-patterns = ["(Photo"]'), "invalid regular expression"),
    "regex-empty-match-caret": (cfg('residue-patterns = ["^"]'), "matches an empty line"),
    "regex-empty-match-dotstar": (cfg('residue-patterns = [".*"]'), "matches an empty line"),
    "regex-empty-string": (cfg('residue-patterns = [""]'), "matches an empty line"),
    "regex-every-line": (cfg(r'residue-patterns = ["\\w"]'), "matches ordinary article lines"),
    "regex-inline-every-line": (cfg(r'residue-patterns = [{kind = "inline", pattern = "\\s"}]'),
                                "matches ordinary article lines"),
    "regex-tail-empty": (cfg('residue-patterns = [{kind = "tail", pattern = "x*$"}]'), "matches an empty line"),
    "regex-backtracking-at-run-time": (
        ({".mt-repair.toml": 'residue-patterns = ["^(a|aa)+$"]', "a.md": "a" * 60 + "!\n"}, CHECK), "took more than"),
    "line-pattern-empty": (cfg('residue-patterns = [{kind = "line", pattern = " : "}]'), "empty"),
    "prefix-pattern-empty": (cfg('residue-patterns = [{kind = "prefix", pattern = ""}]'), "empty"),
    "prefix-pattern-ordinary": (cfg('residue-patterns = [{kind = "prefix", pattern = "The "}]'),
                                "is how ordinary lines start"),
    # -- user glossaries -----------------------------------------------------------------
    "glossary-cycle": (gloss("place\tنيويورك\tنيو يورك\tNew York\t\t\t\t", "place\tنيو يورك\tنيويورك\tNew York City\t\t\t\t"),
                       "g.tsv:"),
    "glossary-loop-into-house": (gloss("person\tبلنكن\tبلينكن\tBlinken\t\t\t\t"), "g.tsv:2"),
    "glossary-duplicate-variant": (gloss("place\tنيويورك\tنيو يورك\tNew York\t\t\t\t",
                                         "place\tنيوجيرسي\tنيو يورك\tNew Jersey\t\t\t\t"), "also in"),
    "glossary-variant-is-canonical": (gloss("person\tبلينكن\tبلينكن\tBlinken\t\t\t\t"), "equals its canonical"),
    "glossary-shared-handle": (gloss("person\tفلان\t\tFulan\t\t@fulan\t\t", "person\tعلان\t\tAllan\t\t@Fulan\t\t"),
                               "handle"),
    "glossary-bad-header": (({"g.tsv": "type\tar\ten\n", "a.md": ARTICLE}, [*CHECK, "--isolated", "--glossary", "g.tsv"]),
                            "header must be"),
    "glossary-not-utf8": (({"g.tsv": b"\xff\xfe\x00", "a.md": ARTICLE}, [*CHECK, "--isolated", "--glossary", "g.tsv"]),
                          "cannot read"),
    "glossary-in-config-cycle": (
        ({".mt-repair.toml": 'glossaries = ["g.tsv"]', "a.md": ARTICLE,
          "g.tsv": "\n".join([HEADER, "place\tأ ب\tأب\tAb\t\t\t\t", "place\tأب\tأ ب\tA B\t\t\t\t"]) + "\n"}, CHECK),
        "g.tsv:"),
    # -- baselines -----------------------------------------------------------------------
    "baseline-count-1e400": (base(json.dumps(row()).replace('"count": 1', '"count": 1e400')), "count"),
    "baseline-count-negative": (base(row(count=-3)), "count"),
    "baseline-count-float": (base(row(count=1.5)), "count"),
    "baseline-count-string": (base(row(count="2")), "count"),
    "baseline-count-bool": (base(row(count=True)), "count"),
    "baseline-count-nan": (base(json.dumps(row()).replace('"count": 1', '"count": NaN')), "count"),
    "baseline-fingerprint-int": (base(row(fingerprint=5)), "fingerprint"),
    "baseline-files-list": (base({"format": "mt-repair-baseline", "version": 1, "files": []}), "files"),
    "baseline-rows-dict": (base({"format": "mt-repair-baseline", "version": 1, "files": {"a.md": {}}}), "a.md"),
    "baseline-row-string": (base({"format": "mt-repair-baseline", "version": 1, "files": {"a.md": ["x"]}}), "a.md"),
    "baseline-no-files": (base({"format": "mt-repair-baseline", "version": 1}), "files"),
    "baseline-top-list": (base([1, 2]), "not an mt-repair baseline"),
    "baseline-deep": (base("[" * DEEP + "]" * DEEP), "nested too deeply"),
    "baseline-deep-in-files": (base('{"format": "mt-repair-baseline", "version": 1, "files": '
                                    + "[" * DEEP + "]" * DEEP + "}"), "nested too deeply"),
    "baseline-not-json": (base("{"), "invalid JSON"),
    "baseline-missing": (({"a.md": ARTICLE}, [*CHECK, "--isolated", "--baseline", "nowhere.json"]), "does not exist"),
    "baseline-not-utf8": (base("\udcff"), "cannot read"),
    # -- command line --------------------------------------------------------------------
    "translate-device": (cli("translate", "a.md", "--device", "banana", "--isolated"), "--device"),
    "translate-device-cuda-index": (cli("translate", "a.md", "--device", "cuda:x", "--isolated"), "--device"),
    "translate-src-lang": (cli("translate", "a.md", "--src-lang", "xx Xx", "--isolated"), "--src-lang"),
    "translate-tgt-lang": (cli("translate", "a.md", "--tgt-lang", "english!", "--isolated"), "--tgt-lang"),
    "translate-num-beams": (cli("translate", "a.md", "--num-beams", "0"), "--num-beams"),
    "translate-batch-size": (cli("translate", "a.md", "--batch-size", "x"), "--batch-size"),
    "eval-tokenize": (cli("eval", "a.md", "--reference", "ref.md", "--tokenize", "bogus", "--isolated"), "--tokenize"),
    "eval-segments": (cli("eval", "a.md", "--segments", "bogus"), "--segments"),
    "eval-format": (cli("eval", "a.md", "--format", "pdf", "--isolated"), "--format"),
    "eval-rate-nan": (cli("eval", "--synthetic", "x", "--rate", "nan", "--isolated"), "--rate"),
    "eval-min-severity": (cli("eval", "a.md", "--min-severity", "critical"), "--min-severity"),
    "eval-labels-deep": (({"a.md": ARTICLE, "l.jsonl": "[" * DEEP + "]" * DEEP},
                          ["eval", "a.md", "--labels", "l.jsonl", "--isolated", "--no-progress", "-o", "rep"]),
                         "nested too deeply"),
    "check-max-size-inf": (cli("check", "a.md", "--isolated", "--max-size", "inf"), "--max-size"),
    "check-max-size-nan": (cli("check", "a.md", "--isolated", "--max-size", "nan"), "--max-size"),
    "check-max-size-negative": (cli("check", "a.md", "--isolated", "--max-size", "-1"), "--max-size"),
    "check-output-format": (cli("check", "a.md", "--output-format", "xml"), "--output-format"),
    "check-fail-on": (cli("check", "a.md", "--fail-on", "3"), "--fail-on"),
    "check-select": (cli("check", "a.md", "--isolated", "--select", "PN0O1"), "unknown rule selector"),
    "check-config-missing": (cli("check", "a.md", "--config", "nowhere.toml"), "does not exist"),
    "check-glossary-missing": (cli("check", "a.md", "--isolated", "--glossary", "nowhere.tsv"), "does not exist"),
}


def _materialise(tmp: Path, files: dict) -> None:
    for name, content in files.items():
        path = tmp / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogateescape")


def run_case(tmp: Path, files: dict, argv: list[str]) -> tuple[int | None, str, str | None]:
    """(exit code, stderr, traceback or None) of `mt-repair ARGV` run in `tmp`."""
    _materialise(tmp, files)
    err, out = StringIO(), StringIO()
    cwd = os.getcwd()
    os.chdir(tmp)
    tb = None
    code = None
    try:
        with redirect_stderr(err), redirect_stdout(out):
            code = main(argv)
    except SystemExit as exc:  # argparse
        code = exc.code
    except BaseException:  # noqa: BLE001 - the case fails with the traceback it printed
        tb = traceback.format_exc()
    finally:
        os.chdir(cwd)
    return code, err.getvalue(), tb


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_a_message_and_exit_2(case, tmp_path):
    (files, argv), fragment = CASES[case]
    code, err, tb = run_case(tmp_path, files, argv)
    assert tb is None, tb
    assert "Traceback" not in err, err
    assert code == 2, (code, err)
    assert fragment in err, err
    assert len(err.strip().splitlines()) <= 30, err  # a message, not a dump


def test_a_good_config_still_loads(tmp_path):
    """The checks above must not reject ordinary settings."""
    snippet = "\n".join([
        'select = ["ALL"]', 'ignore = ["TM002"]', 'fail-on = "warning"', "house-glossary = true",
        'allow = ["Inrupt"]', 'include = ["*.md"]', 'exclude = ["drafts"]',
        """residue-patterns = ['^Photo: .*$', { kind = "line", pattern = "شارك عبر", fix = "safe" },"""
        """ { kind = "regex", pattern = '^(?:\\w+ )+\\(AP Photo\\)$', what = "credit" }]""",
        '[severity]', 'PN003 = "info"', 'rs001 = "error"', '[per-file-ignores]', '"archive/*" = ["residue"]'])
    (files, argv), _ = cfg(snippet, "--output-format", "concise"), None
    files["a.md"] = ARTICLE + "\nPhoto: Reuters\n\nشارك عبر\n"
    code, err, tb = run_case(tmp_path, files, argv)
    assert tb is None and code == 1, (code, err, tb)
    assert "Traceback" not in err


def test_user_patterns_still_find_residue(tmp_path):
    files, argv = cfg('residue-patterns = ["^Foto: .*$", {kind = "inline", pattern = "\\\\(ZZ Foto\\\\)"}]',
                      "--output-format", "json", "--select", "RS001")
    files["a.md"] = "The talks resumed (ZZ Foto) today.\n\nFoto: Reuters\n"
    _materialise(tmp_path, files)
    r = subprocess.run([sys.executable, "-m", "mt_repair", *argv], capture_output=True, cwd=tmp_path,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    found = json.loads(r.stdout)
    assert [(f["code"], f["line"]) for f in found] == [("RS001", 1), ("RS001", 3)], r.stderr


def test_a_user_glossary_that_is_fine_loads(tmp_path):
    files, argv = gloss("person\tفلان الفلاني\tفلان فلاني\tFulan al-Fulani\t\t\t\t")
    files["a.md"] = "وقال فلان فلاني إن الاجتماع انتهى.\n"
    code, err, tb = run_case(tmp_path, files, [*argv, "--output-format", "concise"])
    assert tb is None and code == 1 and "TM001" not in err, (code, err, tb)


def test_a_user_entry_may_replace_a_house_entry(tmp_path):
    """Same canonical Arabic as a house entry: the user's entry replaces it (no duplicate)."""
    files, argv = gloss("person\tأنتوني بلينكن\tأنطوني بلينكن\tAntony Blinken\t\t\t\t")
    code, err, tb = run_case(tmp_path, files, argv)
    assert tb is None and code in (0, 1), (code, err, tb)


def _subprocess(argv, cwd, env=None):
    return subprocess.run([sys.executable, *argv], capture_output=True, cwd=cwd,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), **(env or {})), timeout=120)


def test_bad_translate_options_fail_before_torch_is_imported(tmp_path):
    (tmp_path / "a.ar.md").write_text("قال الوزير.\n", encoding="utf-8")
    probe = ("import sys, mt_repair.cli as c\n"
             "for argv in (['translate', 'a.ar.md', '--device', 'banana', '--isolated'],\n"
             "             ['translate', 'a.ar.md', '--src-lang', 'xx Xx', '--isolated']):\n"
             "    try:\n"
             "        c.main(argv)\n"
             "    except SystemExit as exc:\n"
             "        assert exc.code == 2\n"
             "print([m for m in ('torch', 'transformers') if m in sys.modules])")
    r = _subprocess(["-c", probe], tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == b"[]", r.stdout + r.stderr


def test_sarif_and_concise_survive_file_names_that_are_not_utf8(tmp_path):
    if sys.platform == "win32":
        pytest.skip("POSIX file names are bytes")
    name = b"caf\xe9 \xff.md"  # Latin-1 bytes: not UTF-8
    try:
        (tmp_path / os.fsdecode(name)).write_text("The the minister spoke.\n", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system wants UTF-8 names")
    strict = {"PYTHONIOENCODING": "utf-8:strict"}  # stdout as in a UTF-8 locale, which refuses such names
    r = _subprocess(["-m", "mt_repair", "check", ".", "--isolated", "--output-format", "sarif"], tmp_path, strict)
    assert r.returncode == 1 and b"Traceback" not in r.stderr, r.stderr
    log = json.loads(r.stdout.decode("utf-8"))  # valid UTF-8
    uris = [res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in log["runs"][0]["results"]]
    assert uris and set(uris) == {"caf%E9%20%FF.md"}, uris
    for fmt in ("concise", "github", "full"):  # the name as its own bytes, as ls prints it
        r = _subprocess(["-m", "mt_repair", "check", ".", "--isolated", "--output-format", fmt], tmp_path, strict)
        assert r.returncode == 1 and b"Traceback" not in r.stderr, (fmt, r.stderr)
        assert name in r.stdout, (fmt, r.stdout)


@pytest.mark.parametrize("pattern", [r"^(a+)+$", r"^(\w+\s?)*:$", r"(\s*\w+)+$", r"^(.*?,){11}P"])
def test_patterns_that_backtrack_in_re_finish(tmp_path, pattern):
    """Nested quantifiers that take `re` hours on a line that fails them finish on `regex`
    (or stop with a message): never a hang. The subprocess timeout is the hang guard."""
    (tmp_path / ".mt-repair.toml").write_text(f"residue-patterns = ['{pattern}']\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE + "\n" + "a" * 60 + "!\n\n" + "word " * 40 + "x\n\n" + "1," * 40 + "\n",
                                   encoding="utf-8")
    r = _subprocess(["-m", "mt_repair", "check", "a.md", "--select", "RS001"], tmp_path)
    assert b"Traceback" not in r.stderr, r.stderr
    assert r.returncode in (0, 1) or (r.returncode == 2 and b"took more than" in r.stderr), r.stderr


def test_a_deep_pyproject_found_up_the_tree_is_passed_over(tmp_path):
    """As an invalid pyproject.toml is: it may not be ours (with --config it is an error)."""
    files = {"pyproject.toml": "x = " + "[" * DEEP + "]" * DEEP, "a.md": ARTICLE}
    code, err, tb = run_case(tmp_path, files, CHECK)
    assert tb is None and code == 0, (code, err, tb)


def test_an_unknown_language_code_is_refused_once_the_tokenizer_is_loaded():
    """`xx_Xxxx` has the shape of an NLLB code; only the tokenizer knows it is none."""
    from mt_repair.translate.model import ModelUnavailable, language_id

    class Tokenizer:
        unk_token_id = 3

        def convert_tokens_to_ids(self, token):
            return {"arb_Arab": 7, "__ar__": 8}.get(token, self.unk_token_id)

    assert language_id(Tokenizer(), "nllb", "arb_Arab", "--src-lang", "m") == 7
    assert language_id(Tokenizer(), "m2m100", "ar", "--src-lang", "m") == 8
    with pytest.raises(ModelUnavailable, match="no language code 'xx_Xxxx' .set --src-lang"):
        language_id(Tokenizer(), "nllb", "xx_Xxxx", "--src-lang", "m")
