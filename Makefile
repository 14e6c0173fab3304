# Kennisbank Arbeidsmigratie — every target creates .venv itself when it is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)
ADDR   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install serve build check lint test test-fast bench clean nieuw-voorbeeld nieuw-evenement nieuw-bericht \
        nieuw-beleidsvoorbeeld new-voorbeeld new-evenement new-beleidsvoorbeeld browser-deps office-deps lighthouse serve-site
.DEFAULT_GOAL := help

## help: list the targets (from their ## comments)
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed -e 's/^## //' | awk -F': ' '{printf "  make %-28s %s\n", $$1, $$2}'

## install: the virtualenv with pinned packages and the generator (editable)
install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	# The generator itself, editable: the MkDocs plugin `kennisbank` and `python -m macros`.
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

# .npmrc sets ignore-scripts: no npm package may download a browser or a JRE (Debian's are used).
node_modules/.package-lock.json: package.json package-lock.json
	@tools/ensure-node
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error

browser-deps: node_modules/.package-lock.json
	@tools/ensure-chromium
	@tools/ensure-java

# LibreOffice Writer converts the model-agreement downloads to PDF in tests/unit/test_exports.py.
office-deps:
	@tools/ensure-libreoffice

## serve: live preview on http://$(ADDR)
serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

## build: strict build into site/
build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

## check: validate data/, docs/ pages, symlinks and generated paths (fast); errors as file:line:column
check: $(STAMP)
	$(BIN)/python -m macros check

## lint: ruff (pyflakes, bugbear, import order), mypy on macros/, yamllint on data/ and .github/
lint: $(STAMP)
	$(BIN)/ruff check macros tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/yamllint -s data .github mkdocs.yml

## test: lint, then every test (unit, built site, quality gates: vnu, pa11y, links, reproducibility; Chromium + axe-core)
test: $(STAMP) browser-deps office-deps lint
	$(BIN)/python -m macros check
	$(BIN)/python -m pytest -n auto

## test-fast: everything except the browser tests and the npm/Java tools (vnu, pa11y)
test-fast: $(STAMP) office-deps
	$(BIN)/python -m pytest -n auto -m "not browser and not npm"

## bench: build time, memory, page and search-index size vs. plain MkDocs baselines; preview edit-to-reload; then Lighthouse
bench: $(STAMP) browser-deps
	$(BIN)/python -m benchmarks $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.preview $(PREVIEW_ARGS)
	$(BIN)/python -m benchmarks.lighthouse $(LIGHTHOUSE_ARGS)

## lighthouse: Lighthouse scores (mobile, desktop) of six page kinds, served gzip'ed with _headers
lighthouse: $(STAMP) browser-deps
	$(BIN)/python -m benchmarks.lighthouse $(LIGHTHOUSE_ARGS)

## serve-site: the built site/ as a host serves it (gzip, _headers, 404.html) on http://127.0.0.1:8001
serve-site: build
	$(BIN)/python tools/serve_static.py site --port 8001

## nieuw-voorbeeld: new good practice; asks for the title, or TITEL="..." [ID=...]
nieuw-voorbeeld: $(STAMP)
	@$(BIN)/python -m macros nieuw voorbeeld $(ID)
## nieuw-evenement: new event; asks, or TITEL="..." DATUM=JJJJ-MM-DD[TUU:MM] [EINDE=...] [ID=...]
nieuw-evenement: $(STAMP)
	@$(BIN)/python -m macros nieuw evenement $(ID)
## nieuw-bericht: new news post in Actueel; asks, or TITEL="..." [DATUM=JJJJ-MM-DD]
nieuw-bericht: $(STAMP)
	@$(BIN)/python -m macros nieuw bericht $(ID)
new-voorbeeld: nieuw-voorbeeld
new-evenement: nieuw-evenement
## nieuw-beleidsvoorbeeld: new policy example; asks for the title, or TITEL="..." [ID=...]
nieuw-beleidsvoorbeeld: $(STAMP)
	@$(BIN)/python -m macros nieuw beleidsvoorbeeld $(ID)
new-beleidsvoorbeeld: nieuw-beleidsvoorbeeld

## clean: remove site/ and caches
clean:
	rm -rf site .pytest_cache .bench
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -exec rm -rf {} +
