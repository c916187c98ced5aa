"""The rule registry. One module per rule; its docstring is its documentation.

To add a rule: write `xxNNN_name.py` with `RULE = Rule(...)` and `check(doc, settings)`,
add it to `_MODULES`, and add its cases to `tests/rule_cases/`.
"""

from __future__ import annotations

from importlib import import_module

from mt_repair.rules.base import CATEGORIES, Rule

_MODULES = (
    "rp001_repeated_word", "rp002_word_echo", "rp003_phrase_loop", "rp004_duplicated_sentence",
    "rp005_duplicated_paragraph", "rp006_quote_echo", "rp007_repeated_list", "rp008_character_run",
    "rp009_parenthetical_echo", "rp010_relational_loop", "rp011_word_stutter",
    "sc001_untranslated_english", "sc002_social_handle", "sc003_glued_script",
    "sc004_persian_letters", "sc005_arabic_in_english", "sc006_invisible_control", "sc007_mojibake",
    "sc008_off_target_language", "sc009_detached_article", "sc010_latin_name", "sc011_lost_symbol",
    "sc012_suffix_after_final_letter",
    "gb001_garbled_clause", "gb002_stray_diacritics", "gb003_unknown_word",
    "nu001_thousands_separator", "nu002_leading_zero", "nu003_equal_range", "nu004_mixed_digits",
    "pn001_space_before_punctuation", "pn002_latin_punctuation", "pn003_unbalanced_quotes",
    "pn004_doubled_punctuation", "pn005_glued_number", "pn006_missing_space_after_punctuation",
    "pn007_leading_punctuation", "pn008_lowercase_after_full_stop", "pn009_tokenised_apostrophe",
    "pn010_run_together_words", "pn011_space_inside_quotes", "pn012_spaced_hyphen",
    "pn013_arabic_punctuation", "pn014_unfinished_paragraph",
    "tm001_glossary_variant", "tm002_inconsistent_spelling", "tm003_name_drift",
    "rs001_page_residue", "rs002_markup", "rs003_shortcode", "rs004_wiki_residue", "rs005_mt_notice",
)


def _load():
    registry = {}
    for name in _MODULES:
        module = import_module(f"mt_repair.rules.{name}")
        rule: Rule = module.RULE
        if rule.code in registry:
            raise RuntimeError(f"duplicate rule code {rule.code}")
        registry[rule.code] = (rule, module.check)
    return registry


REGISTRY: dict[str, tuple[Rule, object]] = _load()
ALL_RULES: list[Rule] = [r for r, _ in REGISTRY.values()]

__all__ = ["REGISTRY", "ALL_RULES", "CATEGORIES", "Rule"]
