# make serve: build and serve the site with live reload.  make test: lint, build the site strictly, run all tests.
# Both create .venv and install on first use, at the versions constraints.txt locks (scripts/install.py: uv, or
# pip): serve the `docs` extra only, test adds the `dev` extra and npm. The install reruns only when
# pyproject.toml or the lock changes. make lock: rewrite the lock after an edit to pyproject.toml's requirements.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000

# An unsupported Python or platform stops every target that installs, in one line, before anything is installed
# (scripts/check_python.py: Python 3.11.5 to 3.13; Windows through WSL).
ifneq ($(filter-out clean,$(or $(MAKECMDGOALS),setup)),)
PYTHON_PROBLEM := $(shell command -v $(PYTHON) >/dev/null 2>&1 || echo "$(PYTHON) not found: the notes need Python 3.11.5 to 3.13 (set PYTHON=python3.12, for example)")
PYTHON_PROBLEM := $(or $(PYTHON_PROBLEM),$(shell $(PYTHON) scripts/check_python.py 2>&1))
ifneq ($(PYTHON_PROBLEM),)
$(error $(PYTHON_PROBLEM))
endif
endif

# A busy address stops `make serve` here, in one line, before anything is installed or built.
ifneq ($(filter serve,$(MAKECMDGOALS)),)
PORT_PROBLEM := $(shell $(PYTHON) scripts/check_port.py "$(ADDR)" 2>&1)
ifneq ($(PORT_PROBLEM),)
$(error make serve: $(PORT_PROBLEM))
endif
endif

# One stamp per set of extras; its name carries a hash of pyproject.toml, plugin/pyproject.toml and the lock, so
# an edit to any forces a reinstall (and a fresh checkout, whose files are all newer, does not).
# .installed-HASH: docs and dev.
HASH := $(shell $(PYTHON) -c "import hashlib;print(hashlib.sha256(b''.join(open(f,'rb').read() for f in ('pyproject.toml','plugin/pyproject.toml','constraints.txt'))).hexdigest()[:16])")
STAMP := $(VENV)/.installed-$(HASH)
DOCS_STAMP := $(VENV)/.installed-docs-$(HASH)
# Serving needs the docs extra: already there when make test installed everything.
SERVE_STAMP := $(if $(wildcard $(STAMP)),$(STAMP),$(DOCS_STAMP))

.PHONY: setup serve test offline lighthouse bench timings lock clean

setup: $(STAMP) node_modules/.installed

# axe-core for the accessibility audit in the browser tests, vnu-jar (Nu HTML checker) for the HTML validity
# test (skipped, with a message, without npm).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the axe-core audit and the HTML validity test will be skipped"; fi

# The venv, checked before and after its creation: a half-created one (Debian without python3-venv) is
# reported with what to install, instead of failing later in pip.
define venv
	@$(PYTHON) scripts/check_venv.py $(VENV)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { $(PYTHON) scripts/check_venv.py $(VENV); exit 1; }
	@$(PYTHON) scripts/check_venv.py $(VENV)
endef

$(DOCS_STAMP):
	$(venv)
	$(BIN)/python scripts/install.py -e ".[docs]" -e ./plugin
	rm -f $(VENV)/.installed-docs-*
	touch $@

$(STAMP):
	$(venv)
	$(BIN)/python scripts/install.py -e ".[docs,dev]" -e ./plugin
	rm -f $(VENV)/.installed-*
	touch $(DOCS_STAMP) $@

# The lock: every package the build and the tests install, at one version, for every supported platform
# (markers choose tensorflow-cpu or tensorflow). Versions already in it are kept unless a range excludes them.
lock:
	$(or $(shell command -v uv),$(wildcard $(BIN)/uv),$(error make lock needs uv: pip install uv, or make setup first)) --no-python-downloads pip compile pyproject.toml --extra docs --extra dev --universal --python-version 3.11.5 \
		--no-emit-package snippets -q -o constraints.txt

# The engine is ProperDocs (CONTRIBUTING.md: Engine and theme), reading mkdocs.yml; no notice is silenced here.
BUILD_TOOL := $(BIN)/properdocs
# nbconvert's import otherwise instantiates every exporter it can find, to list them for its command line
# (which the build never uses): about 1 s of every `mkdocs build` and of `mkdocs serve`'s start.
export NBCONVERT_DISABLE_CONFIG_EXPORTERS := 1

serve: $(SERVE_STAMP)
	$(BUILD_TOOL) serve -f mkdocs.yml -a $(ADDR)

# The suite on one worker per core (pytest-xdist's auto): it keeps every core busy, and more workers measured no
# faster (CONTRIBUTING.md: Tests). Tests that share a costly module fixture run on one worker (xdist_group).
TEST_WORKERS ?= auto

test: $(STAMP) node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder

# dist/notes-offline.zip: the site built to be read from the file system (unzip, open index.html).
offline: $(STAMP)
	$(BIN)/python scripts/offline_zip.py

# Lighthouse (mobile) on every page of a fresh build: scores, LCP, CLS and page weights (needs npx, chromium).
lighthouse: $(STAMP)
	$(BUILD_TOOL) build --strict -f mkdocs.yml -d site
	$(BIN)/python scripts/lighthouse.py site

bench: $(STAMP)
	$(BIN)/python scripts/bench_epoch.py

timings: $(STAMP)
	$(BIN)/python scripts/site_timings.py

clean:
	rm -rf $(VENV) site dist build .cache .pytest_cache .hypothesis node_modules
