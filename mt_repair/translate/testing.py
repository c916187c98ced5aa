"""Build a tiny Marian model with random weights, for tests and benchmarks.

SentencePiece models are trained on the given Arabic and English lines, the vocabulary
is their union (as in opus-mt: `</s>` 0, `<unk>` 1, `<pad>` last, which is also the
decoder start), and the model has random weights. Saved with save_pretrained, it loads
through the same code as a real checkpoint. Its output is noise, which is the point:
glossary enforcement must hold even then.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

TINY = dict(d_model=32, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
            decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64)
# the shape of opus-mt-ar-en (about 77M parameters), for realistic CPU timings
OPUS = dict(d_model=512, encoder_layers=6, decoder_layers=6, encoder_attention_heads=8,
            decoder_attention_heads=8, encoder_ffn_dim=2048, decoder_ffn_dim=2048)


def _train_spm(lines: list[str], vocab_size: int) -> bytes:
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=buf, vocab_size=vocab_size, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, bos_id=-1, eos_id=2, unk_id=1, pad_id=-1,
        minloglevel=2, num_threads=1)
    return buf.getvalue()


def build_marian(folder: str | Path, arabic: list[str], english: list[str], *, vocab_size: int = 400,
                 dims: dict = TINY, seed: int = 0, pad_vocab_to: int = 0) -> Path:
    """Write a random Marian model and its tokenizer to `folder`; return the folder.
    `pad_vocab_to` adds unused entries so the output layer has a real model's width
    (opus-mt-ar-en: 62,834), for timings."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for name, lines in (("source.spm", arabic), ("target.spm", english)):
        data = _train_spm(lines, vocab_size)
        (folder / name).write_bytes(data)
        proc = spm.SentencePieceProcessor(model_proto=data)
        for i in range(proc.get_piece_size()):
            piece = proc.id_to_piece(i)
            if not (proc.is_control(i) or proc.is_unknown(i)):
                vocab.setdefault(piece, len(vocab))
    while len(vocab) < pad_vocab_to - 1:
        vocab[f"<unused{len(vocab)}>"] = len(vocab)
    vocab["<pad>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(str(folder / "source.spm"), str(folder / "target.spm"), str(folder / "vocab.json"),
                                source_lang="ar", target_lang="en")
    pad = vocab["<pad>"]
    config = MarianConfig(vocab_size=len(vocab), pad_token_id=pad, eos_token_id=0, decoder_start_token_id=pad,
                          forced_eos_token_id=0, max_position_embeddings=512, **dims)
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    model.generation_config.bad_words_ids = [[pad]]
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_m2m100(folder: str | Path, arabic: list[str], english: list[str], *, vocab_size: int = 600,
                 seed: int = 0) -> Path:
    """Write a random M2M100 model (one SentencePiece model for both languages, the 100
    language tokens after the vocabulary, as in facebook/m2m100_418M) to `folder`."""
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration, M2M100Tokenizer

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = _train_spm(arabic + english, vocab_size)
    (folder / "sentencepiece.bpe.model").write_bytes(data)
    import sentencepiece as spm

    proc = spm.SentencePieceProcessor(model_proto=data)
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for i in range(proc.get_piece_size()):
        if not (proc.is_control(i) or proc.is_unknown(i)):
            vocab.setdefault(proc.id_to_piece(i), len(vocab))
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = M2M100Tokenizer(str(folder / "vocab.json"), str(folder / "sentencepiece.bpe.model"),
                                src_lang="ar", tgt_lang="en")
    dims = {k: v for k, v in TINY.items()}
    size = max(len(tokenizer), len(vocab) + len(tokenizer.lang_code_to_id) + tokenizer.num_madeup_words)
    config = M2M100Config(vocab_size=size, pad_token_id=1, bos_token_id=0, eos_token_id=2,
                          decoder_start_token_id=2, max_position_embeddings=512, **dims)
    torch.manual_seed(seed)
    model = M2M100ForConditionalGeneration(config)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder
