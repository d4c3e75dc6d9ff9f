# newsgraph: the two set-up commands are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= newsgraph.duckdb
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench eval evaluation install clean chromium serve train

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## make run: install, ingest the bundled example posts, print a summary and the events table.
run: $(STAMP)
	$(BIN)/newsgraph ingest examples/posts --db $(DB)
	$(BIN)/newsgraph stats --db $(DB)
	$(BIN)/newsgraph events --db $(DB) --limit 40

## make test: lint, type-check and the test suite.
test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts training
	$(BIN)/ruff format --check src tests benchmarks scripts training

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) chromium
	$(BIN)/python -m pytest -q

## Chromium for the browser tests: Debian's packages, installed when missing (needs root and
## apt-get, as in CI). Where that is impossible the browser tests skip and say why.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; } \
	    || echo "chromium could not be installed: the browser tests will skip"; \
	  else \
	    echo "chromium is missing and cannot be installed here (needs root and apt-get): the browser tests will skip"; \
	  fi; }

## make serve: the API and web UI over $(DB) on http://127.0.0.1:8321/
serve: $(STAMP)
	$(BIN)/newsgraph serve --db $(DB)

## make bench: throughput of raw spaCy against `newsgraph ingest`, same corpus, same run; then
## latency of the events endpoint over 1M synthetic events, load from a second process; then
## one 400 KB document against four of 100 KB (cost linear in length: ratio at most 1.5).
bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/components.py
	$(BIN)/python benchmarks/api_latency.py
	$(BIN)/python benchmarks/api_latency.py --events 2000 --concurrency 8 --requests 400 --out bench-out/api_latency_8_api.json
	$(BIN)/python benchmarks/api_latency.py --events 2000 --concurrency 8 --requests 400 --path /events --out bench-out/api_latency_8_page.json
	$(BIN)/python benchmarks/long_documents.py

## make train: the trained event coder from the coded corpus in training/ (texts read from
## ../shared/data): featurize, 5-fold cross-validation by article, fit, save into the package.
## Needs the [train] extra (scikit-learn); the shipped model needs only numpy.
train: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python training/train.py --rebuild
	$(BIN)/python training/status.py

## make eval: every gold set in ../shared/data that is present.
eval: $(STAMP)
	$(BIN)/newsgraph eval all --data ../shared/data

## make evaluation: eval + bench (throughput, API latency) on the current code, written to docs/evaluation.md.
evaluation: $(STAMP)
	mkdir -p bench-out
	$(BIN)/newsgraph eval all --data ../shared/data --json > bench-out/eval.jsonl
	for name in news-events plover-gsr conflibert-cameo petrarch2-unittest; do \
	  $(BIN)/newsgraph eval $$name --data ../shared/data --coder rules --json; \
	done > bench-out/eval-rules.jsonl
	$(BIN)/python benchmarks/throughput.py --rounds 2
	$(BIN)/python benchmarks/throughput.py --parse selective --out bench-out/throughput-selective.json
	$(BIN)/python benchmarks/parsing_share.py
	$(BIN)/python benchmarks/components.py
	$(BIN)/python benchmarks/api_latency.py
	$(BIN)/python benchmarks/api_latency.py --events 2000 --concurrency 8 --requests 400 --out bench-out/api_latency_8_api.json
	$(BIN)/python benchmarks/api_latency.py --events 2000 --concurrency 8 --requests 400 --path /events --out bench-out/api_latency_8_page.json
	$(BIN)/python benchmarks/evaluation_doc.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
