"""The artifact kinds: one function per kind, `(line, context) -> Injection | None`.

Each returns None when the line offers nothing to corrupt that way. See `inject.py` for
how kinds are chosen, and eval/README.md for the table of kinds.
"""

from __future__ import annotations

import re

from mt_repair.evaluation.injected import (
    ANY_EN_WORD_RE, AR_PLAIN_RE, AR_WORD_RE, EN_WORD_RE, LATIN_RUN, SENTENCE_END, Injection, Kind, Mark, add_line,
    canonical, headline, last_sentence, mojibake, pick, real_variants, runs_of, shuffle_word, splice, tokens_of)
from mt_repair.text import AR_LETTER, AR_MARK, LATIN_LETTER

# -- Arabic ------------------------------------------------------------------------------

AR_FUNCTION_WORDS = ("في", "من", "على", "إلى", "عن", "مع", "أن", "التي", "الذي", "قد", "لم", "هذا", "هذه")
# Arabic phrases and the English an MT system leaves in their place (untranslated fragments).
AR_EN_PHRASES = (
    ("وفقا", "according to"), ("وفقاً", "according to"), ("في الوقت نفسه", "at the same time"),
    ("بالإضافة إلى", "in addition to"), ("على سبيل المثال", "for example"), ("حتى الآن", "so far"),
    ("العام الماضي", "last year"), ("الأسبوع الماضي", "last week"), ("الشهر الماضي", "last month"),
    ("يوم الاثنين", "on Monday"), ("يوم الثلاثاء", "on Tuesday"), ("يوم الأربعاء", "on Wednesday"),
    ("يوم الخميس", "on Thursday"), ("يوم الجمعة", "on Friday"), ("من ناحية أخرى", "on the other hand"),
    ("في حين", "while"), ("لا يزال", "is still"), ("بعد ذلك", "after that"), ("قبل ذلك", "before that"),
    ("في المقابل", "in return"), ("على الرغم من", "despite"), ("وقال", "and said"), ("قال", "said"),
    ("وأضاف", "he added"), ("بشكل كبير", "significantly"), ("في النهاية", "in the end"),
)
AR_RESIDUE_LINES = ("شارك", "طباعة", "إعلان", "شارك المقال", "أرسل لصديق", "تكبير الخط", "محتوى إعلاني", "مشاركة")
AR_CREDITS = ("رويترز", "أ ف ب", "غيتي", "الأناضول", "شاترستوك", "أسوشيتد برس")
AR_WIDGETS = ("Live", "Video", "Breaking", "Exclusive", "Watch", "Update")
INVISIBLES = ("\u200f", "\u200b", "\u200e", "\u200b", "\u2066")


def _real(ctx, words):
    """Only dictionary words: a loop of a non-word would also be a garbled cluster."""
    return [w for w in words if ctx.lexicon.is_word(w[2], deep=True)]


def ar_token_loop(line, ctx):
    words = _real(ctx, [w for w in tokens_of(AR_WORD_RE, line, 3) if w[2] not in AR_FUNCTION_WORDS])
    w = pick(ctx.rng, words)
    if not w:
        return None
    n = ctx.rng.choice((3, 4))
    return splice(line, w[0], w[1], " ".join([w[2]] * n), "repetition", "ar-token-loop",
                   f"{w[2]!r} printed {n} times in a row")


def ar_doubled_word(line, ctx):
    words = [w for w in tokens_of(AR_WORD_RE, line) if w[2] in AR_FUNCTION_WORDS]
    w = pick(ctx.rng, words)
    if not w:
        return None
    return splice(line, w[0], w[1], f"{w[2]} {w[2]}", "repetition", "ar-doubled-word",
                   f"function word {w[2]!r} doubled")


def ar_word_echo(line, ctx):
    words = _real(ctx, [w for w in tokens_of(AR_PLAIN_RE, line, 4)
                        if not w[2].startswith("و") and w[2] not in AR_FUNCTION_WORDS])
    w = pick(ctx.rng, words)
    if not w:
        return None
    return splice(line, w[0], w[1], f"{w[2]} و{w[2]}، و{w[2]}", "repetition", "ar-word-echo",
                   f"{w[2]!r} echoed three times through و")


def ar_phrase_loop(line, ctx):
    n = ctx.rng.choice((2, 3, 4))
    run = pick(ctx.rng, runs_of(tokens_of(AR_WORD_RE, line), line, n))
    if not run or len(_real(ctx, run)) < n:
        return None
    phrase = line[run[0][0]:run[-1][1]]
    return splice(line, run[0][0], run[-1][1], f"{phrase} {phrase}", "repetition", "ar-phrase-loop",
                   f"{n}-word phrase printed twice")


def dup_sentence(line, ctx, kind="ar-duplicated-sentence"):
    s = last_sentence(line)
    # a copy with an odd number of straight quotes would unbalance the text: a second artifact
    if s is None or len(line[s:].split()) < 6 or line[s:].count('"') % 2:
        return None
    sentence = line[s:]
    return Injection(line + " " + sentence, (Mark(s, len(line) + 1 + len(sentence), "repetition", kind,
                                                  "sentence printed twice"),))


def dup_paragraph(line, ctx, kind="ar-duplicated-paragraph"):
    if len(line.split()) < 3 or line.count('"') % 2:
        return None
    return Injection(line + "\n" + line, (Mark(0, 2 * len(line) + 1, "repetition", kind,
                                              "paragraph printed twice"),))


def ar_persian_yeh(line, ctx):
    cands = [w for w in tokens_of(AR_WORD_RE, line, 3) if re.search(f"ي(?=[{AR_LETTER}])", w[2])]
    w = pick(ctx.rng, cands)
    if not w:
        return None
    new = w[2].replace("ي", "\u06cc").replace("ى", "\u06cc")
    final = w[2].endswith(("ي", "ى"))
    fix = "none" if w[2].endswith("ى") else ("unsafe" if final else "safe")
    return splice(line, w[0], w[1], new, "script", "ar-persian-yeh", f"Persian yeh U+06CC in {w[2]!r}", fix)


def ar_persian_keheh(line, ctx):
    w = pick(ctx.rng, [w for w in tokens_of(AR_WORD_RE, line, 3) if "ك" in w[2]])
    if not w:
        return None
    return splice(line, w[0], w[1], w[2].replace("ك", "\u06a9"), "script", "ar-persian-keheh",
                   f"Persian keheh U+06A9 in {w[2]!r}")


def invisible(line, ctx, rx=AR_PLAIN_RE, kind="ar-invisible"):
    w = pick(ctx.rng, tokens_of(rx, line, 4))
    if not w:
        return None
    i = ctx.rng.randint(1, len(w[2]) - 1)
    ch = ctx.rng.choice(INVISIBLES)
    return splice(line, w[0], w[1], w[2][:i] + ch + w[2][i:], "script", kind,
                   f"U+{ord(ch):04X} inside {w[2]!r}")


_AR_LATIN_SEAM = re.compile(rf"(?P<a>[{AR_LETTER}]{{2,}}) (?={LATIN_RUN})|(?<=[{LATIN_LETTER}]) (?=[{AR_LETTER}]{{2}})")


def ar_glued_latin(line, ctx):
    seams = [m for m in _AR_LATIN_SEAM.finditer(line)
             if not (m.group("a") and m.group("a") in ("وال", "بال", "لل", "ال"))]
    m = pick(ctx.rng, seams)
    if not m:
        return None
    sp = m.end() - 1 if m.group("a") else m.start()
    s = sp
    while s > 0 and not line[s - 1].isspace():
        s -= 1
    e = sp + 1
    while e < len(line) and not line[e].isspace():
        e += 1
    new = line[:sp] + line[sp + 1:]
    return Injection(new, (Mark(s, e - 1, "script", "ar-glued-latin",
                                f"space lost between Latin and Arabic in {line[s:e]!r}"),))


def ar_glued_widget(line, ctx):
    if not re.match(f"[{AR_LETTER}]", line):
        return None
    label = ctx.rng.choice(AR_WIDGETS)
    first = re.match(f"[{AR_LETTER}{AR_MARK}]+", line).end()
    return Injection(label + line, (Mark(0, len(label) + first, "script", "ar-glued-widget",
                                         f"page widget {label!r} glued to the first word", "none"),))


def ar_handle(line, ctx):
    cands = [c for c in canonical(ctx, line, "ar") if c[2].handles]
    c = pick(ctx.rng, cands)
    if not c:
        return None
    handle = ctx.rng.choice(c[2].handles)
    return splice(line, c[0], c[1], handle, "script", "ar-handle",
                   f"handle {handle} in place of {c[2].ar!r}")


def _camel(en: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[\s\-'.]+", en) if p)


def ar_hashtag(line, ctx):
    c = pick(ctx.rng, canonical(ctx, line, "ar", types=("person",)))
    if not c:
        return None
    tag = "#" + _camel(c[2].en)
    return splice(line, c[0], c[1], tag, "script", "ar-hashtag", f"hashtag {tag} in place of {c[2].ar!r}",
                   "unsafe")


def ar_english_name(line, ctx):
    c = pick(ctx.rng, canonical(ctx, line, "ar", types=("person", "title")))
    if not c:
        return None
    return splice(line, c[0], c[1], c[2].en, "script", "ar-english-name",
                   f"English {c[2].en!r} left for {c[2].ar!r}", "unsafe")


def ar_english_fragment(line, ctx):
    found = []
    for ar, en in AR_EN_PHRASES:
        for m in re.finditer(rf"(?<![{AR_LETTER}]){re.escape(ar)}(?![{AR_LETTER}{AR_MARK}])", line):
            found.append((m.start(), m.end(), en))
    f = pick(ctx.rng, sorted(found))
    if not f:
        return None
    return splice(line, f[0], f[1], f[2], "script", "ar-english-fragment",
                   f"untranslated English {f[2]!r}", "none")


def ar_mojibake(line, ctx):
    run = pick(ctx.rng, runs_of(tokens_of(AR_WORD_RE, line, 2), line, ctx.rng.choice((1, 2, 3))))
    if not run:
        return None
    s, e = run[0][0], run[-1][1]
    return splice(line, s, e, mojibake(line[s:e]), "script", "ar-mojibake", "UTF-8 read as Windows-1252")


def ar_space_before_punct(line, ctx):
    spots = [m.start() for m in re.finditer(f"(?<=[{AR_LETTER}])[،؛]", line)]
    if line.endswith(".") and re.match(f"[{AR_LETTER}]", line[-2:-1]):
        spots.append(len(line) - 1)
    i = pick(ctx.rng, spots)
    if i is None:
        return None
    return splice(line, i, i, " ", "punctuation", "ar-space-before-punct",
                   f"space before {line[i]!r}", mark=(0, 2))


def ar_latin_punct(line, ctx):
    spots = [m.start() for m in re.finditer(f"(?<=[{AR_LETTER}{AR_MARK}])[،؛؟]", line)]
    i = pick(ctx.rng, spots)
    if i is None:
        return None
    latin = {"،": ",", "؛": ";", "؟": "?"}[line[i]]
    return splice(line, i, i + 1, latin, "punctuation", "ar-latin-punct", f"Latin {latin!r} for {line[i]!r}")


_QUOTED = re.compile(r'"([^"\n]{2,200})"')


def ar_reversed_quotes(line, ctx):
    if line.count('"') % 2 or "«" in line or "»" in line:
        return None
    m = pick(ctx.rng, list(_QUOTED.finditer(line)))
    if not m:
        return None
    return splice(line, m.start(), m.end(), f"»{m.group(1)}«", "punctuation", "ar-reversed-quotes",
                   "quotation marks reversed (»…«)", "none")


def _next_opens_quote(ctx) -> bool:
    nxt = next((x for x in ctx.lines[ctx.index + 1:] if x.strip()), "")
    return nxt.lstrip().startswith(('"', "«", "“", "("))


def ar_unclosed_quote(line, ctx):
    # a quotation continued in the next paragraph is opened there again and closed later:
    # news style, not an artifact
    if line.count('"') % 2 or "«" in line or "»" in line or _next_opens_quote(ctx):
        return None
    m = pick(ctx.rng, list(_QUOTED.finditer(line)))
    if not m:
        return None
    return splice(line, m.start(), m.end(), f"«{m.group(1)}", "punctuation", "ar-unclosed-quote",
                   "quotation opened with « and never closed", "none")


def ar_doubled_comma(line, ctx):
    i = pick(ctx.rng, [m.start() for m in re.finditer(f"(?<=[{AR_LETTER}{AR_MARK}])،", line)])
    if i is None:
        return None
    return splice(line, i, i + 1, "،،", "punctuation", "ar-doubled-comma", "comma printed twice")


_AR_NUM_SEAM = re.compile(rf"(?<![{AR_LETTER}])(?P<w>[{AR_LETTER}]{{3,}}) (?=[0-9])|(?<=[0-9]) (?=[{AR_LETTER}]{{3}})")


def ar_glued_number(line, ctx):
    seams = [m for m in _AR_NUM_SEAM.finditer(line)
             if not (m.group("w") and m.group("w") in ("وال", "بال", "لل", "فال", "كال", "ولل"))]
    m = pick(ctx.rng, seams)
    if not m:
        return None
    sp = m.end() - 1 if m.group("w") else m.start()
    s = sp
    while s > 0 and not line[s - 1].isspace():
        s -= 1
    e = sp + 1
    while e < len(line) and not line[e].isspace():
        e += 1
    return Injection(line[:sp] + line[sp + 1:], (Mark(s, e - 1, "punctuation", "ar-glued-number",
                                                      f"number glued to a word in {line[s:e]!r}"),))


def glossary_variant(line, ctx, language="ar"):
    cands = [c for c in canonical(ctx, line, language, clitics=True) if real_variants(c[2], language)]
    if language == "en":
        cands = [c for c in cands if c[2].type != "title"]
    c = pick(ctx.rng, cands)
    if not c:
        return None
    variant = ctx.rng.choice(real_variants(c[2], language))
    house = c[2].ar if language == "ar" else c[2].en
    return splice(line, c[0], c[1], variant, "terminology", f"{language}-glossary-variant",
                   f"glossary variant {variant!r} for {house!r}", "safe" if c[2].safe else "unsafe")


def ar_inconsistent_spelling(line, ctx):
    """One spelling of a name changed by a long vowel, where the name recurs in the article."""
    cands = []
    for s, e, w in tokens_of(AR_PLAIN_RE, line, 5):
        pre = next((p for p in ("وال", "فال", "بال", "لل", "ال", "و", "ف") if w.startswith(p) and len(w) - len(p) >= 5), "")
        stem = w[len(pre):]
        if len(stem) < 6 or ctx.words[stem] < 3 or stem in ctx.glossary.words or ctx.lexicon.is_word(stem, deep=True):
            continue
        spots = [i for i in range(1, len(stem) - 1) if stem[i] in "اوي"]
        if spots:
            cands.append((s + len(pre), e, stem, spots))
    c = pick(ctx.rng, cands)
    if not c:
        return None
    s, e, stem, spots = c
    i = ctx.rng.choice(spots)
    new = stem[:i] + stem[i + 1:]
    if ctx.lexicon.is_word(new, deep=True):
        return None
    return splice(line, s, e, new, "terminology", "ar-inconsistent-spelling",
                   f"{stem!r} spelled {new!r} once", "unsafe")


def ar_garbled(line, ctx, rx=AR_PLAIN_RE, kind="ar-garbled", min_len=3):
    n = ctx.rng.choice((3, 4))
    runs = [r for r in runs_of(tokens_of(rx, line, min_len), line, n)]
    run = pick(ctx.rng, runs)
    if not run:
        return None
    new = []
    for _, _, w in run:
        g = shuffle_word(ctx.rng, w, ctx.lexicon)
        if g is None:
            return None
        new.append(g)
    return splice(line, run[0][0], run[-1][1], " ".join(new), "garbled", kind,
                   f"{n} words garbled into non-words", "none")


def ar_residue_line(line, ctx):
    return add_line(line, ctx.rng.choice(AR_RESIDUE_LINES), "residue", "ar-residue-line",
                     "share/print/ad button line", "safe")


def ar_read_also(line, ctx):
    items = [h for h in (headline(ctx.rng, ctx) for _ in range(ctx.rng.choice((1, 2)))) if h]
    if not items:
        return None
    block = "إقرأ أيضاً:\n" + "\n".join(f"• {h}" for h in items)
    return add_line(line, block, "residue", "ar-read-also", "read-also block with links", "unsafe")


def ar_caption(line, ctx):
    h = headline(ctx.rng, ctx, 3, 6)
    if not h:
        return None
    return add_line(line, f"{h} - {ctx.rng.choice(AR_CREDITS)}", "residue", "ar-caption",
                     "image caption with a photo credit", "unsafe")


def ad_tail(line, ctx, label="إعلان", kind="ar-ad-tail"):
    if not SENTENCE_END.search(line):
        return None
    return Injection(line + " " + label, (Mark(len(line) + 1, len(line) + 1 + len(label), "residue", kind,
                                               "advertisement label glued to the paragraph", "unsafe"),))


# -- English ------------------------------------------------------------------------------

EN_FUNCTION_WORDS = ("the", "a", "of", "to", "in", "on", "for", "with", "and", "from", "by")
EN_INTERJECTIONS = {"ha", "no", "yes", "la", "na", "go", "bye", "he"}
EN_AR_PHRASES = (
    ("said", "قال"), ("according to", "وفقاً لـ"), ("on Monday", "يوم الاثنين"), ("on Tuesday", "يوم الثلاثاء"),
    ("on Wednesday", "يوم الأربعاء"), ("on Thursday", "يوم الخميس"), ("on Friday", "يوم الجمعة"),
    ("last year", "العام الماضي"), ("last week", "الأسبوع الماضي"), ("government", "الحكومة"),
    ("police", "الشرطة"), ("however", "ومع ذلك"), ("president", "الرئيس"), ("minister", "الوزير"),
)
EN_RESIDUE_LINES = ("Share this article", "Advertisement", "Share", "Tweet", "Email", "Print", "Sponsored",
                    "Skip to content", "Read more")
EN_CREDITS = ("Reuters", "AFP", "AP", "Getty Images", "EPA")


def en_token_loop(line, ctx):
    words = _real(ctx, [w for w in tokens_of(EN_WORD_RE, line, 3) if w[2] not in EN_INTERJECTIONS])
    w = pick(ctx.rng, words)
    if not w:
        return None
    n = ctx.rng.choice((3, 4))
    return splice(line, w[0], w[1], " ".join([w[2]] * n), "repetition", "en-token-loop",
                   f"{w[2]!r} printed {n} times in a row")


def en_doubled_word(line, ctx):
    w = pick(ctx.rng, [w for w in tokens_of(EN_WORD_RE, line, 1) if w[2] in EN_FUNCTION_WORDS])
    if not w:
        return None
    return splice(line, w[0], w[1], f"{w[2]} {w[2]}", "repetition", "en-doubled-word",
                   f"function word {w[2]!r} doubled")


def en_word_echo(line, ctx):
    words = _real(ctx, [w for w in tokens_of(EN_WORD_RE, line, 4) if w[2] not in EN_FUNCTION_WORDS])
    w = pick(ctx.rng, words)
    if not w:
        return None
    return splice(line, w[0], w[1], f"{w[2]}, {w[2]}, {w[2]}", "repetition", "en-word-echo",
                   f"{w[2]!r} echoed three times with commas")


def en_phrase_loop(line, ctx):
    n = ctx.rng.choice((2, 3, 4))
    run = pick(ctx.rng, runs_of(tokens_of(ANY_EN_WORD_RE, line, 1), line, n))
    if not run or len({w[2].lower() for w in run}) == 1 or len(_real(ctx, [w for w in run if w[2].islower()]))\
            < sum(w[2].islower() for w in run):
        return None
    phrase = line[run[0][0]:run[-1][1]]
    return splice(line, run[0][0], run[-1][1], f"{phrase} {phrase}", "repetition", "en-phrase-loop",
                   f"{n}-word phrase printed twice")


def en_arabic_name(line, ctx):
    cands = [c for c in canonical(ctx, line, "en", types=("person", "place", "org"))]
    c = pick(ctx.rng, cands)
    if not c:
        return None
    return splice(line, c[0], c[1], c[2].ar, "script", "en-arabic-name",
                   f"Arabic {c[2].ar!r} left for {c[2].en!r}", "none")


def en_arabic_fragment(line, ctx):
    found = []
    for en, ar in EN_AR_PHRASES:
        for m in re.finditer(rf"(?<![{LATIN_LETTER}]){re.escape(en)}(?![{LATIN_LETTER}])", line):
            found.append((m.start(), m.end(), ar))
    f = pick(ctx.rng, sorted(found))
    if not f:
        return None
    return splice(line, f[0], f[1], f[2], "script", "en-arabic-fragment",
                   f"untranslated Arabic {f[2]!r}", "none")


def en_mojibake(line, ctx):
    spots = [m for m in re.finditer(r"\S*[^\x00-\x7f]\S*", line)]
    m = pick(ctx.rng, spots)
    if not m:
        return None
    return splice(line, m.start(), m.end(), mojibake(m.group()), "script", "en-mojibake",
                   "UTF-8 read as Windows-1252")


def en_space_before_punct(line, ctx):
    spots = [m.start() for m in re.finditer(r"(?<=[A-Za-z]),(?= )", line)]
    if re.search(r"[A-Za-z]\.$", line):
        spots.append(len(line) - 1)
    i = pick(ctx.rng, spots)
    if i is None:
        return None
    return splice(line, i, i, " ", "punctuation", "en-space-before-punct", f"space before {line[i]!r}",
                   mark=(0, 2))


def en_doubled_comma(line, ctx):
    i = pick(ctx.rng, [m.start() for m in re.finditer(r"(?<=[A-Za-z]),(?= )", line)])
    if i is None:
        return None
    return splice(line, i, i + 1, ",,", "punctuation", "en-doubled-comma", "comma printed twice")


def en_unclosed_paren(line, ctx):
    m = pick(ctx.rng, list(re.finditer(r"\(([^()\n]{2,120})\)", line)))
    if not m or line.count("(") != line.count(")") or _next_opens_quote(ctx):
        return None
    return splice(line, m.start(), m.end(), "(" + m.group(1), "punctuation", "en-unclosed-paren",
                   "bracket opened and never closed", "none")


# a capitalised word as the checker tokenises it (`Menga's` is one token, not `Menga`)
EN_NAME = re.compile(r"(?<![A-Za-z'\u2019])[A-Z][a-z]{4,}(?![A-Za-z'\u2019])")


def en_inconsistent_spelling(line, ctx):
    """A recurring name spelled once with i/y swapped or a letter doubled (Sergei/Sergey)."""
    cands = []
    for m in EN_NAME.finditer(line):
        w = m.group()
        if ctx.words[w] < 3 or w in ctx.glossary.words or ctx.lexicon.is_word(w.lower(), deep=True):
            continue
        cands.append((m.start(), m.end(), w))
    c = pick(ctx.rng, cands)
    if not c:
        return None
    s, e, w = c
    i = max((k for k in range(1, len(w)) if w[k] in "iy"), default=None)
    if i is not None:
        new = w[:i] + ("y" if w[i] == "i" else "i") + w[i + 1:]
    else:
        k = ctx.rng.randrange(2, len(w))
        new = w[:k] + w[k - 1] + w[k:] if w[k - 1] not in "aeiou" else None
    if not new or ctx.lexicon.is_word(new.lower(), deep=True):
        return None
    return splice(line, s, e, new, "terminology", "en-inconsistent-spelling",
                   f"{w!r} spelled {new!r} once", "unsafe")


def en_residue_line(line, ctx):
    return add_line(line, ctx.rng.choice(EN_RESIDUE_LINES), "residue", "en-residue-line",
                     "share/print/ad button line", "safe")


def en_related(line, ctx):
    items = [h for h in (headline(ctx.rng, ctx) for _ in range(ctx.rng.choice((1, 2)))) if h]
    if not items:
        return None
    block = ctx.rng.choice(("Related articles", "Read also", "More on this story")) + "\n" + \
        "\n".join(f"• {h}" for h in items)
    return add_line(line, block, "residue", "en-related", "related-links block", "unsafe")


def en_caption(line, ctx):
    if ctx.rng.random() < 0.5:
        return add_line(line, f"Image copyright {ctx.rng.choice(EN_CREDITS)}", "residue", "en-caption",
                         "image credit line", "unsafe")
    h = headline(ctx.rng, ctx, 3, 6)
    if not h:
        return None
    return add_line(line, f"{h} - {ctx.rng.choice(EN_CREDITS)}", "residue", "en-caption",
                     "image caption with a photo credit", "unsafe")


# -- the registry ---------------------------------------------------------------------------

def _k(name, category, language, make, doc, once=False):
    return Kind(name, category, language, make, doc, once)


KINDS: tuple[Kind, ...] = (
    _k("ar-token-loop", "repetition", "ar", ar_token_loop, "a word printed 3-4 times in a row"),
    _k("ar-doubled-word", "repetition", "ar", ar_doubled_word, "a function word doubled (في في)"),
    _k("ar-word-echo", "repetition", "ar", ar_word_echo, "X وX، وX"),
    _k("ar-phrase-loop", "repetition", "ar", ar_phrase_loop, "2-4 words printed twice"),
    _k("ar-duplicated-sentence", "repetition", "ar", dup_sentence, "the paragraph's last sentence printed twice"),
    _k("ar-duplicated-paragraph", "repetition", "ar", dup_paragraph, "the paragraph printed twice"),
    _k("ar-persian-yeh", "script", "ar", ar_persian_yeh, "ی for ي (and ى) in a word"),
    _k("ar-persian-keheh", "script", "ar", ar_persian_keheh, "ک for ك in a word"),
    _k("ar-invisible", "script", "ar", invisible, "U+200B/200E/200F/2066 inside a word"),
    _k("ar-glued-latin", "script", "ar", ar_glued_latin, "space lost between a Latin and an Arabic word"),
    _k("ar-glued-widget", "script", "ar", ar_glued_widget, "page widget label glued to the first word"),
    _k("ar-handle", "script", "ar", ar_handle, "a glossary handle for the Arabic name"),
    _k("ar-hashtag", "script", "ar", ar_hashtag, "#EnglishName for a glossary person"),
    _k("ar-english-name", "script", "ar", ar_english_name, "glossary person or title left in English"),
    _k("ar-english-fragment", "script", "ar", ar_english_fragment, "a common phrase left in English"),
    _k("ar-mojibake", "script", "ar", ar_mojibake, "1-3 words as UTF-8 read as Windows-1252"),
    _k("ar-space-before-punct", "punctuation", "ar", ar_space_before_punct, "space before ، ؛ or a final ."),
    _k("ar-latin-punct", "punctuation", "ar", ar_latin_punct, "Latin , ; ? for ، ؛ ؟"),
    _k("ar-reversed-quotes", "punctuation", "ar", ar_reversed_quotes, "a quotation as »…«"),
    _k("ar-unclosed-quote", "punctuation", "ar", ar_unclosed_quote, "a quotation opened with « and not closed",
       once=True),
    _k("ar-doubled-comma", "punctuation", "ar", ar_doubled_comma, "،،"),
    _k("ar-glued-number", "punctuation", "ar", ar_glued_number, "space lost between a word and a number"),
    _k("ar-glossary-variant", "terminology", "ar", glossary_variant, "a glossary variant for the house form"),
    _k("ar-inconsistent-spelling", "terminology", "ar", ar_inconsistent_spelling,
       "a recurring name spelled once without a long vowel", once=True),
    _k("ar-garbled", "garbled", "ar", ar_garbled, "3-4 words with shuffled letters (non-words)"),
    _k("ar-residue-line", "residue", "ar", ar_residue_line, "a share/print/ad line"),
    _k("ar-read-also", "residue", "ar", ar_read_also, "a read-also heading with links"),
    _k("ar-caption", "residue", "ar", ar_caption, "an image caption with a credit"),
    _k("ar-ad-tail", "residue", "ar", ad_tail, "an ad label glued to the paragraph end"),
    _k("en-token-loop", "repetition", "en", en_token_loop, "a word printed 3-4 times in a row"),
    _k("en-doubled-word", "repetition", "en", en_doubled_word, "a function word doubled (the the)"),
    _k("en-word-echo", "repetition", "en", en_word_echo, "X, X, X"),
    _k("en-phrase-loop", "repetition", "en", en_phrase_loop, "2-4 words printed twice"),
    _k("en-duplicated-sentence", "repetition", "en",
       lambda line, ctx: dup_sentence(line, ctx, "en-duplicated-sentence"), "the last sentence printed twice"),
    _k("en-duplicated-paragraph", "repetition", "en",
       lambda line, ctx: dup_paragraph(line, ctx, "en-duplicated-paragraph"), "the paragraph printed twice"),
    _k("en-arabic-name", "script", "en", en_arabic_name, "a glossary name left in Arabic"),
    _k("en-arabic-fragment", "script", "en", en_arabic_fragment, "a common phrase left in Arabic"),
    _k("en-invisible", "script", "en",
       lambda line, ctx: invisible(line, ctx, re.compile(r"[A-Za-z]+"), "en-invisible"),
       "U+200B/200E/200F/2066 inside a word"),
    _k("en-mojibake", "script", "en", en_mojibake, "a non-ASCII word (£, é) as UTF-8 read as Windows-1252"),
    _k("en-space-before-punct", "punctuation", "en", en_space_before_punct, "space before , or a final ."),
    _k("en-doubled-comma", "punctuation", "en", en_doubled_comma, ",,"),
    _k("en-unclosed-paren", "punctuation", "en", en_unclosed_paren, "a bracket not closed", once=True),
    _k("en-glossary-variant", "terminology", "en", lambda line, ctx: glossary_variant(line, ctx, "en"),
       "a glossary variant for the house form"),
    _k("en-inconsistent-spelling", "terminology", "en", en_inconsistent_spelling,
       "a recurring name spelled once with i/y swapped or a letter doubled", once=True),
    _k("en-garbled", "garbled", "en",
       lambda line, ctx: ar_garbled(line, ctx, EN_WORD_RE, "en-garbled", 4),
       "3-4 lowercase words with shuffled letters (non-words)"),
    _k("en-residue-line", "residue", "en", en_residue_line, "a share/print/ad line"),
    _k("en-related", "residue", "en", en_related, "a related-links heading with links"),
    _k("en-caption", "residue", "en", en_caption, "an image credit or caption line"),
    _k("en-ad-tail", "residue", "en", lambda line, ctx: ad_tail(line, ctx, "Advertisement", "en-ad-tail"),
       "an ad label glued to the paragraph end"),
)
