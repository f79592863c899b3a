# make serve: build and serve the site with live reload.  make test: lint, build the site strictly, run all tests.
# Both create .venv and install on first use; the install reruns only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The stamp's name carries a hash of pyproject.toml, so an edit to it forces a reinstall.
STAMP := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib;print(hashlib.sha256(open('pyproject.toml','rb').read()).hexdigest()[:16])")

.PHONY: setup serve test offline lighthouse bench timings clean

setup: $(STAMP) node_modules/.installed

# axe-core for the accessibility audit in the browser tests, vnu-jar (Nu HTML checker) for the HTML validity
# test (skipped, with a message, without npm).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the axe-core audit and the HTML validity test will be skipped"; fi

$(STAMP): pyproject.toml
	@$(PYTHON) -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 'Python 3.11+ is needed (set PYTHON=python3.11)')"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[docs,dev]"
	rm -f $(VENV)/.installed-*
	touch $@

export NO_MKDOCS_2_WARNING := 1

serve: $(STAMP)
	$(BIN)/mkdocs serve

test: $(STAMP) node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

# dist/notes-offline.zip: the site built to be read from the file system (unzip, open index.html).
offline: $(STAMP)
	$(BIN)/python scripts/offline_zip.py

# Lighthouse (mobile) on every page of a fresh build: scores, LCP, CLS and page weights (needs npx, chromium).
lighthouse: $(STAMP)
	$(BIN)/mkdocs build --strict -d site
	$(BIN)/python scripts/lighthouse.py site

bench: $(STAMP)
	$(BIN)/python scripts/bench_epoch.py

timings: $(STAMP)
	$(BIN)/python scripts/site_timings.py

clean:
	rm -rf $(VENV) site dist .cache .pytest_cache .hypothesis node_modules
