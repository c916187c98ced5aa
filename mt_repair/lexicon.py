"""Which words are real words: wordfreq's word lists, hunspell, and the glossary.

The checker must start fast, so wordfreq's lists (a PyPI package's data files) are
compiled once into a hashed word file in the user cache; opening it reads one file
and costs a few milliseconds, and a look-up is a CRC and a substring test.
hunspell (Debian's hunspell-ar / hunspell-en-us, through ctypes) is a second opinion
that knows inflected forms; it is loaded only when a word is unknown to wordfreq,
and is optional: without it the lists alone decide.
"""

from __future__ import annotations

import importlib.util
import os
import struct
import zlib
from array import array
from functools import lru_cache
from pathlib import Path

from mt_repair.text import AR_PROCLITICS, is_arabic_word, strip_marks

_FORMAT = b"MTRLEX1\n"
_PROCLITICS_BY_LETTER: dict[str, tuple[str, ...]] = {}
for _p in AR_PROCLITICS:
    _PROCLITICS_BY_LETTER[_p[0]] = _PROCLITICS_BY_LETTER.get(_p[0], ()) + (_p,)
_BUCKETS = 1 << 16
HUNSPELL_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
HUNSPELL_NAMES = {"ar": ("ar",), "en": ("en_US", "en_GB")}


def cache_dir() -> Path:
    base = os.environ.get("MT_REPAIR_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "mt-repair")
    return Path(base)


class WordFile:
    """A read-only hashed set of words; membership without building a Python set."""

    def __init__(self, data: bytes):
        if not data.startswith(_FORMAT):
            raise ValueError("not an mt-repair word file")
        (n,) = struct.unpack_from("<I", data, len(_FORMAT))
        head = len(_FORMAT) + 4
        self._offsets = array("I")
        self._offsets.frombytes(data[head:head + 4 * (n + 1)])
        self._blob = data[head + 4 * (n + 1):]
        self._n = n

    def __contains__(self, word: str) -> bool:
        key = word.encode("utf-8")
        b = zlib.crc32(key) % self._n
        return self._blob.find(b"\n" + key + b"\n", self._offsets[b], self._offsets[b + 1]) >= 0

    def missing(self, words) -> list[str]:
        """The words not in the file; one tight loop instead of a call per word."""
        find, offsets, n, crc = self._blob.find, self._offsets, self._n, zlib.crc32
        out = []
        for w in words:
            key = w.encode("utf-8", "surrogatepass")
            b = crc(key) % n
            if find(b"\n" + key + b"\n", offsets[b], offsets[b + 1]) < 0:
                out.append(w)
        return out

    @staticmethod
    def build(words) -> bytes:
        buckets: list[list[bytes]] = [[] for _ in range(_BUCKETS)]
        for w in words:
            k = w.encode("utf-8")
            if b"\n" not in k:
                buckets[zlib.crc32(k) % _BUCKETS].append(k)
        offsets = array("I", [0])
        parts = []
        pos = 0
        for bucket in buckets:
            chunk = b"\n" + b"\n".join(sorted(bucket)) + b"\n" if bucket else b""
            parts.append(chunk)
            pos += len(chunk)
            offsets.append(pos)
        return _FORMAT + struct.pack("<I", _BUCKETS) + offsets.tobytes() + b"".join(parts)


def _wordfreq_file(lang: str) -> Path | None:
    spec = importlib.util.find_spec("wordfreq")  # locates, does not import
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "data" / f"large_{lang}.msgpack.gz"
    return path if path.exists() else None


@lru_cache(maxsize=None)
def wordfreq_words(lang: str, max_bucket: int = 10_000) -> WordFile | None:
    """The compiled wordfreq list for `lang`, building the cache on first use.

    wordfreq stores words in buckets of frequency 10^(-bucket/100); `max_bucket=500`
    keeps words at least as frequent as 1 in 100,000 (Zipf >= 4, "common" words).
    """
    src = _wordfreq_file(lang)
    if src is None:
        return None
    st = src.stat()
    target = cache_dir() / f"wordfreq-{lang}-{max_bucket}-{st.st_size}-{int(st.st_mtime)}.lex"
    try:
        return WordFile(target.read_bytes())
    except (OSError, ValueError):
        pass
    import gzip
    import tempfile

    import msgpack  # wordfreq's own dependency; only needed to build the cache

    with gzip.open(src) as fh:
        data = msgpack.load(fh, raw=False)
    words = {w for bucket in data[1:max_bucket + 1] for w in bucket}
    blob = WordFile.build(words)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, target)
    except OSError:
        pass  # a read-only cache is fine: we keep the list in memory
    return WordFile(blob)


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
