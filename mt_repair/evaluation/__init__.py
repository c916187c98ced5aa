"""Evaluation: does a repair help, and does it never hurt?

Modules, each small and free of I/O unless its name says otherwise:

- `corpus`     load texts (files or folders), align them by name, cut aligned segments (lines or sentences)
- `scores`     sacrebleu BLEU / chrF++ / TER before and after, paired randomization or bootstrap (lazy import)
- `rates`      findings per 1,000 words by category and rule
- `terms`      glossary term accuracy, monolingual and Arabic-source/English-target pairs
- `harm`       do-no-harm: characters a repair changes in texts marked clean
- `detection`  labels JSONL, precision / recall / F1 per category by span overlap
- `inject`     the seeded artifact injector (synthetic benchmark): the engine
- `artifacts`  the artifact kinds it chooses from, one function each
- `injected`   the injector's values (marks, injected documents) and shared helpers
- `synthetic`  inject → check → fix → score on NTREX-128
- `report`     Markdown, JSON and self-contained HTML (template in `templates/`)
- `diffs`      side-by-side excerpts of what changed
- `progress`   progress of each phase on stderr (bars, or plain lines with --progress), and its timings
- `cli`        `mt-repair eval`

sacrebleu (and numpy with it) is imported only inside `scores`, so the checker never pays for it.
"""


class EvalError(Exception):
    """Bad evaluation input. The message names the file (and line) and is shown as is."""
