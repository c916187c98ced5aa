from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
NTREX = SHARED / "data" / "ntrex-128"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def settings():
    from mt_repair.config import Settings

    return Settings()


def ntrex_or_skip() -> Path:
    if not (NTREX / "newstest2019-ref.arb.txt").exists():
        pytest.skip("../shared/data/ntrex-128 is not present")
    return NTREX
