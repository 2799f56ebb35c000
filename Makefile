# newsprint — `make help` lists the targets.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PELICAN := $(BIN)/pelican
OUTPUT ?= output
PAGES ?= content/raw/*.txt
PORT ?= 8000
SITEURL ?=
# STRICT=1: `make html` / `make publish` exit non-zero when the import report lists
# errors (a page, sidecar or post lost); without it a bad entry costs that entry only.
STRICT ?=
PELICAN_STRICT := $(if $(STRICT),-e NEWSPRINT_STRICT=true)

.DEFAULT_GOAL := help
.PHONY: help setup html import inspect test lint serve publish github bench bench-import bench-search bench-segment bench-related bench-scale clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml package-lock.json
	@test -x $(BIN)/python || $(PY) -m venv $(VENV) 1>&2
	@$(BIN)/python -m pip install -q --upgrade pip 1>&2
	@$(BIN)/python -m pip install -q -e ".[test,publish]" 1>&2
	@if [ -f package.json ]; then npm ci --no-audit --no-fund --silent 1>&2; fi
	@touch $@

setup: $(STAMP) ## Create .venv and install everything (done by the other targets too)

html: $(STAMP) ## Import content/raw/ and build the site into output/ (STRICT=1: fail if an entry was lost)
	$(PELICAN) content -s pelicanconf.py -o "$(OUTPUT)" $(PELICAN_STRICT)

import: $(STAMP) ## Only write content/posts/ from content/raw/
	$(BIN)/newsprint import

# PAGES reaches the program through the environment, never re-split by the shell:
# "content/raw/with space.txt" is one file, quotes group words, "-x.txt" is a name.
inspect: export NEWSPRINT_PAGES = $(PAGES)
inspect: $(STAMP) ## Print the articles found in PAGES="a.txt b.txt" as JSON
	@$(BIN)/newsprint inspect --pages="$$NEWSPRINT_PAGES"

test: $(STAMP) ## Run the whole test suite (unit, build, link and browser tests)
	@scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

.PHONY: golden
golden: $(STAMP) ## Rewrite tests/golden/ (sample pages' inspect JSON, site files); review the diff
	$(BIN)/python -m pytest -q tests/test_golden.py --regenerate-golden
	@git diff --stat -- tests/golden/ || true

lint: $(STAMP) ## ruff over the code; the layer contract (pure stages import no Pelican)
	$(BIN)/ruff check plugins tests bench pelicanconf.py publishconf.py
	$(BIN)/lint-imports

serve: ## Serve output/ on http://localhost:$(PORT)/
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUT)

publish: $(STAMP) ## Build for publishing (SITEURL=https://you.github.io/repo)
	SITEURL=$(SITEURL) $(PELICAN) content -s publishconf.py -o "$(OUTPUT)" $(PELICAN_STRICT)

github: publish ## Publish output/ to the gh-pages branch
	$(BIN)/ghp-import -n -p -f $(OUTPUT)

bench: bench-segment bench-import bench-search bench-related ## Run the benchmarks (figures, not pass/fail)

bench-segment: $(STAMP) ## Segmentation scores per layout family on pages generated from ../shared/corpus
	$(BIN)/python bench/bench_segment.py --pages $(or $(BENCH_PAGES),1200) --seed $(or $(SEED),0) --rewrap

bench-import: $(STAMP) ## Import speed on generated pages
	$(BIN)/python bench/bench_import.py

bench-search: $(STAMP) ## Search benchmark at 1,000 and 10,000 generated articles
	$(BIN)/python bench/bench_search.py

bench-related: $(STAMP) ## Related-articles build time at 1,000 to 20,000 articles tagged from ../shared/corpus
	$(BIN)/python bench/bench_related.py

# SIZE: article counts, comma- or space-separated (SIZE=100000 for the 100k archive).
SIZE ?= 1000,10000
comma := ,
bench-scale: $(STAMP) ## Build times, rebuilds and size at SIZE real articles, vs plain Pelican
	$(BIN)/python bench/bench_scale.py --sizes $(subst $(comma), ,$(SIZE))

clean: ## Remove build output and generated posts (locked posts stay)
	rm -rf -- "$(OUTPUT)" .pytest_cache
	@if [ -x $(BIN)/newsprint ]; then $(BIN)/newsprint clean; \
	else echo "make clean: no $(VENV); generated posts left in content/posts" >&2; fi
