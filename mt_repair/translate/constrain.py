"""A logits processor that makes every protected term appear in the output.

Constrained beam search (`force_words_ids`) now lives in a hub repository and fails
offline, so this does the part we need with the plain `logits_processor` hook, which
works for greedy and beam search alike and on any model:

- while a term is missing, the end of sequence is blocked; when the model would end
  there anyway, the term's first token is forced instead;
- a term the model started itself (two tokens or more) or that was forced is completed
  token by token;
- when a row's token budget is nearly spent, the missing terms are forced in order; a
  row past its budget with nothing missing is ended.

"Missing" is judged on the text the row spells so far (pieces joined, `▁` as space), so a
term the model wrote with another segmentation still counts. The processor keeps no
state per beam apart from the prefixes at which it forced a term start, so beam
reordering cannot confuse it.
"""

from __future__ import annotations

import torch
from transformers import LogitsProcessor

SPACE = "\u2581"


class TermForcing(LogitsProcessor):
    def __init__(self, term_ids: list[list[list[int]]], term_texts: list[list[str]], budgets: list[int],
                 num_beams: int, prefix_len: int, eos_token_id: int, pieces: list[str]):
        self.term_ids = term_ids
        self.term_texts = term_texts
        self.budgets = budgets
        self.num_beams = num_beams
        self.prefix_len = prefix_len  # decoder start (+ forced language token)
        self.eos = eos_token_id
        self.pieces = pieces
        self.forced_starts: set[tuple[int, ...]] = set()
        self.forced_terms: list[set[int]] = [set() for _ in term_ids]  # per sentence, for statuses

    def _surface(self, gen: list[int]) -> str:
        pieces = self.pieces
        return "".join(pieces[t] if t < len(pieces) else "" for t in gen).replace(SPACE, " ")

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        if input_ids.shape[1] < self.prefix_len:
            return scores
        rows = input_ids[:, self.prefix_len:].tolist()
        for r, gen in enumerate(rows):
            i = r // self.num_beams
            force = self._decide(i, gen, scores[r])
            if force is not None:
                scores[r, :] = -float("inf")
                scores[r, force] = 0.0
        return scores

    def _decide(self, i: int, gen: list[int], row: torch.FloatTensor) -> int | None:
        ids, texts = self.term_ids[i], self.term_texts[i]
        missing = []
        if ids:
            surface = self._surface(gen)
            missing = [k for k, text in enumerate(texts) if ids[k] and text not in surface]
        for k in missing:  # finish a term already under way
            tid = ids[k]
            for j in range(min(len(tid) - 1, len(gen)), 0, -1):
                if gen[len(gen) - j:] == tid[:j] and (j >= 2 or tuple(gen[:len(gen) - j + 1]) in self.forced_starts):
                    return tid[j]
        if missing:
            need = sum(len(ids[k]) for k in missing)
            if self.budgets[i] - len(gen) <= need or int(row.argmax()) == self.eos:
                k = missing[0]
                self.forced_starts.add(tuple(gen + [ids[k][0]]))
                self.forced_terms[i].add(k)
                return ids[k][0]
            row[self.eos] = -float("inf")
            return None
        if len(gen) >= self.budgets[i]:
            return self.eos
        return None
