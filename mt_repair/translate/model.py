"""Loading a seq2seq model offline and translating batches of sentences with it.

Any Marian (opus-mt), NLLB or M2M100 checkpoint loads through AutoTokenizer and
AutoModelForSeq2SeqLM, from a local folder or the Hugging Face cache. Nothing is ever
downloaded: the hub is switched off before transformers is imported and every load
says `local_files_only`, so a missing model fails at once with a message on how to
get it instead of hanging on a network that is not there.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

# language codes per family: (source, target)
LANG_CODES = {"nllb": ("arb_Arab", "eng_Latn"), "m2m100": ("ar", "en")}


class ModelUnavailable(Exception):
    """The model cannot be loaded; the message says why and what to do."""


def _how_to_get(model: str) -> str:
    return (f"model {model!r} is not available on this machine, and mt-repair never downloads "
            f"(these machines cannot reach a model hub).\n"
            f"Get it where there is internet access:\n"
            f"    pip install huggingface_hub && hf download {model} --local-dir ./{Path(model).name}\n"
            f"then copy that folder here and pass `--model ./{Path(model).name}`, or copy the Hugging Face "
            f"cache (~/.cache/huggingface, or $HF_HOME) that holds it.")


def import_transformers():
    """Import torch and transformers with the hub switched off. Raises ModelUnavailable."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise ModelUnavailable(
            f"translation needs the optional dependencies ({exc.name} is missing): "
            f"pip install torch==2.13.0 && pip install 'mt-repair[mt]'") from None
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()  # our own bar is the only one
    return torch, transformers


def pick_device(torch, device: str) -> str:
    if device == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        return "mps" if mps is not None and mps.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ModelUnavailable(f"--device {device}: no CUDA device is available here (use --device cpu)")
    return device


@dataclass
class Output:
    text: str
    forced: set[int] = field(default_factory=set)  # indexes of terms the processor forced in


@dataclass
class Translator:
    model: object
    tokenizer: object
    device: str
    family: str  # marian | nllb | m2m100 | seq2seq
    name: str
    forced_bos_token_id: int | None = None
    prefix_token: str = ""  # multilingual Marian: `>>eng<<`
    seconds: float = 0.0  # time spent generating, for throughput

    def can_spell(self, text: str) -> bool:
        """Can the source side tokenise `text` without unknown pieces?"""
        tok = self.tokenizer
        ids = tok(text, add_special_tokens=False)["input_ids"]
        return bool(ids) and tok.unk_token_id not in ids

    def target_ids(self, text: str) -> list[int]:
        ids = self.tokenizer(text_target=text, add_special_tokens=False)["input_ids"]
        unk = self.tokenizer.unk_token_id
        return [] if unk in ids else ids  # a term the target side cannot spell is left to post-editing

    def translate(self, sources: list[str], terms: list[list[str]], *, batch_size: int = 16,
                  max_length: int = 256, num_beams: int = 4, on_batch=None) -> list[Output]:
        """Translate `sources`; `terms[i]` are the strings output i must contain."""
        import torch
        from transformers import LogitsProcessorList

        from mt_repair.translate.constrain import TermForcing

        tok = self.tokenizer
        pieces = tok.convert_ids_to_tokens(list(range(len(tok))))
        inputs = [self.prefix_token + s for s in sources]
        lengths = [len(tok(s, add_special_tokens=False)["input_ids"]) for s in inputs]
        order = sorted(range(len(sources)), key=lambda i: lengths[i])  # less padding per batch
        out: list[Output | None] = [None] * len(sources)
        prefix_len = 1 + (self.forced_bos_token_id is not None)
        eos = self.model.generation_config.eos_token_id
        eos = eos[0] if isinstance(eos, list) else eos
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            enc = tok([inputs[i] for i in idx], return_tensors="pt", padding=True, truncation=True,
                      max_length=max_length).to(self.device)
            ids = [[self.target_ids(t) for t in terms[i]] for i in idx]
            texts = [list(terms[i]) for i in idx]
            # room for a fluent translation plus the terms, never past --max-length
            budgets = [min(max_length, 2 * min(lengths[i], max_length) + 10) + sum(len(x) for x in ids[n])
                       for n, i in enumerate(idx)]
            proc = TermForcing(ids, texts, budgets, num_beams, prefix_len, eos, pieces)
            kwargs = {}
            if self.forced_bos_token_id is not None:
                kwargs["forced_bos_token_id"] = self.forced_bos_token_id
            start = time.perf_counter()
            with torch.inference_mode():
                gen = self.model.generate(**enc, num_beams=num_beams, max_new_tokens=max(budgets) + 1,
                                          logits_processor=LogitsProcessorList([proc]), do_sample=False,
                                          **kwargs)
            self.seconds += time.perf_counter() - start
            # the decoder start and the forced language token are not part of the text
            decoded = tok.batch_decode(gen[:, prefix_len:], skip_special_tokens=True)
            for n, i in enumerate(idx):
                out[i] = Output(decoded[n].strip(), proc.forced_terms[n])
            if on_batch is not None:
                on_batch(len(idx))
        return out  # type: ignore[return-value]


def load_translator(model: str, device: str = "auto", src_lang: str | None = None,
                    tgt_lang: str | None = None, threads: int | None = None) -> Translator:
    """Load `model` (folder or hub id already in the local cache). Raises ModelUnavailable."""
    torch, transformers = import_transformers()
    if threads:
        torch.set_num_threads(threads)  # on a busy small machine one thread can beat two
    path = Path(model).expanduser()
    if path.exists() and not (path / "config.json").is_file():
        raise ModelUnavailable(f"{model}: this folder holds no model (config.json is missing); "
                               f"it should be a folder saved by save_pretrained or `hf download`")
    where = str(path) if path.exists() else model
    dev = pick_device(torch, device)
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(where, local_files_only=True)
        net = transformers.AutoModelForSeq2SeqLM.from_pretrained(where, local_files_only=True)
    except (OSError, ValueError) as exc:
        if path.exists():
            raise ModelUnavailable(f"{model}: cannot load the model in this folder: {exc}") from None
        raise ModelUnavailable(_how_to_get(model)) from None
    net.to(dev).eval()
    family = _family(net, tokenizer)
    t = Translator(net, tokenizer, dev, family, model)
    if family in LANG_CODES:
        src, tgt = LANG_CODES[family]
        src, tgt = src_lang or src, tgt_lang or tgt
        language_id(tokenizer, family, src, "--src-lang", model)  # before the setter, which raises KeyError
        tokenizer.src_lang = src
        t.forced_bos_token_id = language_id(tokenizer, family, tgt, "--tgt-lang", model)
    elif family == "marian":
        codes = getattr(tokenizer, "supported_language_codes", []) or []
        if codes:  # a multilingual opus-mt model picks its target with a prefix token
            want = f">>{tgt_lang or 'eng'}<<"
            if want not in codes:
                raise ModelUnavailable(f"{model}: target code {want} is not one of {', '.join(codes[:8])}…")
            t.prefix_token = want + " "
    return t


def language_id(tokenizer, family: str, code: str, option: str, model: str) -> int:
    """The token id of language `code` (NLLB `arb_Arab`, M2M100 `ar` as `__ar__`). Raises
    ModelUnavailable when the tokenizer does not know it."""
    token_id = tokenizer.convert_tokens_to_ids(code if family == "nllb" else f"__{code}__")
    if token_id is None or token_id == tokenizer.unk_token_id:
        raise ModelUnavailable(f"{model}: the tokenizer has no language code {code!r} (set {option})")
    return token_id


def _family(model, tokenizer) -> str:
    kind = getattr(model.config, "model_type", "")
    if kind == "marian":
        return "marian"
    if kind == "m2m_100" or "m2m" in type(tokenizer).__name__.lower() or "nllb" in type(tokenizer).__name__.lower():
        return "nllb" if "nllb" in type(tokenizer).__name__.lower() else "m2m100"
    return "seq2seq"


def throughput(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else math.inf
