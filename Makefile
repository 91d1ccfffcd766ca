# newstrace: `make` runs everything, `make test` checks everything.
# Needs Python 3.11+ and make. PYTHON can point at another interpreter.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
CORPUS ?=

# CORPUS reaches Python as data, never through the shell or make's own expansion: it is kept as
# its raw text (a "$(shell ...)" in it is not run, not even by `make -n`, nor when make passes it
# on to the sub-make in its environment) and exported as NEWSTRACE_CORPUS, which the runner and
# the report read with --corpus-from-env.
override CORPUS := $(value CORPUS)
notebooks report: export NEWSTRACE_CORPUS = $(value CORPUS)

.PHONY: all setup notebooks report test lint lab clean

# `make` runs every notebook and renders the report; `make CORPUS=path/to/folder` does the
# same on another folder of articles, writing to out/<folder name>/ (notebooks, figures, report).
all: notebooks
	@$(MAKE) --no-print-directory report

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pinned requirements or the package metadata change.
$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# the editable install leaves build metadata in lib/; the installed package does not need it
	rm -rf lib/newstrace.egg-info
	touch $(STAMP)

setup: $(STAMP)

notebooks: setup
	$(BIN)/python -m newstrace.run --corpus-from-env

# Render the executed notebooks and the chart gallery to report/ (or out/<name>/report with CORPUS).
report: setup
	$(BIN)/python -m newstrace.report --corpus-from-env

lint: setup
	$(BIN)/ruff check lib tests benchmarks notebooks

test: setup lint
	$(BIN)/python -m pytest

lab: setup
	$(BIN)/jupyter lab --notebook-dir=.

clean:
	rm -rf $(VENV) report out .pytest_cache .ruff_cache
