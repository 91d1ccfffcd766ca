# newstrace: `make` runs everything, `make test` checks everything.
# Needs Python 3.11+ and make. PYTHON can point at another interpreter.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
CORPUS ?=

.PHONY: all setup notebooks test lint lab clean

all: notebooks

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pinned requirements or the package metadata change.
$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

notebooks: setup
	$(BIN)/python -m newstrace.run $(if $(CORPUS),--corpus "$(CORPUS)")

lint: setup
	$(BIN)/ruff check lib tests benchmarks notebooks

test: setup lint
	$(BIN)/python -m pytest

lab: setup
	$(BIN)/jupyter lab --notebook-dir=.

clean:
	rm -rf $(VENV) report out .pytest_cache .ruff_cache
