"""mt-repair: find and safely repair machine-translation artifacts in Arabic and English news."""

__version__ = "0.1.0"
