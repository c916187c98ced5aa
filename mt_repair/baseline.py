"""Baselines: record today's findings so that only new ones are reported.

For archives with old issues. `mt-repair check PATHS --write-baseline FILE` records the
findings of that run; `mt-repair check PATHS --baseline FILE` hides the recorded ones.

A finding is recorded by a fingerprint without its line or column, so it survives lines
added or removed anywhere in the file: the rule code, the flagged text and up to
`CONTEXT` characters on each side of it on its own line (NFC, whitespace collapsed), kept
under the file's path relative to the baseline file's folder. Equal fingerprints in one
file are counted: with 2 recorded, the first 2 found are hidden and a third is new.
Editing the flagged text or the words right next to it makes the finding new again, and
so does renaming the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from pathlib import Path

from mt_repair.types import Finding

FORMAT = "mt-repair-baseline"
VERSION = 1
CONTEXT = 16  # characters each side of the span that go into the fingerprint
SHOWN = 40  # characters of flagged text kept in the file for the people who read it


class BaselineError(ValueError):
    pass


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def fingerprint(text: str, f: Finding) -> str:
    """A short hash of the code, the flagged text and its context on the same line."""
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, f.start - CONTEXT):f.start]
    after = text[f.end:min(line_end, f.end + CONTEXT)]
    key = "\x1f".join((f.code, _norm(before), _norm(text[f.start:f.end]), _norm(after)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class Baseline:
    """Recorded fingerprints with their counts, per file (paths relative to `root`)."""

    def __init__(self, root: Path, counts: dict[str, Counter] | None = None,
                 shown: dict[tuple[str, str], tuple[str, str]] | None = None) -> None:
        self.root = Path(os.path.abspath(root))
        self.counts: dict[str, Counter] = counts or {}
        self._shown = shown or {}  # (path, fingerprint) -> (code, text): for people, never matched
        self.hidden = 0  # findings hidden so far by `filter`
        self.stale = 0  # recorded findings no longer found in the files filtered so far

    # -- paths -----------------------------------------------------------------------
    def key(self, path: str) -> str:
        """`path` relative to the baseline's folder, with forward slashes."""
        if path.startswith("<"):  # <stdin>
            return path
        rel = os.path.relpath(os.path.abspath(path), self.root)
        return rel.replace(os.sep, "/")

    # -- use -------------------------------------------------------------------------
    def filter(self, path: str, text: str, findings: list[Finding]) -> list[Finding]:
        """The findings of one file that the baseline does not record."""
        left = Counter(self.counts.get(self.key(path), ()))
        kept = []
        for f in findings:
            fp = fingerprint(text, f)
            if left[fp] > 0:
                left[fp] -= 1
                self.hidden += 1
            else:
                kept.append(f)
        self.stale += sum(n for n in left.values() if n > 0)
        return kept

    # -- record ----------------------------------------------------------------------
    @classmethod
    def record(cls, root: Path, results) -> "Baseline":
        """A baseline of every finding in `results` (FileResult objects)."""
        base = cls(root)
        for r in results:
            if not r.findings:
                continue
            key = base.key(r.path)
            counts = base.counts.setdefault(key, Counter())
            for f in r.findings:
                fp = fingerprint(r.text, f)
                counts[fp] += 1
                shown = _norm(r.text[f.start:f.end])
                base._shown.setdefault((key, fp), (f.code, shown[:SHOWN] + ("…" if len(shown) > SHOWN else "")))
        return base

    @property
    def total(self) -> int:
        return sum(sum(c.values()) for c in self.counts.values())

    def dumps(self) -> str:
        files = {}
        for path in sorted(self.counts):
            rows = []
            for fp, n in self.counts[path].items():
                code, shown = self._shown.get((path, fp), ("", ""))
                rows.append({"code": code, "fingerprint": fp, "count": n, "text": shown})
            files[path] = sorted(rows, key=lambda r: (r["code"], r["text"], r["fingerprint"]))
        data = {"format": FORMAT, "version": VERSION,
                "comment": "Findings recorded by `mt-repair check --write-baseline`; "
                           "`mt-repair check --baseline` hides them. `text` is for reading only.",
                "files": files}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def write(self, path: str | Path) -> None:
        from mt_repair.textio import write_atomic

        write_atomic(path, self.dumps().encode("utf-8"), create=True)  # never a half-written baseline

    @classmethod
    def load(cls, path: str | Path) -> "Baseline":
        """Read a baseline file. Every part of it is checked: a file that is not one, or an
        entry that is not as `dumps` writes it, raises BaselineError naming what is wrong."""
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"), parse_constant=_no_constant)
        except FileNotFoundError:
            raise BaselineError(f"baseline {p} does not exist; write one with --write-baseline {p}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"baseline {p}: cannot read: {exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"baseline {p}: invalid JSON: {exc}") from None
        except RecursionError:  # json parses nested arrays recursively
            raise BaselineError(f"baseline {p}: invalid JSON: arrays or objects nested too deeply") from None
        except ValueError as exc:  # NaN, Infinity
            raise BaselineError(f"baseline {p}: {exc}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BaselineError(f"baseline {p}: not an mt-repair baseline (no \"format\": \"{FORMAT}\")")
        if data.get("version") != VERSION:
            raise BaselineError(f"baseline {p}: version {data.get('version')!r}; this mt-repair reads {VERSION}")
        files = data.get("files")
        if not isinstance(files, dict):
            raise BaselineError(f"baseline {p}: malformed: \"files\" must be an object of path -> list of findings, "
                                f"not {type(files).__name__ if files is not None else 'missing'}")
        counts: dict[str, Counter] = {}
        shown = {}
        for file, rows in files.items():
            if not isinstance(rows, list):
                raise BaselineError(f"baseline {p}: malformed entry for {file}: a list of findings was expected, "
                                    f"not {type(rows).__name__}")
            c = counts.setdefault(file, Counter())
            for n, row in enumerate(rows, 1):
                at = f"baseline {p}: malformed finding {n} of {file}"
                if not isinstance(row, dict):
                    raise BaselineError(f"{at}: must be an object with fingerprint and count")
                fp, count = row.get("fingerprint"), row.get("count")
                if not isinstance(fp, str) or not fp:
                    raise BaselineError(f"{at}: fingerprint must be a string, not {fp!r}")
                # bool is an int to Python; 1.0 or "2" would be read silently as something else
                if type(count) is not int or count < 1:
                    raise BaselineError(f"{at}: count must be a whole number of 1 or more, not {count!r}")
                c[fp] += count
                shown[(file, fp)] = (str(row.get("code", "")), str(row.get("text", "")))
        return cls(p.parent, counts, shown)


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows (a count must be a whole number)")
