"""Clean text must stay clean: the project's clean examples and NTREX-128 (when present).

The NTREX test prints every warning and error raised on the 1,997 Arabic and 1,997
English lines, so that each can be read and judged. Findings read and judged to be true
defects of the corpus text (missing spaces, typos in the English originals, a name spelled
two ways) are listed in tests/data/ntrex_judged.tsv; every other finding is a false
positive, and those must stay within 0.5 per 1,000 words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mt_repair.document import Document
from mt_repair.linter import check_text, fix_text
from mt_repair.types import Severity

from conftest import EXAMPLES, ntrex_or_skip


@pytest.mark.parametrize("path", sorted((EXAMPLES / "clean").glob("*.md")), ids=lambda p: p.name)
def test_clean_examples_have_no_findings(path, settings):
    text = path.read_text(encoding="utf-8")
    found = check_text(text, settings, str(path))
    assert found == [], [(f.code, f.message) for f in found]
    assert fix_text(text, settings)[0] == text


def _corpus_findings(path: Path, settings, language: str):
    lines = path.read_text(encoding="utf-8").splitlines()
    # one document per NTREX document keeps article-level rules (TM002) meaningful
    ids = (path.parent / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[str]] = {}
    for doc_id, line in zip(ids, lines):
        docs.setdefault(doc_id.split("\t")[0], []).append(line)
    words = 0
    report = []
    for doc_id, doc_lines in docs.items():
        text = "\n".join(doc_lines) + "\n"
        words += len(Document(text).tokens)
        for f in check_text(text, settings, doc_id):
            if f.severity >= Severity.WARNING:
                line = text.count("\n", 0, f.start)
                report.append(f"{language} {doc_id} line {line + 1}: {f.code} {f.message}")
    return words, report


JUDGED = Path(__file__).parent / "data" / "ntrex_judged.tsv"


def _judged() -> set[tuple[str, ...]]:
    rows = set()
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.add(tuple(line.split("\t")[:4]))
    return rows


@pytest.mark.parametrize("name, language", [("newstest2019-ref.arb.txt", "ar"), ("newstest2019-src.eng.txt", "en")])
def test_ntrex_false_positive_budget(name, language, settings, capsys):
    root = ntrex_or_skip()
    words, report = _corpus_findings(root / name, settings, language)
    judged = _judged()
    false_pos = [r for r in report if _key(r) not in judged]
    with capsys.disabled():
        print(f"\nNTREX {language}: {len(report)} warnings+errors over {words} words = "
              f"{1000 * len(report) / words:.2f} per 1,000 words; {len(report) - len(false_pos)} judged true "
              f"defects; {len(false_pos)} false positives = {1000 * len(false_pos) / words:.2f} per 1,000 words")
        for line in report:
            print(("  FP " if line in false_pos else "  ok ") + line)
    assert 1000 * len(false_pos) / words <= 0.5
    # and no new ones: every false positive is one read and accepted (see ACCEPTED_FALSE_POSITIVES)
    assert {_key(r) for r in false_pos} <= ACCEPTED_FALSE_POSITIVES, false_pos


# False positives read and accepted for now, with why: (language, document, code, message).
# None at present (TM002's Blasey/Pelosi, «بلاسي»/«بيلوسي», went when TM002 began to
# require exactly one inserted letter).
ACCEPTED_FALSE_POSITIVES: set[tuple[str, str, str, str]] = set()


def _key(line: str) -> tuple[str, ...]:
    lang, doc, rest = line.split(" ", 2)
    code_msg = rest.split(": ", 1)[1]
    code, msg = code_msg.split(" ", 1)
    return (lang, doc, code, msg)
