# Kennisbank Arbeidsmigratie — every target creates .venv itself when it is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
ADDR   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build check test test-fast bench lighthouse serve-site clean new-voorbeeld new-evenement browser-deps

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

# .npmrc sets ignore-scripts: no npm package may download a browser or a JRE (Debian's are used).
node_modules/.package-lock.json: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error

browser-deps: node_modules/.package-lock.json
	@tools/ensure-chromium
	@tools/ensure-java

## serve: live preview on http://$(ADDR)
serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

## build: strict build into site/
build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

## check: validate data/ only (fast); errors as file:line:column
check: $(STAMP)
	$(BIN)/python -m macros check

## test: every test (unit, built site, quality gates: vnu, pa11y, links, reproducibility; Chromium + axe-core)
test: $(STAMP) browser-deps
	$(BIN)/python -m macros check
	$(BIN)/python -m pytest -n auto

## test-fast: everything except the browser tests and the npm/Java tools (vnu, pa11y)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n auto -m "not browser and not npm"

## bench: build time, memory, page and search-index size vs. plain MkDocs baselines; then Lighthouse
bench: $(STAMP) browser-deps
	$(BIN)/python -m benchmarks $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.lighthouse $(LIGHTHOUSE_ARGS)

## lighthouse: Lighthouse scores (mobile, desktop) of six page kinds, served gzip'ed with _headers
lighthouse: $(STAMP) browser-deps
	$(BIN)/python -m benchmarks.lighthouse $(LIGHTHOUSE_ARGS)

## serve-site: the built site/ as a host serves it (gzip, _headers, 404.html) on http://127.0.0.1:8001
serve-site: build
	$(BIN)/python tools/serve_static.py site --port 8001

## new-voorbeeld / new-evenement: scaffold a data file (ID=... required)
new-voorbeeld: $(STAMP)
	$(BIN)/python -m macros new goed-voorbeeld $(ID)
new-evenement: $(STAMP)
	$(BIN)/python -m macros new evenement $(ID)

clean:
	rm -rf site .pytest_cache .bench
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -exec rm -rf {} +
