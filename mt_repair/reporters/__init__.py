"""Reporters turn results into text. They never decide anything about findings."""

from __future__ import annotations

from mt_repair.document import Document
from mt_repair.types import Applicability, Finding, Record, Severity

JSON_SCHEMA_VERSION = 1


class FileResult(Record):
    """One file's result. `skipped`: not checked, on purpose (hook mode, --force-exclude);
    `note` says why."""

    _fields = ("path", "text", "findings", "error", "fixed", "note", "skipped")

    def __init__(self, path: str, text: str = "", findings: list[Finding] | None = None, error: str | None = None,
                 fixed: int = 0, note: str | None = None, skipped: bool = False) -> None:
        self.path = path
        self.text = text
        self.findings = [] if findings is None else findings
        self.error = error
        self.fixed = fixed
        self.note = note
        self.skipped = skipped
        self._doc: Document | None = None

    @property
    def doc(self) -> Document:
        if self._doc is None:
            self._doc = Document(self.text, self.path)
        return self._doc

    def position(self, offset: int) -> tuple[int, int]:
        return self.doc.line_col(offset)


def location(result: FileResult, f: Finding) -> dict:
    line, col = result.position(f.start)
    end_line, end_col = result.position(f.end)
    return {"line": line, "column": col, "end_line": end_line, "end_column": end_col}


def finding_dict(result: FileResult, f: Finding) -> dict:
    out = {"path": result.path, **location(result, f), "code": f.code, "name": f.name,
           "category": f.category, "severity": str(f.severity), "message": f.message, "fix": None,
           "schema_version": JSON_SCHEMA_VERSION}
    if f.fix is not None:
        edits = []
        for e in f.fix.edits:
            l1, c1 = result.position(e.start)
            l2, c2 = result.position(e.end)
            edits.append({"line": l1, "column": c1, "end_line": l2, "end_column": c2,
                          "replacement": e.replacement})
        out["fix"] = {"applicability": str(f.fix.applicability), "edits": edits}
    return out


def summarize(results: list[FileResult]) -> dict:
    counts = {s: 0 for s in Severity}
    safe = unsafe = fixed = 0
    for r in results:
        fixed += r.fixed
        for f in r.findings:
            counts[f.severity] += 1
            if f.fix is not None:
                if f.fix.applicability == Applicability.SAFE:
                    safe += 1
                elif f.fix.applicability == Applicability.UNSAFE:
                    unsafe += 1
    return {"counts": counts, "safe": safe, "unsafe": unsafe, "fixed": fixed,
            "errors": sum(1 for r in results if r.error), "files": sum(1 for r in results if not r.skipped),
            "skipped": sum(1 for r in results if r.skipped)}


def summary_line(results: list[FileResult], fixing: bool = False) -> str:
    s = summarize(results)
    total = sum(s["counts"].values())
    parts = []
    if total:
        by = ", ".join(f"{n} {str(sev)}{'s' if n != 1 else ''}"
                       for sev, n in sorted(s["counts"].items(), reverse=True) if n)
        checked = s["files"] - s["errors"]  # a file that could not be read was not checked
        parts.append(f"Found {total} problem{'s' if total != 1 else ''} ({by}) in {checked} file"
                     f"{'s' if checked != 1 else ''}.")
    elif s["files"] > s["errors"]:  # files that could not be read were not found clean
        checked = s["files"] - s["errors"]
        parts.append(f"No problems found in {checked} file{'s' if checked != 1 else ''}.")
    if s["fixed"]:
        parts.append(f"Fixed {s['fixed']}.")
    if s["safe"] and not fixing:
        parts.append(f"{s['safe']} fixable with --fix.")
    if s["unsafe"]:
        parts.append(f"{s['unsafe']} more with --unsafe-fixes.")
    if s["errors"]:
        parts.append(f"{s['errors']} file{'s' if s['errors'] != 1 else ''} could not be checked.")
    if s["skipped"]:
        parts.append(f"{s['skipped']} file{'s' if s['skipped'] != 1 else ''} skipped.")
    return " ".join(parts)
