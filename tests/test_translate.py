"""`mt-repair translate`: segmenting, terms, the pipeline, and a tiny Marian model.

The model tests build a Marian model with random weights inside the test session
(SentencePiece trained on the fixture text, saved with save_pretrained) and load it
through the real loading code. Its output is noise; glossary enforcement must still put
every protected term in it. They are skipped where torch/transformers are not installed
(`pip install -e ".[dev]"` alone); `make test` installs them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mt_repair.translate.command import default_output, default_pairs
from mt_repair.translate.model import Output
from mt_repair.translate.pipeline import translate_text
from mt_repair.translate.segment import split_article, split_sentences
from mt_repair.translate.terms import TermIndex, ensure_terms, inject

from conftest import EXAMPLES, ROOT

DATA = ROOT / "tests" / "data" / "translate"
ARTICLE = DATA / "article.ar.md"


# -- segmenting --------------------------------------------------------------------------
@pytest.mark.parametrize("path", [ARTICLE, *sorted((EXAMPLES / "clean").glob("*.ar.md")),
                                  *sorted((EXAMPLES / "artifacts").glob("*.md"))], ids=lambda p: p.name)
def test_layout_renders_the_input_back_exactly(path):
    text = path.read_text(encoding="utf-8")
    layout = split_article(text)
    assert layout.render(layout.sources) == text
    assert all(text[s.start:s.end] == s.text for s in layout.segments)


def test_markdown_structure_is_literal():
    text = ARTICLE.read_text(encoding="utf-8")
    layout = split_article(text)
    out = layout.render([f"<{s.index}>" for s in layout.segments])
    assert out.splitlines()[:12] == [
        "# <0>", "", "<1> <2>", "", "## <3>", "", "- <4>", "- <5>", "", "> <6>", "",
        "<!-- mt-repair: ignore[TM002] -->"]
    assert "```\nلا يترجم هذا\n```" in out  # fenced code is never translated
    assert out.count("\n") == text.count("\n")
    assert [s.heading for s in layout.segments[:4]] == [True, False, False, True]


@pytest.mark.parametrize("text, expected", [
    ("قال إن 3.5 مليون نزحوا. وأضاف أن الوضع صعب؟ نعم!", ["قال إن 3.5 مليون نزحوا.", "وأضاف أن الوضع صعب؟", "نعم!"]),
    ("قال د. أحمد إن U.S. officials agree. ثم غادر.", ["قال د. أحمد إن U.S. officials agree.", "ثم غادر."]),
    ("قال: «انتهى الأمر.» ثم غادر", ["قال: «انتهى الأمر.»", "ثم غادر"]),
])
def test_sentence_splitting(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


# -- terms -------------------------------------------------------------------------------
def test_terms_through_clitics_variants_and_verbatim(settings):
    index = TermIndex(settings.glossary)
    text = "التقى وبلينكن أنتوني بلنكن ورئيس الوفد على YouTube في https://example.org/a."
    terms = index.find(text)
    assert [(t.source, t.target, t.kind) for t in terms] == [
        ("بلينكن", "Blinken", "glossary"), ("أنتوني بلنكن", "Antony Blinken", "glossary"),
        ("YouTube", "YouTube", "verbatim"), ("https://example.org/a", "https://example.org/a", "verbatim")]
    assert inject(text, terms) == "التقى و Blinken Antony Blinken ورئيس الوفد على YouTube في https://example.org/a."
    assert inject(text, terms, can_spell=lambda s: False) == text


def test_terms_after_assimilated_article(settings):
    # ل + الأمم is written للأمم: the name is still found and protected
    index = TermIndex(settings.glossary)
    terms = index.find("وجه رسالة للأمم المتحدة أمس")
    assert [(t.source, t.target) for t in terms] == [("أمم المتحدة", "United Nations")]


def test_ensure_terms_present_corrected_inserted(settings):
    index = TermIndex(settings.glossary)
    source = "التقى سيرغي لافروف نظيره في جنيف."
    terms = index.find(source)
    assert [t.target for t in terms] == ["Sergey Lavrov", "Geneva"]
    out, st = ensure_terms("Sergei Lavrov met his counterpart in Geneva.", source, terms)
    assert (out, st) == ("Sergey Lavrov met his counterpart in Geneva.", ["corrected", "present"])
    out, st = ensure_terms("He met his counterpart.", source, terms)
    assert st == ["inserted", "inserted"] and "Sergey Lavrov" in out and out.endswith("Geneva.")
    assert ensure_terms("", source, terms)[0].startswith("Sergey Lavrov")


# -- the pipeline with a stand-in model ----------------------------------------------------
class Echo:
    """A translator that returns a fixed English sentence: enough to test the plumbing."""

    def __init__(self, reply="the the talks went on ."):
        self.reply = reply
        self.calls = []

    def translate(self, sources, terms, **kw):
        self.calls.append((sources, terms, kw))
        return [Output(self.reply) for _ in sources]


def test_pipeline_repairs_enforces_and_keeps_structure(settings):
    echo = Echo()
    result = translate_text(ARTICLE.read_text(encoding="utf-8"), settings, echo, batch_size=3, num_beams=2)
    assert " ،" not in result.source and result.source_fixes >= 1  # safe source repair first
    assert echo.calls[0][2]["batch_size"] == 3 and echo.calls[0][2]["num_beams"] == 2
    lines = result.english.splitlines()
    assert lines[0].startswith("# ") and lines[4].startswith("## ") and lines[6].startswith("- ")
    assert lines[9].startswith("> ") and "```\nلا يترجم هذا\n```" in result.english
    assert "the the" not in result.english and result.target_fixes >= 1  # English-side safe fixes
    assert result.term_rate() == 1.0
    rec = result.records[1]
    assert rec.model == echo.reply and rec.target in result.english
    assert {t["en"] for t in rec.terms} >= {"Antony Blinken", "Sergey Lavrov", "Geneva"}
    assert all(t["status"] in ("inserted", "corrected") for t in rec.terms)
    # the article is exactly the join of the records, each on its line
    for r in result.records:
        assert r.target in result.english.splitlines()[r.target_line - 1]
    assert "https://example.org/news" in result.english and "code_x" in result.english


def test_default_output_names():
    assert default_output("a/x.ar.md") == "a/x.en.md"
    assert default_output("x.md") == "x.en.md"
    assert default_pairs("a/x.en.md") == "a/x.pairs.jsonl"


# -- the tiny Marian model ------------------------------------------------------------------
@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, settings):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("sentencepiece")
    from mt_repair.translate.testing import build_marian

    ar = (DATA / "news.ar.txt").read_text(encoding="utf-8").splitlines()
    en = (DATA / "news.en.txt").read_text(encoding="utf-8").splitlines()
    names = [e.en for e in settings.glossary.entries]
    # the source side also learns the Latin names, so that injection is exercised
    return build_marian(tmp_path_factory.mktemp("tiny-marian"), ar + [e.ar for e in settings.glossary.entries]
                        + names, en + names)


@pytest.fixture(scope="session")
def translator(tiny_model):
    from mt_repair.translate.model import load_translator

    return load_translator(str(tiny_model), device="cpu", threads=1)  # steadier on a shared 2-core box


def test_tiny_model_loads_through_the_real_code(translator):
    assert translator.family == "marian" and translator.device == "cpu"
    assert translator.forced_bos_token_id is None
    assert translator.can_spell("Antony Blinken")


def test_every_protected_term_comes_out_of_a_random_model(translator, settings, capsys):
    """The closing-note measure: term success over the 55-sentence fixture."""
    text = (DATA / "news.ar.txt").read_text(encoding="utf-8")
    result = translate_text(text, settings, translator, batch_size=16, num_beams=2, repair=False)
    n = len(result.records)
    assert n == 55 and result.term_count >= 100
    statuses = result.statuses()
    with capsys.disabled():
        print(f"\ntiny Marian: {result.term_count} terms in {n} sentences; in the model's output "
              f"{100 * result.term_rate('model'):.1f}%, in the English {100 * result.term_rate():.1f}% "
              f"({statuses}); {n / translator.seconds:.1f} sentences/s generating on CPU")
    assert result.term_rate() == 1.0
    # the logits processor, not post-editing, put them there
    assert result.term_rate("model") == 1.0 and set(statuses) <= {"model", "forced"}
    for r in result.records:
        assert all(t["en"] in r.target for t in r.terms)
        assert any(t["en"] in r.model_input for t in r.terms if t["kind"] == "glossary") or not r.terms


def test_batching_does_not_change_the_output(translator):
    sources = (DATA / "news.ar.txt").read_text(encoding="utf-8").splitlines()[:6]
    terms = [[] for _ in sources]
    one = translator.translate(sources, terms, batch_size=1, num_beams=1)
    many = translator.translate(sources, terms, batch_size=4, num_beams=1)
    assert [o.text for o in one] == [o.text for o in many]
    assert all(o.text for o in one)


def test_greedy_and_beam_search_both_enforce_terms(translator):
    sources = ["التقى أنتوني بلينكن نظيره في جنيف."]
    for beams in (1, 3):
        out = translator.translate(sources, [["Antony Blinken", "Geneva"]], num_beams=beams, max_length=16)
        assert "Antony Blinken" in out[0].text and "Geneva" in out[0].text


def test_missing_model_fails_fast_with_instructions(tmp_path, monkeypatch):
    pytest.importorskip("transformers")
    from mt_repair.translate.model import ModelUnavailable, load_translator

    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty cache
    with pytest.raises(ModelUnavailable) as err:
        load_translator("Helsinki-NLP/opus-mt-ar-en", device="cpu")
    assert "hf download Helsinki-NLP/opus-mt-ar-en" in str(err.value) and "--model" in str(err.value)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelUnavailable, match="config.json is missing"):
        load_translator(str(tmp_path / "empty"), device="cpu")


def _cli(*args, cwd, env=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT), HF_HOME=str(Path(cwd) / "hf"), **(env or {}))
    # a hang guard, not a timing assertion: nothing here may wait on a network
    return subprocess.run([sys.executable, "-m", "mt_repair", *args], capture_output=True, cwd=cwd, env=env,
                          timeout=300)


def test_cli_without_the_model_says_how_to_get_it(tmp_path):
    pytest.importorskip("transformers")
    (tmp_path / "x.ar.md").write_text("قال الوزير إن المحادثات مستمرة.\n", encoding="utf-8")
    r = _cli("translate", "x.ar.md", cwd=tmp_path)
    assert r.returncode == 2
    assert b"not available on this machine" in r.stderr and b"hf download" in r.stderr
    assert not (tmp_path / "x.en.md").exists()


def test_cli_translates_an_article(tmp_path, tiny_model):
    article = tmp_path / "talks.ar.md"
    article.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    r = _cli("translate", "talks.ar.md", "--model", str(tiny_model), "--num-beams", "2", "--batch-size", "4",
             "--isolated", "--threads", "1", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    english = (tmp_path / "talks.en.md").read_text(encoding="utf-8")
    records = [json.loads(line) for line in (tmp_path / "talks.pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(split_article(article.read_text(encoding="utf-8")).segments)
    assert english.startswith("# ") and "\n## " in english and "\n- " in english
    assert {"id", "line", "source", "model_input", "model", "target", "target_line", "terms"} <= set(records[0])
    for rec in records:
        assert rec["target"] in english
        assert all(t["en"] in rec["target"] for t in rec["terms"])
    err = r.stderr.decode()
    assert "100% in the English" in err and "wrote talks.en.md and talks.pairs.jsonl" in err
    # never overwrites without --force; `-o -` writes to stdout and no pair file
    again = _cli("translate", "talks.ar.md", "--model", str(tiny_model), "--threads", "1", cwd=tmp_path)
    assert again.returncode == 2 and b"--force" in again.stderr
    out = _cli("translate", "talks.ar.md", "-o", "-", "--model", str(tiny_model), "-q", "--num-beams", "1",
               "--threads", "1", cwd=tmp_path)
    assert out.returncode == 0 and out.stdout.decode().startswith("# ") and out.stderr == b""


def test_translate_is_the_only_command_that_imports_torch(tmp_path):
    code = ("import sys, mt_repair.cli as c; c.main(['rule','--all']); c.main(['translate','--help'])")
    r = subprocess.run([sys.executable, "-c", code + "\n"], capture_output=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert b"mt-repair translate" in r.stdout  # --help exits through SystemExit after printing
    probe = ("import sys, mt_repair.cli as c\ntry:\n    c.main(['translate','--help'])\nexcept SystemExit:\n    pass\n"
             "print([m for m in ('torch','transformers','sentencepiece') if m in sys.modules])")
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.stdout.strip().endswith(b"[]"), r.stdout + r.stderr


def test_eval_scores_translate_output_before_and_after_repair(tmp_path, tiny_model, capsys):
    """`translate --raw` keeps the model's own article; `mt-repair eval` scores it and the
    repaired one against the fixture's reference translation."""
    pytest.importorskip("sacrebleu")
    pytest.importorskip("mt_repair.evaluation.cli")
    from mt_repair.cli import main

    for d in ("before", "after", "ref"):
        (tmp_path / d).mkdir()
    (tmp_path / "ref" / "news.txt").write_text((DATA / "news.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    src = tmp_path / "news.ar.txt"
    src.write_text((DATA / "news.ar.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["translate", str(src), "-o", str(tmp_path / "after" / "news.txt"), "--raw",
                 str(tmp_path / "before" / "news.txt"), "--model", str(tiny_model), "--threads", "1",
                 "--num-beams", "1", "--isolated", "-q"]) == 0
    before = (tmp_path / "before" / "news.txt").read_text(encoding="utf-8")
    after = (tmp_path / "after" / "news.txt").read_text(encoding="utf-8")
    assert len(before.splitlines()) == len(after.splitlines()) == 55 and before != after
    capsys.readouterr()
    code = main(["eval", str(tmp_path / "before"), "--after", str(tmp_path / "after"), "--reference",
                 str(tmp_path / "ref"), "--isolated", "--format", "md", "-o", str(tmp_path / "report"),
                 "--no-progress", "--bootstrap", "100"])
    assert code == 0 and (tmp_path / "report" / "report.md").exists()
    assert "chrF" in capsys.readouterr().out


def test_m2m100_family_forces_the_english_language_token(tmp_path_factory, settings):
    """An M2M100 checkpoint (random, tiny) loads through the same code: source language
    `ar`, the `__en__` token forced first, and the terms enforced after it."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("sentencepiece")
    from mt_repair.translate.model import load_translator
    from mt_repair.translate.testing import build_m2m100

    ar = (DATA / "news.ar.txt").read_text(encoding="utf-8").splitlines()
    en = (DATA / "news.en.txt").read_text(encoding="utf-8").splitlines()
    folder = build_m2m100(tmp_path_factory.mktemp("tiny-m2m"), ar + [e.ar for e in settings.glossary.entries],
                          en + [e.en for e in settings.glossary.entries])
    tr = load_translator(str(folder), device="cpu", threads=1)
    assert tr.family == "m2m100" and tr.tokenizer.src_lang == "ar"
    assert tr.tokenizer.convert_ids_to_tokens(tr.forced_bos_token_id) == "__en__"
    result = translate_text("\n".join(ar[:8]), settings, tr, num_beams=2, repair=False)
    assert result.term_rate("model") == 1.0
    assert not any(r.model.startswith("__en__") for r in result.records)
    with pytest.raises(Exception, match="no language code"):
        load_translator(str(folder), device="cpu", tgt_lang="xx")
