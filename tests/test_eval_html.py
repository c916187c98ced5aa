"""The HTML report in a real browser: Debian's headless Chromium lays it out, we read back
whether anything overflows and whether Arabic runs right to left, and take a screenshot.
Skipped where Chromium is not installed (`apt-get install -y chromium fonts-noto-core`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mt_repair.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "eval"


@pytest.mark.skipif(not any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")),
                    reason="chromium is not installed")
def test_report_renders_without_overflow_and_right_to_left(tmp_path):
    out = tmp_path / "report"
    assert main(["eval", "--isolated", "--no-progress", str(ROOT / "examples"), "--labels",
                 str(ROOT / "examples" / "labels.jsonl"), "--bootstrap", "0", "-o", str(out)]) == 0
    png = tmp_path / "shot.png"
    r = subprocess.run([sys.executable, str(ROOT / "eval" / "screenshot.py"), str(out / "report.html"),
                        "--png", str(png), "--width", "900", "--max-height", "3000"],
                       capture_output=True, text=True, timeout=240)
    assert r.returncode == 0, r.stdout + r.stderr
    verdict = json.loads(r.stdout)
    assert verdict["ok"] and verdict["overflow_count"] == 0 and not verdict["rtl_wrong"]
    assert verdict["rtl_blocks"] >= 5
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


@pytest.mark.skipif(not any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")),
                    reason="chromium is not installed")
def test_the_layout_check_catches_overflow_and_left_to_right_arabic(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
                    '<div style="width:300px;white-space:nowrap;overflow:hidden">' + "wide " * 200 + "</div>"
                    '<div dir="ltr" style="direction:ltr"><span dir="auto">قال الوزير</span></div>'
                    '<p dir="rtl" style="direction:ltr">قال الوزير إن المحادثات مستمرة</p></body></html>',
                    encoding="utf-8")
    r = subprocess.run([sys.executable, str(ROOT / "eval" / "screenshot.py"), str(page), "--check-only",
                        "--width", "600"], capture_output=True, text=True, timeout=120)
    verdict = json.loads(r.stdout)
    assert r.returncode == 1 and not verdict["ok"]
    assert verdict["overflow_count"] >= 1 and len(verdict["rtl_wrong"]) == 1
