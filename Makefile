# The two commands of the README: `make run` and `make test`. Both set up everything first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup browser build run test lint format bench clean messages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The message catalogs: translators edit helpsvc/locale/*/LC_MESSAGES/helpsvc.po, make
# compiles each into the .mo the service loads (and the wheel ships).
LOCALE := helpsvc/locale
CATALOGS := $(wildcard $(LOCALE)/*/LC_MESSAGES/helpsvc.po)
COMPILED := $(CATALOGS:.po=.mo)

%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --domain helpsvc --input-file $< --output-file $@

# The glossary as a term base beside the catalogs, for the translators' tools (TBX v2, as
# Weblate, Lokalize and translate-toolkit read it).
$(LOCALE)/glossary.tbx: $(wildcard glossary/*.yaml) $(STAMP)
	$(BIN)/helpsvc glossary export --format tbx2 --output $@

setup: $(STAMP) $(COMPILED) $(LOCALE)/glossary.tbx

# After changing a text in the code: extract the template with Babel, merge it into each
# catalog by context (a changed English text marks its translation fuzzy), compile them.
messages: setup
	$(BIN)/python -m helpsvc.catalog.extraction
	$(MAKE) $(COMPILED)

# The browser tests drive Debian's Chromium (Playwright cannot download browsers here).
# axe-core (package.json) is injected into the pages by the accessibility tests.
browser:
	command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk)
	command -v msgfmt >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y gettext)
	npm ci --no-audit --no-fund

build: setup
	$(BIN)/helpsvc build

run: build
	$(BIN)/helpsvc serve --host $(HOST) --port $(PORT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The strict site build runs inside the test suite (tests/content/test_site_build.py).
test: setup browser lint
	$(BIN)/lint-imports
	$(BIN)/helpsvc check
	$(BIN)/helpsvc glossary check
	$(BIN)/helpsvc check terms
	$(BIN)/python -m pytest -n auto --dist worksteal

# wrk drives bench/f1_load.py; without it (no root, no apt) that benchmark falls back to
# an httpx load generator, so a failed install is not fatal (the leading '-').
bench: setup
	-command -v wrk >/dev/null || (apt-get update && apt-get install -y wrk)
	$(BIN)/python bench/index_build.py
	$(BIN)/python bench/learn_startup.py
	$(BIN)/python bench/f1_load.py
	$(BIN)/python bench/healthz_under_f1.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/search_quality.py
	$(BIN)/python bench/site_build.py
	$(BIN)/python bench/replay.py
	$(BIN)/python bench/body_limit.py
	$(BIN)/python bench/misses_list.py
	$(BIN)/python bench/catalog_lookup.py
	-pgbench --version >/dev/null 2>&1 || (apt-get update && apt-get install -y postgresql-15)
	$(BIN)/python bench/ledger.py

clean:
	rm -rf site var .pytest_cache bench/results/*.tmp
