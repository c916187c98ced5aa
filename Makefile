# Two commands for a newcomer: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench clean system-deps eval-synthetic eval-articles eval-examples eval-screenshot

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0  # the CPU wheel on disk; first, so .[mt] adds no CUDA
	$(BIN)/pip install --quiet -e ".[dev,mt,similarity,archive]"
	$(BIN)/python -m mt_repair.lexicon build  # the word-list cache, so the first check is not the slow one
	@touch $(STAMP)

# hunspell dictionaries (optional, a second opinion for the spelling check).
# Installed with apt when we are root and they are missing; skipped otherwise.
system-deps:
	@if [ ! -f /usr/share/hunspell/ar.dic ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "installing hunspell dictionaries (apt)"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			hunspell-ar hunspell-en-us libhunspell-1.7-0 >/dev/null) || echo "hunspell not installed; continuing without it"; \
	fi

demo: setup
	$(BIN)/mt-repair check examples/ --exit-zero
	@echo; echo "--- the safe fixes as a diff (nothing is written) ---"
	@$(BIN)/mt-repair check examples/ --diff || true  # exit 1 means "there are fixes": expected here

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_hook.py

# Evaluation (see eval/README.md). Reports go to eval-report/ (git-ignored).
NTREX ?= ../shared/data/ntrex-128
eval-synthetic: setup
	$(BIN)/mt-repair eval --synthetic $(NTREX) --seed 13 --judged tests/data/ntrex_judged.tsv -o eval-report/synthetic

eval-articles: setup
	$(BIN)/mt-repair eval ../shared/articles -o eval-report/articles

eval-examples: setup
	$(BIN)/mt-repair eval examples/ --labels examples/labels.jsonl --clean examples/clean -o eval-report/examples

# needs Debian's chromium: apt-get install -y chromium fonts-noto-core
eval-screenshot:
	$(BIN)/python eval/screenshot.py eval-report/articles/report.html

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
