# Two commands for a newcomer: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench clean system-deps

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
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
	-$(BIN)/mt-repair check examples/ --diff

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/bench_check.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
