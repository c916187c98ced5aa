"""Ship the word-list files in the wheel.

Everything else about the package is in pyproject.toml. A non-editable install (pip,
pre-commit's hook environments, CI) gets mt_repair/data/words/*.words built here from
wordfreq (a build requirement), so a check on a fresh machine maps them at once instead
of building its cache first (~2.5 s). When they cannot be built the install still
succeeds: the checker then builds them into the user cache on first use, as before.
An editable install reads the source tree; `make setup` builds the user cache for it.
"""

import os
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


class BuildPyWithWordLists(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = os.path.join(self.build_lib, "mt_repair", "data", "words")
        # a child process: the builder imports mt_repair from this source tree and wordfreq
        # from the build environment, and a failure there must not fail the install
        cmd = [sys.executable, "-m", "mt_repair.lexicon", "build", "--into", target]
        # keep pip's PYTHONPATH: it is how an isolated build environment finds wordfreq
        path = os.pathsep.join(p for p in (HERE, os.environ.get("PYTHONPATH")) if p)
        env = {**os.environ, "PYTHONPATH": path}
        if subprocess.run(cmd, cwd=HERE, env=env).returncode != 0:
            self.warn("word-list files not built: mt-repair will build them on first use")


setup(cmdclass={"build_py": BuildPyWithWordLists})
