"""Real MT output (../shared/data/mt-outputs) against its human reference.

Every warning the checker raises on a human reference is read and judged in
tests/data/mt_outputs_judged.tsv: a defect of the reference (`true`) or a false alarm
(`false`). The test fails on any unjudged warning, so a new rule or a broader pattern
cannot add findings on professional text unnoticed, and on more than 0.5 false alarms
per 1,000 words. The Arabic->English files are also checked as translations of their
Arabic source (pair rules), so a pair finding on the human reference is judged the same
way. System findings judged in the same file are the sample the closing notes cite;
`eval/mt_outputs.py` prints the full table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mt_repair.evaluation.mt_outputs import check_folder, judged, key

from conftest import SHARED

MT_OUTPUTS = SHARED / "data" / "mt-outputs"
JUDGED = Path(__file__).parent / "data" / "mt_outputs_judged.tsv"
FOLDERS = ("tico19-test.ara-eng", "tico19-test.eng-ara")


@pytest.fixture(scope="module")
def reports(settings):
    if not (MT_OUTPUTS / FOLDERS[0] / "systems.tsv").exists():
        pytest.skip("../shared/data/mt-outputs is not present")
    return {name: check_folder(MT_OUTPUTS / name, settings) for name in FOLDERS}


@pytest.mark.parametrize("name", FOLDERS)
def test_every_reference_warning_is_judged(name, reports, capsys):
    folder = MT_OUTPUTS / name
    ref = reports[name][0]
    verdicts = judged(JUDGED)
    warnings = ref.warnings()
    unjudged = [f for f in warnings if key(folder, ref, f) not in verdicts]
    false = [f for f in warnings if verdicts.get(key(folder, ref, f), ("",))[0] == "false"]
    with capsys.disabled():
        print(f"\n{name} reference: {len(warnings)} warnings over {ref.words} words "
              f"({ref.per_1000():.2f}/1k); false alarms {len(false)} ({ref.per_1000(false):.2f}/1k)")
        for f in unjudged:
            print(f"  UNJUDGED {name}\t{ref.name}\t{f.line}\t{f.code}\t{f.message}")
    assert not unjudged
    assert ref.per_1000(false) <= 0.5


@pytest.mark.parametrize("name", FOLDERS)
def test_weak_system_is_flagged_more_than_reference(name, reports):
    by_role = {r.role: r for r in reports[name]}
    assert by_role["reference"].per_1000() < by_role["weak"].per_1000()


@pytest.mark.parametrize("name", FOLDERS)
def test_every_judged_reference_finding_is_still_raised(name, reports):
    """A judged reference finding the checker no longer raises is stale (a rule changed):
    drop its line, so the judged file says what the checker does today."""
    folder = MT_OUTPUTS / name
    ref = reports[name][0]
    raised = {key(folder, ref, f) for f in ref.findings}
    stale = [k for k in judged(JUDGED) if k[0] == name and k[1] == ref.name and k not in raised]
    assert not stale, stale
