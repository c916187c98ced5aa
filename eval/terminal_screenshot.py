#!/usr/bin/env python3
"""Screenshot `mt-repair check --output-format full` in a real terminal (xterm under Xvfb).

    python eval/terminal_screenshot.py ARTICLE.ar.txt --png /tmp/term.png
    python eval/terminal_screenshot.py ARTICLE.ar.txt --bidi logical --png /tmp/term-logical.png

xterm does no bidi, so by default the report is drawn as `auto` chooses for it (visual
order, shaped); `--bidi logical` shows what a bidi-less terminal makes of logical text.
Look at the PNG: the gutter must be on the left, the Arabic read right to left, the
⟦ ⟧ markers around the flagged words.

Needs Debian's Xvfb, xterm, ImageMagick (`import`) and fonts (this script installs nothing):
    apt-get install -y xvfb xterm imagemagick fonts-dejavu-core fonts-noto-core
With `--chromium` the report is drawn instead as a terminal with bidi would draw it (the
logical text, each line a paragraph whose direction comes from its first strong letter,
as VTE's or mlterm's autodetection does), in headless Chromium (eval/screenshot.py).

Exit status: 0 screenshot written, 2 a tool missing or failed.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("article", type=Path)
    ap.add_argument("--png", type=Path, default=Path("/tmp/mt-repair-terminal.png"))
    ap.add_argument("--bidi", choices=("auto", "logical", "visual"), default="auto")
    ap.add_argument("--lines", type=int, default=30, help="report lines to show (default 30)")
    ap.add_argument("--font", default="DejaVu Sans Mono")
    ap.add_argument("--geometry", default="150x34")
    ap.add_argument("--chromium", action="store_true", help="draw as a bidi terminal would, in headless Chromium")
    args = ap.parse_args(argv)
    if args.chromium:
        return bidi_page(args)
    missing = [t for t in ("Xvfb", "xterm", "import") if not shutil.which(t)]
    if missing:
        print(f"missing: {', '.join(missing)}; apt-get install -y xvfb xterm imagemagick", file=sys.stderr)
        return 2
    display = f":{90 + os.getpid() % 50}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1400x760x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, DISPLAY=display, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("VTE_VERSION", None)
    if args.bidi != "auto":
        env["MT_REPAIR_BIDI"] = args.bidi
    exe = ROOT / ".venv" / "bin" / "mt-repair"
    with tempfile.TemporaryDirectory() as tmp:
        done = Path(tmp) / "done"
        check = f"{shlex.quote(str(exe))} check --isolated --output-format full {shlex.quote(str(args.article))}"
        # `script` keeps the checker's stdout a terminal (as a user runs it) although `head` follows.
        inner = (f"script -qec {shlex.quote(check)} /dev/null | head -n {args.lines}; "
                 f"touch {shlex.quote(str(done))}; sleep 60")
        term = None
        try:
            time.sleep(1.5)
            term = subprocess.Popen(["xterm", "-u8", "-fa", args.font, "-fs", "11", "-geometry", args.geometry,
                                     "-xrm", "XTerm*vt100.background: white", "-xrm", "XTerm*vt100.foreground: black",
                                     "-e", "sh", "-c", inner], env=env)
            for _ in range(150):
                if done.exists():
                    break
                time.sleep(0.2)
            time.sleep(1.5)
            args.png.parent.mkdir(parents=True, exist_ok=True)
            r = subprocess.run(["import", "-display", display, "-window", "root", str(args.png)],
                               capture_output=True, text=True, timeout=60)
            if r.returncode or not args.png.is_file():
                print(f"import failed: {r.stderr.strip()}", file=sys.stderr)
                return 2
        finally:
            if term is not None:
                term.terminate()
            xvfb.terminate()
    print(args.png)
    return 0


def bidi_page(args) -> int:
    """The logical report, one `dir=auto` line per paragraph, screenshotted by Chromium."""
    import html

    sys.path.insert(0, str(ROOT / "eval"))
    from screenshot import chromium, screenshot

    browser = chromium()
    if browser is None:
        print("chromium not found; apt-get install -y chromium fonts-noto-core", file=sys.stderr)
        return 2
    env = dict(os.environ, MT_REPAIR_BIDI="logical", NO_COLOR="1")
    r = subprocess.run([str(ROOT / ".venv" / "bin" / "mt-repair"), "check", "--isolated", "--output-format", "full",
                        str(args.article)], capture_output=True, text=True, env=env, timeout=120)
    lines = r.stdout.splitlines()[: args.lines]
    body = "".join(f'<div dir="auto">{html.escape(line) or "&nbsp;"}</div>' for line in lines)
    page = ('<!DOCTYPE html><meta charset="utf-8"><style>body{margin:8px;background:#fff}'
            'div{white-space:pre;font:14px/1.35 "DejaVu Sans Mono",monospace}</style>' + body)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "terminal.html"
        path.write_text(page, encoding="utf-8")
        screenshot(browser, path, args.png, 1400, 24 + 19 * len(lines))
    print(args.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
