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
all notebooks report lab: export NEWSTRACE_CORPUS = $(value CORPUS)
# Options for `make lab`, e.g. make lab LAB_ARGS="--port 9999 --no-browser"; as root (most
# containers) JupyterLab refuses to start without --allow-root, so it is added for root.
LAB_ARGS ?=
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: all setup notebooks report test lint lab clean

# `make` runs every notebook, renders the report (also when a notebook failed: the report shows
# the failure in its place) and prints a summary; `make CORPUS=path/to/folder` does the same on
# another folder of articles, writing to out/<folder name>-<hash>/ (notebooks, figures, report).
all: setup
	$(BIN)/python -m newstrace.run --corpus-from-env --report

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

# With CORPUS the lab's notebooks read that folder and write to out/<name>-<hash>/, never over
# the committed notebooks' figures.
lab: setup
	$(BIN)/jupyter lab --notebook-dir=. $(ALLOW_ROOT) $(LAB_ARGS)

clean:
	rm -rf $(VENV) report out .pytest_cache .ruff_cache
