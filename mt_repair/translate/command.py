"""`mt-repair translate ARTICLE.ar.md [-o ARTICLE.en.md]`: the command line part.

`add_parser` only declares options and imports nothing heavy; `run` loads the model
(torch and transformers are imported there and nowhere else) and writes the English
article and the sentence-pair JSONL file, each through a temporary file and a rename.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from mt_repair.translate import DEFAULT_MODEL

EXIT_OK, EXIT_ERROR = 0, 2


def add_parser(sub) -> None:
    t = sub.add_parser(
        "translate", help="translate an Arabic article to English (needs mt-repair[mt])",
        description="Translate an Arabic article to English with a local transformers model: safe source "
                    "repair, Markdown kept, glossary terms enforced, English-side safe fixes, and a "
                    "sentence-pair JSONL file beside the output.")
    t.add_argument("article", metavar="ARTICLE", help="the Arabic article (`-` for stdin)")
    t.add_argument("-o", "--output", default=None,
                   help="the English article (default: X.en.md beside X.ar.md; `-` for stdout)")
    t.add_argument("--pairs", default=None, metavar="FILE",
                   help="sentence-pair JSONL (default: X.pairs.jsonl beside the output)")
    t.add_argument("--no-pairs", action="store_true", help="do not write the sentence-pair file")
    t.add_argument("--raw", default=None, metavar="FILE",
                   help="also write the article as the model gave it (no term post-editing, no English fixes), "
                        "to score before/after repair with `mt-repair eval FILE --after OUTPUT`")
    t.add_argument("--model", default=DEFAULT_MODEL,
                   help=f"model folder or Hugging Face id in the local cache (default {DEFAULT_MODEL})")
    t.add_argument("--device", type=_device, default="auto", help="auto (default), cpu, cuda, cuda:1, mps")
    t.add_argument("--threads", type=_positive, default=None, help="CPU threads for torch (default: its own)")
    t.add_argument("--batch-size", type=_positive, default=16, help="sentences per batch (default 16)")
    t.add_argument("--max-length", type=_positive, default=256,
                   help="longest sentence in tokens, in and out (default 256)")
    t.add_argument("--num-beams", type=_positive, default=4, help="beam size (default 4; 1 is greedy)")
    t.add_argument("--src-lang", type=_language, default=None, help="source language code (NLLB arb_Arab, M2M100 ar)")
    t.add_argument("--tgt-lang", type=_language, default=None, help="target language code (NLLB eng_Latn, M2M100 en)")
    t.add_argument("--no-repair", action="store_true", help="translate the source as is (no safe fixes first)")
    t.add_argument("--force", action="store_true", help="overwrite existing output files")
    from mt_repair.workspace import add_settings_arguments

    add_settings_arguments(t, selection=False)
    t.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    t.set_defaults(fail_on=None)


def _positive(value: str) -> int:
    import argparse

    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _device(value: str) -> str:
    """auto, cpu, mps, cuda or cuda:N: checked here, before torch is imported."""
    import argparse
    import re

    if not re.fullmatch(r"auto|cpu|mps|cuda(?::\d{1,3})?", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a device: use auto, cpu, cuda, cuda:N or mps")
    return value


def _language(value: str) -> str:
    """A language code's shape (NLLB `arb_Arab`, M2M100 `ar`, opus-mt `eng`), checked
    before the model loads; whether the model knows it is checked once its tokenizer is
    loaded (model.language_id)."""
    import argparse
    import re

    if not re.fullmatch(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code: NLLB codes look like arb_Arab, "
                                         f"M2M100 and opus-mt codes like ar or eng")
    return value


def default_output(article: str) -> str:
    p = Path(article)
    name = p.name
    for suffix in (".ar.md", ".ar.markdown", ".ar.txt"):
        if name.endswith(suffix):
            return str(p.with_name(name[: -len(suffix)] + ".en" + suffix[3:]))
    return str(p.with_name(p.stem + ".en" + (p.suffix or ".md")))


def default_pairs(output: str) -> str:
    p = Path(output)
    name = p.name
    for suffix in (".en.md", ".en.markdown", ".en.txt", ".md", ".txt"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return str(p.with_name(name + ".pairs.jsonl"))


def run(args) -> int:
    from mt_repair.workspace import load_cli_settings
    from mt_repair.textio import MAX_BYTES, InputError, decode, read_at_most, read_source

    out_path = args.output or ("-" if args.article == "-" else default_output(args.article))
    pairs_path = None if args.no_pairs else (args.pairs or (None if out_path == "-" else default_pairs(out_path)))
    outputs = [("-o", out_path), ("--pairs", pairs_path), ("--raw", args.raw)]
    check_outputs(args.article, [(flag, p) for flag, p in outputs if p and (p, flag) != ("-", "-o")],
                  [*args.glossary, *([args.config] if args.config else [])], args.force)
    try:
        if args.article == "-":
            src = decode(read_at_most(sys.stdin.buffer.read, MAX_BYTES + 1), "<stdin>")  # bounded
        else:
            src = read_source(args.article)
    except InputError as exc:
        print(f"{args.article}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    anchor = Path(args.article) if args.article != "-" else Path.cwd()
    settings = load_cli_settings(args, anchor if anchor.exists() else Path.cwd())

    from mt_repair.translate.model import ModelUnavailable, load_translator
    from mt_repair.translate.pipeline import translate_text

    try:
        translator = load_translator(args.model, args.device, args.src_lang, args.tgt_lang, args.threads)
    except ModelUnavailable as exc:
        print(f"mt-repair: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    started = time.perf_counter()
    with _progress(not args.quiet and sys.stderr.isatty()) as advance:
        result = translate_text(src.text, settings, translator, path=src.path, repair=not args.no_repair,
                                batch_size=args.batch_size, max_length=args.max_length,
                                num_beams=args.num_beams, on_batch=advance)
    elapsed = time.perf_counter() - started
    english = result.english
    files = {}
    if out_path != "-":
        files[out_path] = english.encode("utf-8")
    if pairs_path:
        files[pairs_path] = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n"
                                    for r in result.records).encode("utf-8")
    if args.raw:
        files[args.raw] = result.raw.encode("utf-8")
    try:
        write_all(files)
    except (InputError, OSError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        print(f"mt-repair: error: output not written: {why}; no output file was changed", file=sys.stderr)
        return EXIT_ERROR
    if out_path == "-":
        sys.stdout.write(english)
    if not args.quiet:
        _summary(result, translator, elapsed, out_path, [p for p in (pairs_path, args.raw) if p], settings)
    return EXIT_OK


def write_all(files: dict[str, bytes]) -> None:
    """All the output files or none: each is written to a temporary file beside it first,
    and they are renamed into place only once every one is on disk."""
    from mt_repair.textio import StagedWrites

    with StagedWrites() as staged:
        for path, data in files.items():
            staged.add(path, data)
        staged.commit()


def check_outputs(article: str, outputs: list[tuple[str, str]], inputs: list, force: bool) -> None:
    """Refuse outputs that would overwrite an input (the article, even with --force, even
    through a link), name one file twice, exist without --force, or lie in no folder."""
    import os

    from mt_repair.workspace import UsageError

    def same(a, b) -> bool:
        try:
            return os.path.samefile(a, b)  # hard links and symlinks too
        except OSError:
            return os.path.realpath(a) == os.path.realpath(b)

    named = [("the article", article)] if article != "-" else []
    named += [("an input file", str(p)) for p in inputs]
    for i, (flag, path) in enumerate(outputs):
        for what, other in named:
            if same(path, other):
                raise UsageError(f"{flag} {path} is {what}; refusing to overwrite it (choose another name)")
        for flag2, path2 in outputs[:i]:
            if same(path, path2):
                raise UsageError(f"{flag2} and {flag} both name {path}; give each output its own file")
        p = Path(path)
        if p.is_dir():
            raise UsageError(f"{flag} {path} is a folder; name a file")
        if (p.exists() or p.is_symlink()) and not force:
            raise UsageError(f"{path} exists; pass --force to overwrite it")
        if not p.resolve().parent.is_dir():
            raise UsageError(f"{flag} {path}: the folder {p.parent} does not exist")


class _progress:
    """A rich progress bar over sentences on stderr, or nothing."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar = None

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("translating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(file=sys.stderr), transient=True)
        self.bar.start()
        self.task = self.bar.add_task("translate", total=None)
        return self.advance

    def advance(self, n: int) -> None:
        self.bar.advance(self.task, n)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _summary(result, translator, elapsed: float, out_path: str, written: list[str], settings) -> None:
    from mt_repair.linter import check_text
    from mt_repair.pairs import check_pair

    n = len(result.records)
    speed = n / translator.seconds if translator.seconds else 0.0
    st = result.statuses()
    terms = result.term_count
    lines = [f"translated {n} sentence{'s' if n != 1 else ''} in {elapsed:.1f} s ({speed:.1f} sentences/s "
             f"generating) with {translator.name} on {translator.device}",
             f"terms: {terms} protected, {100 * result.term_rate():.0f}% in the English "
             f"({', '.join(f'{v} {k}' for k, v in sorted(st.items())) or 'none'})",
             f"safe fixes: {result.source_fixes} in the source, {result.target_fixes} in the English"]
    shown = out_path if out_path != "-" else "<stdout>"
    mono = check_text(result.english, settings, shown)
    pair = check_pair(result.source, result.english, settings, "<source>", shown)
    found = mono + pair
    if found:
        codes: dict[str, int] = {}
        for f in found:
            codes[f.code] = codes.get(f.code, 0) + 1
        lines.append(f"left for an editor: {len(found)} finding{'s' if len(found) != 1 else ''} "
                     f"({', '.join(f'{c} ×{k}' for c, k in sorted(codes.items()))}); "
                     f"see `mt-repair check {shown}`")
    else:
        lines.append("left for an editor: no findings")
    if out_path != "-":
        lines.append(f"wrote {out_path}" + "".join(f" and {p}" for p in written))
    for line in lines:
        print(line, file=sys.stderr)
