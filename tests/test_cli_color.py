"""`--color auto|always|never` and the NO_COLOR / FORCE_COLOR conventions (full format).

always/never win over the environment; under auto NO_COLOR (set, not empty) turns colour
off, then FORCE_COLOR (set, not empty, not 0) turns it on, else colour on a terminal unless
TERM=dumb. Colour never changes where the Arabic goes: that follows the real terminal.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

import pytest

from mt_repair.cli import main, use_color
from mt_repair.reporters.full import FSI

ESC = "\x1b["
ARTICLE = "قال الوزير إن المحادثات مستمرة ، وأضاف أن الاتفاق قريب.\nThe minister said said that .\n"


@pytest.mark.parametrize("choice, tty, env, expected", [
    ("auto", True, {}, True),
    ("auto", False, {}, False),
    ("auto", True, {"NO_COLOR": "1"}, False),
    ("auto", True, {"NO_COLOR": ""}, True),  # empty means unset (no-color.org)
    ("auto", False, {"FORCE_COLOR": "1"}, True),
    ("auto", False, {"FORCE_COLOR": ""}, False),
    ("auto", False, {"FORCE_COLOR": "0"}, False),
    ("auto", True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ("auto", True, {"TERM": "dumb"}, False),
    ("always", False, {"NO_COLOR": "1"}, True),  # the flag wins over the environment
    ("never", True, {"FORCE_COLOR": "1"}, False),
    ("never", True, {}, False),
])
def test_use_color(choice, tty, env, expected):
    assert use_color(choice, tty, env) is expected


def run(tmp_path, monkeypatch, capsys, *argv, env=None) -> str:
    for k in ("NO_COLOR", "FORCE_COLOR", "MT_REPAIR_BIDI"):
        monkeypatch.delenv(k, raising=False)
    for k, v in (env or {}).items():
        monkeypatch.setenv(k, v)
    art = tmp_path / "a.md"
    art.write_text(ARTICLE, encoding="utf-8")
    capsys.readouterr()
    main(["check", "--output-format", "full", "--no-hunspell", *argv, str(art)])
    return capsys.readouterr().out


@pytest.mark.parametrize("argv, env, colored", [
    ([], {}, False),  # a pipe
    (["--color", "always"], {}, True),
    (["--color", "always"], {"NO_COLOR": "1", "TERM": "dumb"}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
])
def test_full_output_escape_codes(tmp_path, monkeypatch, capsys, argv, env, colored):
    out = run(tmp_path, monkeypatch, capsys, *argv, env=env)
    assert "RP001" in out
    assert (ESC in out) is colored


def test_forced_colour_keeps_arabic_in_reading_order_in_a_pipe(tmp_path, monkeypatch, capsys):
    out = run(tmp_path, monkeypatch, capsys, "--color", "always")
    assert FSI in out and "المحادثات" in out  # isolates, not reversed presentation forms


def test_color_choice_is_checked(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--color", "sometimes", "x.md"])
    assert exc.value.code == 2


def _in_a_terminal(tmp_path, *argv, env=None) -> str:
    """The CLI run with its stdout on a pseudo-terminal, as a user sees it."""
    art = tmp_path / "a.md"
    art.write_text(ARTICLE, encoding="utf-8")
    master, slave = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "MT_REPAIR_BIDI")}
    environ.update({"TERM": "xterm-256color", "COLUMNS": "100", **(env or {})})
    proc = subprocess.Popen([sys.executable, "-m", "mt_repair", "check", "--no-hunspell", *argv, str(art)],
                            stdout=slave, stderr=subprocess.DEVNULL, env=environ)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals as on Linux")
def test_on_a_real_terminal(tmp_path):
    assert ESC in _in_a_terminal(tmp_path)
    assert ESC not in _in_a_terminal(tmp_path, env={"NO_COLOR": "1"})
    assert ESC not in _in_a_terminal(tmp_path, "--color", "never")
