"""`eval --reference` at scale: segment-level scores are sacrebleu's own, the paired test
is sacrebleu's and refuses too few segments, sentence alignment keeps text in place,
and 100 generated articles finish in seconds. Inputs are generated here."""

from __future__ import annotations

import json
import random
import time

import pytest

from mt_repair.cli import main
from mt_repair.evaluation.corpus import TextFile, segments
from mt_repair.evaluation.scores import MIN_SEGMENTS, score_segments

WORDS = ("minister talks deal round month council budget vote report city water school road court "
         "price energy market union trade border health police election weather farm plan").split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 14))]
    return "The " + " ".join(words) + "."


def _article(rng: random.Random, lines: int = 8) -> tuple[str, str]:
    """(MT-like output, clean reference): doubled words and a space before a comma the
    safe fixes undo, sometimes a residue line the reference lacks (sentence alignment)."""
    ref, out = [], []
    for _ in range(lines):
        line = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
        ref.append(line)
        words = line.split()
        k = rng.randrange(1, len(words) - 1)
        if rng.random() < 0.3:
            words.insert(k, words[k])  # `vote vote`
        elif rng.random() < 0.3:
            words[k] += " ,"
            ref[-1] = " ".join(words).replace(" ,", ",")
        out.append(" ".join(words))
    if rng.random() < 0.5:
        out.insert(rng.randrange(1, len(out)), "Share this article")
    return "\n".join(out) + "\n", "\n".join(ref) + "\n"


def _pairs(n: int, seed: int = 7):
    rng = random.Random(seed)
    return [_article(rng) for _ in range(n)]


def _triples(arts):
    return [(TextFile(f"{k}.txt", f"{k}.txt", out), out, TextFile(f"{k}.txt", f"ref/{k}.txt", ref))
            for k, (out, ref) in enumerate(arts)]


def test_segment_scores_equal_sacrebleu_on_the_same_segments():
    import sacrebleu
    from sacrebleu.metrics import CHRF, TER
    from sacrebleu.significance import PairedTest

    from mt_repair.linter import fix_text
    from mt_repair.config import Settings

    settings = Settings()
    arts = _pairs(6)
    triples = [(b, fix_text(b.text, settings)[0], r) for b, _, r in _triples(arts)]
    segs = segments(triples, "auto")
    assert "sentence" in segs.unit and len(segs.before) >= MIN_SEGMENTS
    scored = score_segments(segs.before, segs.after, segs.reference, n_samples=200)
    got = {m.name: m for m in scored.metrics}
    refs = [list(segs.reference)]
    for side, hyps in (("before", segs.before), ("after", segs.after)):
        assert getattr(got["BLEU"], side) == pytest.approx(sacrebleu.corpus_bleu(list(hyps), refs).score)
        assert getattr(got["chrF2++"], side) == pytest.approx(CHRF(word_order=2).corpus_score(list(hyps), refs).score)
        assert getattr(got["TER"], side) == pytest.approx(TER().corpus_score(list(hyps), refs).score)
    assert got["TER"].after < got["TER"].before  # the repair helps
    # the paired bootstrap is sacrebleu's: same p-values and intervals from the same seed
    sigs, res = PairedTest([("before", list(segs.before)), ("after", list(segs.after))],
                           {"BLEU": sacrebleu.BLEU(), "chrF2++": CHRF(word_order=2), "TER": TER()}, refs,
                           test_type="bs", n_samples=200)()
    for name, m in got.items():
        base, system = res[name]
        assert m.p_value == pytest.approx(system.p_value)
        assert m.after_ci == pytest.approx((system.mean - system.ci, system.mean + system.ci), abs=1e-3)
        assert m.before_ci == pytest.approx((base.mean - base.ci, base.mean + base.ci), abs=1e-3)
        assert m.signature == sigs[name].format()
    # approximate randomization: sacrebleu's trials; ties with the observed difference count too
    ar = score_segments(segs.before, segs.after, segs.reference, n_samples=200, test="ar")
    _, res_ar = PairedTest([("before", list(segs.before)), ("after", list(segs.after))],
                           {"BLEU": sacrebleu.BLEU(), "chrF2++": CHRF(word_order=2), "TER": TER()}, refs,
                           test_type="ar", n_samples=200)()
    for m in ar.metrics:
        assert m.p_value >= res_ar[m.name][1].p_value - 1e-12 and "ar:200" in m.signature


def test_randomization_counts_ties_so_three_changed_segments_are_not_significant():
    refs = [f"the council met on day {k} and approved the plan" for k in range(40)]
    before = [r.replace("approved", "approved approved") if k < 3 else r for k, r in enumerate(refs)]
    scored = score_segments(before, refs, refs, n_samples=1000, test="ar")
    assert scored.changed == 3 and scored.warning is None
    # 3 changed segments, all better: of the 8 equally likely swaps 2 are as extreme, p = 0.25
    # (sacrebleu's own count, strictly larger only, says 0.001)
    for m in scored.metrics:
        assert 0.2 < m.p_value < 0.3, m


def test_too_few_segments_warn_instead_of_a_p_value():
    before = ["the talks in in washington were useful", "the deal is not not done"]
    after = ["the talks in washington were useful", "the deal is not done"]
    scored = score_segments(before, after, after, n_samples=1000)
    assert scored.warning and "only 2 segments" in scored.warning
    assert all(m.p_value is None and m.after_ci is None for m in scored.metrics)
    many = score_segments(before * 50, after * 50, after * 50, n_samples=1000)
    assert many.warning is None and all(m.p_value is not None for m in many.metrics)
    # nothing changed: no test (sacrebleu would print p = 0.001 for identical systems)
    same = score_segments(before * 50, before * 50, after * 50, n_samples=1000)
    assert same.changed == 0 and "changed no segment" in same.warning and same.metrics[0].p_value is None


def test_two_documents_as_segments_get_the_warning_in_the_report(tmp_path):
    out, ref = tmp_path / "out", tmp_path / "ref"
    out.mkdir()
    ref.mkdir()
    for k, (o, r) in enumerate(_pairs(2)):
        (out / f"{k}.txt").write_text(o, encoding="utf-8")
        (ref / f"{k}.txt").write_text(r, encoding="utf-8")
    rc = main(["eval", "--isolated", "--no-progress", str(out), "--reference", str(ref), "--segments", "document",
               "-o", str(tmp_path / "rep")])
    assert rc == 0
    scores = json.loads((tmp_path / "rep" / "report.json").read_text(encoding="utf-8"))["runs"][0]["scores"]
    assert scores["segments"] == 2 and scores["unit"] == "document"
    assert all(m["p_value"] is None for m in scores["metrics"]) and "only 2 segments" in scores["warning"]
    assert "**Warning:** only 2 segments" in (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")


def test_sentence_alignment_keeps_repaired_text_in_its_segment():
    before = "The talks were useful.The deal is done.\nShare this article\nA new round will follow next month.\n"
    reference = "The talks were useful. The deal is done.\nA new round will follow next month.\n"
    after = "The talks were useful. The deal is done.\nA new round will follow next month.\n"
    segs = segments([(TextFile("a", "a", before), after, TextFile("a", "r", reference))], "auto")
    assert segs.unit == "sentence"
    assert " ".join(segs.after) == " ".join(segs.reference)
    assert segs.after == segs.reference  # no segment got its neighbour's words
    assert "Share this article" in " ".join(segs.before) and "" not in segs.reference


def test_progress_lines_for_every_phase_when_forced(tmp_path, capsys):
    out, ref = tmp_path / "out", tmp_path / "ref"
    out.mkdir()
    ref.mkdir()
    for k, (o, r) in enumerate(_pairs(3)):
        (out / f"{k}.txt").write_text(o, encoding="utf-8")
        (ref / f"{k}.txt").write_text(r, encoding="utf-8")
    rc = main(["eval", "--isolated", "--progress", "--bootstrap", "100", str(out), "--reference", str(ref),
               "-o", str(tmp_path / "rep")])
    err = capsys.readouterr().err
    assert rc == 0
    for phase in ("loading", "check and repair", "aligning segments", "scoring segments", "significance",
                  "writing reports"):
        assert f"mt-repair eval: {phase}" in err and err.count(f"mt-repair eval: {phase}") >= 2, phase
    main(["eval", "--isolated", str(out), "--reference", str(ref), "-o", str(tmp_path / "rep2")])
    assert "mt-repair eval:" not in capsys.readouterr().err  # not a terminal, not forced: quiet


def test_a_hundred_articles_finish_in_seconds(tmp_path):
    out, ref = tmp_path / "out", tmp_path / "ref"
    out.mkdir()
    ref.mkdir()
    for k, (o, r) in enumerate(_pairs(100, seed=11)):
        (out / f"{k:03d}.txt").write_text(o, encoding="utf-8")
        (ref / f"{k:03d}.txt").write_text(r, encoding="utf-8")
    t = time.process_time()
    rc = main(["eval", "--isolated", "--no-progress", str(out), "--reference", str(ref), "-o", str(tmp_path / "rep")])
    took = time.process_time() - t
    assert rc == 0
    assert took < 60, f"100 articles took {took:.1f} s of CPU (about 2 s expected)"  # does not hang, 30x slack
    scores = json.loads((tmp_path / "rep" / "report.json").read_text(encoding="utf-8"))["runs"][0]["scores"]
    assert scores["unit"] == "line and sentence" and scores["segments"] >= 800 and scores["warning"] is None
    assert scores["changed_segments"] > 50


def test_a_duplicated_sentence_joins_its_copy_whichever_copy_the_repair_keeps():
    before = ("Breaking news\nThe council approved the budget on Monday.\nThe council approved the budget on Monday.\n"
              "Voters will decide in May.\n")
    reference = "Latest news\nThe council approved the budget on Monday.\nVoters will decide in May.\n"
    after = "Breaking news\nThe council approved the budget on Monday.\nVoters will decide in May.\n"
    segs = segments([(TextFile("a", "a", before), after, TextFile("a", "r", reference))], "auto")
    assert segs.unit == "sentence" and len(segs.before) == 3
    budget = "The council approved the budget on Monday."
    assert segs.before[1] == f"{budget} {budget}" and segs.after[1] == segs.reference[1] == budget
