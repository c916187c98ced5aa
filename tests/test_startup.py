"""Start-up: what a one-line check imports, lazy regexes, and the word-list cache."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mt_repair import lexicon
from mt_repair.lazyre import LazyPattern, lazy_re

HEAVY = ("mt_repair.evaluation", "mt_repair.translate", "mt_repair.archive", "sacrebleu", "transformers",
         "torch", "langdetect", "dask", "pandas", "pyarrow")

_PROBE = """
import json, sys
from mt_repair.cli import main
rc = main(["check", "--output-format", "concise", sys.argv[1]])
print(json.dumps({"rc": rc, "modules": sorted(sys.modules)}))
"""


def _check_modules(path: Path, cache: Path) -> tuple[int, list[str]]:
    env = {**os.environ, "MT_REPAIR_CACHE": str(cache)}
    out = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True,
                         env=env, timeout=120, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    return result["rc"], result["modules"]


def test_a_one_line_check_imports_no_heavy_module(tmp_path):
    article = tmp_path / "one.ar.md"
    article.write_text("قال الوزير.\n", encoding="utf-8")
    rc, modules = _check_modules(article, tmp_path / "cache")  # first run: builds the cache
    assert rc == 0
    assert [m for m in modules if m.startswith(HEAVY)] == []
    rc, modules = _check_modules(article, tmp_path / "cache")  # warm: the cache is only mapped
    assert rc == 0
    assert [m for m in modules if m.startswith(HEAVY)] == []
    assert "wordfreq" not in modules  # importing it costs ~0.3 s; a warm run never needs it
    assert "tomllib" not in modules  # no config file: nothing to parse


@pytest.mark.parametrize("command, option", [("eval", "--reference"), ("translate", "--pairs"),
                                             ("archive", "--scheduler")])
def test_subcommands_built_on_use_keep_their_options(command, option):
    out = subprocess.run([sys.executable, "-m", "mt_repair", command, "--help"], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert option in out.stdout


def test_lazy_pattern_compiles_on_first_use_and_acts_as_compiled():
    p = lazy_re(r"(?P<w>ab+)", re.I)
    assert "compiled" not in vars(p)  # nothing compiled at import
    assert p.pattern == r"(?P<w>ab+)"
    assert [m.group("w") for m in p.finditer("xABb ab")] == ["ABb", "ab"]
    assert isinstance(p.compiled, re.Pattern) and p.flags & re.I and p.groups == 1
    assert p.sub("-", "abb c") == "- c" and p.search("zz") is None and p.match("ab")
    assert p.finditer.__self__ is p.compiled  # later calls go straight to the compiled pattern


def test_rule_modules_compile_no_regex_at_import():
    out = subprocess.run([sys.executable, "-c", (
        "import re, sys\n"
        "calls = []\n"
        "orig = re._compile\n"
        "def spy(p, f):\n"
        "    caller = sys._getframe(2).f_globals.get('__name__', '')\n"
        "    if caller.startswith('mt_repair') and caller != 'mt_repair.lazyre':  # on use is fine\n"
        "        calls.append(p)\n"
        "    return orig(p, f)\n"
        "re._compile = spy\n"
        "import mt_repair.rules, mt_repair.document\n"
        "print(len(calls))\n")], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "0"
    from mt_repair import text

    assert isinstance(text.TOKEN_RE, LazyPattern)


# -- the word-list cache -------------------------------------------------------------------
_TINY = {"the": 10 ** (-1.2), "minister": 10 ** (-4.0), "glimber": 10 ** (-7.99), "tab\tword": 1e-5}


@pytest.fixture
def tiny_wordfreq(monkeypatch, tmp_path):
    """wordfreq's public API, answering with a tiny list (and counting its calls)."""
    wordfreq = pytest.importorskip("wordfreq")
    calls = []

    def get_frequency_dict(lang, wordlist="best"):
        calls.append((lang, wordlist))
        return dict(_TINY)

    monkeypatch.setattr(wordfreq, "get_frequency_dict", get_frequency_dict)
    monkeypatch.setattr(wordfreq, "available_languages", lambda wordlist="best": {"en": "x"})
    monkeypatch.setenv("MT_REPAIR_CACHE", str(tmp_path))
    lexicon._word_file.cache_clear()
    lexicon.wordfreq_words.cache_clear()
    yield calls
    lexicon._word_file.cache_clear()
    lexicon.wordfreq_words.cache_clear()


def test_the_cache_is_built_from_wordfreqs_public_api(tiny_wordfreq, tmp_path):
    every = lexicon.wordfreq_words("en")
    assert tiny_wordfreq == [("en", "large")]
    assert every.missing(["the", "minister", "glimber", "zzz", "Minister"]) == ["zzz", "Minister"]
    common = lexicon.wordfreq_words("en", 500)  # buckets 0..499: Zipf >= 4
    assert common.missing(["the", "minister", "glimber"]) == ["glimber"]
    assert lexicon.wordfreq_words("en", 400).missing(["the", "minister"]) == ["minister"]
    assert "the" in common and "glimber" not in common
    assert lexicon.wordfreq_words("fr") is None  # no list: remembered as an empty file
    lexicon._word_file.cache_clear()
    lexicon.wordfreq_words.cache_clear()
    assert "the" in lexicon.wordfreq_words("en") and lexicon.wordfreq_words("fr") is None
    assert tiny_wordfreq == [("en", "large")]  # the second process-like start only maps the files


def test_a_broken_cache_file_is_rebuilt(tiny_wordfreq, tmp_path):
    path = lexicon.word_file_path("en")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"MTRLEX1\ngarbage")
    assert "minister" in lexicon.wordfreq_words("en")
    assert path.read_bytes().startswith(b"MTRLEX2\n")


def test_the_cache_holds_the_words_of_the_old_private_file_reader():
    """The old reader unpacked wordfreq's private msgpack file (buckets 0..max-1); the
    public API must give the same sets at every level the rules use, on a sample."""
    wordfreq = pytest.importorskip("wordfreq")
    msgpack = pytest.importorskip("msgpack")
    import gzip

    private = Path(wordfreq.__file__).parent / "data" / "large_ar.msgpack.gz"
    if not private.exists():
        pytest.skip("wordfreq keeps its data elsewhere in this version")
    with gzip.open(private) as fh:
        buckets = msgpack.load(fh, raw=False)[1:]
    blob = lexicon.WordFile.build(lexicon.word_list_buckets("ar"))
    sample = [w for bucket in buckets for w in bucket[::97]] + ["سلمتخ", "قالز"]
    for level in (10_000, 500, 550, 600, 740):
        old = {w for bucket in buckets[:level] for w in bucket}
        view = lexicon.WordFile(blob, level)
        assert set(sample) - set(view.missing(sample)) == old & set(sample), level


# -- compact views for big files -----------------------------------------------------------
_MIXED = ("قال الوزير إن الوزير الوزير قال. see https://x.org/a b `code` c d@e.com\n"
          "The the talks ended ended, the talks ended.\n<!-- x --> كلمة ١٢٣ 4.5\n") * 3


def test_big_file_views_equal_the_article_views(monkeypatch):
    from mt_repair import document

    plain = document.Document(_MIXED)
    views = plain.tokens, plain.token_counts, plain.line_words, plain.lines_with_repeated_pair  # built now
    monkeypatch.setattr(document, "COMPACT_CHARS", 0)
    compact = document.Document(_MIXED)
    assert isinstance(compact.tokens, document.TokenList) and isinstance(plain.tokens, list)
    assert compact.tokens == plain.tokens and list(compact.tokens) == plain.tokens
    assert len(compact.tokens) == len(plain.tokens)
    assert compact.tokens[3] == plain.tokens[3] and compact.tokens[-1] == plain.tokens[-1]
    assert compact.tokens[2:9] == plain.tokens[2:9]
    assert compact.token_counts == plain.token_counts
    assert list(compact.line_words) == views[2]
    assert compact.lines_with_repeated_pair == plain.lines_with_repeated_pair != []
    assert compact.lines_with_adjacent_repeat == plain.lines_with_adjacent_repeat != []


def test_big_file_findings_equal_the_article_findings(monkeypatch, settings):
    from mt_repair import document
    from mt_repair.linter import check_text

    text = _MIXED + "قال قال الوزير glimber snorfle wuggle في الرباط.\n"
    plain = check_text(text, settings, "x.ar.md")
    monkeypatch.setattr(document, "COMPACT_CHARS", 0)
    assert check_text(text, settings, "x.ar.md") == plain != []


@pytest.mark.parametrize("text", ["", "\n", "a", "a\n", "a\r\n", "a\r", "\r", "a\n\nb", "a\r\nb\r", "x\n\r\n\n",
                                  "abc\r\r\n", "\n\n", _MIXED])
def test_big_file_lines_are_the_article_lines(monkeypatch, text):
    from mt_repair import document

    plain, plain_scripts = document.Document(text).lines, document.Document(text).line_scripts
    monkeypatch.setattr(document, "COMPACT_CHARS", 0)
    compact, scripts = document.Document(text).lines, document.Document(text).line_scripts
    assert isinstance(scripts, document.PairList) and scripts == plain_scripts and list(scripts) == plain_scripts
    assert isinstance(compact, document.LineList) and isinstance(plain, list)
    assert compact == plain and list(compact) == plain and len(compact) == len(plain)
    assert [compact[i] for i in range(-len(plain), len(plain))] == plain + plain
    assert compact[1:3] == plain[1:3]


# -- glossary look-ups made on demand ---------------------------------------------------------
def _candidates(glossary):
    from mt_repair.variants import word_variants

    words = {w for e in glossary.entries for w in e.ar.split()} | set(glossary.ar_variant_of)
    out = set(words)
    for w in words:
        out |= word_variants(w) if len(w) >= 4 else set()
        out |= {w[:-1], w + "ي", "و" + w, "".join(w.split())}
    return out


def test_generated_variants_on_demand_equal_the_whole_table(monkeypatch):
    from mt_repair import variants
    from mt_repair.glossary import DEFAULT_GLOSSARY, Glossary

    glossary = Glossary.load([DEFAULT_GLOSSARY])
    full = variants.generate(glossary)
    assert len(full) > 100
    candidates = _candidates(glossary)
    lazy = glossary.generated_variants
    assert [v for v in candidates if lazy.get(v) != full.get(v)] == []
    assert all(v in lazy and lazy[v] == full[v] for v in full)
    with pytest.raises(KeyError):
        lazy["قال"]
    monkeypatch.setattr(variants, "_FULL_AFTER", 10)  # a big text: the whole table, same answers
    many = variants.GeneratedVariants(glossary)
    assert [v for v in candidates if many.get(v) != full.get(v)] == [] and many._full is not None


def test_variants_among_few_tokens_equal_the_listed_proclitic_forms(monkeypatch):
    from mt_repair import glossary as gmod

    glossary = gmod.Glossary.load([gmod.DEFAULT_GLOSSARY])
    tokens = {p + w for w in _candidates(glossary) for p in ("", "وال", "لل", "ب")}
    tokens |= {w for f in glossary.en_variant_of for w in f.split()}
    assert len(tokens) > 1000
    monkeypatch.setattr(gmod, "_FEW_TOKENS", 10**9)
    few = (glossary.variants_among(tokens, True), glossary.variants_among(tokens, False),
           glossary.surnames_among(tokens))
    monkeypatch.setattr(gmod, "_FEW_TOKENS", -1)
    many = (glossary.variants_among(tokens, True), glossary.variants_among(tokens, False),
            glossary.surnames_among(tokens))
    assert few == many and all(few)


def test_relational_loop_lines_by_chunks_equal_all_at_once(monkeypatch):
    import random

    from mt_repair.rules import rp010_relational_loop as rp010

    rnd = random.Random(5)
    pool = ["الأمراض", "الخاصة", "بالأمراض", "ذات", "الصلة", "بالصحة", "الصحية", "الصحة", "١٢٣"]
    bodies = [" ".join(rnd.choice(pool) for _ in range(rnd.randint(0, 3))) for _ in range(600)]
    whole = rp010._lines_with_pairs(bodies)
    assert len(whole) > 20
    for chunk in (1, 2, 5, 64):
        monkeypatch.setattr(rp010, "_CHUNK", chunk)
        assert rp010._loop_lines(bodies) == whole
