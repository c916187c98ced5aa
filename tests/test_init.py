"""`mt-repair init`: scaffolds a config and an empty house glossary, never overwriting."""

from __future__ import annotations

import re
from pathlib import Path

from mt_repair.cli import main
from mt_repair.config import load_settings
from mt_repair.glossary import read_glossary

ROOT = Path(__file__).resolve().parent.parent


def test_init_creates_a_working_config_and_glossary(tmp_path, monkeypatch, capsys):
    assert main(["init", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"created  {tmp_path / '.mt-repair.toml'}" in out and f"created  {tmp_path / 'glossary.tsv'}" in out
    settings = load_settings(tmp_path / ".mt-repair.toml")
    assert settings.glossaries == (tmp_path / "glossary.tsv",)
    assert read_glossary(tmp_path / "glossary.tsv") == []
    assert len(settings.glossary.entries) > 400  # the shipped house glossary is still in use

    article = tmp_path / "news" / "a.md"
    article.parent.mkdir()
    article.write_text("قال الرئيس ، وأضاف\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--output-format", "concise", "news"]) == 1  # the scaffolded config is valid
    assert "PN001" in capsys.readouterr().out


def test_glossary_header_is_the_documented_one(tmp_path):
    main(["init", str(tmp_path)])
    doc = (ROOT / "glossaries" / "README.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `(\w+)` \|", doc, flags=re.M)
    header = [line for line in (tmp_path / "glossary.tsv").read_text(encoding="utf-8").splitlines()
              if not line.startswith("#")]
    assert header == ["\t".join(documented)] and len(documented) == 8


def test_init_never_overwrites(tmp_path, capsys):
    (tmp_path / ".mt-repair.toml").write_text('ignore = ["TM002"]\n', encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"skipped  {tmp_path / '.mt-repair.toml'}  (exists; left as it is)" in out
    assert (tmp_path / ".mt-repair.toml").read_text(encoding="utf-8") == 'ignore = ["TM002"]\n'
    assert "add `glossaries = [\"glossary.tsv\"]` to your config" in out  # the config does not list it

    glossary = (tmp_path / "glossary.tsv").read_bytes() + "person\tأحمد\t\tAhmed\n".encode()
    (tmp_path / "glossary.tsv").write_bytes(glossary)
    assert main(["init", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("skipped  ") == 2 and "created" not in out
    assert (tmp_path / "glossary.tsv").read_bytes() == glossary


def test_config_in_pyproject_counts_as_existing(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.mt-repair]\nignore = ["TM002"]\n', encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert not (tmp_path / ".mt-repair.toml").exists()  # it would take the place of pyproject's table
    assert "already has [tool.mt-repair]" in out


def test_unrelated_pyproject_gets_a_config(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "desk"\n', encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 0
    assert (tmp_path / ".mt-repair.toml").is_file()
