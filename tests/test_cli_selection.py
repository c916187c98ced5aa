"""Rule selection precedence, as ruff resolves it (config.resolve_rules), end to end.

Layers, first to last: a config (the root of an `extend` chain), each extending config,
the command line. A layer with `select` replaces what the layers before it left; one
without edits it. Inside a layer, more specific selectors beat less specific ones (ALL <
`P` < `PN`/category < `PN0` < `PN00` < code/name), and at equal specificity `ignore`
beats `select`. per-file-ignores and inline pragmas apply last, whatever was selected.
"""

from __future__ import annotations

import pytest

from mt_repair.cli import main
from mt_repair.config import RuleSelection, Settings, resolve_rules, settings_from_table
from mt_repair.pairs import PAIR_RULES

# RP001 and PN001 under the defaults, nothing else
ARTICLE = "The minister said said that the talks failed .\n"
BOTH = {"RP001", "PN001"}


def run(tmp_path, monkeypatch, capsys, files: dict[str, str], *argv: str) -> set[str]:
    monkeypatch.chdir(tmp_path)
    for name, text in {"a.md": ARTICLE, **files}.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    capsys.readouterr()
    code = main(["check", "--output-format", "json", "--no-hunspell", "--exit-zero", *argv,
                 "news/a.md" if "news/a.md" in files else "a.md"])
    out, err = capsys.readouterr()
    assert code == 0, err
    import json

    return {f["code"] for f in json.loads(out)}


# (config, command line, codes reported on ARTICLE)
TABLE = [
    ("", [], BOTH),
    ('ignore = ["RP001"]', [], {"PN001"}),
    # the command line wins over the config
    ('ignore = ["RP001"]', ["--extend-select", "RP001"], BOTH),
    ('ignore = ["RP"]', ["--extend-select", "RP001"], BOTH),
    ('ignore = ["repetition"]', ["--extend-select", "RP"], BOTH),
    ('select = ["PN"]', ["--extend-select", "RP001"], BOTH),
    ('select = ["PN"]', ["--select", "RP"], {"RP001"}),
    ('ignore = ["RP001"]', ["--select", "ALL"], BOTH),  # --select replaces the config's ignore too
    ('ignore = ["PN001"]', ["--ignore", "RP001"], set()),  # ignores add up
    ('ignore = ["PN001"]', ["--extend-ignore", "RP001"], set()),
    ('extend-ignore = ["PN001"]', [], {"RP001"}),
    # `select = []` with an ignore carries the ignore into the next layer (ruff)
    ('select = []\nignore = ["RP001"]', ["--select", "ALL"], {"PN001"}),
    ('select = []', ["--extend-select", "PN"], {"PN001"}),
    # within one layer: the more specific selector wins, ignore wins a tie
    ("", ["--select", "RP001", "--ignore", "RP"], {"RP001"}),
    ("", ["--select", "RP", "--ignore", "RP001"], set()),
    ("", ["--select", "RP001", "--ignore", "RP001"], set()),
    ("", ["--select", "RP0", "--ignore", "RP00"], set()),
    ("", ["--select", "RP00", "--ignore", "RP0"], {"RP001"}),
    ("", ["--select", "ALL", "--ignore", "punctuation"], {"RP001"}),
    ("", ["--select", "repetition,PN001", "--ignore", "P"], BOTH),  # `P` is less specific than both
    ("", ["--select", "P", "--ignore", "ALL"], {"PN001"}),
    ('select = ["RP001"]\nignore = ["RP"]', [], {"RP001"}),
    ("", ["--select", "word-stutter"], set()),
    ("", ["--select", "ALL", "--ignore", "repeated-word"], {"PN001"}),
    # per-file-ignores and pragmas apply last: the command line does not undo them
    ('[per-file-ignores]\n"a.md" = ["RP001"]', ["--select", "RP001"], set()),
    ('[per-file-ignores]\n"a.md" = ["RP001"]', ["--extend-select", "RP001"], {"PN001"}),
    ('[per-file-ignores]\n"*.md" = ["repetition"]', [], {"PN001"}),
]


@pytest.mark.parametrize("config, argv, expected", TABLE)
def test_precedence_table(tmp_path, monkeypatch, capsys, config, argv, expected):
    files = {".mt-repair.toml": config + "\n"} if config else {}
    assert run(tmp_path, monkeypatch, capsys, files, *argv) == expected


@pytest.mark.parametrize("parent, child, argv, expected", [
    ('ignore = ["RP001"]', 'extend-select = ["RP001"]', [], BOTH),  # a child re-enables
    ('ignore = ["RP001"]', 'ignore = ["PN001"]', [], set()),  # a child's ignore adds to the parent's
    ('ignore = ["RP001"]', 'select = ["ALL"]', [], BOTH),  # a child's select replaces it all
    ('select = ["PN"]', 'extend-select = ["RP"]', [], BOTH),
    ('ignore = ["RP001"]', "", ["--extend-select", "RP001"], BOTH),  # the CLI is the last layer
    ('ignore = ["RP001"]', 'extend-select = ["RP001"]', ["--ignore", "RP"], {"PN001"}),
    # a child's per-file-ignores replace the parent's; extend-per-file-ignores add to them (ruff)
    ('[per-file-ignores]\n"*.md" = ["RP001"]', '[per-file-ignores]\n"*.md" = ["PN001"]', [], {"RP001"}),
    ('[per-file-ignores]\n"*.md" = ["RP001"]', '[extend-per-file-ignores]\n"*.md" = ["PN001"]', [], set()),
    ('', '[per-file-ignores]\n"*.md" = ["RP001"]\n[extend-per-file-ignores]\n"*.md" = ["PN001"]', [], set()),
])
def test_extend_chain_layers(tmp_path, monkeypatch, capsys, parent, child, argv, expected):
    files = {"base/.mt-repair.toml": parent + "\n",
             "news/.mt-repair.toml": 'extend = "../base/.mt-repair.toml"\n' + child + "\n", "news/a.md": ARTICLE}
    assert run(tmp_path, monkeypatch, capsys, files, *argv) == expected


def test_pragma_beats_the_command_line(tmp_path, monkeypatch, capsys):
    files = {"a.md": "The minister said said that the talks failed . <!-- mt-repair: ignore[RP001] -->\n"}
    assert run(tmp_path, monkeypatch, capsys, files, "--select", "RP001") == set()
    assert run(tmp_path, monkeypatch, capsys, files, "--extend-select", "RP001") == {"PN001"}


def pair_codes(*layers: RuleSelection) -> set[str]:
    return {r.code for r in Settings(selections=layers).rules_among(PAIR_RULES)}


def test_opt_in_rules_only_by_code_or_name():
    assert "PR008" not in pair_codes()  # ALL
    assert "PR008" not in pair_codes(RuleSelection(("PR",)))
    assert "PR008" not in pair_codes(RuleSelection(("pair",)))
    assert "PR008" in pair_codes(RuleSelection(None, ("PR008",)))
    assert "PR008" in pair_codes(RuleSelection(("pair-detached",)))
    assert "PR008" in pair_codes(RuleSelection(None, ("PR008",), ("PR",)))  # the code beats the prefix
    assert "PR008" not in pair_codes(RuleSelection(None, ("PR008",)), RuleSelection(None, (), ("PR",)))


def test_pair_rules_follow_the_same_layers():
    s = settings_from_table({"ignore": ["pair"]}, None)
    assert not s.rules_among(PAIR_RULES)
    s.selections = (RuleSelection(None, ("PR002",), ()),)
    assert [r.code for r in s.rules_among(PAIR_RULES)] == ["PR002"]


def test_resolution_is_independent_of_selector_order():
    rules = Settings().rules
    a = resolve_rules(rules, (RuleSelection(("RP001", "ALL"), (), ("RP", "PN001")),))
    b = resolve_rules(rules, (RuleSelection(("ALL", "RP001"), (), ("PN001", "RP")),))
    assert a == b and "RP001" in {r.code for r in a} and "RP002" not in {r.code for r in a}


def test_help_documents_the_precedence(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for phrase in ("command line wins", "more specific", "per-file-ignores", "--extend-select"):
        assert phrase in text, phrase
