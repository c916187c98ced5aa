"""House residue patterns from the config reach RS001, every kind RS001 knows included."""

from __future__ import annotations

import pytest

from mt_repair.config import ConfigError, settings_from_table
from mt_repair.linter import check_text


def test_inline_residue_pattern_from_config():
    settings = settings_from_table(
        {"select": ["RS001"], "residue-patterns": [{"kind": "inline", "pattern": r"\(ZZ Photo\)"}]}, None)
    found = check_text("The minister spoke on Monday (ZZ Photo) in the capital.\n", settings)
    assert [f.code for f in found] == ["RS001"]


def test_unknown_residue_kind_is_a_config_error():
    with pytest.raises(ConfigError, match="inline"):
        settings_from_table({"residue-patterns": [{"kind": "nowhere", "pattern": "x"}]}, None)
