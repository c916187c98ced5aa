"""Which words are real words: wordfreq's word lists, hunspell, and the glossary.

The checker must start fast, so wordfreq's lists (read through its public API) are
compiled once per language into a hashed word file; a run maps it into memory (no
copy, no parse), and a look-up is a CRC and a substring test. A wheel ships the files
(setup.py builds them into mt_repair/data/words), so a fresh pip or pre-commit install
never builds them on its first check; otherwise they are built into the user cache on
first use, or ahead with `python -m mt_repair.lexicon build`.
hunspell (Debian's hunspell-ar / hunspell-en-us, through ctypes) is a second opinion
that knows inflected forms; it is loaded only when a word is unknown to wordfreq,
and is optional: without it the lists alone decide.
"""

from __future__ import annotations

import importlib.util
import os
import struct
import sys
import zlib
from array import array
from functools import lru_cache
from pathlib import Path

from mt_repair.text import AR_PROCLITICS, is_arabic_word, strip_marks

_FORMAT = b"MTRLEX2\n"
_PROCLITICS_BY_LETTER: dict[str, tuple[str, ...]] = {}
for _p in AR_PROCLITICS:
    _PROCLITICS_BY_LETTER[_p[0]] = _PROCLITICS_BY_LETTER.get(_p[0], ()) + (_p,)
_BUCKETS = 1 << 16
_ALL = 800  # wordfreq's lists have 800 frequency buckets (0 .. -799 centibels)
HUNSPELL_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
HUNSPELL_NAMES = {"ar": ("ar",), "en": ("en_US", "en_GB")}


def cache_dir() -> Path:
    base = os.environ.get("MT_REPAIR_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "mt-repair")
    return Path(base)


class WordFile:
    """A read-only hashed set of words with their wordfreq bucket; membership without
    building a Python set. One file per language serves every frequency level: an
    entry is `\nword\tNNN` (NNN: the bucket, three digits), and a view with `max_bucket`
    accepts the words whose bucket is below it. The data is usually a memory map, so
    the pages a run never touches are never read."""

    def __init__(self, data, max_bucket: int = _ALL):
        if data[:len(_FORMAT)] != _FORMAT:
            raise ValueError("not an mt-repair word file")
        (n,) = struct.unpack_from("<I", data, len(_FORMAT))
        head = len(_FORMAT) + 4
        if n == 0:
            raise ValueError("empty word file")
        self._data = data
        self._offsets = memoryview(data)[head:head + 4 * (n + 1)].cast("I")
        self._base = head + 4 * (n + 1)  # bucket offsets are relative to the blob's start
        self._n = n
        self._limit = b"%03d" % max_bucket if max_bucket < _ALL else None

    def with_limit(self, max_bucket: int) -> "WordFile":
        """The same file, accepting words of bucket < max_bucket only."""
        view = object.__new__(WordFile)
        view.__dict__.update(self.__dict__)
        view._limit = b"%03d" % max_bucket if max_bucket < _ALL else None
        return view

    def __contains__(self, word: str) -> bool:
        return not self.missing((word,))

    def missing(self, words) -> list[str]:
        """The words not in the file; one tight loop instead of a call per word."""
        find, data, offsets, n, crc = self._data.find, self._data, self._offsets, self._n, zlib.crc32
        base, limit = self._base, self._limit
        out = []
        for w in words:
            key = w.encode("utf-8", "surrogatepass")
            b = crc(key) % n
            i = find(b"\n" + key + b"\t", base + offsets[b], base + offsets[b + 1])
            if i < 0:
                out.append(w)
            elif limit is not None:
                j = i + len(key) + 2
                if data[j:j + 3] >= limit:  # three digits: bytes order is number order
                    out.append(w)
        return out

    @staticmethod
    def build(buckets) -> bytes:
        """The file for wordfreq's buckets (a list of word lists, most frequent first)."""
        slots: list[list[bytes]] = [[] for _ in range(_BUCKETS)]
        crc = zlib.crc32
        for index, words in enumerate(buckets):
            tail = b"\t%03d" % index
            for w in words:
                k = w.encode("utf-8", "surrogatepass")
                if b"\n" not in k and b"\t" not in k:
                    slots[crc(k) % _BUCKETS].append(k + tail)
        offsets = array("I", [0])
        parts = []
        pos = 0
        for slot in slots:
            chunk = b"\n" + b"\n".join(slot) + b"\n" if slot else b""
            parts.append(chunk)
            pos += len(chunk)
            offsets.append(pos)
        return _FORMAT + struct.pack("<I", _BUCKETS) + offsets.tobytes() + b"".join(parts)


@lru_cache(maxsize=None)
def _wordfreq_version() -> str | None:
    """wordfreq's installed version, from its dist-info folder's name (importing
    wordfreq costs ~0.3 s; the cache key must not)."""
    spec = importlib.util.find_spec("wordfreq")  # locates, does not import
    if spec is None or not spec.submodule_search_locations:
        return None
    site = Path(spec.submodule_search_locations[0]).parent
    try:
        names = [n for n in os.listdir(site) if n.startswith("wordfreq-") and n.endswith(".dist-info")]
    except OSError:
        names = []
    return names[0][len("wordfreq-"):-len(".dist-info")] if len(names) == 1 else "unknown"


def word_list_buckets(lang: str) -> list[list[str]] | None:
    """wordfreq's `large` list for `lang` as buckets of words (bucket i: frequency
    10^(-i/100)), through its public API; None if there is no such list."""
    import math

    import wordfreq

    if lang not in wordfreq.available_languages("large"):
        return None
    buckets: list[list[str]] = [[] for _ in range(_ALL)]
    for word, freq in wordfreq.get_frequency_dict(lang, "large").items():
        buckets[min(_ALL - 1, round(-100 * math.log10(freq)))].append(word)
    return buckets


# where setup.py puts the files it builds into a wheel (absent in a source checkout)
PACKAGED = Path(os.path.dirname(os.path.abspath(__file__)), "data", "words")


def _word_file_name(lang: str) -> str | None:
    version = _wordfreq_version()
    return None if version is None else f"wordfreq-{lang}-{version}.words"


def word_file_path(lang: str) -> Path | None:
    """The file in the user cache (built there on first use)."""
    name = _word_file_name(lang)
    return None if name is None else cache_dir() / name


def packaged_word_file(lang: str) -> Path | None:
    """The file the installed wheel ships, if it was built from the wordfreq installed
    now (the version is in the name: another version's lists would give other verdicts)."""
    name = _word_file_name(lang)
    path = None if name is None else PACKAGED / name
    return path if path is not None and path.is_file() else None


def _map(path: Path):
    """The file's bytes as a read-only memory map (bytes for an empty file)."""
    import mmap

    with open(path, "rb") as fh:
        try:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # empty file
            return b""


def build_word_file(lang: str, target: Path | None = None) -> bytes:
    """Build (and store, when it can) the word file for `lang`; `mt-repair`'s cache is
    built on first use, or ahead of time with `python -m mt_repair.lexicon build`.
    A language without a list gets a file of zero words, so it is not looked up again."""
    import tempfile

    buckets = word_list_buckets(lang)
    blob = WordFile.build(buckets) if buckets else _FORMAT + struct.pack("<I", 0)
    target = target or word_file_path(lang)
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only cache is fine: we keep the list in memory
    return blob


@lru_cache(maxsize=None)
def _word_file(lang: str) -> WordFile | None:
    packaged = packaged_word_file(lang)
    if packaged is not None:
        try:
            return WordFile(_map(packaged))
        except (OSError, ValueError):
            pass  # unreadable or damaged: the user cache serves
    path = word_file_path(lang)
    if path is None:
        return None
    try:
        data = _map(path)
    except OSError:
        data = build_word_file(lang, path)
    try:
        return WordFile(data)
    except ValueError:
        pass
    try:  # a stale or broken file: build it again
        return WordFile(build_word_file(lang, path))
    except ValueError:
        return None  # no list for this language


@lru_cache(maxsize=None)
def wordfreq_words(lang: str, max_bucket: int = 10_000) -> WordFile | None:
    """The wordfreq list for `lang`, building the cache on first use.

    wordfreq stores words in buckets of frequency 10^(-bucket/100); `max_bucket=500`
    keeps words at least as frequent as 1 in 100,000 (Zipf >= 4, "common" words).
    """
    words = _word_file(lang)
    return None if words is None else words.with_limit(max_bucket)


class Hunspell:
    """Minimal ctypes binding to libhunspell: only `spell`."""

    def __init__(self, aff: Path, dic: Path):
        import ctypes.util  # here, not at the top: most runs never load hunspell

        name = ctypes.util.find_library("hunspell-1.7") or "libhunspell-1.7.so.0"
        lib = ctypes.CDLL(name)
        lib.Hunspell_create.restype = ctypes.c_void_p
        lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.Hunspell_spell.restype = ctypes.c_int
        lib.Hunspell_get_dic_encoding.argtypes = [ctypes.c_void_p]
        lib.Hunspell_get_dic_encoding.restype = ctypes.c_char_p
        self._lib = lib
        self._h = lib.Hunspell_create(str(aff).encode(), str(dic).encode())
        if not self._h:
            raise OSError(f"hunspell could not load {dic}")
        self._encoding = (lib.Hunspell_get_dic_encoding(self._h) or b"UTF-8").decode()

    def spell(self, word: str) -> bool:
        try:
            raw = word.encode(self._encoding)
        except UnicodeEncodeError:
            return False
        return bool(self._lib.Hunspell_spell(self._h, raw))


def _dictionary_files(lang: str) -> tuple[Path, Path] | None:
    for d in HUNSPELL_DIRS:
        for name in HUNSPELL_NAMES.get(lang, (lang,)):
            aff, dic = Path(d, name + ".aff"), Path(d, name + ".dic")
            if aff.exists() and dic.exists():
                return aff, dic
    return None


@lru_cache(maxsize=None)
def hunspell(lang: str) -> Hunspell | None:
    files = _dictionary_files(lang)
    if files is None:
        return None
    try:
        return Hunspell(*files)
    except OSError:
        return None


class Speller:
    """hunspell behind a verdict file in the cache folder. Loading hunspell-ar takes
    ~250 ms, more than checking an article; the words it is asked about (names, rare
    forms) recur from run to run, so a pre-commit re-run usually never loads it.
    Verdicts are appended one line each (O_APPEND: concurrent runs do not interleave)."""

    MAX_BYTES = 4_000_000

    def __init__(self, lang: str, dic: Path):
        st = dic.stat()
        self.lang = lang
        self.path = cache_dir() / f"hunspell-{lang}-{st.st_size}-{int(st.st_mtime)}.verdicts"
        self._known: dict[str, bool] | None = None

    def _load(self) -> dict[str, bool]:
        known: dict[str, bool] = {}
        try:
            if self.path.stat().st_size <= self.MAX_BYTES:
                for line in self.path.read_text(encoding="utf-8").splitlines():
                    verdict, _, word = line.partition("\t")
                    if word and verdict in ("0", "1"):
                        known[word] = verdict == "1"
        except (OSError, UnicodeDecodeError):
            pass
        return known

    def spell(self, word: str) -> bool:
        if self._known is None:
            self._known = self._load()
        verdict = self._known.get(word)
        if verdict is None:
            hs = hunspell(self.lang)
            verdict = self._known[word] = bool(hs is not None and hs.spell(word))
            if hs is not None and "\n" not in word and "\t" not in word:
                self._remember(word, verdict)
        return verdict

    def _remember(self, word: str, verdict: bool) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, f"{int(verdict)}\t{word}\n".encode("utf-8", "surrogatepass"))
            finally:
                os.close(fd)
        except OSError:
            pass  # a read-only cache only costs time


@lru_cache(maxsize=None)
def speller(lang: str) -> Speller | None:
    """hunspell for `lang` with its verdicts cached on disk; None without dictionaries."""
    files = _dictionary_files(lang)
    return Speller(lang, files[1]) if files is not None else None


def common_words(lang: str) -> WordFile | None:
    """Words at least as frequent as 1 in 100,000 (wordfreq Zipf >= 4)."""
    return wordfreq_words(lang, 500)


class Lexicon:
    """Answers `is this a word?` for Arabic and English tokens."""

    def __init__(self, extra_words: frozenset[str] = frozenset(), use_hunspell: bool = True):
        self.extra = extra_words
        self.use_hunspell = use_hunspell
        self._memo: dict[bool, dict[str, bool]] = {False: {}, True: {}}  # deep -> token -> known

    def clear_memo(self) -> None:
        for memo in self._memo.values():
            memo.clear()

    def available(self, lang: str) -> bool:
        return wordfreq_words(lang) is not None or (self.use_hunspell and speller(lang) is not None)

    def is_word(self, token: str, deep: bool = True) -> bool:
        """`deep=False` asks the word lists only (fast); `deep=True` also asks hunspell."""
        memo = self._memo[deep]
        known = memo.get(token)
        if known is None:
            known = memo[token] = self._lookup(token, deep)
        return known

    def known_among(self, tokens, deep: bool = False) -> set[str]:
        """The subset of `tokens` (word tokens from TOKEN_RE) that are words, in bulk:
        most are found by one direct look-up; only the rest pay for clitics and marks."""
        memo = self._memo[deep]
        unique = set(tokens)
        todo = [t for t in unique if t not in memo]
        if todo:
            # TOKEN_RE words start with an Arabic letter (>= U+0621) or a Latin one (<= U+024F)
            by_lang = {"ar": [t for t in todo if t[0] >= "\u0621"], "en": [t for t in todo if t[0] < "\u0621"]}
            for lang, group in by_lang.items():
                if not group:
                    continue  # an Arabic text never opens the English list
                words = wordfreq_words(lang)
                missing = set(words.missing(group)) if words is not None else set(group)
                for t in missing:
                    memo[t] = self._lookup(t, deep)
                memo.update(dict.fromkeys(set(group) - missing, True))
        return {t for t in unique if memo[t]}

    def _lookup(self, token: str, deep: bool = True) -> bool:
        if token in self.extra:
            return True
        if is_arabic_word(token):
            lang = "ar"
            word = strip_marks(token)
            candidates = [word] + [word[len(p):] for p in _PROCLITICS_BY_LETTER.get(word[:1], ())
                                   if word.startswith(p) and len(word) - len(p) >= 2]
        else:
            lang = "en"
            word = token.replace("\u2019", "'")
            candidates = [word, word.lower()]
        words = wordfreq_words(lang)
        for c in candidates:
            if c in self.extra or (words is not None and c in words):
                return True
        if words is not None and not deep:
            return False
        if self.use_hunspell:
            hs = speller(lang)
            if hs is not None and (hs.spell(word) or (lang == "en" and hs.spell(word.lower()))):
                return True
        return words is None and (not self.use_hunspell or speller(lang) is None)


# Latin-script languages with large wordfreq lists, for telling a foreign word
# (`Kulturkampf`, `gracias`) from a name or an English word left in Arabic text.
FOREIGN_LATIN = ("de", "fr", "es", "it", "pt", "nl")


def _zipf_bucket(zipf: float) -> int:
    """wordfreq's bucket for a Zipf frequency (bucket 500 = Zipf 4)."""
    return round(100 * (9 - zipf))


def frequent_words(lang: str, zipf: float) -> WordFile | None:
    """Words at least as frequent as Zipf `zipf` (3.5: three in a million words)."""
    return wordfreq_words(lang, _zipf_bucket(zipf))


@lru_cache(maxsize=1 << 16)  # ~40 list look-ups a word; a tag line repeats its words thousands of times
def foreign_language(word: str) -> str | None:
    """The language `word` belongs to when it is a word of a Latin-script language
    other than English and far rarer in English: Zipf >= 2.8 there and at least 1.2
    lower in English (checked at three levels: 2.8, 3.5, 4.5). Names that all
    languages share (Nottingham, Zhang, Metro) are about as frequent in English and
    do not qualify. The lists are compiled wordfreq files, cached like the others."""
    w = word.casefold()
    for lang in FOREIGN_LATIN:
        for level in (2.8, 3.5, 4.5):
            there = wordfreq_words(lang, _zipf_bucket(level))
            if there is None or w not in there:
                break
            english = wordfreq_words("en", _zipf_bucket(level - 1.2))
            if english is not None and w not in english:
                return lang
    return None


def main(argv: list[str] | None = None) -> int:
    """`python -m mt_repair.lexicon build [--into DIR] [LANG ...]`: build the word files
    ahead of time (CI, a fresh environment), so no check pays for them; `--into DIR`
    writes them to DIR instead of the user cache (setup.py: into the wheel)."""
    args = sys.argv[1:] if argv is None else list(argv)
    into = None
    if len(args) >= 3 and args[1] == "--into":
        into = Path(args[2])
        del args[1:3]
    if not args or args[0] != "build" or any(a.startswith("-") for a in args[1:]):
        print("usage: python -m mt_repair.lexicon build [--into DIR] [LANG ...]", file=sys.stderr)
        return 2
    if _word_file_name("en") is None:
        print("wordfreq is not installed: no word lists to build", file=sys.stderr)
        return 1
    for lang in args[1:] or ("ar", "en", *FOREIGN_LATIN):
        path = word_file_path(lang) if into is None else into / _word_file_name(lang)
        blob = build_word_file(lang, path)
        if not path.is_file():
            print(f"{lang}: could not write {path}", file=sys.stderr)
            return 1
        if into is not None:
            path.chmod(0o644)  # shipped in a wheel: readable by every user
        print(f"{lang}: {len(blob) / 1e6:.1f} MB -> {path}")
        if lang == "en" and into is None:  # and PR011's sound index (pairs/translit.py) in the cache
            from mt_repair.pairs.translit import build_known_words

            index = build_known_words()
            if index is None:
                print(f"en: could not write the sound index into {cache_dir()}", file=sys.stderr)
                return 1
            print(f"en sound index: {index.stat().st_size / 1e6:.1f} MB -> {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
