"""mt-repair: find and safely repair machine-translation artifacts in Arabic and English news.

The public Python API (`check_text`, `fix_text`, `check_pair`, `load_settings`,
`list_rules` and the value types) lives in `mt_repair.api` and is importable from here; it
is loaded on first use, so `import mt_repair` stays cheap. (`mt_repair.rules` is the rule
package; `mt_repair.api.rules` is `list_rules`.)
"""

__version__ = "0.1.0"

_API = frozenset({
    "check_text", "fix_text", "check_pair", "load_settings", "list_rules",
    "FixResult", "RuleInfo", "Settings", "ConfigError",
    "Finding", "Fix", "Edit", "Severity", "Applicability",
})

__all__ = [
    "Applicability", "ConfigError", "Edit", "Finding", "Fix", "FixResult", "RuleInfo", "Settings",
    "Severity", "__version__", "check_pair", "check_text", "fix_text", "list_rules", "load_settings",
]


def __getattr__(name: str):
    if name in _API:
        from mt_repair import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted({*globals(), *_API})
