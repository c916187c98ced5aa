"""Data-driven rule cases: tests/rule_cases/CODE.toml, one [[case]] per example.

A `pass` case must raise nothing from that rule. A `fail` case must raise at least one
finding from it; with `fix`, fixing (safe fixes, or unsafe too with `unsafe = true`)
must give exactly `fix`, and the fixed text must pass the rule. A `fail` case without
`fix` must come back unchanged from the safe fixer.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from mt_repair.config import Settings
from mt_repair.linter import check_text, fix_text
from mt_repair.rules import ALL_RULES
from mt_repair.types import Applicability, replace

CASES = Path(__file__).parent / "rule_cases"


def _cases():
    for rule in ALL_RULES:
        path = CASES / f"{rule.code}.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {"case": []}
        for i, case in enumerate(data["case"]):
            kind = "pass" if "pass" in case else "fail"
            yield pytest.param(rule.code, case, id=f"{rule.code}-{i}-{kind}")


def test_every_rule_has_cases():
    missing = [r.code for r in ALL_RULES if not (CASES / f"{r.code}.toml").exists()]
    assert not missing
    for r in ALL_RULES:
        data = tomllib.loads((CASES / f"{r.code}.toml").read_text(encoding="utf-8"))
        kinds = {("pass" if "pass" in c else "fail") for c in data["case"]}
        assert kinds == {"pass", "fail"}, f"{r.code} needs both pass and fail cases"


@pytest.mark.parametrize("code, case", list(_cases()))
def test_rule_case(code, case):
    settings = replace(Settings(), select=(code,))
    if "pass" in case:
        found = check_text(case["pass"], settings)
        assert found == [], [f.message for f in found]
        return
    text = case["fail"]
    found = check_text(text, settings)
    assert found, f"{code} found nothing in {text!r}"
    assert all(f.code == code for f in found)
    assert all(0 <= f.start <= f.end <= len(text) for f in found)
    minimum = Applicability.UNSAFE if case.get("unsafe") else Applicability.SAFE
    fixed, _ = fix_text(text, settings, minimum=minimum)
    if "fix" in case:
        assert fixed == case["fix"]
        assert check_text(fixed, settings) == [] or code in ("SC001", "RS001", "SC002")
        again, n = fix_text(fixed, settings, minimum=minimum)
        assert again == fixed and n == 0  # fixing twice equals fixing once
    else:
        assert fix_text(text, settings)[0] == text
