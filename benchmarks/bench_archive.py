"""Throughput of `mt-repair archive` on Dask: 1 and 2 workers against a serial loop, in one run.

    python benchmarks/bench_archive.py [--articles 10000] [--workers 1,2] [--batch-size 200]
                                       [--kind jsonl|parquet|folder]

Generates the archive (articles of 8–20 lines, each from one file: NTREX-128's Arabic
news and the real MT outputs of ../shared/data/mt-outputs when ../shared exists, else
the paragraphs of examples/), then measures, on the same texts:

- serial: `check_text` over every article in this process (warm caches, one core);
- archive with N local worker processes (one thread each), through `--scheduler` so
  the cluster's start is not counted; the workers are warmed up first by a small run;
- how much CPU one and two plain busy processes get from the machine, before and after,
  so that the 1 -> 2 worker scaling can be read against what the machine allowed.

Prints articles/s, words/s, per-worker throughput and the scaling ratio; asserts nothing.
The machine's load average is printed before and after: other work on the same cores
lowers every figure, the multi-worker ones most.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"

from machine import machine_parallelism  # noqa: E402  (benchmarks/machine.py)
from mt_repair.cli import main as cli_main  # noqa: E402
from mt_repair.config import Settings  # noqa: E402
from mt_repair.linter import check_text  # noqa: E402


def corpus_lines() -> tuple[str, list[list[str]]]:
    files = [SHARED / "ntrex-128" / "newstest2019-ref.arb.txt", *sorted((SHARED / "mt-outputs").glob("*/*.txt"))]
    files = [f for f in files if f.is_file()]
    if files:
        return "../shared (NTREX-128 Arabic + mt-outputs)", [
            [ln for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()] for f in files]
    paras = [[p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
             for f in sorted((ROOT / "examples").rglob("*.md"))]
    return "examples/", [p for p in paras if p]


def generate(n: int, seed: int = 7) -> tuple[str, list[dict]]:
    where, sources = corpus_lines()
    rng = random.Random(seed)
    sections = ("world", "politics", "economy", "sport", "health", "culture", "science", "opinion")
    out = []
    for i in range(n):
        lines = rng.choice(sources)
        k = min(len(lines), rng.randint(8, 20))
        start = rng.randrange(len(lines) - k + 1)
        title = lines[start][:80]
        body = "\n\n".join(lines[start:start + k])
        out.append({"id": f"{i:06d}", "section": sections[i % len(sections)], "text": f"# {title}\n\n{body}\n"})
    return where, out


def write_input(kind: str, articles: list[dict], base: Path) -> Path:
    if kind == "jsonl":
        p = base / "archive.jsonl"
        with p.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps(a, ensure_ascii=False) + "\n")
        return p
    if kind == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        p = base / "archive.parquet"
        pq.write_table(pa.Table.from_pylist(articles), p, row_group_size=2000)
        return p
    p = base / "archive"
    for a in articles:
        f = p / a["section"] / f"{a['id']}.md"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(a["text"], encoding="utf-8")
    return p


def serial(articles: list[dict]) -> tuple[float, float, int]:
    """(wall s, CPU s, findings) of a plain check_text loop."""
    settings = Settings()
    check_text("تهيئة the caches", settings)  # word lists and glossary patterns, outside the timing
    t, c = time.perf_counter(), time.process_time()
    found = sum(len(check_text(a["text"], settings, a["id"])) for a in articles)
    return time.perf_counter() - t, time.process_time() - c, found


def _tree_cpu() -> float:
    """CPU seconds of this process (client and scheduler) and its children (nannies, workers)."""
    import psutil  # a dependency of distributed

    me = psutil.Process()
    total = 0.0
    for p in [me, *me.children(recursive=True)]:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def archive(address: str, src: Path, out: Path, batch_size: int) -> dict:
    argv = ["archive", str(src), "-o", str(out), "--scheduler", address, "--batch-size", str(batch_size),
            "--isolated", "-q", "--force"]
    t, c = time.perf_counter(), _tree_cpu()
    rc = cli_main(argv)
    wall, cpu = time.perf_counter() - t, _tree_cpu() - c
    if rc != 0:
        sys.exit(f"archive run failed with exit {rc}")
    s = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    s["run"]["wall"], s["run"]["all_cpu"] = wall, cpu
    return s


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--kind", choices=("jsonl", "parquet", "folder"), default="jsonl")
    args = ap.parse_args()
    from distributed import Client, LocalCluster

    load0 = os.getloadavg()
    where, articles = generate(args.articles)
    words = sum(len(a["text"].split()) for a in articles)
    print(f"{len(articles):,} articles, {words:,} words, generated from {where}; input as {args.kind}")
    print(f"CPUs: {os.cpu_count()}; load average before: {load0[0]:.2f} {load0[1]:.2f} {load0[2]:.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        src = write_input(args.kind, articles, base)
        (base / "warm").mkdir()
        warm = write_input("jsonl", articles[:40], base / "warm")  # a small run first: caches on every worker

        spare0 = machine_parallelism(4.0)
        print(f"CPU a busy process gets now: 1 process {spare0[1]:.2f} cores, 2 processes {spare0[2]:.2f} cores")
        secs, cpu, found = serial(articles)
        rows = [("serial (check_text loop)", 1, secs, cpu, cpu)]
        print(f"serial: {secs:.1f} s, {found:,} findings")
        for n in (int(x) for x in args.workers.split(",")):
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Port .* is already in use")
                cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
            with cluster, Client(cluster) as client:
                client.wait_for_workers(n)
                archive(cluster.scheduler_address, warm, base / f"warm-out-{n}", 10)
                s = archive(cluster.scheduler_address, src, base / f"out-{n}", args.batch_size)
            if s["findings"] != found:
                print(f"  note: {s['findings']:,} findings from the archive run, {found:,} serial")
            run = s["run"]
            rows.append((f"archive, {n} worker{'s' if n > 1 else ''}", n, run["seconds"],
                         run["worker_cpu_seconds"], run["all_cpu"]))
            print(f"archive {n} worker(s): job {run['seconds']:.1f} s (command {run['wall']:.1f} s, "
                  f"{run['batches']} batches), {s['findings']:,} findings")

    spare1 = machine_parallelism(4.0)
    load1 = os.getloadavg()
    a = len(articles)
    print()
    print(f"{'run':<26} {'wall s':>7} {'articles/s':>10} {'words/s':>8} {'art/s/worker':>12} "
          f"{'task CPU s':>10} {'all CPU s':>9} {'art/CPU-s':>9}")
    for name, n, secs, task_cpu, all_cpu in rows:
        print(f"{name:<26} {secs:>7.1f} {a / secs:>10.0f} {words / secs:>8.0f} {a / secs / n:>12.0f} "
              f"{task_cpu:>10.1f} {all_cpu:>9.1f} {a / all_cpu:>9.0f}")
    print("(task CPU: the checking threads only; all CPU: every process of the run, client, scheduler and "
          "workers; art/CPU-s: articles per CPU-second of all of it, which other load on the machine "
          "barely changes)")
    walls = {n: secs for name, n, secs, _, _ in rows if name.startswith("archive")}
    alls = {n: c for name, n, _, _, c in rows if name.startswith("archive")}
    if 1 in walls:
        print(f"\n1 worker vs serial: {rows[0][2] / walls[1]:.2f}x the serial throughput (wall), "
              f"{rows[0][3] / alls[1]:.2f}x its articles per CPU-second")
    if 1 in walls and 2 in walls:
        print(f"scaling 1 -> 2 workers: {walls[1] / walls[2]:.2f}x throughput (wall; ideal 2.00x on two free "
              f"cores), CPU per article {alls[2] / alls[1]:.2f}x")
        possible = (spare0[2] + spare1[2]) / (spare0[1] + spare1[1])
        print(f"  what the machine allowed: 2 busy processes got {possible:.2f}x the CPU of 1 (before and after "
              f"the runs); Dask's 1 -> 2 scaling relative to that: {walls[1] / walls[2] / possible:.2f}")
    print(f"load average after: {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f} on {os.cpu_count()} CPUs; "
          f"CPU a busy process got after: 1 process {spare1[1]:.2f} cores, 2 processes {spare1[2]:.2f} cores")

if __name__ == "__main__":
    main()
