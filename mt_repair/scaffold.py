"""`mt-repair init`: a starting config and an empty house glossary for an editorial repo.

Never overwrites: a file that exists is left as it is and reported as skipped, and a
config in pyproject.toml (`[tool.mt-repair]`) counts as an existing config, since a new
.mt-repair.toml next to it would silently take its place.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from mt_repair.glossary import COLUMNS

CONFIG_NAME = ".mt-repair.toml"
GLOSSARY_NAME = "glossary.tsv"

CONFIG_TEMPLATE = f"""\
# mt-repair settings for this repository (all keys: see mt-repair's README, "Configuration").
# Made by `mt-repair init`; edit freely.

select = ["ALL"]          # codes (PN001), prefixes (PN), rule names or categories
ignore = []
fail-on = "warning"       # error | warning | info: the lowest severity that fails a check

# Pair checks: of X.ar.md beside X.en.md, which one is the source ("ar": English
# translations of Arabic articles; "en": Arabic translations of English wires).
source-language = "ar"

# The newsroom's own names and spellings, added to the shipped house glossary.
# Format: tab-separated, header row first; see glossaries/README.md in mt-repair.
glossaries = ["{GLOSSARY_NAME}"]

# Words never reported as English, handles or non-words (brands, outlets, acronyms).
allow = []

# Which files are articles. Globs as in .gitignore, relative to this folder: a bare name
# (`drafts`) matches at any depth, `archive/2019` or `archive/*` only here. README,
# LICENSE, CHANGELOG... are excluded by default; `exclude` would replace that list.
# Files ignored by git and hidden folders are skipped (respect-gitignore = false: not).
# The pre-commit hooks match *.md *.markdown *.txt *.text; if you change `include`,
# set `files:` on the hooks in .pre-commit-config.yaml to match.
include = ["*.md", "*.markdown", "*.txt", "*.text"]
extend-exclude = []

# Change a rule's severity, or ignore rules for some paths:
# [severity]
# PN003 = "info"
# [per-file-ignores]
# "archive/*" = ["residue"]
"""

GLOSSARY_TEMPLATE = (
    "# House glossary: names and terms as this newsroom writes them.\n"
    "# One entity per line, tab-separated; `|` separates variants. Columns are explained in\n"
    "# glossaries/README.md of mt-repair; `type` is person, place, org, outlet, title or term.\n"
    + "\t".join(COLUMNS) + "\n"
)


@dataclass(frozen=True)
class Step:
    path: Path
    created: bool
    why: str


def _config_in_pyproject(folder: Path) -> bool:
    p = folder / "pyproject.toml"
    try:
        return "mt-repair" in tomllib.loads(p.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _create(path: Path, text: str) -> bool:
    """Write `text` to a new file; False when it already exists (never overwritten)."""
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as fh:  # "x": fail if it exists
            fh.write(text)
    except FileExistsError:
        return False
    return True


def init(folder: Path) -> list[Step]:
    """Create the config and the glossary in `folder` where they do not exist yet."""
    folder.mkdir(parents=True, exist_ok=True)
    steps = []
    config = folder / CONFIG_NAME
    if _config_in_pyproject(folder):
        steps.append(Step(folder / "pyproject.toml", False, "already has [tool.mt-repair]; left as it is"))
    elif _create(config, CONFIG_TEMPLATE):
        steps.append(Step(config, True, "settings, with the glossary below listed in `glossaries`"))
    else:
        steps.append(Step(config, False, "exists; left as it is"))
    glossary = folder / GLOSSARY_NAME
    if _create(glossary, GLOSSARY_TEMPLATE):
        hint = "empty house glossary (header row only)"
        if not steps[0].created:
            hint += f"; add `glossaries = [\"{GLOSSARY_NAME}\"]` to your config to use it"
        steps.append(Step(glossary, True, hint))
    else:
        steps.append(Step(glossary, False, "exists; left as it is"))
    return steps
