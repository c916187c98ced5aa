"""Reports from evaluation runs: JSON (for CI), Markdown, and one self-contained HTML page.

A run is a plain dict (see `cli.py` and `synthetic.py` for what fills it); every section
is optional and rendered only when present. Files are written atomically, and only
inside the chosen output folder.
"""

from __future__ import annotations

import html
import json
from pathlib import Path, PurePosixPath
from string import Template

from mt_repair import __version__
from mt_repair.evaluation import EvalError
from mt_repair.evaluation.diffs import direction, word_diff

SCHEMA_VERSION = 1
TEMPLATE = Path(__file__).resolve().parent / "templates" / "report.html"
FORMATS = ("md", "json", "html")


def document(runs: list[dict], command: str = "") -> dict:
    return {"schema_version": SCHEMA_VERSION, "tool": f"mt-repair {__version__}", "command": command, "runs": runs}


# -- writing ---------------------------------------------------------------------------


def safe_relpath(rel: str) -> PurePosixPath:
    p = PurePosixPath(rel)
    if p.is_absolute() or ".." in p.parts or not p.parts:
        raise EvalError(f"refusing to write {rel!r} outside the output folder")
    return p


def write_file(root: Path, rel: str, text: str) -> Path:
    """Write root/rel atomically (textio.write_atomic: temp file, fsync, rename)."""
    from mt_repair.textio import write_atomic

    target = root.joinpath(*safe_relpath(rel).parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"), create=True)
    return target


def write_reports(root: str | Path, doc: dict, formats=FORMATS, extra: dict[str, str] | None = None) -> list[Path]:
    root = Path(root)
    if root.exists() and not root.is_dir():
        raise EvalError(f"output {root} exists and is not a folder")
    for rel in extra or {}:
        safe_relpath(rel)  # check every name before writing anything
    written = []
    for rel, text in sorted((extra or {}).items()):
        written.append(write_file(root, rel, text))
    if "json" in formats:
        written.append(write_file(root, "report.json", json.dumps(doc, ensure_ascii=False, indent=2) + "\n"))
    if "md" in formats:
        written.append(write_file(root, "report.md", render_markdown(doc)))
    if "html" in formats:
        written.append(write_file(root, "report.html", render_html(doc)))
    return written


# -- formatting helpers -------------------------------------------------------------------


def _f(x, digits=2) -> str:
    if x is None:
        return "–"
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def _pct(x) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _p(p) -> str:
    if p is None:
        return "–"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def _ci(ci) -> str:
    return "–" if not ci else f"[{ci[0]:.2f}, {ci[1]:.2f}]"


def _counts(d) -> str:
    """{'PN001': 2, 'RP001': 1} as 'PN001 2, RP001 1' (never a raw dict on the page)."""
    if not isinstance(d, dict):
        return str(d)
    return ", ".join(f"{k} {v}" for k, v in d.items()) or "none"


def _goal_value(g: dict) -> str:
    """A goal's value with what it measures: a bare 0.2818 says nothing."""
    if g.get("display"):
        return str(g["display"])
    v, goal = g["value"], g["goal"]
    if v is None:
        return "–"
    if "F1" in goal:
        return f"F1 {v:.3f}"
    if "chrF" in goal and ("lower" in goal and "significantly" in goal or "change" in goal):
        return f"chrF2++ change {v:+.2f}"
    if "chrF" in goal and "corrupted" in goal.split("chrF2++", 1)[1][:20]:
        return f"chrF2++ corrupted {v:.2f}"
    if "chrF" in goal:
        return f"chrF2++ {v:.2f}"
    if "characters" in goal:
        return f"{v} character{'s' if v != 1 else ''} changed"
    return _f(v, 4)


def _names(run) -> tuple[str, str]:
    sc = run.get("scores") or {}
    return sc.get("before_label", run.get("before_label", "before")), sc.get("after_label", run.get("after_label", "after"))


# -- Markdown ---------------------------------------------------------------------------------


def _md_table(head: list[str], rows: list[list[str]]) -> str:
    def cell(s):
        return str(s).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(out) + "\n"


def render_markdown(doc: dict) -> str:
    parts = [f"# mt-repair evaluation\n\n`{doc['tool']}`" + (f" · `{doc['command']}`" if doc.get("command") else "") + "\n"]
    for run in doc["runs"]:
        parts.append(_md_run(run))
    return "\n".join(parts)


def _md_run(run: dict) -> str:
    b, a = _names(run)
    out = [f"## {run['title']}\n"]
    if run.get("corpus"):
        out.append(", ".join(f"{k}: {v}" for k, v in run["corpus"].items()) + "\n")
    if run.get("goals"):
        out.append("### Goals\n")
        out.append(_md_table(["goal", "value", "met"],
                             [[g["goal"], _goal_value(g), "✅" if g["met"] else "❌"] for g in run["goals"]]))
    if run.get("injection"):
        inj = run["injection"]
        out.append(f"### Injected artifacts\n\n{inj['labels']} labels; undone exactly by safe fixes: "
                   f"{inj['restorable']['safe']}, by unsafe fixes: {inj['restorable']['unsafe']}, "
                   f"by no automatic fix: {inj['restorable']['none']}.\n")
    if run.get("scores"):  # the headline figures first, the long tables after
        out.append(_md_scores(run["scores"], b, a))
    if run.get("detection"):
        out.append(_md_detection(run["detection"]))
    if run.get("rates"):
        out.append(_md_rates(run["rates"], b, a))
    if run.get("terms"):
        t = run["terms"]
        out.append("### Term accuracy (house forms of glossary terms)\n")
        out.append(_md_table(["", "terms", "house form", "other form", "accuracy"],
                             [[n, t[k]["total"], t[k]["house"], t[k]["other"], _pct(t[k]["accuracy"])]
                              for k, n in (("before", b), ("after", a))]))
    if run.get("pair_terms"):
        t = run["pair_terms"]
        out.append("### Term accuracy, Arabic source → English translation\n")
        out.append(_md_table(["", "expected", "house English", "variant", "missing", "accuracy"],
                             [[n, t[k]["total"], t[k]["carried"], t[k]["variant"], t[k]["missing"],
                               _pct(t[k]["accuracy"])] for k, n in (("before", b), ("after", a))]))
    if run.get("no_harm"):
        h = run["no_harm"]
        out.append("### Do no harm (texts marked clean)\n")
        lines = [f"- files: {h['files']}; characters changed by the repair: **{h['chars_changed']}**; "
                 f"findings raised: {h['findings']}"]
        if h.get("chars_changed_outside_judged") is not None:
            lines.append(f"- characters changed outside defects judged real: **{h['chars_changed_outside_judged']}**"
                         + (f" (by rule: {_counts(h['outside_judged_by_rule'])})" if h.get("outside_judged_by_rule") else ""))
        for row in h.get("by_file", [])[:50]:
            if row["chars_changed"] or row["findings"]:
                lines.append(f"  - `{row['path']}`: {row['chars_changed']} characters changed, "
                             f"{row['findings']} findings {', '.join(row['codes'])}")
        out.append("\n".join(lines) + "\n")
    if run.get("baseline"):
        bl = run["baseline"]
        out.append(f"### Baseline (findings on the untouched clean text)\n\n{bl['findings']} findings "
                   f"({_counts(bl['by_rule'])})" + (f"; judged real defects: {bl['judged_true']}, not judged: {bl['not_judged']}"
                                         if bl.get("judged_true") is not None else "") + "\n")
    if run.get("examples"):
        out.append(f"### {run.get('examples_title', 'Worst examples')}\n")
        for ex in run["examples"]:
            out.append(f"**{ex['title']}**" + (f" (chrF2++ {ex['score']})" if ex.get("score") is not None else "") + "\n")
            for h in ex["hunks"]:
                out.append(f"- {ex['left_label']}: {h['left'] or '∅'}\n- {ex['right_label']}: {h['right'] or '∅'}\n")
    return "\n".join(out)


def _md_detection(d: dict) -> str:
    rows = [[c["category"], c["labels"], c["detected"], c["findings"], c["false_alarms"], c["baseline"],
             _f(c["precision"], 3), _f(c["recall"], 3), _f(c["f1"], 3)] for c in d["categories"] + [d["overall"]]]
    out = ["### Detection (span overlap, per category)\n",
           _md_table(["category", "labels", "found", "findings", "false alarms", "baseline", "P", "R", "F1"], rows)]
    if d.get("kinds"):
        out.append("Recall by artifact kind:\n")
        out.append(_md_table(["kind", "category", "labels", "found", "recall"],
                             [[k["kind"], k["category"], k["labels"], k["detected"], _f(k["recall"], 3)]
                              for k in d["kinds"]]))
    if d["misses"]:
        out.append(f"Misses ({d['misses_total']}):\n")
        out.append("\n".join(f"- `{m['path']}:{m['line']}` {m['category']}"
                             + (f" ({m['kind']})" if m["kind"] else "") + f": «{m['text']}» {m['note']}"
                             for m in d["misses"][:40]) + "\n")
    if d["false_alarms"]:
        out.append(f"False alarms ({d['false_alarms_total']}):\n")
        out.append("\n".join(f"- `{f['path']}:{f['line']}` {f['code']}: {f['message']}"
                             for f in d["false_alarms"][:40]) + "\n")
    return "\n".join(out)


def _md_scores(s: dict, b: str, a: str) -> str:
    ref = s.get("reference_label", "reference")
    test = s.get("test", "paired bootstrap")
    out = [f"### Scores against the {ref} ({s['segments']} {s['unit']} segments)\n"]

    def table(metrics):
        return _md_table(["metric", b, a, "Δ", f"p ({test})", f"95% CI {b}", f"95% CI {a}"],
                         [[m["name"], _f(m["before"]), _f(m["after"]), f"{m['delta']:+.2f}", _p(m["p_value"]),
                           _ci(m["before_ci95"]), _ci(m["after_ci95"])] for m in metrics])

    out.append(table(s["metrics"]))
    if s.get("changed_segments") is not None:
        out.append(f"{_segment_note(s)}\n")
    if s.get("warning"):
        out.append(f"**Warning:** {s['warning']}.\n")
    if s.get("fixable"):
        out.append(f"Restoration, {s['fixable']['label']}:\n")
        out.append(table(s["fixable"]["metrics"]))
    if s.get("ceiling"):
        out.append(f"Ceiling, {s['ceiling']['label']}: "
                   + ", ".join(f"{k} {v:.2f}" for k, v in s["ceiling"]["scores"].items()) + "\n")
    out.append("Signatures:\n\n" + "\n".join(f"- {m['name']}: `{m['signature']}`" for m in s["metrics"]) + "\n")
    return "\n".join(out)


def _segment_note(s: dict) -> str:
    by_unit = s.get("files_by_unit") or {}
    files = ", ".join(f"{n} file{'s' if n != 1 else ''} by {u}" for u, n in by_unit.items())
    return f"{s['changed_segments']} of {s['segments']} segments changed by the repair" + (f"; {files}" if files else "")


def _md_rates(r: dict, b: str, a: str) -> str:
    def row(x, name=None):
        return [name or x["key"], f"{x['before']} ({x['before_per_1k']:.2f})", f"{x['after']} ({x['after_per_1k']:.2f})"]

    out = [f"### Artifact rates: findings (per 1,000 words); {r['words_before']} words {b}, {r['words_after']} {a}\n",
           _md_table(["category", b, a], [row(x) for x in r["by_category"]] + [row(r["total"], "all")])]
    if r["by_rule"]:
        out.append(_md_table(["rule", b, a], [row(x, f"{x['key']} {x.get('name', '')}".strip()) for x in r["by_rule"]]))
    return "\n".join(out)


# -- HTML ---------------------------------------------------------------------------------


def _e(s) -> str:
    return html.escape(str(s), quote=True)


def _auto(s) -> str:
    """Text that may be Arabic: isolated, its direction taken from its first strong letter."""
    return f'<bdi class="snippet" dir="auto">{_e(s)}</bdi>'


class _Cell(str):
    """A table cell with its own attributes (an Arabic column: right to left, right-aligned)."""

    def __new__(cls, html_text: str, attrs: str):
        obj = super().__new__(cls, html_text)
        obj.attrs = attrs
        return obj


def _h_table(head, rows, num_from=1) -> str:
    def attrs(i, c=None):
        if isinstance(c, _Cell):
            return " " + c.attrs
        return " class=num" if i >= num_from else ""

    first = rows[0] if rows else []
    th = "".join(f"<th{' class=ar' if i < len(first) and isinstance(first[i], _Cell) else attrs(i)}>{_e(h)}</th>"
                 for i, h in enumerate(head))
    body = []
    for r in rows:
        tds = "".join(f"<td{attrs(i, c)}>{c}</td>" for i, c in enumerate(r))
        body.append(f"<tr>{tds}</tr>")
    return f"<table><thead><tr>{th}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_html(doc: dict) -> str:
    body = ["<h1>mt-repair evaluation</h1>",
            f'<p class="meta">{_e(doc["tool"])}' + (f" · <code>{_e(doc['command'])}</code>" if doc.get("command") else "")
            + "</p>"]
    for run in doc["runs"]:
        body.append(_h_run(run))
    runs = doc["runs"]
    footer = " ".join(
        (["Scores by sacrebleu (signatures under each score table)."] if any(r.get("scores") for r in runs) else [])
        + (["Rates count the checker's findings per 1,000 words."] if any(r.get("rates") for r in runs) else [])
        + ["Made by mt-repair; this page is self-contained."])
    page = Template(TEMPLATE.read_text(encoding="utf-8"))
    return page.substitute(title=_e(", ".join(r["title"] for r in doc["runs"]) or "mt-repair evaluation"),
                           body="\n".join(body), footer=_e(footer))


def _h_run(run: dict) -> str:
    b, a = _names(run)
    out = [f"<h2>{_e(run['title'])}</h2>"]
    if run.get("corpus"):
        out.append('<div class="cards">' + "".join(f"<div class=card>{_e(k)}<b>{_e(v)}</b></div>"
                                                   for k, v in run["corpus"].items()) + "</div>")
    if run.get("goals"):
        out.append("<h3>Goals</h3>")
        out.append(_h_table(["goal", "value", "met"],
                            [[_e(g["goal"]), _e(_goal_value(g)),
                              '<span class="ok">✔ met</span>' if g["met"] else '<span class="bad">✘ not met</span>']
                             for g in run["goals"]]))
    if run.get("injection"):
        inj = run["injection"]
        out.append(f"<p>{inj['labels']} injected artifacts; undone exactly by safe fixes: {inj['restorable']['safe']}, "
                   f"by unsafe fixes: {inj['restorable']['unsafe']}, by no automatic fix: {inj['restorable']['none']}.</p>")
    if run.get("scores"):  # the headline figures first, the long tables after
        out.append(_h_scores(run["scores"], b, a))
    if run.get("rates"):
        out.append(_h_rates(run["rates"], b, a))
    if run.get("detection"):
        out.append(_h_detection(run["detection"]))
    if run.get("terms"):
        t = run["terms"]
        out.append("<h3>Term accuracy (house forms of glossary terms)</h3>")
        out.append(_h_table(["", "terms", "house form", "other form", "accuracy"],
                            [[_e(n), t[k]["total"], t[k]["house"], t[k]["other"], _pct(t[k]["accuracy"])]
                             for k, n in (("before", b), ("after", a))]))
        if t.get("by_entry"):
            out.append(_h_table(["term (Arabic)", "term (English)", f"house {b}", f"other {b}", f"house {a}", f"other {a}"],
                                [[_Cell(_e(x["ar"]), 'class=ar dir="rtl" lang="ar"'), _e(x["en"]), x["before_house"], x["before_other"], x["after_house"],
                                  x["after_other"]] for x in t["by_entry"][:40]], num_from=2))
    if run.get("pair_terms"):
        t = run["pair_terms"]
        out.append("<h3>Term accuracy, Arabic source → English translation</h3>")
        out.append(_h_table(["", "expected", "house English", "variant", "missing", "accuracy"],
                            [[_e(n), t[k]["total"], t[k]["carried"], t[k]["variant"], t[k]["missing"], _pct(t[k]["accuracy"])]
                             for k, n in (("before", b), ("after", a))]))
    if run.get("no_harm"):
        h = run["no_harm"]
        cls = "ok" if h.get("ok") else "bad"
        txt = (f"<h3>Do no harm</h3><p>{h['files']} files marked clean; characters changed by the repair: "
               f'<span class="{cls}">{h["chars_changed"]}</span>; findings raised: {h["findings"]}.')
        if h.get("chars_changed_outside_judged") is not None:
            txt += (f" Characters changed outside defects judged real: <b>{h['chars_changed_outside_judged']}</b>"
                    + (f" ({_e(_counts(h['outside_judged_by_rule']))})" if h.get("outside_judged_by_rule") else "") + ".")
        out.append(txt + "</p>")
    if run.get("baseline"):
        bl = run["baseline"]
        out.append(f"<h3>Baseline</h3><p>{bl['findings']} findings on the untouched clean text, kept apart from "
                   f"the detection scores: {_e(_counts(bl['by_rule']))}"
                   + (f"; {bl['judged_true']} judged real defects, {bl['not_judged']} not judged"
                      if bl.get("judged_true") is not None else "") + ".</p>")
    if run.get("examples"):
        out.append(f"<h3>{_e(run.get('examples_title', 'Worst examples'))}</h3>")
        first = run["examples"][0]
        if first.get("left_label") in REFERENCE_LABELS:
            out.append(f'<p class="legend"><del>struck</del>: in the {_e(first["left_label"])} text, lost by the repair; '
                       f'<mark class="extra">marked</mark>: still in the {_e(first["right_label"])} text but not in the '
                       f'{_e(first["left_label"])} one (an artifact left over).</p>')
        else:
            out.append('<p class="legend"><del>struck</del>: removed by the repair; <ins>underlined</ins>: added by it.</p>')
        out.extend(_h_example(ex) for ex in run["examples"])
    return "\n".join(out)


def _h_rates(r: dict, b: str, a: str) -> str:
    out = ["<h3>Artifact rates (findings per 1,000 words)</h3>",
           f"<p>{r['words_before']} words {_e(b)}, {r['words_after']} {_e(a)}.</p>", _svg_bars(r["by_category"], b, a)]
    rows = [[_e(x["key"]), f"{x['before']} ({x['before_per_1k']:.2f})", f"{x['after']} ({x['after_per_1k']:.2f})"]
            for x in r["by_category"] + [dict(r["total"], key="all")]]
    out.append(_h_table(["category", b, a], rows))
    if r["by_rule"]:
        out.append(_h_table(["rule", b, a], [[_e(f"{x['key']} {x.get('name', '')}"), f"{x['before']} ({x['before_per_1k']:.2f})",
                                             f"{x['after']} ({x['after_per_1k']:.2f})"] for x in r["by_rule"]]))
    return "\n".join(out)


def _svg_bars(rows: list[dict], b: str, a: str) -> str:
    """Grouped horizontal bars, before and after, per category (inline SVG)."""
    label_w, bar_w, row_h, pad = 110, 520, 34, 8
    top = 8
    vmax = max([x["before_per_1k"] for x in rows] + [x["after_per_1k"] for x in rows] + [0.001])
    height = top + row_h * len(rows) + 8
    parts = [f'<svg class="chart" viewBox="0 0 {label_w + bar_w + 80} {height}" role="img" '
             f'xmlns="http://www.w3.org/2000/svg"><title>findings per 1,000 words, {_e(b)} and {_e(a)}</title>']
    for i, x in enumerate(rows):
        y = top + i * row_h
        parts.append(f'<text x="{label_w - pad}" y="{y + 20}" text-anchor="end" font-size="13" fill="#1d2329">{_e(x["key"])}</text>')
        for j, (key, color) in enumerate((("before_per_1k", "#c4622d"), ("after_per_1k", "#2a7ab0"))):
            w = bar_w * x[key] / vmax
            yy = y + 4 + j * 13
            parts.append(f'<rect x="{label_w}" y="{yy}" width="{w:.1f}" height="11" fill="{color}"/>')
            parts.append(f'<text x="{label_w + w + 4:.1f}" y="{yy + 10}" font-size="11" fill="#5b6670">{x[key]:.2f}</text>')
    parts.append("</svg>")
    legend = (f'<p class="legend"><span><i class="swatch" style="background:#c4622d"></i>{_e(b)}</span>'
              f'<span><i class="swatch" style="background:#2a7ab0"></i>{_e(a)}</span></p>')
    return "".join(parts) + legend


def _h_detection(d: dict) -> str:
    rows = [[_e(c["category"]), c["labels"], c["detected"], c["findings"], c["false_alarms"], c["baseline"],
             _f(c["precision"], 3), _f(c["recall"], 3), _f(c["f1"], 3)] for c in d["categories"] + [d["overall"]]]
    out = ["<h3>Detection (span overlap, per category)</h3>",
           _h_table(["category", "labels", "found", "findings", "false alarms", "baseline", "P", "R", "F1"], rows)]
    if d.get("kinds"):
        out.append("<h3>Recall by artifact kind</h3>")
        out.append(_h_table(["kind", "category", "labels", "found", "recall"],
                            [[_e(k["kind"]), _e(k["category"]), k["labels"], k["detected"], _f(k["recall"], 3)]
                             for k in d["kinds"]], num_from=2))
    if d["misses"]:
        out.append(f"<h3>Misses ({d['misses_total']})</h3><ul>" + "".join(
            f"<li><code>{_e(m['path'])}:{m['line']}</code> {_e(m['category'])}"
            + (f" ({_e(m['kind'])})" if m["kind"] else "") + f": {_auto(m['text'])} — {_e(m['note'])}</li>"
            for m in d["misses"][:60]) + "</ul>")
    if d["false_alarms"]:
        out.append(f"<h3>False alarms ({d['false_alarms_total']})</h3><ul>" + "".join(
            f"<li><code>{_e(f['path'])}:{f['line']}</code> {_e(f['code'])}: {_auto(f['message'])}</li>"
            for f in d["false_alarms"][:60]) + "</ul>")
    return "\n".join(out)


def _h_scores(s: dict, b: str, a: str) -> str:
    ref = s.get("reference_label", "reference")
    test = s.get("test", "paired bootstrap")

    def table(metrics):
        return _h_table(["metric", b, a, "Δ", f"p ({_e(test)})", f"95% CI {b}", f"95% CI {a}"],
                        [[_e(m["name"]), _f(m["before"]), _f(m["after"]),
                          f'<span class="{"ok" if (m["delta"] > 0) == m["higher_is_better"] and m["delta"] else ""}">'
                          f"{m['delta']:+.2f}</span>", _p(m["p_value"]), _ci(m["before_ci95"]), _ci(m["after_ci95"])]
                         for m in metrics])

    out = [f"<h3>Scores against the {_e(ref)} ({s['segments']} {_e(s['unit'])} segments)</h3>", table(s["metrics"])]
    if s.get("changed_segments") is not None:
        out.append(f"<p>{_e(_segment_note(s))}</p>")
    if s.get("warning"):
        out.append(f'<p class="warning"><strong>Warning:</strong> {_e(s["warning"])}.</p>')
    if s.get("fixable"):
        out.append(f"<p>Restoration, {_e(s['fixable']['label'])}:</p>")
        out.append(table(s["fixable"]["metrics"]))
    if s.get("ceiling"):
        out.append(f"<p>Ceiling, {_e(s['ceiling']['label'])}: "
                   + ", ".join(f"{_e(k)} {v:.2f}" for k, v in s["ceiling"]["scores"].items()) + "</p>")
    out.append("<p>Signatures:</p><ul>" + "".join(f'<li>{_e(m["name"])}: <span class="sig">{_e(m["signature"])}</span></li>'
                                               for m in s["metrics"]) + "</ul>")
    return "\n".join(out)


# Left labels that name the correct text: what only the right side has is left over, not added.
REFERENCE_LABELS = ("clean", "reference")


def _h_example(ex: dict) -> str:
    d = ex.get("dir") or "auto"
    against_ref = ex.get("left_label") in REFERENCE_LABELS
    lang = ' lang="ar"' if d == "rtl" else ""
    out = [f'<div class="example"><h4>{_e(ex["title"])}'
           + (f" · chrF2++ {ex['score']}" if ex.get("score") is not None else "") + "</h4>"]
    for h in ex["hunks"]:
        left, right = [], []
        for op, text in word_diff(h["left"], h["right"]):
            if op == "=":
                left.append(_e(text))
                right.append(_e(text))
            elif op == "-":
                left.append(f"<del>{_e(text)}</del>")
            elif against_ref:
                right.append(f'<mark class="extra" title="not in the {_e(ex["left_label"])} text">{_e(text)}</mark>')
            else:
                right.append(f"<ins>{_e(text)}</ins>")
        hd = d if d != "auto" else direction(h["left"] + h["right"])
        out.append(f'<div class="pair"><div dir="{hd}"{lang}><span class="side" dir="ltr">{_e(ex["left_label"])}</span>'
                   f'{"".join(left) or "∅"}</div><div dir="{hd}"{lang}><span class="side" dir="ltr">'
                   f'{_e(ex["right_label"])}</span>{"".join(right) or "∅"}</div></div>')
    out.append("</div>")
    return "".join(out)
