"""Machine-readable formats: json, concise, github (sarif is in sarif.py)."""

from __future__ import annotations

from mt_repair.reporters import FileResult, finding_dict, location


def render_json(results: list[FileResult]) -> str:
    """The findings as a JSON list, valid UTF-8 whatever the file names: a name byte that
    is not UTF-8 (a surrogate escape, `\\udce9` for 0xE9) is written as a JSON `\\u` escape,
    so `os.fsencode(json.loads(out)[0]["path"])` gives back the exact name."""
    import json  # here: the other formats do without it
    import re

    items = [finding_dict(r, f) for r in results for f in r.findings]
    out = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    # surrogates only occur inside JSON strings, where a \\u escape is valid JSON
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", out)


def render_concise(results: list[FileResult]) -> str:
    out = []
    for r in results:
        if r.error:
            out.append(f"{r.path}: error: {r.error}")
        if r.note:
            out.append(f"{r.path}: note: {r.note}")
        for f in r.findings:
            loc = location(r, f)
            out.append(f"{r.path}:{loc['line']}:{loc['column']}: {f.code} [{f.severity}] {f.message}")
    return "\n".join(out) + ("\n" if out else "")


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s


def render_github(results: list[FileResult]) -> str:
    """GitHub Actions workflow commands (`::warning file=...::message`)."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for r in results:
        if r.error:
            out.append(f"::error file={_gh_escape(r.path, True)},title=mt-repair::{_gh_escape(r.error)}")
        for f in r.findings:
            loc = location(r, f)
            out.append(
                f"::{level[str(f.severity)]} file={_gh_escape(r.path, True)},line={loc['line']},"
                f"col={loc['column']},endLine={loc['end_line']},endColumn={loc['end_column']},"
                f"title={_gh_escape(f.code + ' ' + f.name, True)}::{_gh_escape(f.message)}")
    return "\n".join(out) + ("\n" if out else "")
