"""Human output with rich: each finding with its line, the span marked, invisibles named."""

from __future__ import annotations

from mt_repair.reporters import FileResult, location, summary_line
from mt_repair.text import INVISIBLE_RE
from mt_repair.types import Applicability

CONTEXT = 50  # characters of context shown on each side of a long line's span
STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _visible(s: str) -> str:
    return INVISIBLE_RE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", s)


def render_full(results: list[FileResult], console, fixing: bool = False, show_source: bool = True) -> None:
    from rich.text import Text

    for r in results:
        if r.error:
            console.print(Text.assemble((r.path, "bold"), ": ", ("error", "bold red"), f": {r.error}"))
            continue
        if r.note:
            console.print(Text.assemble((r.path, "bold"), f": {r.note}"), style="dim")
        for f in r.findings:
            loc = location(r, f)
            sev = str(f.severity)
            head = Text.assemble((f"{r.path}:{loc['line']}:{loc['column']}", "bold"), ": ",
                                 (f.code, STYLE[sev]), f" [{sev}] ", _visible(f.message))
            console.print(head)
            if not show_source:
                continue
            ls, le = r.doc.line_span(loc["line"])
            s, e = f.start, min(f.end, le) if f.end > le else f.end
            a = max(ls, s - CONTEXT)
            b = min(le, max(e, s + 1) + CONTEXT)
            line = Text(f"  {loc['line']:>4} │ ", style="dim")
            if a > ls:
                line.append("…", style="dim")
            line.append(_visible(r.text[a:s]))
            line.append("⟦", style="bold magenta")
            line.append(_visible(r.text[s:e]) or "∅", style="reverse " + STYLE[sev])
            line.append("⟧", style="bold magenta")
            line.append(_visible(r.text[e:b]))
            if b < le:
                line.append("…", style="dim")
            console.print(line, soft_wrap=True)
            if f.fix is not None:
                label = {Applicability.SAFE: "fix", Applicability.UNSAFE: "unsafe fix",
                         Applicability.DISPLAY_ONLY: "suggestion"}[f.fix.applicability]
                shown = "; ".join(
                    f"replace ⟦{_visible(r.text[x.start:x.end])}⟧ with ⟦{_visible(x.replacement)}⟧"
                    if x.end > x.start and x.replacement else
                    (f"delete ⟦{_visible(r.text[x.start:x.end])[:60]}⟧" if x.end > x.start
                     else f"insert ⟦{_visible(x.replacement)}⟧")
                    for x in f.fix.edits[:3])
                console.print(Text(f"       = {label}: {shown}", style="dim green"), soft_wrap=True)
    console.print(summary_line(results, fixing), style="bold")
