#!/usr/bin/env python3
"""Render an evaluation report in headless Chromium: a PNG screenshot plus two checks.

    python eval/screenshot.py eval-report/report.html            # writes eval-report/report.png
    python eval/screenshot.py REPORT.html --png out.png --width 1000

Checks, read back from the page as Chromium laid it out:
- nothing overflows: the page is no wider than the window, and no block (table cell,
  example column, paragraph) has content wider than itself;
- Arabic reads right to left: every `dir="rtl"` block, and every `dir="auto"` snippet whose
  text starts with Arabic, has computed direction `rtl`.

Needs Debian's Chromium and an Arabic font (this script installs nothing):
    apt-get install -y chromium fonts-noto-core
Exit status: 0 checks passed, 1 a check failed, 2 Chromium missing or failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Runs in the page after layout; writes its verdict into the DOM, which --dump-dom prints.
CHECK_JS = r"""
<script>
window.addEventListener('load', () => {
  const root = document.documentElement, vw = root.clientWidth;
  const over = [];
  if (root.scrollWidth > vw + 1) over.push('page: ' + root.scrollWidth + 'px wide in a ' + vw + 'px window');
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg')) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'inline' || el.clientWidth === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1)
      over.push(el.tagName.toLowerCase() + '.' + el.className + ': ' + el.scrollWidth + '>' + el.clientWidth +
                ' «' + el.textContent.trim().slice(0, 50) + '»');
    const r = el.getBoundingClientRect();
    if (r.right > vw + 1) over.push(el.tagName.toLowerCase() + ' ends at ' + Math.round(r.right) + 'px');
  }
  const arabic = /^[^A-Za-z\u0600-\u06FF]*[\u0600-\u06FF]/;
  let rtl = 0, wrong = [];
  for (const el of document.querySelectorAll('[dir="rtl"], [dir="auto"]')) {
    const isAr = el.getAttribute('dir') === 'rtl' || arabic.test(el.textContent);
    if (!isAr) continue;
    rtl++;
    if (getComputedStyle(el).direction !== 'rtl') wrong.push(el.textContent.trim().slice(0, 50));
  }
  const out = document.createElement('pre');
  out.id = 'mt-repair-check';
  out.textContent = JSON.stringify({width: vw, overflow: over.slice(0, 20), overflow_count: over.length,
                                    rtl_blocks: rtl, rtl_wrong: wrong.slice(0, 20)});
  document.body.appendChild(out);
});
</script>
"""


def chromium() -> str | None:
    return next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)


def _run(browser: str, args: list[str], timeout: int = 90) -> subprocess.CompletedProcess:
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--mute-audio"]
    with tempfile.TemporaryDirectory(prefix="mt-repair-chromium-") as profile:
        return subprocess.run(base + [f"--user-data-dir={profile}"] + args, capture_output=True, text=True,
                              timeout=timeout)


def check_layout(browser: str, html_path: Path, width: int) -> dict:
    """Lay the page out with CHECK_JS appended (in a temporary copy) and read the verdict."""
    page = html_path.read_text(encoding="utf-8")
    page = page.replace("</body>", CHECK_JS + "</body>") if "</body>" in page else page + CHECK_JS
    with tempfile.TemporaryDirectory(prefix="mt-repair-check-") as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(page, encoding="utf-8")
        r = _run(browser, [f"--window-size={width},1000", "--virtual-time-budget=5000", "--dump-dom",
                           copy.resolve().as_uri()])
    m = re.search(r'<pre id="mt-repair-check">(.*?)</pre>', r.stdout, re.S)
    if not m:
        raise RuntimeError(f"chromium did not lay out the page (exit {r.returncode}): {r.stderr.strip()[-400:]}")
    import html as _html

    return json.loads(_html.unescape(m.group(1)))


def page_height(browser: str, html_path: Path, width: int) -> int:
    """The laid-out page height, so that the screenshot shows the whole report."""
    page = html_path.read_text(encoding="utf-8")
    probe = ("<script>window.addEventListener('load',()=>{const p=document.createElement('pre');p.id='mt-h';"
             "p.textContent=String(document.documentElement.scrollHeight);document.body.appendChild(p);});</script>")
    with tempfile.TemporaryDirectory(prefix="mt-repair-check-") as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(page.replace("</body>", probe + "</body>"), encoding="utf-8")
        r = _run(browser, [f"--window-size={width},1000", "--virtual-time-budget=5000", "--dump-dom",
                           copy.resolve().as_uri()])
    m = re.search(r'<pre id="mt-h">(\d+)</pre>', r.stdout)
    return int(m.group(1)) if m else 3000


def screenshot(browser: str, html_path: Path, png: Path, width: int, height: int) -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    r = _run(browser, [f"--window-size={width},{height}", "--virtual-time-budget=5000",
                       f"--screenshot={png.resolve()}", html_path.resolve().as_uri()])
    if not png.is_file():
        raise RuntimeError(f"no screenshot written (exit {r.returncode}): {r.stderr.strip()[-400:]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("html", type=Path, help="the report.html to render")
    ap.add_argument("--png", type=Path, default=None, help="screenshot path (default: beside the page, .png)")
    ap.add_argument("--width", type=int, default=1200, help="window width in CSS pixels (default 1200)")
    ap.add_argument("--max-height", type=int, default=16000, help="cap on the screenshot height")
    ap.add_argument("--check-only", action="store_true", help="run the checks, take no screenshot")
    args = ap.parse_args(argv)
    browser = chromium()
    if browser is None:
        print("chromium not found; install it with: apt-get install -y chromium fonts-noto-core", file=sys.stderr)
        return 2
    if not args.html.is_file():
        print(f"{args.html} does not exist", file=sys.stderr)
        return 2
    try:
        verdict = check_layout(browser, args.html, args.width)
        if not args.check_only:
            png = args.png or args.html.with_suffix(".png")
            height = min(page_height(browser, args.html, args.width), args.max_height)
            screenshot(browser, args.html, png, args.width, height)
            verdict["png"] = str(png)
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
        print(f"chromium failed: {exc}", file=sys.stderr)
        return 2
    ok = verdict["overflow_count"] == 0 and not verdict["rtl_wrong"]
    verdict["ok"] = ok
    print(json.dumps(verdict, ensure_ascii=False, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.setdefault("LANG", "C.UTF-8")
    sys.exit(main())
