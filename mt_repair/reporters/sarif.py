"""SARIF 2.1.0 (OASIS), for code-scanning dashboards such as GitHub's.

One run; `tool.driver.rules` lists every rule (so a rule's index never changes), each
with its docstring's first line as short description and its default severity as level.
Columns count Unicode code points, as everywhere in mt-repair, and the run says so
(`columnKind`; SARIF's default is UTF-16 code units). Regions end exclusive, as in the
JSON format. Paths below the current folder are relative URIs against `%SRCROOT%`;
others are absolute `file://` URIs. Files that could not be read, and files skipped with
a note, are tool execution notifications. Each result carries the baseline fingerprint
(`partialFingerprints`), which does not change when lines move.

Each rule carries its whole docstring as `help` (code-scanning dashboards show it with the
alert) and, where the installed package names a `Documentation` URL (`[project.urls]` in
pyproject.toml), a `helpUri` of `<Documentation>/rules/<CODE>`: one page per rule, as
ruff's documentation does, and a link that follows whoever hosts the docs.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from urllib.parse import quote

from mt_repair.baseline import fingerprint
from mt_repair.reporters import FileResult

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
APPLICABILITY = {"safe": "safe fix", "unsafe": "unsafe fix (needs --unsafe-fixes)",
                 "display-only": "suggestion (never applied)"}


def _artifact(path: str, base: Path) -> dict:
    # URIs are percent-encoded from the name's bytes (os.fsencode): a file name that is not
    # UTF-8 arrives as surrogate escapes, which `quote` of a str cannot encode
    if path.startswith("<"):  # <stdin>
        return {"uri": quote(os.fsencode(path), safe="")}
    absolute = Path(os.path.abspath(path))
    try:
        rel = absolute.relative_to(base)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(os.fsencode(rel.as_posix()), safe="/"), "uriBaseId": "%SRCROOT%"}


def _scrub(value):
    """`value` with every string made valid Unicode: a surrogate escape (a byte of a file
    name that is not UTF-8, in a message) is written as `\\xe9`, so the log is valid UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def _region(result: FileResult, start: int, end: int, snippet: bool = True) -> dict:
    line, col = result.position(start)
    end_line, end_col = result.position(end)
    region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}
    if snippet:
        region["snippet"] = {"text": result.text[start:end]}
    return region


def docs_url() -> str | None:
    """The installed package's `Documentation` project URL, without a trailing `/`, or None."""
    from importlib import metadata

    try:
        entries = metadata.distribution("mt-repair").metadata.get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("documentation", "docs") and url.strip():
            return url.strip().rstrip("/")
    return None


def help_uri(code: str, docs: str) -> str:
    return f"{docs.rstrip('/')}/rules/{quote(code)}"


def _rule(rule, docs: str | None = None) -> dict:
    summary = rule.summary.split(": ", 1)[-1]
    doc = inspect.cleandoc(rule.doc)
    body = doc.split("\n", 1)
    out = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": body[1].strip() if len(body) > 1 else summary},
        "help": {"text": doc},
        "defaultConfiguration": {"level": LEVEL[str(rule.severity)]},
        "properties": {"tags": [rule.category]},
    }
    if docs:
        out["helpUri"] = help_uri(rule.code, docs)
    return out


def _fix(result: FileResult, f, artifact: dict) -> dict:
    applicability = str(f.fix.applicability)
    return {
        "description": {"text": APPLICABILITY[applicability]},
        "artifactChanges": [{
            "artifactLocation": artifact,
            "replacements": [{"deletedRegion": _region(result, e.start, e.end, snippet=False),
                              "insertedContent": {"text": e.replacement}} for e in f.fix.edits],
        }],
        "properties": {"applicability": applicability},
    }


def render_sarif(results: list[FileResult], rules, version: str, base: str | None = None,
                 docs: str | None = "installed") -> str:
    """The SARIF log for `results`; `rules` are all the rules, `base` the %SRCROOT% folder,
    `docs` the documentation URL rule links start with (default: the installed package's;
    None: no links)."""
    if docs == "installed":
        docs = docs_url()
    root = Path(os.path.abspath(base or os.getcwd()))
    index = {rule.code: i for i, rule in enumerate(rules)}
    sarif_results = []
    notifications = []
    for r in results:
        artifact = _artifact(r.path, root)
        if r.error or r.note:
            notifications.append({
                "level": "error" if r.error else "note",
                "message": {"text": r.error or r.note},
                "locations": [{"physicalLocation": {"artifactLocation": artifact}}],
            })
        for f in r.findings:
            item = {
                "ruleId": f.code,
                "level": LEVEL[str(f.severity)],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": artifact,
                                                    "region": _region(r, f.start, f.end)}}],
                "partialFingerprints": {"mtRepairBaseline/v1": fingerprint(r.text, f)},
                "properties": {"category": f.category, "name": f.name},
            }
            if f.code in index:
                item["ruleIndex"] = index[f.code]
            if f.fix is not None:
                item["fixes"] = [_fix(r, f, artifact)]
            sarif_results.append(item)
    run = {
        "tool": {"driver": {"name": "mt-repair", "version": version, "semanticVersion": version,
                            "rules": [_rule(rule, docs) for rule in rules]}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri().rstrip("/") + "/"}},
        "invocations": [{"executionSuccessful": not any(r.error for r in results),
                         "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(_scrub(log), ensure_ascii=False, indent=2) + "\n"
