"""sacrebleu scores before and after a repair, with the paired bootstrap test.

sacrebleu (and numpy) are imported inside the functions: importing this module is free,
and the checker never loads them. The bootstrap is sacrebleu's own
(`sacrebleu.significance.PairedTest`, test type `bs`): it resamples segment statistics,
so the confidence intervals and p-values are the ones `sacrebleu --paired-bs` prints.
Its seed is sacrebleu's (`SACREBLEU_SEED`, default 12345) and appears in the signature.
"""

from __future__ import annotations

from dataclasses import dataclass

METRIC_NAMES = ("BLEU", "chrF2++", "TER")
HIGHER_IS_BETTER = {"BLEU": True, "chrF2++": True, "TER": False}


@dataclass(frozen=True)
class MetricResult:
    name: str
    before: float
    after: float
    signature: str
    p_value: float | None = None  # paired bootstrap, after vs before
    before_ci: tuple[float, float] | None = None  # 95% interval of the bootstrap mean
    after_ci: tuple[float, float] | None = None

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def improved(self) -> bool:
        return self.delta > 0 if HIGHER_IS_BETTER[self.name] else self.delta < 0

    def as_dict(self) -> dict:
        return {"name": self.name, "before": round(self.before, 4), "after": round(self.after, 4),
                "delta": round(self.delta, 4), "higher_is_better": HIGHER_IS_BETTER[self.name],
                "p_value": None if self.p_value is None else round(self.p_value, 6),
                "before_ci95": _r(self.before_ci), "after_ci95": _r(self.after_ci),
                "signature": self.signature}


def _r(ci):
    return None if ci is None else [round(ci[0], 4), round(ci[1], 4)]


def _metrics(tokenize: str | None = None):
    from sacrebleu.metrics import BLEU, CHRF, TER

    bleu = BLEU(tokenize=tokenize) if tokenize else BLEU()
    return {"BLEU": bleu, "chrF2++": CHRF(word_order=2), "TER": TER()}


def corpus_scores(hyps, refs, tokenize: str | None = None) -> dict[str, tuple[float, str]]:
    """Plain corpus scores of one system: name -> (score, signature)."""
    out = {}
    for name, metric in _metrics(tokenize).items():
        score = metric.corpus_score(list(hyps), [list(refs)])
        out[name] = (float(score.score), metric.get_signature().format())
    return out


def compare(before, after, refs, n_samples: int = 1000, tokenize: str | None = None) -> list[MetricResult]:
    """Scores of `before` and `after` against `refs`; with n_samples > 0, the paired
    bootstrap test of after against before (p-value, 95% intervals)."""
    before, after, refs = list(before), list(after), list(refs)
    if not (len(before) == len(after) == len(refs)) or not refs:
        raise ValueError("compare() needs equally long, non-empty segment lists")
    if n_samples <= 0 or len(refs) < 2:
        b, a = corpus_scores(before, refs, tokenize), corpus_scores(after, refs, tokenize)
        return [MetricResult(n, b[n][0], a[n][0], b[n][1]) for n in METRIC_NAMES]
    from sacrebleu.significance import PairedTest

    test = PairedTest([("before", before), ("after", after)], _metrics(tokenize), [refs],
                      test_type="bs", n_samples=n_samples)
    signatures, results = test()
    out = []
    for name in METRIC_NAMES:
        base, system = results[name]
        out.append(MetricResult(
            name, float(base.score), float(system.score), signatures[name].format(),
            p_value=float(system.p_value),
            before_ci=(float(base.mean - base.ci), float(base.mean + base.ci)),
            after_ci=(float(system.mean - system.ci), float(system.mean + system.ci))))
    return out


def sentence_chrf(hyp: str, ref: str) -> float:
    """chrF++ of one segment, for picking the worst examples."""
    from sacrebleu.metrics import CHRF

    return float(CHRF(word_order=2).sentence_score(hyp, [ref]).score)
