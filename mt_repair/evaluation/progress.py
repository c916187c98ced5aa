"""A rich progress bar on stderr for long runs; silent when stderr is not a terminal."""

from __future__ import annotations

import sys
from contextlib import contextmanager


@contextmanager
def progress(enabled: bool = True):
    """Yields track(iterable, total, description) -> iterable."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda items, total=None, description="": items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        def track(items, total=None, description=""):
            items = list(items) if total is None else items
            task = bar.add_task(description, total=total if total is not None else len(items))
            for item in items:
                yield item
                bar.advance(task)
            bar.remove_task(task)

        yield track
