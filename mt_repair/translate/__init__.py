"""`mt-repair translate`: Arabic→English with a transformers seq2seq model, glossary-guided.

The pipeline (pipeline.py): safe source repair → sentence splitting that keeps the
Markdown structure (segment.py) → glossary terms found and injected (terms.py) →
batched generation with a logits processor that makes every protected term appear
(model.py, constrain.py) → term post-editing and English-side safe fixes → the English
article plus an aligned sentence-pair JSONL file.

Only model.py and constrain.py import torch and transformers, and only the translate
command imports them: the checker never pays for them.
"""

DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en"
