"""RP002 word-echo: a word, phrase or clause echoed through commas or conjunctions.

What: a decoder loop that puts a comma or a conjunction between the copies:
- a word or a phrase of up to four words three or more times (`strong, strong, strong`,
  `a cup, a cup, a cup, or a cup`, `كبير وكبير ، وكبير`, `IFN ، IFN ، IFN`);
- a word twice around `and`/`or`/`و`/`أو` where the second copy ends the phrase
  (`fever and fever for patients`, `infection or infection,`, `نقارن ونقارن بين`; in
  Arabic also before a copula pronoun or a negation, as before `is` in English:
  `المطهر أو المطهر هو`, `الصابون والصابون غير كاف`);
- a word next to its own plural (`giant cell cells`, `The control controls.`);
- a word twice around a slash (`الاتحاد الأوروبي/الأوروبي`; `EU/EEA` is two things);
- a list item twice in a list (`faeroes, peacocks, peacocks, rabbits and cats`);
- a phrase or clause twice around a conjunction, the second copy again ending the
  phrase (`the border was closed, and the border was closed until Friday`,
  `أغلقت السلطات الحدود، وأغلقت السلطات الحدود مع الجارة`).
Not flagged: legitimate pairs (`more and more`, `again and again`, `over and over`,
`hours and hours`, `so and so`, `they waited and waited`, `crazier and crazier`,
`أكثر وأكثر` (Arabic elatives), `مرة ومرة`, `مرات ومرات`, `سنوات وسنوات`,
`هو وهو يبتسم`); a second copy that takes its own complement (`health and health care`,
`bone and bone marrow`, `حب وحب الأخ`, `in humans and humans who developed`) or an
intensifier (`مرتفعة أو مرتفعة للغاية`, high or very high); a noun that is the subject of
its own verb (`the reservoir host hosts the virus`, `the test tests for`); names
(`P. Diddy or Diddy`); a doubled word opening a list or a sentence (`Lies, lies, and
more lies`); a copy that opens a clause of its own (`the most common word in
the Bible, and in the Bible it means you`); two copies with a comma only (`a big, big
problem`, `ضخها، ضخها`);
interjections (`No, no, no`); and comma-only repeats inside a quotation (a chant:
`"USA, USA, USA"`). `شيئاً فشيئاً` (two copies with ف) is idiomatic and never flagged.
Why: MT decoders fall into a short loop that alternates an item with a connector; it
reads as emphasis to a tired eye but is never house style.
Example: `الضغط كبير وكبير ، وكبير على روسيا` -> `الضغط كبير على روسيا`.
Fix: safe for three or more copies (the echoed copies and their connectors go, the first
copy stays); unsafe for two copies, where the second may stand for a word the decoder lost.
"""

import bisect
import re
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import eq, methodcaller

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_MARK
from mt_repair.rules.rp001_repeated_word import (_NA, _NB, _T, INTERJECTIONS, SPELLED_LETTERS,
                                                 normalize)
from mt_repair.types import Fix

RULE = Rule("RP002", "word-echo", "repetition", WARNING, __doc__)

_CONJ = r"(?:and|or|then|but|ثم|أو|او|لكن|بل)"
# _T with bounded lengths (64 letters a part, 16 parts): a loop's copies are compared by
# backreference at every length the item can take, so on one long run of letters
# (`ابابابابا…`, 100k letters) the unbounded _T made _LOOP quadratic. No real word is
# that long, so normal text matches exactly as before.
_TB = rf"[^\W_](?:[^\W_]|[{AR_MARK}]){{0,63}}(?:[-'’](?:[^\W_]|[{AR_MARK}]){{1,64}}){{0,15}}"
# three or more copies of an item of one to four words; possessive, tried at every word
_LOOP = lazy_re(rf"{_NB}((?:{_TB}[ \t]+){{0,3}}?{_TB})"
                   rf"((?:[ \t]*+(?:[،,؛;][ \t]*+)?(?:{_CONJ}[ \t]+|و|ف)?\1{_NA}){{2,}})", re.I)
# two copies of one word around a conjunction
# (an Arabic first copy may carry its own و/ف: `والبشر والبشر`, `ومكافحة الدعوة أو مكافحة الدعوة`)
_PAIR = lazy_re(rf"{_NB}(?:(?<![^\W\d_])[وف](?=[\u0621-\u064A]{{3}}))?({_T})([ \t]*,?[ \t]*(?:and|or)[ \t]+|[ \t]*،?[ \t]*(?:و|أو[ \t]+|او[ \t]+))\1{_NA}", re.I)
# two copies around a slash: `الاتحاد الأوروبي/الأوروبي` (not `EU/EEA`, not `24/24`)
_SLASH = lazy_re(rf"{_NB}({_T})[ \t]?/[ \t]?\1(?![\w/]|[-'’.][\w])", re.I)
# two copies of a list item between list commas: `faeroes, peacocks, peacocks, rabbits`
_ITEM = lazy_re(rf"(?<=[,،][ \t])({_T})([ \t]*[,،][ \t]*)\1{_NA}(?=[ \t]*(?:[,،]|(?:and|or)[ \t]|و))", re.I)
# two copies of a phrase (two to twelve words) around a conjunction
# what _CLAUSE's connector needs somewhere on the line: a line without it is not tried
# (`the the the …` on one long line cost _CLAUSE ~12 attempts a word)
_CLAUSE_HINT = lazy_re(rf"{_CONJ}[ \t]|و", re.I)
# what _PAIR's connector needs on the line (`and`/`or` may be glued to the first copy)
_PAIR_HINT = lazy_re(r"(?:and|or)[ \t]|و", re.I)
_CLAUSE = lazy_re(rf"{_NB}(?:(?<![^\W\d_])[وف](?=[\u0621-\u064A]{{3}}))?((?:{_T}[ \t]+){{1,11}}{_T})"
                     rf"([ \t]*[,،;؛]?[ \t]*(?:{_CONJ}[ \t]+|و))\1{_NA}", re.I)

# Words that legitimately pair with themselves around a conjunction.
PAIR_OK = frozenset(map(normalize, """
more less fewer better worse further farther again over on round around through out by up
ever neck bigger smaller larger greater higher lower faster slower longer shorter stronger
weaker deeper louder harder closer nearer richer poorer older younger wider heavier easier
tougher darker brighter colder warmer hotter cheaper quieter sooner later
hours days weeks months years decades centuries generations miles kilometres kilometers
acres pages rows tons thousands millions billions hundreds dozens layers
thicker thinner tighter looser sharper smarter sweeter bolder braver fiercer grander greener
so such one two half
مره مرات سنوات سنين اعوام ايام ساعات دقائق اشهر شهور اسابيع قرون عقود الاف ملايين مئات
عشرات اميال اجيال هو هي هم هن
""".split()))

# After the second copy: the echo ends here (punctuation, line end or a function word),
# so the copy is not a new phrase with its own complement (`health and health care`).
_END_WORDS = frozenset(map(normalize, """
of in on at for to from with by as than and or but nor the a an is are was were has have
had will would can could may might should must not into onto during after before since
until till near under about across through without within against among via per
في من على إلى الى عن مع أو او ثم حتى لدى عند منذ خلال بين كما قد لا لم لن ما أن ان إن
""".split()))
_FOLLOW = lazy_re(rf"[ \t]*(?:({_T})|([.,;:!?،؛؟)\]\"»”]|$))", re.M)
# a word echoed in its plural (or third-person) form: `cell cells`, `control controls`
_INFLECTED = lazy_re(r"(?<![\w\-'’./@])([a-z]{2,})(?:[ \t]+\1(?:s|es)|y[ \t]+\1ies)(?![\w\-'’])", re.I)
# a noun read as the subject of its own verb (`the reservoir host hosts the virus`,
# `the test tests for`): a determiner shortly before, or an object after
_DETERMINERS = frozenset("the a an this that these those its their his her our your my each every any some no".split())
_AFTER_INFLECTED = lazy_re(r"[ \t]*(?:([A-Za-z]+)|[.,;:!?)\]]|$)", re.M)
_OBJECT_OPENERS = _DETERMINERS | frozenset("it them him us me whether how what which who when where one two three".split())
# a verb right after the -s form makes it a plural noun (`the cell cells were`), never a verb
_AUXILIARIES = frozenset("is are was were be been has have had will would can could may might shall should must do does did".split())
_QUOTED = lazy_re(r'"[^"\n]{1,200}"|«[^»\n]{1,200}»|“[^”\n]{1,200}”')


# An Arabic word that opens a new phrase by its clitics alone: a preposition with the
# article (`للمرضى`, `بالفيروس`), a preposition before hamza (`لإجراء`, `لأن`) or the
# conjunction with the article (`والأسماك`; not `والد`, `والي`, which are nouns).
_AR_OPENS = lazy_re(r"(?:لل|بال|كال|فال|[لب][أإ]|وال(?!د|ي)|ول[لأإ]|وب(?:ال|[أإ]))[\u0621-\u064A]{2}")


# Arabic words that end the noun phrase before them as `is`/`not` do in English: a copula
# pronoun (`المطهر أو المطهر هو الحل`) or a negation of the predicate (`غير`, `ليس`).
_AR_PHRASE_ENDS = frozenset(map(normalize, "هو هي هم هما هن غير ليس ليست ليسوا".split()))
# Words that modify the copy before them (`مرتفعة أو مرتفعة للغاية`: high or very high): the
# copy is a second, graded item, not an echo.
_INTENSIFIERS = frozenset(map(normalize, "للغاية جدا جدًا جداً تماما تمامًا تماماً كثيرا قليلا نسبيا بشدة".split()))


def _ends_phrase(text, end) -> bool:
    m = _FOLLOW.match(text, end)
    if not m:
        return False
    w = m.group(1)
    return w is None or _ends_before(w)


@lru_cache(maxsize=4096)
def _ends_before(w) -> bool:
    """Does a noun phrase end before the word `w`? (One answer a word: cached.)"""
    w_ = normalize(w)
    if w_ in _INTENSIFIERS:
        return False
    return w_ in _END_WORDS or w_ in _AR_PHRASE_ENDS or _AR_OPENS.match(w) is not None


def _is_name(item: str) -> bool:
    words = item.split()
    return all(w[:1].isupper() and not w.isupper() for w in words)


def _skip_item(item: str) -> bool:
    w = normalize(item)
    return (not re.search(r"[^\W\d_]", item) or w in INTERJECTIONS
            or item in SPELLED_LETTERS)


def _in_quote(text, start, end, cache) -> bool:
    ls = text.rfind("\n", 0, start) + 1
    quotes = cache.get(ls)
    if quotes is None:  # the line's quotations, found once a line
        le = text.find("\n", end)
        line = text[ls:le if le >= 0 else len(text)]
        spans = [q.span() for q in _QUOTED.finditer(line)]
        quotes = cache[ls] = ([s for s, _ in spans], spans)
    # quotations do not overlap: only the last one opening at or before `start` can hold it
    i = bisect.bisect_right(quotes[0], start - ls) - 1
    return i >= 0 and quotes[1][i][1] >= end - ls


_CONJ_WORDS = frozenset("and or then but ثم أو او لكن بل".split())


def _candidate_lines(doc):
    """Lines where each pattern can match, from the line's words (a leading و set aside:
    `كبير وكبير`). The patterns, slow on every word of a text, run only there:
    loops need a word pair three times or a word three times running; pairs a word
    twice around a conjunction; clauses a word pair again after a conjunction."""
    loops, pairs, clauses = [], [], []
    for line, words in zip(doc.lines, doc.line_words):
        if len(words) < 3:
            continue
        # Clean lines are most lines: each test below is first asked with C-level calls
        # (map, set) and only worked out word by word where it can hold.
        w = [x[1:] if x[:1] == "و" and len(x) > 3 else x for x in words] if "و" in line[2] else words
        adjacent = list(map(eq, w, w[1:]))
        any_adjacent = True in adjacent
        if any_adjacent or (True in map(eq, w, w[2:]) and not _CONJ_WORDS.isdisjoint(w)
                            and any(a == c and b in _CONJ_WORDS for a, b, c in zip(w, w[1:], w[2:]))):
            pairs.append(line)
        loop = any_adjacent and any(a and b for a, b in zip(adjacent, adjacent[1:]))
        clause = False
        word_pairs = list(zip(w, w[1:]))
        if len(set(word_pairs)) == len(word_pairs):  # no pair twice: no clause, no pair loop
            if loop:
                loops.append(line)
            continue
        seen: dict = {}
        for i, pair in enumerate(word_pairs):
            first = seen.setdefault(pair, [])
            if first and i - first[-1] <= 13 and (words[i] != w[i] or (i and words[i - 1] in _CONJ_WORDS)):
                clause = True
            if len(first) >= 2 and i - first[-2] <= 40:
                loop = clause = True
                break
            first.append(i)
        if loop:
            loops.append(line)
        if clause:  # tashkeel splits the words (`مفيدًا ومفيدًا`): a pair may show as a clause
            clauses.append(line)
            if not pairs or pairs[-1] is not line:
                pairs.append(line)
    return loops, pairs, clauses


def _finditer(pattern, doc, lines):
    for ls, le, _ in lines:
        yield from pattern.finditer(doc.text, ls, le)


_TOKEN_SPLIT = lazy_re(r"([^ \t]+)")
_AR3 = lazy_re("[\u0621-\u064A]{3}")
_CONJ_ENDS = tuple("and or then but ثم أو او لكن بل".split())
_CONJ_SET = frozenset(_CONJ_ENDS)
# what neither a word (letters, digits, marks, `-'’`) nor a connector (blanks, `،,؛;`) holds
_NOT_CLEAN = lazy_re(rf"[^\w{AR_MARK}\-'’ \t،,؛;]|_")
_CLAUSE_REACH = 14  # tokens from a phrase's first word to its copy: 12 words, a comma, a conjunction


def _fold(s):
    """A key at least as loose as re.I: casefold, and `İ` (re.I matches `i`) without its dot."""
    return s.casefold().replace("\u0307", "")


def _clause_matches(text, lines):
    """_CLAUSE's matches, as finditer gives them, tried only where they can start.

    The copy of a phrase (two words or more) repeats its first word w1 as a whole
    space-separated token after a conjunction token (`and`, `ثم`, …), or as the rest of
    a token after a glued `و`, at most _CLAUSE_REACH tokens on, and the token after it
    starts as the phrase's second word does; w1 is a token's tail from
    a word start (or after a clitic `و`/`ف` before three Arabic letters). A dict of such
    copies per line finds the few positions worth a try; finditer tried the pattern at
    every word with each of 11 phrase lengths (`نشر المقطع وYouTube` on one 100 KB line).
    The matches are the same: every position where _CLAUSE can match is tried, in order,
    each from where the last match ended."""
    for ls, le, line in lines:
        parts = _TOKEN_SPLIT.split(line)  # blanks, token, blanks, token, ...: one C call
        words = parts[1::2]
        tok_starts = list(accumulate(map(len, parts)))[0::2][:len(words)]
        toks = list(zip(tok_starts, words))
        folded = _fold(line)
        lows = _TOKEN_SPLIT.split(folded)[1::2] if len(folded) == len(line) else []
        if len(lows) != len(words):  # folding moved a letter (`İ`, `ß`): token by token
            lows = list(map(_fold, words))
        n = len(lows)
        # A copy's possible first word -> token indices, by how many tokens at least
        # separate it from the phrase's first word: after a conjunction token of its own
        # (`w1 w2 and w1`: 3), after one glued to the phrase's last word (`w1 w2,and w1`:
        # 2), or after a glued `و` (`w1 w2 ،وw1`, `w1 w2،وw1`: 1). Keyed with the first
        # letter of the token after it (the copy's second word starts as the phrase's:
        # `fever and fever for` has a `fever` after `and`, but followed by `for`), and
        # with the clean run it is in (how many characters a phrase or a connector
        # cannot hold, `_NOT_CLEAN`, come before it: none may lie between the two).
        where: tuple = ({}, {}, {})
        seconds = [low[:1] for low in lows[1:]] + [None]
        bad = [m.start() for m in _NOT_CLEAN.finditer(line)]
        runs = list(map(bisect.bisect_left, repeat(bad, n), tok_starts))
        # the few tokens a copy can start at (comprehensions: most tokens are neither)
        for j in compress(range(1, n), map(methodcaller("endswith", _CONJ_ENDS), lows[:-1])):
            where[0 if lows[j - 1] in _CONJ_SET else 1].setdefault((lows[j], seconds[j], runs[j]), []).append(j)
        for j in compress(range(n), map(methodcaller("__contains__", "و"), lows)):
            low, second, run = lows[j], seconds[j], runs[j]
            q = low.find("و")
            while q != -1:
                if q + 1 < len(low):
                    where[2].setdefault((low[q + 1:], second, run), []).append(j)
                q = low.find("و", q + 1)
        starts = []
        keys = where[0].keys() | where[1].keys() | where[2].keys()
        # the tokens worth a look: a whole token that a copy repeats, a word after a clitic
        # `و`/`ف`, a token with a mark or a sign in it (`«الحدود`, `مفيدًا`)
        latest: dict = {}  # key -> its last token index over the three dicts
        for index in where:
            for key, js in index.items():
                if latest.get(key, -1) < js[-1]:
                    latest[key] = js[-1]
        look = {i for i in compress(range(n), map(keys.__contains__, zip(lows, seconds, runs)))
                if latest[lows[i], seconds[i], runs[i]] > i}  # a copy after it, not only itself
        look.update(i for i, low in enumerate(lows) if low[0] in "وف" or not low.isalpha())
        for i in sorted(look):
            ts, tok = toks[i]
            second = seconds[i]
            if second is None:
                break  # a phrase has two words or more: its second is the next token
            if tok.isalpha():  # the common case: a word starts only at the token's start
                if (lows[i], second, runs[i]) not in keys \
                        and not (tok[0] in "وف" and (_fold(tok[1:]), second, runs[i]) in keys):
                    continue
                heads = [0]
            elif tok[:-1].isalnum():  # a mark at the end only (`patients.`): no other head
                heads = [0]
            else:
                heads = [q for q in range(len(tok)) if q == 0 or not tok[q - 1].isalnum()]
            for q in heads:
                # the phrase from here, or after a clitic here (which _NB allows nowhere else)
                run = runs[i] if q == 0 else bisect.bisect_left(bad, ts + q)
                for head, start in ((q, q), (q + 1, q)):
                    if head > q and not (tok[q] in "وف" and _AR3.match(tok, q + 1)):
                        continue
                    w1 = (lows[i] if head == 0 else _fold(tok[head:]), second, run)
                    if w1 not in keys:
                        continue
                    for need, index in zip((3, 2, 1), where):
                        js = index.get(w1)
                        if js:
                            k = bisect.bisect_left(js, i + need)
                            if k < len(js) and js[k] <= i + _CLAUSE_REACH:
                                starts.append(ts + start)
                                break
        last = 0
        for p in sorted(set(starts)):
            if p < last:
                continue
            m = _CLAUSE.match(text, ls + p, le)
            if m:
                last = m.end() - ls
                yield m


# What a loop's words and connectors are made of: atoms (runs of letters, digits and
# marks) and, between them, `-'’`, blanks and `،,؛;`. A loop lies inside one maximal run
# of these holding three atoms or more (possessive, tried from a run's start only: linear).
_A = rf"(?:[^\W_]|[{AR_MARK}])"
_SEP = r"[\-'’ \t،,؛;]"
_CLEAN_RUN = lazy_re(rf"(?<!{_A})(?<!{_SEP}){_SEP}*+{_A}++(?:{_SEP}++{_A}++){{2,}}+{_SEP}*+")
_ATOM = lazy_re(rf"{_A}++")
_ATOM_SPLIT = lazy_re(rf"({_A}++)")
_BLANKS = lazy_re(r"[ \t]+")
_NB_BEFORE = frozenset("-'’./@#&_+")
_ITEM_CHUNKS = 4  # an item is one to four words, each inside one blank-separated chunk
_ITEM_ATOMS = 4 * 16 + 1  # ... of at most 16 parts (_TB), and a conjunction atom
_CONJ_KEYS = frozenset(w.casefold().lstrip("وف") for w in "and or then but ثم أو او لكن بل".split())


def _loop_matches(text, lines):
    """_LOOP's matches, tried only where they can start.

    A match is an item of one to four words and at least two copies, each copy after
    blanks, one of `،,؛;`, a conjunction word or a glued `و`/`ف`, all inside one clean
    run (`_CLEAN_RUN`). In atoms (runs of letters, digits and marks; a leading `و`/`ف`
    set aside: the keys), the item's atoms come back right after it, a conjunction atom
    between at most, and once more right after that copy, the first copy starting within
    one atom past the item's four blank-separated chunks (`_copied_twice`, which follows
    the next atom with the same key, `nxt`: one pass a run). A run where no key comes
    three times is passed over whole. _LOOP is then tried only there, in order, each
    from where the last match ended. finditer tried it at every word, with each item
    length and each shorter prefix of the last word: a tenth of a second per 100 KB.
    Not tried: a first copy glued to the item's last word with no blank or mark between
    (`كبيروكبير، كبير`): not a loop of separate words (finditer matched it)."""
    for ls, le, line in lines:
        folded = line.casefold()
        if len(folded) != len(line):  # `ß` -> `ss`: offsets move; the plain scan (rare)
            yield from _LOOP.finditer(text, ls, le)
            continue
        end = 0  # where the last match ended: _LOOP is tried again only from there
        for seg in _CLEAN_RUN.finditer(folded):
            if seg.end() <= end:
                continue
            run = seg.group()
            keys = list(map(str.lstrip, _ATOM.findall(run), repeat("وف")))
            n = len(keys)
            if len(set(keys)) > n - 2:
                continue  # no key three times: no loop here
            parts = _ATOM_SPLIT.split(run)
            starts = list(accumulate(map(len, parts), initial=seg.start()))[1::2]  # of the atoms, in the line
            blanks = [m.start() for m in _BLANKS.finditer(folded, seg.start(), seg.end())]
            nxt, seen = [n] * n, {}
            for t in range(n - 1, -1, -1):
                k = keys[t]
                nxt[t] = seen.get(k, n)
                seen[k] = t

            def reach(i):
                """The last atom a copy after an item starting at atom i can start at:
                past the item's chunks (the blank runs after atom i), a conjunction atom."""
                c = bisect.bisect_right(blanks, starts[i]) + _ITEM_CHUNKS - 1
                return bisect.bisect_left(starts, blanks[c]) + 1 if c < len(blanks) else n

            i = bisect.bisect_left(starts, end)
            while i < n - 2:
                if nxt[i] < n and nxt[nxt[i]] < n and _copied_twice(i, keys, nxt, min(reach(i), i + _ITEM_ATOMS, n - 1)):
                    p = starts[i]
                    if not (p and line[p - 1] in _NB_BEFORE):
                        m = _LOOP.match(text, ls + p, le)
                        if m:
                            end = m.end() - ls
                            yield m
                            i = bisect.bisect_left(starts, end, i + 1)
                            continue
                i += 1


def _copied_twice(i, keys, nxt, last) -> bool:
    """Do the atoms of an item starting at atom i come back twice, each copy right after
    the item or the copy before (a conjunction atom between at most), the first copy
    starting by atom `last`? Keys compared as slices: the regex compares the text."""
    t = nxt[i]
    while t <= last:
        d = t - i
        for k in (d, d - 1):  # the item's atoms: all up to the copy, or all but a conjunction
            if k < 1 or (k < d and keys[t - 1] not in _CONJ_KEYS):
                continue
            item = keys[i:i + k]
            if keys[t:t + k] == item:
                u = t + k
                if keys[u:u + k] == item or (keys[u:u + 1] and keys[u] in _CONJ_KEYS and keys[u + 1:u + 1 + k] == item):
                    return True
        t = nxt[t]
    return False


@lru_cache(maxsize=4096)
def _pair_message(word):
    """The finding's message for `word` twice around a conjunction, or None when the
    word pairs legitimately with itself. One answer a word: an echo loop repeats it."""
    w = normalize(word)
    if _skip_item(word) or w in PAIR_OK or _is_name(word):
        return None
    if re.search(r"(?:ed|ing|ier)$", w) or len(w) < 2 or w in _END_WORDS:
        return None  # `they waited and waited`, `talking and talking`, `crazier and crazier`
    if re.fullmatch(r"ا[^ا]{2,3}", w) and word[:1] in "أا":
        return None  # Arabic elatives: `أكثر وأكثر`, `أقل وأقل` (geminate root), `أكبر وأكبر`
    return f"{quote(word)} echoed around a conjunction"


def check(doc, settings):
    text = doc.text
    taken = []
    quotes = {}
    loops, pairs, clauses = _candidate_lines(doc)
    for m in _loop_matches(text, loops):
        item, tail = m.group(1), m.group(2)
        copies = 1 + len(re.findall(rf"{_NB}{re.escape(item)}{_NA}", tail, flags=re.I))
        connectors = re.sub(re.escape(item), "", tail, flags=re.I)
        if not connectors.strip() or _skip_item(item) or doc.overlaps_skip(m.start(), m.end()):
            continue  # plain spaces: RP001's and RP003's case
        if normalize(item) in PAIR_OK and copies <= 3:
            continue  # `again and again and again`, `more and more and more`
        if not re.search(rf"(?:^|\W){_CONJ}(?:\W|$)|و", connectors, re.I) and _in_quote(text, m.start(), m.end(), quotes):
            continue  # `"USA, USA, USA"`: a chant
        taken.append((m.start(), m.end()))
        # exact copies only are deleted safely: `Turkey, turkey, turkey` may be two words
        exact = len(re.findall(rf"{_NB}{re.escape(item)}{_NA}", tail)) == copies - 1
        yield RULE.finding(m.start(), m.end(), f"{quote(item)} echoed {copies} times",
                           Fix.delete(m.start(2), m.end(2), SAFE if exact else UNSAFE))

    index, synced = [], [0]  # `taken` sorted (its spans are disjoint), kept in step here

    def free(s, e):  # one bisect, not a scan of every taken span per match (quadratic)
        for span in taken[synced[0]:]:
            bisect.insort(index, span)
        synced[0] = len(taken)
        k = bisect.bisect_left(index, (e,)) - 1  # the last span starting before e
        return k < 0 or index[k][1] <= s

    for m in _finditer(_PAIR, doc, [ln for ln in pairs if _PAIR_HINT.search(ln[2])]):
        message = _pair_message(m.group(1))
        if message is None or not free(m.start(), m.end()):
            continue
        if not _ends_phrase(text, m.end()) or doc.overlaps_skip(m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
        yield RULE.finding(m.start(), m.end(), message, Fix.delete(m.end(1), m.end(), UNSAFE))

    if "/" in text:  # only lines with a slash (a copy never spans lines)
        slash_lines, i, find = [], text.find("/"), text.find
        while i != -1:
            ls, le, _ = doc.lines[bisect.bisect_right(doc.line_starts, i) - 1]
            slash_lines.append((ls, le, None))
            i = find("/", le)
        for m in _finditer(_SLASH, doc, slash_lines):
            word = m.group(1)
            if not free(m.start(), m.end()) or _skip_item(word) or doc.overlaps_skip(m.start(), m.end()):
                continue
            taken.append((m.start(), m.end()))
            yield RULE.finding(m.start(), m.end(), f"{quote(word)} echoed around a slash",
                               Fix.delete(m.end(1), m.end(), UNSAFE))

    for m in _finditer(_ITEM, doc, [ln for ln in pairs if "," in ln[2] or "،" in ln[2]]):
        word = m.group(1)
        if not free(m.start(), m.end()) or _skip_item(word) or doc.overlaps_skip(m.start(), m.end()):
            continue
        if _in_quote(text, m.start(), m.end(), quotes):
            continue  # a chant or a song: `ضخها، ضخها`
        taken.append((m.start(), m.end()))
        yield RULE.finding(m.start(), m.end(), f"list item {quote(word)} printed twice",
                           Fix.delete(m.end(1), m.end(), UNSAFE))

    for m in _clause_matches(text, [ln for ln in clauses if _CLAUSE_HINT.search(ln[2])]):
        phrase = m.group(1)
        if not free(m.start(), m.end()) or _is_name(phrase) or doc.overlaps_skip(m.start(), m.end()):
            continue
        if not _ends_phrase(text, m.end()):
            continue  # `in the Bible, and in the Bible it means`: the copy opens a new clause
        taken.append((m.start(), m.end()))
        yield RULE.finding(m.start(), m.end(), f"phrase {quote(phrase)} echoed around a conjunction",
                           Fix.delete(m.end(1), m.end(), UNSAFE))

    if doc.language == "en" or not all(doc.arabic_lines):
        yield from _inflected(doc, settings, sorted(taken))


def _inflected(doc, settings, taken):
    """`cell cells in the lungs`, `Risk control controls.`: a word and its plural side by
    side. A noun that is the subject of its own verb is English (`the reservoir host hosts
    the virus`, `the test tests for`): an object after, or a determiner in the three words
    before, and it is left alone, unless after a determiner the phrase ends with the -s
    form or a verb follows it (`The control controls.`, `the cell cells were`): a verb
    neither ends a clause without its object nor takes another verb. Both forms must be
    known words."""
    text = doc.text
    lexicon = settings.lexicon
    for m in _INFLECTED.finditer(text):
        second = text[m.end(1):m.end()].split()[-1]
        if not second.islower() or doc.overlaps_skip(m.start(), m.end()):
            continue
        i = bisect.bisect_left(taken, (m.end(),)) - 1  # spans the other patterns took (sorted)
        if i >= 0 and any(ts < m.end() and te > m.start() for ts, te in taken[max(0, i - 8):i + 1]):
            continue
        if doc.is_arabic_at(m.start()):
            continue
        after = _AFTER_INFLECTED.match(text, m.end())
        if _DETERMINERS.intersection(w.lower() for w in _prev_words(text, m.start(), 3)):
            # after a determiner the noun may be the subject of its own verb; the -s form
            # is a plural noun (an echo) only where its phrase ends or a verb comes next
            if after is None or (after.group(1) and after.group(1).lower() not in _AUXILIARIES):
                continue
        elif after and after.group(1) and after.group(1).lower() in _OBJECT_OPENERS:
            continue
        if lexicon is not None and lexicon.available("en") and not (
                lexicon.is_word(second) and lexicon.is_word(text[m.start():m.end(1)].lower())):
            continue
        word = text[m.start():m.end()].split()[0]
        yield RULE.finding(m.start(), m.end(), f"{quote(word)} echoed as {quote(second)}",
                           Fix.delete(m.start(), m.start() + len(word) + (len(text[m.start():m.end()]) - len(word) - len(second)), UNSAFE))


def _prev_words(text, start, n):
    ls = text.rfind("\n", 0, start) + 1
    return re.findall(r"[A-Za-z]+", text[max(ls, start - 60):start])[-n:]
