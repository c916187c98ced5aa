"""Speed of hook mode: `mt-repair check --hook` on the files of one commit, start-up included.

    python benchmarks/bench_hook.py [--ntrex ../shared/data/ntrex-128] [--lang ar|en|mix]
                                    [--articles 20] [--words 1000] [--repeat 5]

The articles are built here, in a temporary folder: from NTREX-128 sentences (read from
--ntrex when it is there, never copied into the repository), or else from the project's
own Arabic examples (clean and with artifacts), paragraphs rotated per article. Prints
figures; asserts nothing. The goal (issue 5): 20 articles of 1,000 words in at most 1 s
wall time, as pre-commit runs it.

Measured: the command as the pre-commit hook runs it (one process, all files); the same
split over one process per core, as pre-commit's xargs does; the fix hook; start-up alone
(a one-line article) and bare Python; one run's stages in-process (imports, settings,
first and second pass over the articles); what imports cost.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXAMPLES_AR = sorted((ROOT / "examples").glob("*/*.ar.md"))

STAGES = """
import sys, time
t0 = time.perf_counter()
from pathlib import Path
from mt_repair.config import find_config, load_settings
from mt_repair.linter import check_text
from mt_repair.textio import read_source
t1 = time.perf_counter()
settings = load_settings(find_config(Path(sys.argv[1])))
settings.glossary, settings.lexicon, settings.rules
check_text("تهيئة", settings, "x.md")
t2 = time.perf_counter()
texts = [read_source(p).text for p in sys.argv[1:]]
for p, t in zip(sys.argv[1:], texts):
    check_text(t, settings, p)
t3 = time.perf_counter()
for p, t in zip(sys.argv[1:], texts):
    check_text(t, settings, p)
t4 = time.perf_counter()
print(*(round((b - a) * 1000, 1) for a, b in ((t0, t1), (t1, t2), (t2, t3), (t3, t4))))
"""


def _paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def articles_from_examples(n: int, words: int) -> list[str]:
    paras = [p for f in EXAMPLES_AR for p in _paragraphs(f)]
    out = []
    for i in range(n):
        chosen, count, j = [], 0, i
        while count < words and len(chosen) < len(paras):  # never the same paragraph twice
            p = paras[j % len(paras)]
            chosen.append(p)
            count += len(p.split())
            j += 1
        out.append("\n\n".join(chosen) + "\n")
    return out


def articles_from_ntrex(folder: Path, lang: str, n: int, words: int) -> list[str]:
    files = {"ar": folder / "newstest2019-ref.arb.txt", "en": folder / "newstest2019-src.eng.txt"}
    sentences = {k: v.read_text(encoding="utf-8").splitlines() for k, v in files.items()}
    out, pos = [], {"ar": 0, "en": 0}
    for i in range(n):
        which = lang if lang != "mix" else ("ar" if i % 2 == 0 else "en")
        lines, count = [], 0
        src = sentences[which]
        while count < words:
            s = src[pos[which] % len(src)]
            pos[which] += 1
            lines.append(s)
            count += len(s.split())
        # a headline, then paragraphs of four sentences
        body = [lines[0], ""] + [" ".join(lines[k:k + 4]) + "\n" for k in range(1, len(lines), 4)]
        out.append("\n".join(body))
    return out


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def fmt(times: list[float]) -> str:
    return f"best {min(times) * 1000:7.0f} ms   median {statistics.median(times) * 1000:7.0f} ms"


def _pre_commit_timing(tmp: Path, names: list[str], env: dict, repeat: int) -> list[float] | None:
    """`pre-commit run` on the staged articles, with the hook as a local `system` hook
    (this checkout, no hook environment to build): pre-commit's own cost included."""
    try:
        import pre_commit  # noqa: F401  (a dev dependency)
    except ImportError:
        return None
    env = dict(env, PRE_COMMIT_HOME=str(tmp / ".pre-commit-home"), GIT_CONFIG_GLOBAL=os.devnull,
               GIT_CONFIG_NOSYSTEM="1")
    entry = f"{sys.executable} -m mt_repair check --hook"
    (tmp / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n      - id: mt-repair\n        name: mt-repair\n"
        f"        entry: {entry}\n        language: system\n        types: [text]\n"
        "        files: \\.(md|markdown|txt|text)$\n", encoding="utf-8")
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run(git + ["init", "-q"], cwd=tmp, env=env, check=True)
    subprocess.run(git + ["add", ".pre-commit-config.yaml", *names], cwd=tmp, env=env, check=True)
    cmd = [sys.executable, "-m", "pre_commit", "run"]
    first = subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, text=True)  # sets up pre-commit's store
    if "problems" not in first.stdout:  # the articles have findings: the hook fails and lists them
        print(f"pre-commit run did not check the articles:\n{first.stdout}{first.stderr}", file=sys.stderr)
        return None
    return timed(lambda: subprocess.run(cmd, cwd=tmp, env=env, capture_output=True), repeat)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ntrex", type=Path, default=ROOT.parent / "shared" / "data" / "ntrex-128")
    ap.add_argument("--lang", choices=("ar", "en", "mix"), default="ar", help="NTREX articles only")
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    if (args.ntrex / "newstest2019-ref.arb.txt").exists():
        texts = articles_from_ntrex(args.ntrex, args.lang, args.articles, args.words)
        source = f"NTREX-128 newstest2019 ({args.lang})"
    else:
        texts = articles_from_examples(args.articles, args.words)
        source = "examples/*/*.ar.md paragraphs"
    total_words = sum(len(t.split()) for t in texts)

    tmp = Path(tempfile.mkdtemp(prefix="mt-repair-bench-"))
    try:
        (tmp / ".mt-repair.toml").write_text("", encoding="utf-8")  # defaults; no config up the tree
        names = []
        for i, text in enumerate(texts):
            name = f"article-{i:02d}.md"
            (tmp / name).write_text(text, encoding="utf-8")
            names.append(name)
        (tmp / "one-line.md").write_text("قال الرئيس إن المفاوضات مستمرة.\n", encoding="utf-8")
        pristine = tmp / "pristine"
        pristine.mkdir()
        for name in names:
            shutil.copy2(tmp / name, pristine / name)

        env = dict(os.environ, PYTHONPATH=str(ROOT))
        cli = [sys.executable, "-m", "mt_repair", "check", "--hook", "--output-format", "concise", "--exit-zero"]

        def run(cmd):
            return subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, text=True)

        first = run(cli + names)  # builds the word-list cache on a first run ever; warms the OS cache
        findings = sum(1 for line in first.stdout.splitlines() if ": " in line and "[" in line)

        def split_like_pre_commit():
            jobs = os.cpu_count() or 1
            parts = [names[k::jobs] for k in range(jobs)]
            procs = [subprocess.Popen(cli + part, cwd=tmp, env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL) for part in parts if part]
            for p in procs:
                p.wait()

        def fix_hook():
            for name in names:
                shutil.copy2(pristine / name, tmp / name)
            run(cli + ["--fix"] + names)

        one = timed(lambda: run(cli + names), args.repeat)
        through_pre_commit = _pre_commit_timing(tmp, names, env, args.repeat)
        split = timed(split_like_pre_commit, args.repeat)
        fix = timed(fix_hook, args.repeat)  # includes copying 20 files back, well under 1 ms
        startup = timed(lambda: run(cli + ["one-line.md"]), args.repeat)
        bare = timed(lambda: run([sys.executable, "-c", "pass"]), args.repeat)

        # where one hook run's time goes, in a fresh process: imports, settings (glossary and
        # word lists), the first pass over the articles (per-word memo cold), a second pass
        stages = subprocess.run([sys.executable, "-c", STAGES, *names], cwd=tmp, env=env,
                                capture_output=True, text=True)
        if stages.returncode:
            sys.exit(stages.stderr)
        stage_ms = [float(x) for x in stages.stdout.split()]

        imports = subprocess.run([sys.executable, "-X", "importtime", "-c",
                                  "import mt_repair.cli; from mt_repair.linter import check_text"],
                                 env=env, capture_output=True, text=True).stderr
        rows = []
        for line in imports.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[1].strip().isdigit():
                rows.append((int(parts[1]), parts[2].rstrip()))
        top = [r for r in rows if not r[1].startswith("   ")]  # modules imported at the top level
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    cores = os.cpu_count()
    print(f"{len(texts)} articles, {total_words:,} words ({source}); {findings} findings; {cores} cores")
    print(f"  hook, one process, all files:   {fmt(one)}   {total_words / min(one):9,.0f} words/s")
    print(f"  hook, split over {cores} processes:  {fmt(split)}   {total_words / min(split):9,.0f} words/s")
    print(f"  fix hook (--hook --fix):        {fmt(fix)}")
    if through_pre_commit:
        print(f"  `pre-commit run`, staged files: {fmt(through_pre_commit)}   (pre-commit and git included)")
    print(f"  start-up: one-line article:     {fmt(startup)}")
    print(f"  start-up: bare python:          {fmt(bare)}")
    imp, conf, cold, warm = stage_ms
    print("  one run in-process, by stage:")
    print(f"    imports:                      {imp:7.0f} ms")
    print(f"    settings, glossary, words:    {conf:7.0f} ms")
    print(f"    check, first pass:            {cold:7.0f} ms   {total_words / cold * 1000:9,.0f} words/s")
    print(f"    check, second pass:           {warm:7.0f} ms   {total_words / warm * 1000:9,.0f} words/s"
          "  (per-word memo warm)")
    print(f"  goal: <= 1000 ms wall for 20 x 1,000 words: "
          f"{'met' if min(one) <= 1.0 else 'NOT met'} (best one-process run {min(one) * 1000:.0f} ms)")
    print("Import time (cumulative, top level), from python -X importtime:")
    for us, name in sorted(top, reverse=True)[:8]:
        print(f"  {us / 1000:7.1f} ms  {name.strip()}")


if __name__ == "__main__":
    main()
