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
import sys
from mt_repair.cli import main
rc = main(["check", "--output-format", "concise", sys.argv[1]])
modules = sorted(sys.modules)
import json  # after: the check itself must not need it
print(json.dumps({"rc": rc, "modules": modules}))
"""
# standard modules a one-line check does without, with what each cost it (Python 3.11)
LIGHT = ("dataclasses", "inspect", "typing", "shutil", "json", "hashlib", "tempfile", "tomllib")


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
    # dataclasses + inspect ~10 ms (the values are types.Frozen), typing ~3 ms (namedtuple),
    # shutil ~2 ms (argparse's width: cli._columns), json (only the JSON reporter), tomllib (no
    # config file: nothing to parse), hashlib and tempfile (only a write needs them)
    assert [m for m in LIGHT if m in modules] == []


def test_values_behave_as_the_dataclasses_they_replace():
    """Finding, Fix, Edit, Rule, Settings...: types.Frozen/Record give what @dataclass did."""
    import dataclasses
    import pickle

    from mt_repair.config import Settings
    from mt_repair.rules import REGISTRY
    from mt_repair.types import Edit, Finding, Fix, Severity, replace

    fix = Fix.replace(4, 7, "x")
    f = Finding("RP001", "repeated-word", "repetition", Severity.ERROR, 4, 7, "m", fix, "subj")
    same = Finding("RP001", "repeated-word", "repetition", Severity.ERROR, 4, 7, "m")  # fix, subject: not compared
    assert f == same and hash(f) == hash(same) and len({f, same}) == 1
    assert f != replace(f, start=5) and f != ("RP001",) and Edit(1, 2) != Fix((Edit(1, 2),))
    assert replace(f, severity=Severity.INFO).severity is Severity.INFO and f.severity is Severity.ERROR
    assert replace(fix, applicability=1).edits == fix.edits  # Fix.replace is its own constructor
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 0
    with pytest.raises(AttributeError):
        del fix.edits
    with pytest.raises(ValueError, match="bad edit span"):
        Edit(5, 4)
    with pytest.raises(TypeError):
        replace(f, colour="red")
    for value in (f, fix, REGISTRY["RP001"][0]):
        back = pickle.loads(pickle.dumps(value))
        assert back == value and type(back) is type(value)
    assert pickle.loads(pickle.dumps(f)).fix == fix and repr(f).startswith("Finding(code='RP001', ")
    settings = Settings(select=("RP",))
    assert settings.glossary is settings.glossary  # cached on the instance
    fresh = settings.replace(ignore=("RP001",))
    assert "glossary" not in vars(fresh) and fresh.select == ("RP",) and fresh.ignore == ("RP001",)
    assert fresh != settings and settings.replace() == settings
    with pytest.raises(TypeError):
        hash(settings)  # mutable: unhashable, as a non-frozen dataclass


@pytest.mark.parametrize("size", [0, 5, 1 << 16, (1 << 16) + 1, 3 << 20])
def test_a_stamp_tells_a_changed_file_at_any_size(size):
    """Up to 64 KB a stamp keeps the bytes (no hashlib at start-up), above it their SHA-256."""
    from mt_repair.textio import KEEP_BYTES, Stamp

    raw = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    st = os.stat_result((0o100644, 7, 1, 1, 0, 0, size, 0, 0, 0))
    stamp = Stamp.of(st, raw)
    assert len(stamp.content) == (size if size <= KEEP_BYTES else 32)
    assert stamp.same_content(raw)
    assert not stamp.same_content(raw + b"!")
    if size:
        assert not stamp.same_content(raw[:-1] + bytes([raw[-1] ^ 1]))  # one bit, same size


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


def test_a_packaged_word_file_is_used_without_building_the_cache(tiny_wordfreq, tmp_path, monkeypatch):
    """A wheel ships the files (setup.py): a fresh install's first check maps them and
    never calls wordfreq or writes the user cache."""
    shipped = tmp_path / "words"
    assert lexicon.main(["build", "--into", str(shipped), "en"]) == 0
    assert tiny_wordfreq == [("en", "large")]
    name = lexicon.word_file_path("en").name
    assert (shipped / name).stat().st_mode & 0o444 == 0o444  # readable by every user of the install
    cache = tmp_path / "empty-cache"
    monkeypatch.setenv("MT_REPAIR_CACHE", str(cache))
    monkeypatch.setattr(lexicon, "PACKAGED", shipped)
    lexicon._word_file.cache_clear()
    lexicon.wordfreq_words.cache_clear()
    assert lexicon.wordfreq_words("en").missing(["the", "minister", "zzz"]) == ["zzz"]
    assert tiny_wordfreq == [("en", "large")] and not cache.exists()  # no second build


def test_a_packaged_file_of_another_wordfreq_version_is_not_used(tiny_wordfreq, tmp_path, monkeypatch):
    shipped = tmp_path / "words"
    shipped.mkdir()
    (shipped / "wordfreq-en-0.0.1.words").write_bytes(lexicon.WordFile.build([["zzz"]]))
    monkeypatch.setattr(lexicon, "PACKAGED", shipped)
    assert lexicon.packaged_word_file("en") is None
    assert lexicon.wordfreq_words("en").missing(["the", "zzz"]) == ["zzz"]  # built from wordfreq
    assert tiny_wordfreq == [("en", "large")]


def test_a_damaged_packaged_file_falls_back_to_the_cache(tiny_wordfreq, tmp_path, monkeypatch):
    shipped = tmp_path / "words"
    shipped.mkdir()
    (shipped / lexicon.word_file_path("en").name).write_bytes(b"MTRLEX1\ngarbage")
    monkeypatch.setattr(lexicon, "PACKAGED", shipped)
    assert "minister" in lexicon.wordfreq_words("en")
    assert tiny_wordfreq == [("en", "large")]


@pytest.mark.parametrize("argv", [[], ["list"], ["build", "--into"], ["build", "--bogus", "en"]])
def test_the_builder_refuses_bad_arguments(argv, capsys):
    assert lexicon.main(argv) == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.slow
def test_a_built_wheel_ships_the_word_files(tmp_path):
    """setup.py's build step, end to end: `pip wheel` (isolated build environment with
    wordfreq as a build requirement) puts every language's file in the wheel."""
    import zipfile

    src = tmp_path / "src"  # a copy: an in-tree build would leave build/ in the checkout
    root = Path(__file__).resolve().parent.parent
    listing = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others",
                              "--exclude-standard"], capture_output=True, check=True).stdout
    for rel in filter(None, listing.decode().split("\0")):
        if (root / rel).is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            (src / rel).write_bytes((root / rel).read_bytes())
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                          str(src)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("mt_repair-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for lang in ("ar", "en", *lexicon.FOREIGN_LATIN):  # named by the build environment's wordfreq
        assert [n for n in names if n.startswith(f"mt_repair/data/words/wordfreq-{lang}-")], lang


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


# -- RS001: which `regex` patterns a line can match, read from the patterns' text ---------
def _sample(pattern: str, rnd, n: int) -> list[str]:
    """Up to n random strings made from `pattern`'s parse tree (re's own parser), a few
    of which match it: the first-character sets must let every one of them through."""
    from re import _constants as C
    from re import _parser

    pool = ([chr(c) for c in range(32, 127)] + [chr(c) for c in range(0x600, 0x700)]
            + list("\u00a9\u2013\u2014\u00a0\u017f\u212a\u0130\u0131\u00e9\u00c9\uff1a\u2022"))

    def member(ch, items):
        neg, hit = False, False
        for op, av in items:
            if op is C.NEGATE:
                neg = True
            elif op is C.LITERAL:
                hit |= ch == chr(av)
            elif op is C.RANGE:
                hit |= av[0] <= ord(ch) <= av[1]
            elif op is C.CATEGORY:
                name = str(av).lower()
                test = ch.isdigit() if "digit" in name else ch.isspace() if "space" in name else \
                    (ch.isalnum() or ch == "_") if "word" in name else ch != "\n"
                hit |= (not test) if "not" in name else test
        return hit != neg

    def gen(seq, out):
        for op, av in seq:
            if op is C.LITERAL:
                out.append(chr(av))
            elif op is C.NOT_LITERAL or op is C.ANY:
                out.append(rnd.choice([c for c in pool if op is C.ANY or c != chr(av)]))
            elif op is C.IN:
                if id(av) not in members:
                    members[id(av)] = [c for c in pool if member(c, av)] or ["\x00"]
                out.append(rnd.choice(members[id(av)]))
            elif op is C.BRANCH:
                gen(rnd.choice(av[1]), out)
            elif op is C.SUBPATTERN:
                gen(av[3], out)
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                lo, hi, sub = av
                for _ in range(rnd.randint(lo, min(hi, lo + 3))):
                    gen(sub, out)
        return out

    tree = _parser.parse(pattern, re.I)
    members: dict[int, list[str]] = {}
    out = []
    for _ in range(n):
        s = "".join(gen(tree, []))
        if rnd.random() < 0.5:  # re.I: the line's case may be anything
            s = "".join(c.swapcase() if rnd.random() < 0.5 else c for c in s)
        out.append(s)
    return out


def test_rs001_line_start_sets_let_every_matching_line_through():
    import random

    from mt_repair.rules import rs001_page_residue as rs001

    _, _, _, regexes, _, _ = rs001.load_patterns()
    line_start = rs001._LineStart(regexes)
    rnd = random.Random(12)
    matched = 0
    for rx, _, _ in regexes:
        for s in _sample(rx.pattern, rnd, 300):
            body = s.strip()
            if body and rx.search(body):
                matched += 1
                assert any(c is rx for c, _, _ in line_start.candidates(body)), (rx.pattern, body)
    assert matched > 3000
    wild = [rx.pattern for rx, _, _ in regexes if rs001.first_chars(rx.pattern) is None]
    assert len(wild) < len(regexes) / 3  # most patterns are chosen by the line's first character


@pytest.mark.parametrize("pattern, chars", [
    ("^abc", "a"), ("^(?:Photo|image)s?", "pi"), ("^[إا]قرأ", "إا"), ("^(?:https?://)?(?:www\\.)?t\\.co", "htw"),
    ("^[0-2]x|^\\(c\\)", "012("), ("^a?b*c", "abc"), ("^x{0,2}y", "xy"),
    ("^a*", None), ("^.*x", None), ("^[^a]", None), ("^\\s*x", None), ("x", None), ("^a|b", None),
    ("^(?=a)a", None), ("^(?:a|)b", None), ("^\u00c9t\u00e9", None),  # É: re.I knows case partners beyond ASCII
])
def test_rs001_first_character_sets(pattern, chars):
    from mt_repair.rules.rs001_page_residue import first_chars

    assert first_chars(pattern) == (None if chars is None else frozenset(chars))
