"""What `mt-repair archive` writes, on the client, in batch order.

OUT/findings.parquet (or .jsonl): one row per finding, FINDING_COLUMNS, in input order
(a folder's files sorted by path), each article's findings by position. OUT/errors.jsonl:
articles that could not be checked. OUT/summary.json: per-rule and per-section counts.
With --fix-output DIR: the changed articles only — files at their relative paths for a
folder (in their own encoding), DIR/fixed.parquet or .jsonl (id, path, text, fixes) for
records. Every file is written under a temporary name and renamed when the run ends, so
an interrupted run leaves no half file that looks finished.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from mt_repair.archive.job import FINDING_COLUMNS, BatchResult

FLUSH_ROWS = 50_000  # findings per Parquet row group
SEVERITIES = ("error", "warning", "info")
FIXABILITY = ("safe", "unsafe", "display-only")
OUTPUT_NAMES = ("findings.parquet", "findings.jsonl", "errors.jsonl", "summary.json")
SCHEMA_VERSION = 1


class _Records:
    """Rows to a Parquet or JSONL file under a temporary name."""

    def __init__(self, path: Path, fmt: str, columns: tuple[str, ...], types: dict):
        self.final = path
        self.tmp = path.with_name(f".{path.name}.tmp")
        self.fmt, self.columns, self.rows = fmt, columns, []
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            self.schema = pa.schema([(c, types.get(c, pa.string())) for c in columns])
            self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        else:
            self.fh = open(self.tmp, "w", encoding="utf-8", newline="\n")

    def add(self, rows) -> None:
        if self.fmt == "jsonl":
            for row in rows:
                self.fh.write(json.dumps(dict(zip(self.columns, row)), ensure_ascii=False) + "\n")
            return
        self.rows.extend(rows)
        if len(self.rows) >= FLUSH_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            cols = list(zip(*self.rows))
            self.writer.write_table(pa.Table.from_arrays(
                [pa.array(c, type=self.schema.field(i).type) for i, c in enumerate(cols)], schema=self.schema))
            self.rows = []

    def close(self) -> None:
        if self.fmt == "parquet":
            self._flush()
            self.writer.close()
        else:
            self.fh.close()
        os.replace(self.tmp, self.final)

    def abort(self) -> None:
        try:
            (self.writer if self.fmt == "parquet" else self.fh).close()
        except Exception:
            pass
        self.tmp.unlink(missing_ok=True)


def _int_types() -> dict:
    import pyarrow as pa

    return {"line": pa.int32(), "column": pa.int32(), "start": pa.int64(), "end": pa.int64(), "fixes": pa.int32()}


class Sink:
    def __init__(self, out: Path, fmt: str, fix_dir: Path | None):
        types = _int_types() if fmt == "parquet" else {}
        out.mkdir(parents=True, exist_ok=True)
        self.out, self.fmt, self.fix_dir = out, fmt, fix_dir
        self.findings = _Records(out / f"findings.{fmt}", fmt, FINDING_COLUMNS, types)
        self.errors_fh = None
        self.fixed_records: _Records | None = None
        self.totals = Counter()
        self.rules: dict[str, Counter] = {}
        self.rule_meta: dict[str, tuple[str, str]] = {}
        self.sections: dict[str, Counter] = {}
        self._types = types

    # -- per batch --------------------------------------------------------------------
    def add(self, result: BatchResult, folder: bool) -> None:
        self.findings.add(result.rows)
        for row in result.rows:
            if row[3] not in self.rule_meta:
                self.rule_meta[row[3]] = (row[4], row[5])
        self.add_errors(result.errors)
        if result.fixed:
            self._write_fixed(result.fixed, folder)
        t = self.totals
        t["articles"] += result.articles
        t["words"] += result.words
        t["findings"] += len(result.rows)
        t["fixed_articles"] += len(result.fixed)
        t["fixes"] += result.fixes
        t["cpu"] += result.cpu
        for code, c in result.rules.items():
            self.rules.setdefault(code, Counter()).update(c)
        for name, c in result.sections.items():
            self.sections.setdefault(name, Counter()).update(c)

    def add_errors(self, errors: list[dict]) -> None:
        """Articles (or files left out while planning) that could not be checked."""
        if not errors:
            return
        if self.errors_fh is None:
            self.errors_tmp = self.out / ".errors.jsonl.tmp"
            self.errors_fh = open(self.errors_tmp, "w", encoding="utf-8", newline="\n")
        for e in errors:
            self.errors_fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        self.totals["errors"] += len(errors)

    def _write_fixed(self, fixed, folder: bool) -> None:
        if folder:
            from mt_repair.textio import InputError, write_atomic

            for ident, rel, text, encoding, bom, _n in fixed:
                target = self.fix_dir / rel
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    write_atomic(target, bom + text.encode(encoding), create=True)
                except (OSError, InputError) as exc:  # one file; the others go on
                    self.totals["fixed_articles"] -= 1
                    self.add_errors([{"id": ident, "path": rel, "error": f"fixed copy not written to {target}: "
                                      f"{getattr(exc, 'strerror', None) or exc}"}])
            return
        if self.fixed_records is None:
            self.fix_dir.mkdir(parents=True, exist_ok=True)
            self.fixed_records = _Records(self.fix_dir / f"fixed.{self.fmt}", self.fmt,
                                          ("id", "path", "text", "fixes"), self._types)
        self.fixed_records.add([(i, p, text, n) for i, p, text, _e, _b, n in fixed])

    # -- end --------------------------------------------------------------------------
    def summary(self, run: dict) -> dict:
        t = self.totals
        by_sev = {s: sum(c[s] for c in self.rules.values()) for s in SEVERITIES}
        rules = {}
        for code in sorted(self.rules):
            c = self.rules[code]
            name, category = self.rule_meta.get(code, ("", ""))
            rules[code] = {"name": name, "category": category, "findings": c["findings"],
                           "articles": c["articles"], **{s: c[s] for s in SEVERITIES},
                           "fixable": {k: c[f"fix:{k}"] for k in FIXABILITY}}
        sections = {}
        for name in sorted(self.sections):
            c = self.sections[name]
            sections[name] = {
                "articles": c["articles"], "words": c["words"], "errors": c["errors"],
                "findings": c["findings"], "articles_with_findings": c["articles_with_findings"],
                "per_1000_words": round(1000 * c["findings"] / c["words"], 3) if c["words"] else 0.0,
                "by_severity": {s: c[s] for s in SEVERITIES},
                "by_category": {k.split(":", 1)[1]: v for k, v in sorted(c.items()) if k.startswith("category:")}}
        out = {"schema_version": SCHEMA_VERSION, "articles": t["articles"], "words": t["words"],
               "findings": t["findings"], "errors": t["errors"], "by_severity": by_sev,
               "rules": rules, "sections": sections, "run": run}
        if self.fix_dir is not None:
            out["fixed"] = {"articles": t["fixed_articles"], "fixes": t["fixes"], "to": str(self.fix_dir)}
        return out

    def close(self, run: dict) -> dict:
        self.findings.close()
        if self.errors_fh is not None:
            self.errors_fh.close()
            os.replace(self.errors_tmp, self.out / "errors.jsonl")
        else:
            (self.out / "errors.jsonl").unlink(missing_ok=True)  # an earlier run's (--force)
        other = "jsonl" if self.fmt == "parquet" else "parquet"
        (self.out / f"findings.{other}").unlink(missing_ok=True)  # ditto, in the other format
        if self.fixed_records is not None:
            self.fixed_records.close()
        summary = self.summary(run)
        tmp = self.out / ".summary.json.tmp"
        tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, self.out / "summary.json")
        return summary

    def abort(self) -> None:
        self.findings.abort()
        if self.errors_fh is not None:
            self.errors_fh.close()
            self.errors_tmp.unlink(missing_ok=True)
        if self.fixed_records is not None:
            self.fixed_records.abort()


def render_summary(s: dict, out: Path, top_sections: int = 20) -> str:
    """The summary as text for the terminal; summary.json has everything."""
    run = s["run"]
    lines = [f"Checked {s['articles']:,} articles ({s['words']:,} words) in {run['seconds']:.1f} s on "
             f"{run['workers']} worker{'s' if run['workers'] != 1 else ''}: "
             f"{run['articles_per_s']:,.0f} articles/s, {run['words_per_s']:,.0f} words/s."]
    sev = ", ".join(f"{n:,} {k}" for k, n in s["by_severity"].items() if n)
    with_findings = sum(v["articles_with_findings"] for v in s["sections"].values())
    lines.append(f"Found {s['findings']:,} problems ({sev or 'none'}) in {with_findings:,} articles."
                 if s["findings"] else "No problems found.")
    if s.get("fixed"):
        f = s["fixed"]
        lines.append(f"Fixed {f['fixes']:,} problems in {f['articles']:,} articles, written to {f['to']}.")
    if s["errors"]:
        lines.append(f"{s['errors']:,} articles could not be checked: see {out / 'errors.jsonl'}.")
    if s["rules"]:
        lines += ["", f"{'rule':<7} {'name':<28} {'findings':>9} {'articles':>9} {'safe fix':>9}"]
        for code, r in sorted(s["rules"].items(), key=lambda kv: (-kv[1]["findings"], kv[0])):
            lines.append(f"{code:<7} {r['name'][:28]:<28} {r['findings']:>9,} {r['articles']:>9,} "
                         f"{r['fixable']['safe']:>9,}")
    if s["sections"]:
        lines += ["", f"{'section':<24} {'articles':>9} {'findings':>9} {'with any':>9} {'per 1k words':>13}"]
        ranked = sorted(s["sections"].items(), key=lambda kv: (-kv[1]["articles"], kv[0]))
        for name, c in ranked[:top_sections]:
            lines.append(f"{name[:24]:<24} {c['articles']:>9,} {c['findings']:>9,} "
                         f"{c['articles_with_findings']:>9,} {c['per_1000_words']:>13.2f}")
        if len(ranked) > top_sections:
            lines.append(f"… {len(ranked) - top_sections} more sections in {out / 'summary.json'}")
    lines += ["", f"Findings: {out / ('findings.' + run['format'])}; summary: {out / 'summary.json'}."]
    return "\n".join(lines) + "\n"
