"""Pair fixes reach the file: `check --fix` on a translation applies the pair rules' fixes
(PR001's name corrections, PR010's) with the mono rules', re-checking both every round;
`--diff` shows exactly what `--fix` writes; fixing twice is fixing once; a file that is no
translation imports nothing of the pair rules; one name reported by PR001 and a TM rule
is one finding; and an accepted spelling used throughout is never rewritten.

The articles are written here (short invented news sentences), not taken from shared data.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mt_repair import api
from mt_repair.cli import main
from mt_repair.config import Settings
from mt_repair.linter import check_text, fix_and_check
from mt_repair.types import Applicability

ROOT = Path(__file__).resolve().parent.parent

SOURCE = ("أجرى أنتوني بلنكن اتصالاً مع نظيره يوم الثلاثاء.\n\n"
          "بدأت محادثات بقيادة سيرغي لافروف في أنقرة.\n")
# a misspelt name in each sentence (PR001, unsafe) and a space before a full stop (PN001, safe)
TARGET = ("Anthony Blinkin held a call with his counterpart on Tuesday .\n\n"
          "Lavrof-led talks began in Ankara.\n")
FIXED_SAFE = ("Anthony Blinkin held a call with his counterpart on Tuesday.\n\n"
              "Lavrof-led talks began in Ankara.\n")
FIXED_UNSAFE = ("Antony Blinken held a call with his counterpart on Tuesday.\n\n"
                "Lavrov-led talks began in Ankara.\n")


@pytest.fixture(scope="module")
def settings():
    return Settings()


def _pair(folder: Path, stem: str = "talks", source: str = SOURCE) -> Path:
    (folder / f"{stem}.ar.md").write_text(source, encoding="utf-8")
    target = folder / f"{stem}.en.md"
    target.write_text(TARGET, encoding="utf-8")
    return target


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "mt_repair", "check", "--isolated", *args], cwd=folder,
                          capture_output=True, env=env)


# -- check --fix applies pair fixes ------------------------------------------------------
def test_fix_applies_pair_fixes_beside_the_source(tmp_path, capsys):
    target = _pair(tmp_path)
    assert main(["check", "--isolated", "--fix", str(target)]) == 1  # the names are unsafe: still reported
    assert target.read_text(encoding="utf-8") == FIXED_SAFE
    assert "PR001" in capsys.readouterr().out
    assert main(["check", "--isolated", "--fix", "--unsafe-fixes", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == FIXED_UNSAFE


def test_fix_applies_pair_fixes_with_source_and_target(tmp_path, capsys):
    src, tgt = tmp_path / "original.md", tmp_path / "translation.md"
    src.write_text(SOURCE, encoding="utf-8")
    tgt.write_text(TARGET, encoding="utf-8")
    code = main(["check", "--isolated", "--fix", "--unsafe-fixes", "--show-fixes",
                 "--source", str(src), "--target", str(tgt)])
    out = capsys.readouterr().out
    assert code == 0
    assert tgt.read_text(encoding="utf-8") == FIXED_UNSAFE
    assert out.count("PR001") == 2 and "PN001" in out  # --show-fixes lists the pair fixes too
    assert src.read_text(encoding="utf-8") == SOURCE  # the source is never written


def test_a_target_without_its_source_gets_no_pair_fix(tmp_path):
    target = tmp_path / "alone.en.md"
    target.write_text(TARGET, encoding="utf-8")
    main(["check", "--isolated", "--fix", "--unsafe-fixes", str(target)])
    assert "Anthony Blinkin" in target.read_text(encoding="utf-8")  # no source: nothing to compare with


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("unsafe", [False, True])
def test_diff_is_exactly_what_fix_writes(tmp_path, unsafe):
    extra = ("--unsafe-fixes",) if unsafe else ()
    fixed, patched = tmp_path / "fixed", tmp_path / "patched"
    for folder in (fixed, patched):
        folder.mkdir()
        _pair(folder)
    assert _cli(fixed, "--fix", "--exit-zero", *extra, "talks.en.md").returncode == 0
    diff = _cli(patched, "--diff", "--exit-zero", *extra, "talks.en.md")
    assert diff.returncode == 0 and diff.stdout, diff.stderr.decode()
    subprocess.run(["git", "init", "-q"], cwd=patched, check=True)
    applied = subprocess.run(["git", "apply", "-"], cwd=patched, input=diff.stdout, capture_output=True)
    assert applied.returncode == 0, applied.stderr.decode()
    written = (fixed / "talks.en.md").read_text(encoding="utf-8")
    assert (patched / "talks.en.md").read_text(encoding="utf-8") == written
    assert written == (FIXED_UNSAFE if unsafe else FIXED_SAFE)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("order", [("talks.ar.md", "talks.en.md"), ("talks.en.md", "talks.ar.md")])
def test_a_source_fixed_in_the_same_run_is_compared_as_fixed(tmp_path, order):
    """An invisible character inside the source's name hides it from PR001 until SC006's
    fix removes it. When the run fixes the source too, the translation is compared with
    the fixed source, whichever comes first: --diff shows what --fix writes, and a second
    run changes nothing."""
    hidden = SOURCE.replace("بلنكن", "بل\u200bنكن")
    fixed, patched = tmp_path / "fixed", tmp_path / "patched"
    for folder in (fixed, patched):
        folder.mkdir()
        _pair(folder, source=hidden)
    assert _cli(fixed, "--fix", "--unsafe-fixes", "--exit-zero", *order).returncode == 0
    assert (fixed / "talks.en.md").read_text(encoding="utf-8") == FIXED_UNSAFE
    diff = _cli(patched, "--diff", "--unsafe-fixes", "--exit-zero", *order)
    subprocess.run(["git", "init", "-q"], cwd=patched, check=True)
    applied = subprocess.run(["git", "apply", "-"], cwd=patched, input=diff.stdout, capture_output=True)
    assert applied.returncode == 0, applied.stderr.decode()
    for name in order:
        assert (patched / name).read_bytes() == (fixed / name).read_bytes()
    again = _cli(fixed, "--fix", "--unsafe-fixes", *order)
    assert again.returncode == 0 and b"Fixed" not in again.stdout


def test_jobs_fix_pairs_as_a_serial_run_does(tmp_path):
    """Enough bytes for a pool of two; the pair's fixes are the same bytes either way. The
    source has an invisible character inside the name that only its own fix (SC006)
    removes: the translation is compared with the source as fixed on any core, in any
    order (the order itself: test_a_source_fixed_in_the_same_run_is_compared_as_fixed)."""
    filler = "The minister said the talks would continue next week in the capital.\n\n" * 900
    hidden = SOURCE.replace("بلنكن", "بل\u200bنكن")
    runs = {}
    for jobs in ("1", "2"):
        folder = tmp_path / f"jobs{jobs}"
        folder.mkdir()
        for i in range(3):
            (folder / f"filler-{i}.md").write_text(filler, encoding="utf-8")
        _pair(folder, source=hidden)
        result = _cli(folder, "--fix", "--unsafe-fixes", "--exit-zero", "--jobs", jobs, ".")
        assert result.returncode == 0, result.stderr.decode()
        runs[jobs] = (folder / "talks.en.md").read_text(encoding="utf-8")
        assert "\u200b" not in (folder / "talks.ar.md").read_text(encoding="utf-8")
    assert runs["1"] == runs["2"] == FIXED_UNSAFE


# -- the library: one checker for mono and pair rules --------------------------------------
def test_check_text_with_a_source_reports_both_families(settings):
    codes = [f.code for f in check_text(TARGET, settings, "t.en.md", SOURCE, "t.ar.md")]
    assert sorted(codes) == ["PN001", "PR001", "PR001"]
    assert [f.code for f in check_text(TARGET, settings, "t.en.md")] == ["PN001"]  # no source: mono only


def test_fixing_twice_is_fixing_once(settings):
    for minimum in (Applicability.SAFE, Applicability.UNSAFE):
        once = fix_and_check(TARGET, settings, "t.en.md", minimum, SOURCE)
        twice = fix_and_check(once.text, settings, "t.en.md", minimum, SOURCE)
        assert twice.text == once.text and twice.fixed == 0
        assert [(f.code, f.start) for f in twice.findings] == [(f.code, f.start) for f in once.findings]


def test_unapplied_pair_findings_are_reported_at_their_new_place(settings):
    """A safe fix before a misspelt name moves it; the unsafe PR001 finding left for the
    editor points at the name in the fixed text."""
    target = "On Tuesday , Anthony Blinkin held a call with his counterpart.\n"
    source = "أجرى أنتوني بلنكن يوم الثلاثاء اتصالاً مع نظيره.\n"
    out = fix_and_check(target, settings, "t.en.md", Applicability.SAFE, source)
    assert out.text == "On Tuesday, Anthony Blinkin held a call with his counterpart.\n"
    [pr] = [f for f in out.findings if f.code == "PR001"]
    assert out.text[pr.start:pr.end] == "Anthony Blinkin" and pr.fix is not None


def test_public_api_fixes_and_checks_a_translation():
    result = api.fix_text(TARGET, unsafe=True, source=SOURCE)
    assert (result.text, result.fixed, result.findings) == (FIXED_UNSAFE, 3, [])
    assert api.fix_text(TARGET, source=SOURCE).text == FIXED_SAFE
    assert {f.code for f in api.check_text(TARGET, source=SOURCE)} == {"PN001", "PR001"}
    assert {f.code for f in api.check_pair(SOURCE, TARGET)} == {"PR001"}  # the pair rules alone


# -- the hook's fast path ------------------------------------------------------------------
_PROBE = """
import json, sys
from mt_repair.cli import main
rc = main(["check", "--isolated", "--output-format", "concise", sys.argv[1]])
print(json.dumps({"rc": rc, "modules": sorted(sys.modules)}))
"""


def _modules(path: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])["modules"]


def test_no_pair_module_is_imported_for_a_file_that_is_no_translation(tmp_path):
    mono = tmp_path / "news.md"
    mono.write_text("The minister said the talks would continue.\n", encoding="utf-8")
    assert not [m for m in _modules(mono) if m.startswith("mt_repair.pairs")]
    lone = tmp_path / "news.en.md"  # named like a translation, but no source beside it
    lone.write_text("The minister said the talks would continue.\n", encoding="utf-8")
    assert not [m for m in _modules(lone) if m.startswith("mt_repair.pairs.")]
    _pair(tmp_path)  # a real translation does load them
    assert "mt_repair.pairs.pr001_glossary_term" in _modules(tmp_path / "talks.en.md")


# -- one finding per artifact across the two families -----------------------------------------
def test_a_name_missing_and_misspelt_is_one_finding(settings):
    """PR001 (the sentence has no «COVID-19») and TM003 («Coved-19» looks like it) report one
    misspelt name: TM003 stays (the precise span, a fix), PR001 goes; the fix then leaves
    nothing for either rule."""
    source = "ارتفع عدد حالات كوفيد-19 في المدينة.\n"
    target = "The number of Coved-19 cases rose in the city.\n"
    found = check_text(target, settings, "t.en.md", source, "t.ar.md")
    assert [(f.code, target[f.start:f.end]) for f in found] == [("TM003", "Coved-19")]
    alone = check_text(target, settings.__class__(select=("PR001",)), "t.en.md", source, "t.ar.md")
    assert [f.code for f in alone] == ["PR001"]  # with TM003 off, PR001 still reports it
    out = fix_and_check(target, settings, "t.en.md", Applicability.UNSAFE, source)
    assert out.text == "The number of COVID-19 cases rose in the city.\n" and out.findings == []


def test_same_subject_dedupe_keeps_the_more_severe_and_the_fix():
    from mt_repair.linter import absorb_same_subject
    from mt_repair.types import Finding, Fix, Severity

    def f(code, sev, s, e, fix=None, subject="X"):
        return Finding(code, code.lower(), "terminology", sev, s, e, code, fix, subject)

    wide = f("PR001", Severity.WARNING, 0, 40)
    narrow = f("TM003", Severity.WARNING, 10, 18, Fix.replace(10, 18, "X", Applicability.UNSAFE))
    assert absorb_same_subject([wide, narrow]) == [narrow]
    loud = f("PR001", Severity.ERROR, 0, 40)  # more severe: both stay (the exit code must not change)
    assert absorb_same_subject([loud, narrow]) == [loud, narrow]
    other = f("TM003", Severity.WARNING, 10, 18, Fix.replace(10, 18, "X", Applicability.UNSAFE), subject="Y")
    assert absorb_same_subject([wide, other]) == [wide, other]  # another name: another problem
    apart = f("TM003", Severity.WARNING, 50, 58, Fix.replace(50, 58, "X", Applicability.UNSAFE))
    assert absorb_same_subject([wide, apart]) == [wide, apart]  # not nested: two places


# -- do no harm: accepted spellings ----------------------------------------------------------
def test_an_accepted_spelling_used_throughout_is_never_rewritten(settings):
    """`الكونجرس` is an accepted spelling of the house `الكونغرس` (`~` in the glossary):
    an article that uses it throughout is correct; the house form is shown, not applied."""
    text = "صوت الكونجرس على القانون، وقال رئيس الكونجرس إن التصويت تم.\n"
    out = fix_and_check(text, settings, "a.ar.md", Applicability.UNSAFE)
    assert out.text == text
    tm = [f for f in out.findings if f.code == "TM001"]
    assert tm and all(f.fix.applicability == Applicability.DISPLAY_ONLY for f in tm)
    mixed = "ناقش الكونغرس القانون، ثم صوت الكونجرس عليه.\n"  # both spellings: one is fixed
    assert fix_and_check(mixed, settings, "a.ar.md", Applicability.UNSAFE).text == \
        "ناقش الكونغرس القانون، ثم صوت الكونغرس عليه.\n"


def test_repair_scores_applies_pair_fixes_with_the_source(tmp_path):
    """eval/repair_scores.py passes each document's source lines: the misspelt names of an
    Arabic-to-English system are corrected under --unsafe-fixes, the reference stays."""
    folder = tmp_path / "tiny.ara-eng"
    folder.mkdir()
    src = [line for line in SOURCE.splitlines() if line]
    ref = [line for line in FIXED_UNSAFE.splitlines() if line]
    hyp = [line for line in TARGET.splitlines() if line]
    for name, rows in (("source.ar.txt", src), ("reference.en.txt", ref), ("sys.en.txt", hyp)):
        (folder / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "systems.tsv").write_text("file\ttier\nsys.en.txt\tweak\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "eval" / "repair_scores.py"), str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr  # the reference did not fall
    rows = {r.split("|")[3].strip(): r.split("|") for r in out.stdout.splitlines() if r.startswith("| sys.en.txt")}
    assert float(rows["safe"][6]) < 100.0 and float(rows["unsafe"][6]) == 100.0  # names fixed only with unsafe
