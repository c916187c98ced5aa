"""The Dask side of `mt-repair archive`.

`check_batch` runs on a worker: it reads one batch, and for each article runs the same
checks as `check` (the mono rules; the pair rules when a source is given; the fixes when
asked). Settings are resolved once on the client (config, selection, glossaries) and
broadcast; each worker process builds its Settings from them once and keeps it, so word
lists and glossary patterns load once per worker, not per task.

`run_batches` is the client loop: a bounded number of batches in flight (the cluster stays
busy, the client's memory stays flat), results written strictly in input order through a
small reorder buffer, so the same input always gives the same output.
"""

from __future__ import annotations

import time
import traceback
import uuid
from collections import Counter
from dataclasses import dataclass, field

# Output columns of one finding, in order.
FINDING_COLUMNS = ("id", "path", "section", "code", "name", "category", "severity",
                   "line", "column", "start", "end", "message", "fixable")
CLEAR_MEMO_EVERY = 50  # batches: the lexicon's word memo grows with every new token


@dataclass(frozen=True)
class Shipped:
    """What the client sends every worker once: the settings, and the glossary already
    loaded (its files need not exist on the workers)."""

    token: str
    settings: object  # a fresh Settings: no cached properties
    glossary: object


@dataclass(frozen=True)
class Options:
    fix: bool = False
    minimum_fix: int = 2  # Applicability: 2 safe, 1 unsafe too
    max_bytes: int = 20 * 1024 * 1024  # records longer than this are skipped, as `check` skips big files


@dataclass
class BatchResult:
    index: int
    rows: list[tuple] = field(default_factory=list)  # FINDING_COLUMNS
    errors: list[dict] = field(default_factory=list)
    fixed: list[tuple] = field(default_factory=list)  # (id, path, text, encoding, bom, fixes)
    articles: int = 0
    words: int = 0
    fixes: int = 0
    cpu: float = 0.0  # seconds of CPU the task's thread used: a figure a busy machine does not skew
    rules: dict[str, Counter] = field(default_factory=dict)  # code -> findings, articles, severities, fixable
    sections: dict[str, Counter] = field(default_factory=dict)


def ship(settings) -> Shipped:
    from mt_repair.glossary import Glossary

    fresh = settings.replace()  # the fields only; cached word lists stay behind
    return Shipped(uuid.uuid4().hex, fresh, Glossary(list(settings.glossary.entries)))


_WORKER: dict[str, list] = {}  # token -> [Settings, batches done]; one run at a time per worker


def _worker_settings(shipped: Shipped):
    state = _WORKER.get(shipped.token)
    if state is None:
        settings = shipped.settings.replace()
        settings.__dict__["glossary"] = shipped.glossary  # preset the cached_property
        _WORKER.clear()
        state = _WORKER[shipped.token] = [settings, 0]
    state[1] += 1
    if state[1] % CLEAR_MEMO_EVERY == 0:
        state[0].lexicon.clear_memo()  # bounded memory on a worker that lives for millions of articles
    return state[0]


def probe() -> tuple[str, tuple[str, ...]]:
    """Run on every worker (and the client) before the job: imports the rules there, and
    returns the version and the hunspell dictionaries found, which must match everywhere
    for every node to give the same findings."""
    import mt_repair
    import mt_repair.linter  # noqa: F401  (the registry imports here, or the error shows now)
    from mt_repair.lexicon import speller

    return mt_repair.__version__, tuple(lang for lang in ("ar", "en") if speller(lang) is not None)


def check_batch(index: int, batch, shipped: Shipped, options: Options) -> BatchResult:
    cpu = time.thread_time()
    settings = _worker_settings(shipped)
    out = BatchResult(index)
    for article in batch.articles():
        out.articles += 1
        sec = out.sections.setdefault(article.section, Counter())
        sec["articles"] += 1
        error = article.error
        if error is None and len(article.text) > options.max_bytes:  # characters: at least as many bytes
            error = f"skipped: over the {options.max_bytes / 1e6:.0f} MB limit (raise it with --max-size)"
        if error is not None:
            out.errors.append({"id": article.id, "path": article.path, "error": error})
            sec["errors"] += 1
            continue
        try:
            _check_article(article, settings, options, out, sec)
        except Exception as exc:  # a rule's bug must not stop a million-article run
            error = {"id": article.id, "path": article.path, "error": _user_error(exc)}
            if error["error"] is None:
                error["error"] = f"internal error ({type(exc).__name__}: {exc}); please report it"
                error["traceback"] = traceback.format_exc(limit=6)
            out.errors.append(error)
            sec["errors"] += 1
    out.cpu = time.thread_time() - cpu
    return out


def _user_error(exc: Exception) -> str | None:
    """The message of an error that is the user's to fix (a house residue pattern that
    runs too long), or None for a bug."""
    try:
        from mt_repair.userpatterns import PatternTimeout
    except ImportError:
        return None
    return str(exc) if isinstance(exc, PatternTimeout) else None


def _check_article(article, settings, options: Options, out: BatchResult, sec: Counter) -> None:
    from mt_repair.document import Document
    from mt_repair.linter import check_text, fix_text
    from mt_repair.types import Applicability

    text = article.text
    words = len(text.split())
    # with a source, the pair rules run in the same check (and their fixes with --fix)
    pair = (article.source, article.check_path + " (source)") if article.source and article.source.strip() else ()
    findings = check_text(text, settings, article.check_path, *pair) if text.strip() else []
    if options.fix and findings:
        new, count = fix_text(text, settings, article.check_path, Applicability(options.minimum_fix), *pair)
        if new != text:
            out.fixed.append((article.id, article.path, new, article.encoding, article.bom, count))
            out.fixes += count
    out.words += words
    sec["words"] += words
    if not findings:
        return
    doc = Document(text, article.check_path)
    seen_codes = set()
    for f in findings:
        line, col = doc.line_col(f.start)
        fixable = str(f.fix.applicability) if f.fix is not None else None
        severity = str(f.severity)
        out.rows.append((article.id, article.path, article.section, f.code, f.name, f.category,
                         severity, line, col, f.start, f.end, f.message, fixable))
        rule = out.rules.setdefault(f.code, Counter())
        rule["findings"] += 1
        rule[severity] += 1
        if fixable:
            rule[f"fix:{fixable}"] += 1
        if f.code not in seen_codes:
            seen_codes.add(f.code)
            rule["articles"] += 1
        sec["findings"] += 1
        sec[severity] += 1
        sec[f"category:{f.category}"] += 1
    sec["articles_with_findings"] += 1


def failed_batch(index: int, batch, exc: BaseException) -> BatchResult:
    """A batch the cluster could not run (a worker died on it, a file vanished…)."""
    return BatchResult(index, errors=[{"id": None, "path": batch.label,
                                       "error": f"batch failed: {type(exc).__name__}: {exc}"}])


# -- the client loop ---------------------------------------------------------------------
def run_batches(client, batches: list, shipped: Shipped, options: Options, on_result,
                in_flight: int, progress=None) -> None:
    """Run every batch on the cluster; call `on_result(BatchResult)` in batch order."""
    from distributed import as_completed

    remote = client.scatter(shipped, broadcast=True, hash=False)
    ahead = in_flight * 4  # results kept waiting for a slow earlier batch, at most
    pending: dict = {}
    done: dict[int, BatchResult] = {}
    next_submit = next_write = 0
    queue = as_completed()

    def refill() -> None:
        nonlocal next_submit
        while next_submit < len(batches) and len(pending) < in_flight and next_submit - next_write < ahead:
            fut = client.submit(check_batch, next_submit, batches[next_submit], remote, options,
                                key=f"mt-repair-{shipped.token[:8]}-{next_submit}", pure=False)
            pending[fut] = next_submit
            queue.add(fut)
            next_submit += 1

    refill()
    started = time.perf_counter()
    for fut in queue:
        index = pending.pop(fut)
        try:
            result = fut.result()
        except Exception as exc:
            result = failed_batch(index, batches[index], exc)
        del fut  # the result leaves the worker's memory
        done[index] = result
        while next_write in done:
            on_result(done.pop(next_write))
            next_write += 1
            if progress:
                progress(next_write, len(batches), time.perf_counter() - started)
        refill()
