"""What a parallel benchmark can hope for on this machine right now (shared by
bench_archive.py and bench_jobs.py): the CPU that 1 and 2 plain busy processes get."""

from __future__ import annotations

import time


def _spin(seconds: float, q) -> None:
    t, c = time.perf_counter(), time.process_time()
    while time.perf_counter() - t < seconds:
        sum(range(1000))
    q.put(time.process_time() - c)


def machine_parallelism(seconds: float = 2.0) -> dict[int, float]:
    """CPU-seconds per wall-second that 1 and 2 plain busy processes get right now: what
    any 2-process run can hope for (under other load, often far below 2)."""
    import multiprocessing as mp

    out = {}
    for n in (1, 2):
        q = mp.Queue()
        procs = [mp.Process(target=_spin, args=(seconds, q)) for _ in range(n)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        out[n] = sum(q.get() for _ in range(n)) / seconds
    return out
