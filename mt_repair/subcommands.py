"""The heavy subcommands' parsers (translate, eval, archive), built only when used.

`mt-repair check` must not import the translate, evaluation and archive packages just to
build argparse: each registers here with its one-line help, and its real `add_parser`
(in its own module) fills the subparser the moment that subparser parses or prints help.
"""

from __future__ import annotations

import argparse
from importlib import import_module

# name -> (module holding `add_parser(sub)`, help shown in `mt-repair --help`)
LAZY = {
    "translate": ("mt_repair.translate.command", "translate an Arabic article to English (needs mt-repair[mt])"),
    "eval": ("mt_repair.evaluation.cli",
             "evaluate repairs: scores, artifact rates, terms, do-no-harm, detection, synthetic benchmark"),
    "archive": ("mt_repair.archive.command",
                "check a whole archive (folder, JSONL, Parquet) on Dask (needs mt-repair[archive])"),
}


class _LazyParser(argparse.ArgumentParser):
    """A subparser that imports its module and adds its arguments on first use."""

    _module: str | None = None

    def _fill(self) -> None:
        if self._module is not None:
            module, self._module = self._module, None
            import_module(module).add_parser(_Into(self))

    def parse_known_args(self, *args, **kwargs):
        self._fill()
        return super().parse_known_args(*args, **kwargs)

    def format_help(self):
        self._fill()
        return super().format_help()

    def format_usage(self):
        self._fill()
        return super().format_usage()


class _Into:
    """Stands in for the subparsers action in a module's `add_parser`: hands back the
    already registered subparser, with the module's description and options."""

    def __init__(self, parser: argparse.ArgumentParser):
        self.parser = parser

    def add_parser(self, name, **kwargs):
        kwargs.pop("help", None)
        kwargs.pop("aliases", None)
        for key, value in kwargs.items():
            setattr(self.parser, key, value)
        return self.parser


def add_lazy_parsers(sub) -> None:
    """Register translate, eval and archive on `sub` without importing them."""
    for name, (module, help_) in LAZY.items():
        p = sub.add_parser(name, help=help_)
        p.__class__ = _LazyParser
        p._module = module
