"""sacrebleu scores before and after a repair, over aligned segments, with a paired test.

Scores are sacrebleu's corpus scores over the segment lists (what `sacrebleu -m bleu chrf
ter` prints for the same lines). Segment statistics are extracted once per distinct
(hypothesis, reference) pair: a repair leaves most segments unchanged, so the 'after'
side costs only its changed segments (TER, pure Python, is most of the time).

The paired tests are sacrebleu's, run on those statistics with its seed
(`SACREBLEU_SEED`, default 12345), so p-values, intervals and signatures equal
`PairedTest`'s (tests/test_eval_scale.py checks it):
- 'ar', approximate randomization (`--paired-ar`), eval's default, with one correction:
  a trial that ties the observed difference counts (see `approximate_randomization`);
- 'bs', the paired bootstrap (`--paired-bs`); its resample sums are a count matrix
  times the statistics instead of a gathered copy (memory: one row of counts per
  resample, not resamples x segments x statistics).
The 95% intervals always come from the bootstrap resamples.

Why 'ar' by default (`benchmarks/bench_eval.py --calibrate`): on TICO-19 with two real
systems' outputs swapped at random segment by segment (a true null hypothesis), 200
trials per size (standard error about 0.015), the share of p < 0.05 was, for BLEU / chrF2++ / TER:

    segments         2                  5                  10-20              30-200
    bs          0.66 0.57 0.59    0.23 0.23 0.20    0.12-0.19          0.09-0.19
    ar          0    0    0       0    0    0       0.03-0.05          0.04-0.09

(with sacrebleu's strict count, ar rejected 0.51-0.63 at 2 segments and 0.06-0.12 at 5).

No p-value is given, and `Scored.warning` says why, when a test cannot mean anything:
- fewer than MIN_SEGMENTS (30) segments. With 2 segments that both improve, every
  bootstrap resample improves, so sacrebleu reports p = 1/(N+1), 0.001 with 1,000
  resamples, however small the change (its randomization test too, counting strictly
  larger differences only). Below 30 the bootstrap breaks down (false rejections 0.2 at
  5-10 segments, 0.6 at 2) and its 95% intervals, reported with either test, rest on
  too few distinct values (30 is the usual floor for resampling a mean); randomization
  stays sound there but has almost no power (2 segments: p is never below 0.25), so a
  p-value says little either way;
- no segment changed: sacrebleu's tests report p = 1/(N+1) for identical systems.

sacrebleu (and numpy) are imported inside the functions: importing this module is free,
and the checker never loads them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

METRIC_NAMES = ("BLEU", "chrF2++", "TER")
HIGHER_IS_BETTER = {"BLEU": True, "chrF2++": True, "TER": False}
TESTS = ("ar", "bs")
MIN_SEGMENTS = 30  # below this no p-value is given (see the module docstring)
_CHUNK = 256  # segments per statistics call, and resamples per bootstrap step: progress granularity


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


@dataclass(frozen=True)
class Scored:
    """Scores of one before/after comparison over `segments` aligned segments."""

    metrics: list[MetricResult]
    segments: int
    changed: int  # segments whose 'after' differs from 'before'
    warning: str | None = None  # why there is no p-value, when there is none although one was asked for
    chrf_deltas: dict[int, float] = field(default_factory=dict)  # changed segment -> chrF2++ after - before


def _r(ci):
    return None if ci is None else [round(ci[0], 4), round(ci[1], 4)]


def _metrics(tokenize: str | None = None):
    from sacrebleu.metrics import BLEU, CHRF, TER

    bleu = BLEU(tokenize=tokenize) if tokenize else BLEU()
    return {"BLEU": bleu, "chrF2++": CHRF(word_order=2), "TER": TER()}


def _seed() -> int | None:
    value = os.environ.get("SACREBLEU_SEED", "12345")  # as sacrebleu reads it
    return None if value.lower() == "none" else int(value)


def _quiet(phase):
    from contextlib import nullcontext

    return phase or (lambda description, total=None: nullcontext(lambda n=1: None))


def corpus_scores(hyps, refs, tokenize: str | None = None) -> dict[str, tuple[float, str]]:
    """Plain corpus scores of one system: name -> (score, signature)."""
    out = {}
    for name, metric in _metrics(tokenize).items():
        score = metric.corpus_score(list(hyps), [list(refs)])
        out[name] = (float(score.score), metric.get_signature().format())
    return out


def significance_warning(segments: int, changed: int) -> str | None:
    if segments < MIN_SEGMENTS:
        return (f"only {segments} segment{'s' if segments != 1 else ''}: too few for a paired significance "
                f"test (it needs at least {MIN_SEGMENTS}); no p-value is given")
    if changed == 0:
        return "the repair changed no segment: nothing to test"
    return None


def score_segments(before, after, refs, n_samples: int = 1000, tokenize: str | None = None,
                   phase=None, test: str = "bs") -> Scored:
    """Corpus scores of `before` and `after` against `refs`; with n_samples > 0, enough
    segments and a change, sacrebleu's paired test of after against before: `test` 'bs'
    (paired bootstrap) or 'ar' (approximate randomization; intervals still from the
    bootstrap). `phase(description, total)` is a progress context (evaluation.progress)."""
    if test not in TESTS:
        raise ValueError(f"test must be one of {', '.join(TESTS)}")
    import numpy as np

    before, after, refs = list(before), list(after), list(refs)
    if not (len(before) == len(after) == len(refs)) or not refs:
        raise ValueError("score_segments() needs equally long, non-empty segment lists")
    phase = _quiet(phase)
    n = len(refs)
    changed = [i for i in range(n) if before[i] != after[i]]
    # distinct (hypothesis, reference) pairs; before's first, so after's unchanged rows reuse them
    keys: dict[tuple[str, str], int] = {}
    rows_b = [keys.setdefault((h, r), len(keys)) for h, r in zip(before, refs)]
    rows_a = [keys.setdefault((h, r), len(keys)) for h, r in zip(after, refs)]
    uniq = list(keys)
    metrics = _metrics(tokenize)
    stats, results = {}, {}
    with phase("scoring segments", total=len(uniq) * len(metrics)) as advance:
        for name, metric in metrics.items():
            rows = []
            for k in range(0, len(uniq), _CHUNK):
                part = uniq[k:k + _CHUNK]
                rows.extend(metric._extract_corpus_statistics([h for h, _ in part], [[r for _, r in part]]))
                advance(len(part))
            table = np.array(rows, dtype=np.float64)
            sb, sa = table[rows_b], table[rows_a]
            stats[name] = (sb, sa)
            results[name] = (float(metric._aggregate_and_compute(sb.tolist()).score),
                             float(metric._aggregate_and_compute(sa.tolist()).score))
    chrf = metrics["chrF2++"]
    sb, sa = stats["chrF2++"]
    deltas = {i: float(chrf._aggregate_and_compute([sa[i].tolist()]).score)
              - float(chrf._aggregate_and_compute([sb[i].tolist()]).score) for i in changed}
    warning = significance_warning(n, len(changed)) if n_samples > 0 else None
    seed = _seed()
    if n_samples <= 0 or warning:
        out = [MetricResult(m, results[m][0], results[m][1], _signature(metrics[m], n_samples, seed, None))
               for m in METRIC_NAMES]
        return Scored(out, n, len(changed), warning, deltas)
    chosen = {m: stats[m] for m in METRIC_NAMES}
    tested = paired_bootstrap(chosen, metrics, results, n_samples, seed, phase)
    if test == "ar":
        ar = approximate_randomization(chosen, metrics, results, n_samples, seed, phase)
        tested = {m: (ar[m], *tested[m][1:]) for m in tested}
    out = [MetricResult(m, *results[m], _signature(metrics[m], n_samples, seed, test), *tested[m])
           for m in METRIC_NAMES]
    return Scored(out, n, len(changed), None, deltas)


def approximate_randomization(stats, metrics, scores, n_samples: int, seed, phase=None) -> dict[str, float]:
    """metric -> p-value of approximate randomization, on sacrebleu's trials
    (`_paired_ar_test`: each trial swaps each segment's two sides with probability 1/2;
    the swap mask is drawn whole, as sacrebleu draws it).

    p = (trials whose |difference| is at least the observed one + 1) / (trials + 1), the
    permutation test as Noreen defines it. sacrebleu counts only strictly larger ones
    (after multeval), which makes any change whose segments all move the same way look
    certain: only unchanged segments never matter to a swap, so with 3 changed segments
    that all improve, the 8 equally likely swaps give an exact p of 2/8, and sacrebleu
    0.001. Where no trial ties the observed difference the two agree."""
    import numpy as np

    n = len(next(iter(stats.values()))[0])
    swap = np.random.default_rng(seed).integers(2, size=(n_samples, n), dtype=bool)
    diffs = {m: np.empty(n_samples) for m in stats}
    with _quiet(phase)("significance (approximate randomization)", total=n_samples) as advance:
        for k in range(0, n_samples, _CHUNK):
            pos = swap[k:k + _CHUNK]
            for m, (sb, sa) in stats.items():
                score = metrics[m]._aggregate_and_compute
                a, b = pos @ sb + ~pos @ sa, ~pos @ sb + pos @ sa
                diffs[m][k:k + len(pos)] = [abs(score([x]).score - score([y]).score)
                                            for x, y in zip(a.tolist(), b.tolist())]
            advance(len(pos))
    out = {}
    for m in stats:
        observed = abs(scores[m][0] - scores[m][1])
        # a tie up to rounding: the trial's scores are summed in another order than the observed ones
        out[m] = (int(np.sum(diffs[m] >= observed - 1e-9 * max(1.0, observed))) + 1) / (n_samples + 1)
    return out


def paired_bootstrap(stats, metrics, scores, n_samples: int, seed, phase=None):
    """metric -> (p-value, before's 95% interval, after's) from segment statistics
    `stats[m] = (before rows, after rows)` and corpus `scores[m] = (before, after)`."""
    import numpy as np

    n = len(next(iter(stats.values()))[0])
    boot = _bootstrap(stats, metrics, n, n_samples, seed, _quiet(phase))
    out = {}
    for m, (bl, sy) in boot.items():
        b_score, a_score = scores[m]
        # sacrebleu's p-value (after multeval): how often the centred resampled difference
        # exceeds the observed one, +1 so that a test is never more confident than it can be
        sample = np.abs(sy - bl)
        centred = sample - sample.mean()
        p = (int(np.sum(centred > abs(b_score - a_score))) + 1) / (n_samples + 1)
        out[m] = (p, _ci(bl), _ci(sy))
    return out


def _bootstrap(stats, metrics, n: int, n_samples: int, seed, phase):
    """Resampled scores of both sides for each metric, from sacrebleu's resample indices:
    `default_rng(seed).choice(n, (n_samples, n))`, drawn here in row blocks (the same stream)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    out = {m: (np.empty(n_samples), np.empty(n_samples)) for m in stats}
    with phase("significance (paired bootstrap)", total=n_samples) as advance:
        for k in range(0, n_samples, _CHUNK):
            c = min(_CHUNK, n_samples - k)
            idx = rng.choice(n, size=(c, n), replace=True)
            flat = (idx + (np.arange(c) * n)[:, None]).ravel()
            counts = np.bincount(flat, minlength=c * n).reshape(c, n).astype(np.float64)
            for m, (sb, sa) in stats.items():
                score = metrics[m]._compute_score_from_stats
                # integer sums, exact in float64; as float32, sacrebleu's own dtype, the scores match its own
                for side, s in ((0, sb), (1, sa)):
                    sums = (counts @ s).astype(np.float32)
                    out[m][side][k:k + c] = [score(row).score for row in sums]
            advance(c)
    return out


def _ci(scores) -> tuple[float, float]:
    """sacrebleu's estimate_ci: the mean, +/- half the central 95% range, as an interval."""
    import numpy as np

    s = np.sort(scores)
    lo_idx = len(s) // 40
    half = 0.5 * (s[len(s) - lo_idx - 1] - s[lo_idx])
    mean = float(s.mean())
    return (mean - float(half), mean + float(half))


def _signature(metric, n_samples: int, seed, test: str | None) -> str:
    sig = metric.get_signature()
    if test:  # as PairedTest marks its signatures (for ar, the intervals' bootstrap too)
        sig.update("seed", str(seed).lower())
        sig.update(test, n_samples)
        if test == "ar":
            sig.update("bs", n_samples)
    return sig.format()


def compare(before, after, refs, n_samples: int = 1000, tokenize: str | None = None,
            test: str = "bs") -> list[MetricResult]:
    """Scores of `before` and `after` against `refs`; with n_samples > 0 and enough
    segments, the paired test of after against before (p-value, 95% intervals)."""
    return score_segments(before, after, refs, n_samples, tokenize, test=test).metrics


def sentence_chrf(hyp: str, ref: str) -> float:
    """chrF++ of one segment, for picking the worst examples."""
    from sacrebleu.metrics import CHRF

    return float(CHRF(word_order=2).sentence_score(hyp, [ref]).score)
