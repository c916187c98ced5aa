"""The artifact classes issue 9 names, one example each, with the rule that must report it.

The rule cases (tests/rule_cases) hold the pass/fail/fix cases per rule; this table keeps
one line per artifact class in view, so a change that loses a whole class fails here.
"""

from __future__ import annotations

import pytest

from mt_repair.linter import check_text

EXAMPLES = [
    ("He drank a cup, a cup, a cup, or a cup of tea before the meeting.", "RP002"),
    ("Officials said the border was closed, and the border was closed until Monday.", "RP002"),
    ("The agency (WHO) (WHO) issued new guidance on Monday.", "RP009"),
    ("The protein IFN-______________________ was measured.", "RP008"),
    ("The S-S-S-S-Coff-2 protein binds to the receptor.", "RP008"),
    ("Levels of TNFQQQ and IL-1Q rose in patients.", "SC011"),
    ("تبرع المانحون بمبلغ 250.000 دولار، أي 250 ألف دولار تقريباً.", "NU001"),
    ("أصدرت المحكمة 05 مذكرات توقيف بحق المتهمين.", "NU002"),
    ("Prices rose between 9 and 9 percent last year.", "NU003"),
    ("Based on Italy ' s experience, the ministry acted.", "PN009"),
    ("وقع الحادث في عام )٢٠٢٠( في المدينة.", "PN003"),
    ("They reached a fair deal. and lasting peace followed.", "PN008"),
    ("The minister said:The talks will resume on Monday.", "PN006"),
    ("The statement from the ministryMonday said talks would resume.", "PN010"),
    ("قال الوزير إن &#39;المحادثات&#39; مستمرة", "RS002"),
    ("قال الوزير إن النسبة & gt ؛ 90 ٪ في المدينة", "RS002"),
    ("[embed]https://example.com/video[/embed]", "RS003"),
    ("The river flooded the town.[citation needed] Residents fled.", "RS004"),
    ("This article was machine-translated from English.", "RS005"),
    ("pic.twitter.com/abc123XYZ", "RS001"),
    ("وصف المؤرخ الحملة بأنها Kulturkampf جديد في البلاد", "SC001"),
    ("اجتمع ال مجلس أمس لمناقشة الميزانية", "SC009"),
    ("ذهب الوفد إلى فی أوکرانیا أمس", "SC004"),
    ("أعلنت الشركة عن أرباح بلغت 5 ملايين دولار في 2020 ، وقالت إنها ستوسع أعمالها.", "PN001"),
    ("Patients with Coved-19 were isolated, and COVID-19 wards filled.", "TM003"),
]


@pytest.mark.parametrize("text, code", EXAMPLES, ids=[c for _, c in EXAMPLES])
def test_issue_example_is_reported_by_its_rule(text, code, settings):
    assert code in [f.code for f in check_text(text + "\n", settings)]
