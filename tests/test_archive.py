"""`mt-repair archive` on a real Dask LocalCluster (2 worker processes, 1 thread each).

One cluster serves the module (started once, ~3 s); the command reaches it through
`--scheduler`, as it would a multi-node cluster, and one test lets the command start its
own LocalCluster (`--workers`). ~50 articles are generated from examples/ with planted
artifacts, written as a folder, JSONL and Parquet; every kind must give exactly the
findings of a serial `check_text` loop, in (id, position) order, with summaries that add up.
Skipped when Dask or pyarrow is not installed.
"""

from __future__ import annotations

import json
import random
import socket
import warnings
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")
pa = pytest.importorskip("pyarrow")

from mt_repair.cli import main  # noqa: E402
from mt_repair.config import Settings  # noqa: E402
from mt_repair.document import Document  # noqa: E402
from mt_repair.linter import check_text, fix_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("world", "sport", "economy/markets", "")  # "" = top of the folder
PLANTED = ("the the", "وقال وقال", "گزارش", "\u200b", "said ,", "قال،إن", "Share this article", "2020 2020", "??")


def _articles(n: int = 50) -> dict[str, str]:
    """id (relative path) -> text: paragraphs of the examples, shuffled, some artifacts planted."""
    rng = random.Random(12)
    paras = [p for f in sorted((ROOT / "examples").rglob("*.md"))
             for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out = {}
    for i in range(n):
        body = rng.sample(paras, k=rng.randint(2, 6))
        if i % 3:
            k = rng.randrange(len(body))
            words = body[k].split(" ")
            words.insert(rng.randrange(len(words) + 1), rng.choice(PLANTED))
            body[k] = " ".join(words)
        section = SECTIONS[i % len(SECTIONS)]
        out[f"{section + '/' if section else ''}a{i:03d}.md"] = "\n\n".join(body) + "\n"
    out["world/empty.md"] = "   \n"  # empty: checked, no findings
    return out


ARTICLES = _articles()


def _serial(settings) -> Counter:
    """What the archive run must find: check_text over each text, one by one."""
    found = Counter()
    for ident, text in ARTICLES.items():
        if not text.strip():
            continue
        doc = Document(text)
        for f in check_text(text, settings, ident):
            found[(ident, f.code, f.start, f.end, str(f.severity), f.message, doc.line_col(f.start))] += 1
    return found


def _key(r: dict):
    return (r["id"], r["code"], r["start"], r["end"], r["severity"], r["message"], (r["line"], r["column"]))


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    # processes, not threads: the production setting (the rules are CPU-bound Python)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                         silence_logs=40)
    with c:
        yield c.scheduler_address


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    base = tmp_path_factory.mktemp("archive")
    folder = base / "articles"
    for ident, text in ARTICLES.items():
        (folder / ident).parent.mkdir(parents=True, exist_ok=True)
        (folder / ident).write_text(text, encoding="utf-8")
    (folder / "notes.csv").write_text("not an article\n")  # outside the include globs
    records = [{"id": i, "text": t, "section": (i.split("/")[0] if "/" in i else "(none)")}
               for i, t in sorted(ARTICLES.items())]  # records keep their order; sorted, as the folder is
    jsonl = base / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    parquet = base / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(records), parquet, row_group_size=7)  # tasks cut row groups
    return {"folder": folder, "jsonl": jsonl, "parquet": parquet, "base": base}


def _run(argv) -> int:
    return main(["archive", *map(str, argv), "--isolated", "-q"])


def _findings(out: Path) -> list[dict]:
    if (out / "findings.parquet").exists():
        return pq.read_table(out / "findings.parquet").to_pylist()
    return [json.loads(line) for line in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def runs(cluster, inputs):
    """Each input kind through the cluster, once: kind -> OUT folder."""
    out = {}
    for kind, fmt in (("folder", "parquet"), ("jsonl", "jsonl"), ("parquet", "parquet")):
        o = inputs["base"] / f"out-{kind}"
        assert _run([inputs[kind], "-o", o, "--scheduler", cluster, "--batch-size", "4", "--format", fmt]) == 0
        out[kind] = o
    return out


@pytest.mark.parametrize("kind", ["folder", "jsonl", "parquet"])
def test_same_findings_as_a_serial_run(runs, kind):
    rows = _findings(runs[kind])
    expected = _serial(Settings())
    assert sum(expected.values()) > 40  # the planted artifacts and the examples' own give plenty
    assert Counter(_key(r) for r in rows) == expected


@pytest.mark.parametrize("kind", ["folder", "jsonl", "parquet"])
def test_order_is_by_id_then_position(runs, kind):
    rows = _findings(runs[kind])
    order = [(r["id"], r["start"], r["end"], r["code"]) for r in rows]
    assert order == sorted(order)


def test_every_kind_gives_the_same_rows(runs):
    first = _findings(runs["folder"])
    for kind in ("jsonl", "parquet"):
        assert _findings(runs[kind]) == first  # same order, same columns, same values


@pytest.mark.parametrize("kind", ["folder", "jsonl", "parquet"])
def test_summaries_add_up(runs, kind):
    rows = _findings(runs[kind])
    s = json.loads((runs[kind] / "summary.json").read_text(encoding="utf-8"))
    assert s["articles"] == len(ARTICLES) and s["errors"] == 0
    assert s["findings"] == len(rows) == sum(r["findings"] for r in s["rules"].values()) \
        == sum(c["findings"] for c in s["sections"].values()) == sum(s["by_severity"].values())
    assert sum(c["articles"] for c in s["sections"].values()) == len(ARTICLES)
    for code, r in s["rules"].items():
        mine = [x for x in rows if x["code"] == code]
        assert r["findings"] == len(mine) == r["error"] + r["warning"] + r["info"]
        assert r["articles"] == len({x["id"] for x in mine})
        assert r["fixable"]["safe"] == sum(1 for x in mine if x["fixable"] == "safe")
    by_section = Counter(x["section"] for x in rows)
    assert {k: v["findings"] for k, v in s["sections"].items() if v["findings"]} == dict(by_section)
    assert set(s["sections"]) == {"world", "sport", "economy", "(none)"}  # first folder only
    words = sum(len(t.split()) for t in ARTICLES.values())
    assert s["words"] == words


def test_same_input_same_bytes(cluster, inputs, runs, tmp_path):
    again = tmp_path / "again"
    assert _run([inputs["jsonl"], "-o", again, "--scheduler", cluster, "--batch-size", "9",
                 "--format", "jsonl"]) == 0
    assert (again / "findings.jsonl").read_bytes() == (runs["jsonl"] / "findings.jsonl").read_bytes()


def test_records_keep_their_input_order(cluster, tmp_path):
    """JSONL and Parquet findings come article by article in the input's order (not
    re-sorted by id: that would hold a whole archive's findings on the client)."""
    ids = sorted(ARTICLES)
    random.Random(3).shuffle(ids)
    src = tmp_path / "shuffled.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": ARTICLES[i]}, ensure_ascii=False) + "\n" for i in ids),
                   encoding="utf-8")
    out = tmp_path / "out"
    assert _run([src, "-o", out, "--scheduler", cluster, "--batch-size", "3", "--format", "jsonl"]) == 0
    rows = _findings(out)
    rank = {i: n for n, i in enumerate(ids)}
    order = [(rank[r["id"]], r["start"], r["end"], r["code"]) for r in rows]
    assert order == sorted(order) and len({r["id"] for r in rows}) > 20


def test_pair_findings_with_a_source_column(cluster, tmp_path):
    from mt_repair.pairs import check_pair

    pairs = ROOT / "examples" / "pairs"
    source = (pairs / "aid-conference.ar.md").read_text(encoding="utf-8")
    target = (pairs / "aid-conference.en.md").read_text(encoding="utf-8")
    src = tmp_path / "pairs.jsonl"
    src.write_text(json.dumps({"id": "aid", "text": target, "source": source}, ensure_ascii=False) + "\n"
                   + json.dumps({"id": "mono", "text": target}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _run([src, "-o", out, "--scheduler", cluster, "--format", "jsonl"]) == 0
    rows = _findings(out)
    settings = Settings()
    pair = check_pair(source, target, settings, "aid (source)", "aid")
    assert pair  # the planted mistakes of examples/pairs
    got_pair = sorted((r["code"], r["start"]) for r in rows if r["id"] == "aid" and r["code"].startswith("PR"))
    assert got_pair == sorted((f.code, f.start) for f in pair)
    assert not any(r["code"].startswith("PR") for r in rows if r["id"] == "mono")


def test_bad_records_are_reported_and_the_rest_checked(cluster, tmp_path):
    src = tmp_path / "mixed.jsonl"
    good = ARTICLES["world/a000.md"]
    src.write_text("\n".join([json.dumps({"id": "ok", "text": good}), "{broken", json.dumps({"id": "no-text"}),
                              json.dumps({"text": "no id"}), ""]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _run([src, "-o", out, "--scheduler", cluster, "--format", "jsonl"]) == 2
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["error"].split(":")[0].split(" (")[0] for e in errors] == [
        "not a JSON object", "no `text`", "no `id`"]
    assert {r["id"] for r in _findings(out)} == {"ok"}
    assert json.loads((out / "summary.json").read_text())["errors"] == 3


def test_fix_output_own_local_cluster(inputs, tmp_path):
    """--workers starts (and stops) its own LocalCluster; fixed copies of changed files
    only, equal to fix_text; the archive itself is not touched."""
    folder = tmp_path / "small"
    before = {}
    for ident in list(ARTICLES)[:4]:
        (folder / ident).parent.mkdir(parents=True, exist_ok=True)
        (folder / ident).write_text(ARTICLES[ident], encoding="utf-8")
        before[ident] = ARTICLES[ident]
    fixed, out = tmp_path / "fixed", tmp_path / "out"
    assert _run([folder, "-o", out, "--workers", "1", "--fix-output", fixed, "--format", "jsonl"]) == 0
    settings = Settings()
    written = {p.relative_to(fixed).as_posix() for p in fixed.rglob("*") if p.is_file()}
    changed = set()
    for ident, text in before.items():
        new, _ = fix_text(text, settings, ident)
        if new != text:
            changed.add(ident)
            assert (fixed / ident).read_text(encoding="utf-8") == new
        assert (folder / ident).read_text(encoding="utf-8") == text  # never in place
    assert written == changed and changed
    s = json.loads((out / "summary.json").read_text())
    assert s["fixed"]["articles"] == len(changed) and s["run"]["workers"] == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_usage_errors(inputs, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert _run([inputs["folder"], "-o", out, "--scheduler", f"tcp://127.0.0.1:{_free_port()}",
                 "--connect-timeout", "1"]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
    (tmp_path / "x.csv").write_text("a,b\n")
    assert _run([tmp_path / "x.csv", "-o", out]) == 2
    assert "not a folder, a .jsonl or .parquet file" in capsys.readouterr().err
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 nope")
    assert _run([tmp_path / "bad.parquet", "-o", out]) == 2
    assert "not a readable Parquet file" in capsys.readouterr().err
    assert _run([inputs["folder"], "-o", out, "--fix-output", inputs["folder"] / "fixed"]) == 2
    assert "never changed in place" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())  # nothing written by a refused run
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)  # as if Dask were not installed
    assert _run([inputs["folder"], "-o", out]) == 2
    assert "pip install 'mt-repair[archive]'" in capsys.readouterr().err


GLOSSARY = ("type\tar\tar_variants\ten\ten_variants\thandles\tfix\tnote\n"
            "person\tزيد عمرو\tزيد عمر\tZaid Amr\tZayd Amr\t\tsafe\ta test name\n")


def test_settings_are_resolved_on_the_client(cluster, tmp_path):
    """--glossary and --select reach the workers; the glossary travels loaded, so a
    worker needs no copy of the file (removed here before the batch runs)."""
    from mt_repair.archive.job import Options, check_batch, ship
    from mt_repair.archive.sources import JsonlBatch

    glossary = tmp_path / "ours.tsv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    src = tmp_path / "names.jsonl"
    text = "قال زيد عمر إن الاجتماع انتهى. وقال وقال المتحدث إنه وصل.\n"  # a variant, and an RP001
    src.write_text(json.dumps({"id": "n1", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _run([src, "-o", out, "--scheduler", cluster, "--format", "jsonl", "--glossary", glossary,
                 "--select", "TM001"]) == 0
    rows = _findings(out)
    assert {r["code"] for r in rows} == {"TM001"}
    assert [text[r["start"]:r["end"]] for r in rows] == ["زيد عمر"]

    settings = Settings(glossaries=(glossary,), select=("TM001",))
    shipped = ship(settings)
    glossary.unlink()
    got = check_batch(0, JsonlBatch(str(src), 0, src.stat().st_size), shipped, Options())
    assert [r[3] for r in got.rows] == ["TM001"] and not got.errors


def test_folder_pairs_follow_source_language(tmp_path):
    """X.en.md and X.ar.md: the settings' `source-language` says which is the source, as in `check`."""
    from mt_repair.archive.sources import FolderBatch

    (tmp_path / "x.ar.md").write_text("قال الوزير إن 300 شخص حضروا.\n", encoding="utf-8")
    (tmp_path / "x.en.md").write_text("The minister said 300 people attended.\n", encoding="utf-8")
    files = ("x.ar.md", "x.en.md")
    by_ar = {a.id: a.source for a in FolderBatch(str(tmp_path), files, 10**6).articles()}
    assert by_ar == {"x.ar.md": None, "x.en.md": "قال الوزير إن 300 شخص حضروا.\n"}
    by_en = {a.id: a.source for a in FolderBatch(str(tmp_path), files, 10**6, "en").articles()}
    assert by_en == {"x.ar.md": "The minister said 300 people attended.\n", "x.en.md": None}
