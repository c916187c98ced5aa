"""Worst-case inputs that were quadratic (issue 10, and an adversarial sweep of every rule:
each rule's trigger repeated with and without separators, long runs, unclosed markup).

Each input is sized so that the old code took 10 s to minutes while the linear code takes
well under a second; the bound is a generous "does not hang" deadline (SIGALRM interrupts
a regex too), never a timing assertion. Figures: benchmarks/bench_worst_case.py.
"""

from __future__ import annotations

import signal
import sys
from contextlib import contextmanager

import pytest

from mt_repair.config import Settings
from mt_repair.document import Document
from mt_repair.rules import REGISTRY
from mt_repair.unified_diff import split_lines, unified_diff

DEADLINE = 15  # seconds; linear runs take < 1 s here, the quadratic ones took 10-60 s

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGALRM deadline")


@contextmanager
def deadline(seconds: int = DEADLINE):
    def expired(*_):
        raise TimeoutError(f"still running after {seconds} s: quadratic again?")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="module")
def settings():
    return Settings()


def run_rule(code: str, text: str, settings) -> list:
    doc = Document(text)
    with deadline():
        return list(REGISTRY[code][1](doc, settings))


def test_glued_script_on_one_huge_glued_token(settings):
    # was 31 s: each seam rescanned the rest of the token to show it whole
    text = "Liveالقمة" * 5000
    found = run_rule("SC003", text, settings)
    # every seam fixed (a few neighbouring seams share one finding), each with a bounded span
    assert sum(len(f.fix.edits) for f in found) == 2 * 5000 - 1
    assert max(f.end - f.start for f in found) <= 80


def test_unclosed_comments_in_skip_regions():
    # was 54 s: each `<!--` scanned to the end of the text looking for `-->`
    doc = Document("<!--" * 40_000)
    with deadline():
        assert doc.skip_spans == []
    closed = Document("<!--" * 40_000 + "-->" + " http://example.com")
    with deadline():
        spans = closed.skip_spans
    assert spans[0] == (0, 4 * 40_000 + 3) and spans[1][0] == 4 * 40_000 + 4


def test_unclosed_comment_keeps_later_skip_regions():
    doc = Document("a <!-- b `code` c http://x.org d")
    assert doc.skip_spans == [(9, 15), (18, 30)]


def test_email_branch_on_a_long_dotted_run():
    # was 20 s for 80 KB: from every word of `a.a.a…` the run was scanned to its end
    doc = Document("a." * 80_000 + "@")
    with deadline():
        assert doc.skip_spans == []
    assert Document("write to first.last+tag@example.co.uk today").skip_spans == [(9, 37)]


def test_persian_letters_in_one_huge_word(settings):
    # was 18 s: the suggested spelling was rebuilt for every letter of the word
    found = run_rule("SC004", "ی" * 320_000, settings)
    assert len(found) == 1 and len(found[0].fix.edits) == 320_000


def test_word_stutter_skips_huge_words(settings):
    # quadratic: every way to remove a repeated chunk was built for a 160,000-letter word
    assert run_rule("RP011", "ال" + "قيقي" * 40_000, settings) == []


def test_missing_space_after_on_one_long_english_line(settings):
    # was 7 s for 50 KB: the word before each mark was searched from the line start
    found = run_rule("PN006", "About 250.000 people marched on Sunday." * 5000, settings)
    assert found and all(f.end - f.start == 1 for f in found)


def test_latin_punctuation_semicolons_on_one_line(settings):
    # quadratic: the entity test before each `;` searched from the line start
    found = run_rule("PN002", "قال الوزير إن &#39;المحادثات&#39; مستمرة؛ " * 3000 + "قال;الوزير" * 3000, settings)
    assert found


def test_mirrored_brackets_and_reversed_quotes_on_one_line(settings):
    # quadratic: each reversed pair counted the guillemets from the line start, and every
    # bracket was tested against every reported span
    text = "بمعدل ٤,٨ )٣,٠-٧,٢(. قال: »لن نتراجع« " * 4000
    found = run_rule("PN003", text, settings)
    assert len([f for f in found if "mirrored" in f.message]) == 4000
    assert len([f for f in found if "reversed" in f.message]) == 4000


def test_latin_names_on_one_long_mixed_line(settings):
    # quadratic: the Latin words around each name were searched from the line start
    text = "نقلت وكالتا (Reuters, AFP) أن الرئيس شاهد برنامج Millionaire? أمس في القاهرة " * 2000
    run_rule("SC010", text, settings)


def test_space_before_punctuation_with_many_spaced_quotes(settings):
    # quadratic: the quotes of the whole line were paired again for every candidate
    text = 'وارتفع الطلب على "الكمامات" و " المعقمات " ، وفق التقرير' * 2000
    assert run_rule("PN001", text, settings)


def test_diff_of_many_repeated_lines():
    # difflib took minutes on 2 MB of duplicated sentences (and seconds on 500 lines
    # alternating two values): the diff is linear whatever repeats
    before = b"Same line. Same line.\nOther.\n" * 40_000
    after = b"Same line.\nOther.\n" * 40_000
    with deadline():
        diff = unified_diff("x.md", before, after).data
    assert diff.count(b"\n-Same line. Same line.\n") == 40_000
    before = b"X\nZ\n" * 20_000
    after = b"X\nW\n" * 20_000
    with deadline():
        diff = unified_diff("x.md", before, after).data
    assert diff.count(b"\n-Z\n") == diff.count(b"\n+W\n") == 20_000


def test_diff_of_an_article_with_recurring_lines():
    # difflib: 16 s for 1 MB, 2 minutes for 2 MB (lines recurring too rarely to be junk)
    lines = [b"Sentence %d of the report said the talks would go on." % k for k in range(100)]
    before = b"".join((x + b" " + x if i % 2 else x) + b"\n" for i, x in enumerate(lines)) * 180
    after = b"".join(x + b"\n" for x in lines) * 180
    with deadline():
        diff = unified_diff("x.md", before, after).data
    assert diff.count(b"\n-") == diff.count(b"\n+") - 1 == 50 * 180  # `+++` header counts once


def test_diff_of_a_deleted_block_is_a_deletion():
    lines = [b"line %d\n" % i for i in range(5000)]
    before = b"".join(lines)
    after = b"".join(lines[:1000] + lines[3000:])
    diff = unified_diff("x.md", before, after).data
    assert diff.count(b"\n-line") == 2000 and b"\n+" not in diff.split(b"\n", 2)[2]
    assert len(split_lines(diff)) == 2 + 1 + 3 + 2000 + 3


def test_many_inline_ignores_on_one_line():
    # was 14 s for 8,000: the line was sliced again around every pragma
    doc = Document("<!-- mt-repair: ignore[PN001] --> كلمة " * 8000)
    with deadline():
        assert doc.ignores == {1: frozenset({"PN001"})}
    assert Document("<!-- mt-repair: ignore -->\nكلمة").ignores == {2: None}


def test_residue_lines_with_urls(settings):
    # was 16 s for 8,000 lines: each residue line was tested against every skipped span
    found = run_rule("RS001", "تابعونا على https://x.com/a\n" * 8000, settings)
    assert len(found) == 8000


def test_character_runs_many_on_one_line(settings):
    # was 52 s for 80 KB: each run sliced its whole line again; and each stretch of runs
    # was compared with every other run of the text
    assert run_rule("RP008", "!!!!!! x " * 9000, settings)
    found = run_rule("RP008", "وقد أعطي للمرضى المتعافيننن في المستشفى " * 2000, settings)
    assert len(found) == 2000


def test_shortcodes_without_closers_on_one_line(settings):
    # quadratic: every embed opener without a closer scanned to the line end, and every
    # bare WEAK code sliced the rest of its line
    run_rule("RS003", "[tweet x] " * 10_000 + "[b]x " * 10_000, settings)
    found = run_rule("RS003", "[video a][/video] [b]x[/b] " * 3000, settings)
    assert len(found) == 3000 * 3


def test_many_word_echoes(settings):
    # quadratic: each echo was checked against every echo already reported
    found = run_rule("RP002", "fever and fever for patients. " * 8000, settings)
    assert len(found) == 8000


def test_many_variant_surnames(settings):
    # quadratic: the whole text was searched for the house spelling once per surname
    assert run_rule("TM001", "وقال شولز إن ألمانيا ستدعم أوكرانيا.\n" * 3000, settings) == []  # was 10 s
    found = run_rule("TM001", "قال بوتن إن روسيا. وقال فلاديمير بوتين ذلك.\n" * 4000, settings)
    assert len(found) == 4000


def test_name_drift_with_many_digit_joints(settings):
    # was 11 s for 50 KB: each `a 1` joint rescanned to the text end for a compound
    assert run_rule("TM003", "1a " * 20_000, settings) == []


def test_detached_waw_many_on_one_line(settings):
    # was 4.5 s for 100 KB: the whole line was split around every `و`
    assert run_rule("SC009", "اختر الإجابة أ و ب ثم انتقل إلى النسخة باء و جيم " * 2000, settings) == []


# --- SC008/SC004: langdetect work per document (a drifted document is one artifact) ---

_FR = [f"{s} {p} {t}." for s in ("Le ministre", "Les responsables", "La police", "Les médecins", "Le tribunal")
       for p in ("a déclaré que les négociations reprendraient", "ont appelé au calme dans les rues de la ville",
                 "a salué la décision prise par le conseil", "ont rejeté l'offre faite par les syndicats")
       for t in ("lundi", "mardi", "mercredi", "jeudi", "vendredi")]


@pytest.fixture
def detect_calls(monkeypatch):
    """Counts langdetect calls made by SC008 (and SC004 through it)."""
    pytest.importorskip("langdetect")
    from mt_repair.rules import sc008_off_target_language as sc008
    calls = []
    real = sc008._detect

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(sc008, "_detect", counting)
    return calls


def test_off_target_paragraph_is_one_finding_and_one_call(settings, detect_calls):
    text = "The talks went on for a week in the capital.\n" + " ".join(_FR[:4]) + "\n"
    found = run_rule("SC008", text, settings)
    assert len(found) == 1 and len(detect_calls) == 1
    line = text.splitlines()[1]
    assert text[found[0].start:found[0].end] == line and "4 sentences" in found[0].message


def test_drifted_document_costs_a_few_calls_not_one_a_sentence(settings, detect_calls):
    paragraphs = [" ".join(_FR[i:i + 4]) for i in range(0, len(_FR), 4)]  # 25 paragraphs, 100 sentences
    text = "\n".join(paragraphs) + "\n"
    found = run_rule("SC008", text, settings)
    # every paragraph reported, as one finding (two where a sentence the word lists take
    # for English splits it), never one a sentence
    lines = {text.count("\n", 0, f.start) for f in found}
    assert lines == set(range(len(paragraphs))) and len(found) < 1.2 * len(paragraphs)
    assert len(detect_calls) <= 3  # then the drift is established: the rest join it


def test_english_sentence_ends_the_drift(settings, detect_calls):
    drifted = "\n".join(" ".join(_FR[i:i + 2]) for i in range(0, 8, 2))
    text = drifted + "\nThe minister said that the talks would go on until the end of the week.\n" + _FR[20] + "\n"
    found = run_rule("SC008", text, settings)
    assert len(found) == 5
    assert detect_calls[-1] == _FR[20]  # asked anew after English text, not joined to the old drift


def test_one_persian_letter_is_not_a_persian_sentence(settings, detect_calls):
    # SC004's leak (`بيپتيداز`): no langdetect call per sentence, and SC004 still reports it
    text = "وثبط الدواء إنزيم بيپتيداز في الخلايا المصابة\n" * 200
    assert run_rule("SC008", text, settings) == [] and detect_calls == []
    assert len(run_rule("SC004", text, settings)) == 200


def test_persian_sentences_still_found(settings, detect_calls):
    text = "وقال الوزير إن المحادثات مستمرة. وزیر امور خارجه گفت که مذاکرات ادامه خواهد یافت.\n"
    found = run_rule("SC008", text, settings)
    assert len(found) == 1 and "Persian" in found[0].message
    assert run_rule("SC004", text, settings) == []  # its words are SC008's


# --- RP002: the clause pattern only where a copy can start ---

def test_clause_pattern_on_one_long_conjunction_line(settings):
    # was 15 s/MB (8x news): _CLAUSE tried at every word with 11 phrase lengths
    assert run_rule("RP002", "نشر المقطع وYouTube وبـNATO" * 5000, settings) == []


def test_clause_candidates_give_the_matches_of_finditer():
    import random

    from mt_repair.rules import rp002_word_echo as rp002
    rng = random.Random(11)
    vocab = ["the", "border", "was", "closed", "and", "or", "then", "but", "ثم", "أو", "و", "السلطات",
             "الحدود", "وأغلقت", "أغلقت", "فالحدود", "«الحدود", "(the", "Border", "AND", "،", "،و", ",",
             "؛", "it's", "مَفيدًا", "ومَفيدًا", "İx", "ix", "وYouTube", "وبـNATO", "والحدود"]
    seps = [" "] * 12 + ["  ", "\t", " ، ", ", ", "،", " و", ""]
    matched = 0
    for _ in range(4000):
        words = [rng.choice(vocab) for _ in range(rng.randint(3, 25))]
        if len(words) > 6 and rng.random() < 0.6:  # an echoed clause, most of the time
            k = rng.randint(2, 5)
            i = rng.randint(0, len(words) - k)
            words[i + k:i + k] = [rng.choice(["and", "و", "،و", "or", ", and", "ثم"])] + words[i:i + k]
        line = "".join(w + rng.choice(seps) for w in words)
        old = [m.span() for m in rp002._CLAUSE.finditer(line)]
        assert [m.span() for m in rp002._clause_matches(line, [(0, len(line), line)])] == old, line
        matched += len(old)
    assert matched > 50  # the generator does produce echoes


# --- RP002: the loop pattern only where an item's first word comes back twice ---

def test_loop_pattern_on_long_lines_of_repeated_words(settings):
    # _LOOP was tried at every word with each item length (0.6-0.9 s/MB: 2-3x news)
    for unit in ("About 250.000 people marched on Sunday.", "أطلقت 400 طائرة و18 صاروخاً ب5 دقائق", "1a "):
        run_rule("RP002", unit * 3000, settings)


def test_loop_candidates_give_the_matches_of_finditer():
    # every position where _LOOP can match is tried, in order (a copy glued to the
    # item's last word with no blank or mark between is the one shape left out: no
    # empty separator here)
    import random

    from mt_repair.document import Document
    from mt_repair.rules import rp002_word_echo as rp002
    rng = random.Random(12)
    vocab = ["fever", "Fever", "FEVER", "a", "cup", "كبير", "وكبير", "فكبير", "الخاصة", "بالمعايير", "HIV",
             "IL-6", "hand-held", "don't", "2", "covid-19", "at", "school", "مفيدًا", "İx", "ix", "ß", "ss",
             "the", "and", "or", "ثم", "أو"]  # not a bare `و`: `و` + ` و` glues a copy (`وو`)
    seps = [" "] * 10 + [", ", " ، ", "،", ",", " and ", " or ", " then ", " ثم ", " أو ", " و", ". ", "-",
                         "/", "  ", "\t", ";", "؛ ", ": ", " (", ") "]
    matched = 0
    for _ in range(4000):
        words = []
        for _ in range(rng.randint(3, 25)):
            if len(words) > 2 and rng.random() < 0.5:  # copies of a recent stretch
                j = rng.randrange(max(0, len(words) - 6), len(words))
                words.extend(words[j:j + rng.randint(1, 4)])
            else:
                words.append(rng.choice(vocab))
        line = "".join(w + rng.choice(seps) for w in words)
        doc = Document(line)
        lines = rp002._candidate_lines(doc)[0]
        old = [m.span() for ls, le, _ in lines for m in rp002._LOOP.finditer(line, ls, le)]
        assert [m.span() for m in rp002._loop_matches(line, lines)] == old, line
        matched += len(old)
    assert matched > 200  # the generator does produce loops


def test_phrase_loop_line_filter_keeps_every_match():
    # RP003 scans only lines where a phrase's second word comes back 2-8 tokens on (a
    # drifted foreign document repeats its pairs further apart); the matches are those
    # of the scan of every line with a repeated pair
    import random

    from mt_repair.document import Document
    from mt_repair.rules import rp003_phrase_loop as rp003
    rng = random.Random(13)
    vocab = ["the", "city", "in", "The", "CITY", "ضد", "روسيا", "مفيدًا", "(the", "city,", "«روسيا", "x1city",
             "a-city", "İx", "ix", "ß", "ss", "2020", "and", "ς", "σ"]
    seps = [" "] * 6 + ["  ", "\t", ", ", ". ", "\u00a0"]
    matched = 0
    for _ in range(3000):
        words = []
        for _ in range(rng.randint(3, 30)):
            if len(words) > 3 and rng.random() < 0.3:  # a copy of a recent stretch, right after it
                j = rng.randrange(max(0, len(words) - 8), len(words) - 1)
                words.extend(words[j:j + rng.randint(2, 8)])
            else:
                words.append(rng.choice(vocab))
        text = "".join(w + rng.choice(seps) for w in words)
        lines = Document(text).lines_with_repeated_pair
        every = [m.span() for ls, le, _ in lines for m in rp003._LOOP.finditer(text, ls, le)]
        assert [m.span() for m in rp003._matches(Document(text))] == every, text
        matched += len(every)
    assert matched > 100
