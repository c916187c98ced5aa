"""Progress of a long eval on stderr, phase by phase, and the seconds each phase took.

`progress(enabled, force)` yields a Tracker: call it on an iterable to follow it
(`track(files, description="check and repair")`), or open a phase that advances by
hand (`with track.phase("scoring segments", total=n) as advance: ... advance(k)`).
On a terminal it draws a rich bar per phase; with `force` (`eval --progress`) and no
terminal, it writes plain lines instead (a start line, one every few seconds, an end
line with the time), which logs and CI keep; otherwise it is silent. Timings are
recorded either way (`eval --timings`).
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager

LINE_EVERY_S = 5.0  # plain-line mode: at most one progress line per phase this often


class Tracker:
    def __init__(self, mode: str, bar=None):
        self.mode = mode  # "bar", "lines" or "off"
        self._bar = bar
        self.timings: dict[str, float] = {}  # phase -> wall seconds
        self.cpu: dict[str, float] = {}  # phase -> CPU seconds of this process

    def __call__(self, items, total=None, description=""):
        items = list(items) if total is None else items
        with self.phase(description, total if total is not None else len(items)) as advance:
            for item in items:
                yield item
                advance()

    @contextmanager
    def phase(self, description: str, total: int | None = None):
        start, cpu = time.perf_counter(), time.process_time()
        done = 0
        last = start
        task = self._bar.add_task(description, total=total) if self.mode == "bar" else None
        if self.mode == "lines":
            _line(f"{description}" + (f" ({total})" if total is not None else "") + " ...")

        def advance(n: int = 1) -> None:
            nonlocal done, last
            done += n
            if task is not None:
                self._bar.advance(task, n)
            elif self.mode == "lines" and total and time.perf_counter() - last >= LINE_EVERY_S:
                last = time.perf_counter()
                _line(f"{description}: {done}/{total}, {last - start:.1f} s")

        try:
            yield advance
        finally:
            took = time.perf_counter() - start
            self.timings[description] = self.timings.get(description, 0.0) + took
            self.cpu[description] = self.cpu.get(description, 0.0) + time.process_time() - cpu
            if task is not None:
                self._bar.remove_task(task)
            elif self.mode == "lines":
                _line(f"{description}: done" + (f", {done}/{total}" if total else "") + f", {took:.2f} s")


def _line(text: str) -> None:
    print(f"mt-repair eval: {text}", file=sys.stderr, flush=True)


@contextmanager
def progress(enabled: bool = True, force: bool = False):
    """Yields a Tracker: bars on a terminal, plain lines when `force`d elsewhere, else silent."""
    if not enabled:
        yield Tracker("off")
        return
    if not sys.stderr.isatty():
        yield Tracker("lines" if force else "off")
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        yield Tracker("bar", bar)
