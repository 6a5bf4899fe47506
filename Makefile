# Entry points for contributors and CI. `make help` lists them.
# Everything runs inside .venv, created from the hash-locked requirements on first use.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Two pytest-xdist workers (the machines have two cores). Each session build is made once and
# read by both workers; the build tier's tests of one build share a worker, and the browser tests
# of one page share its loads (tests/conftest.py). `make test-fast PYTEST_WORKERS=` runs in one process.
PYTEST_WORKERS ?= -n 2 --dist loadgroup
# Where `make serve` listens: `make serve PORT=8001`.
ADDRESS ?= 127.0.0.1
PORT ?= 8000
# Material's documented switch for its MkDocs 2.0 notice.
export NO_MKDOCS_2_WARNING := 1
# Python's default, whatever the shell sets: compiled modules are kept in __pycache__ (ignored by
# git), so pytest rewrites the tests' asserts, and Python compiles clusterdocs, once rather than in
# each worker and in each build the tests start (about 2 s of every `make test-fast`).
unexport PYTHONDONTWRITEBYTECODE

.DEFAULT_GOAL := help
.PHONY: help serve test test-fast check lint build bench lock clean test-tools screenshots

help: ## List the commands
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/.site-installed: requirements/site.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is needed (the lock files are for 3.11); set PYTHON=/path/to/python3.11")'
	@# --clear: a lock-file change gives a fresh environment, so a package dropped from the lock
	@# (or swapped for one with the same import name) does not linger.
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/site.txt
	@# clusterdocs itself, editable, so hooks, tests and `python -m clusterdocs` import this checkout;
	@# its dependencies are the hash-pinned ones above, and setuptools (pinned there too) builds it.
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(BIN)/.test-installed: requirements/test.txt $(BIN)/.site-installed
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/test.txt
	touch $@

# A local build: its own address, so pages are served at / and the audit allows a loopback address.
serve: $(BIN)/.site-installed ## Install what the site needs, then serve it at http://127.0.0.1:8000 (ADDRESS=, PORT= to change)
	SITE_URL=http://$(ADDRESS):$(PORT)/ $(BIN)/mkdocs serve --dev-addr $(ADDRESS):$(PORT)

build: $(BIN)/.site-installed ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

check: $(BIN)/.site-installed ## Validate sources, article pages and timeline (one line per problem)
	$(BIN)/python -m clusterdocs check

lint: $(BIN)/.test-installed ## Linters and GitHub-file checks only (make test-fast runs them too)
	$(BIN)/python -m pytest -q tests/unit/test_lint.py tests/unit/test_github_files.py

test-tools: ## Install chromium, CJK fonts, Java and the npm HTML checker where missing (apt needs root)
	@bash scripts/install-test-tools.sh

test-fast: $(BIN)/.test-installed ## tests/unit and tests/build: all but the browser, HTML-checker and slow benchmark tests
	$(BIN)/python -m pytest $(PYTEST_WORKERS) tests/unit tests/build

test: $(BIN)/.test-installed test-tools ## The whole suite: unit, build, browser (Chromium, axe, HTML checker) and slow tiers
	$(BIN)/python -m pytest $(PYTEST_WORKERS) tests

screenshots: $(BIN)/.test-installed build ## PNGs of every page type, 360 and 1280 px, every language, light and dark, in screenshots/
	$(BIN)/python scripts/screenshots.py $(SCREENSHOT_ARGS)

bench: $(BIN)/.site-installed ## Build cost and page weight against baselines, budgets checked: benchmarks/results.md (slow)
	@test -x node_modules/.bin/lighthouse || npm ci --no-audit --no-fund
	$(BIN)/python scripts/benchmark.py $(BENCH_ARGS)

lock: $(BIN)/.site-installed ## Re-pin requirements/*.txt with hashes after editing requirements/*.in
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/tools.txt
	cd requirements && ../$(BIN)/uv pip compile --quiet --python-version 3.11 --generate-hashes tools.in -o tools.txt
	cd requirements && ../$(BIN)/uv pip compile --quiet --python-version 3.11 --generate-hashes site.in -o site.txt
	cd requirements && ../$(BIN)/uv pip compile --quiet --python-version 3.11 --generate-hashes test.in -o test.txt

clean: ## Remove the built site and the virtual environment
	rm -rf site $(VENV)
