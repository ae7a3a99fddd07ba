# Village: `make run` to talk to the bot, `make test` to check everything. `make help` lists the rest.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
SPACY_DIR := var/spacy/village_en
MODEL     := models/village.tar.gz
SAFETY    := var/cache/safety/.trained
DATA      := $(shell find data -name '*.yml' 2>/dev/null)
KNOWLEDGE := $(wildcard knowledge/*.yml)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL   := 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help venv nlp train run shell test lint pytest validate story-test bench eval clean browser \
	servers test-integration bench-scale

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

venv: $(STAMP) ## create .venv with Python 3.10 and the pinned packages

$(STAMP): pyproject.toml requirements/constraints.txt scripts/find-python310
	@py=$$(scripts/find-python310) || exit 1; \
	  if [ ! -x $(BIN)/python ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	    echo "Creating $(VENV) with $$py"; rm -rf $(VENV); "$$py" -m venv $(VENV) || exit 1; fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
	  -c requirements/constraints.txt -e '.[dev]'
	@touch $@

nlp: $(SPACY_DIR)/meta.json ## build the project's own spaCy pipeline from the knowledge files

$(SPACY_DIR)/meta.json: $(STAMP) $(KNOWLEDGE) $(wildcard bot/nlp/*.py)
	$(BIN)/village nlp build --out $(SPACY_DIR)

train: $(MODEL).sha256 $(SAFETY) ## train the Rasa model and the safety classifier (only when what they learn from changed)

$(MODEL): $(STAMP) config.yml domain.yml $(DATA) | $(SPACY_DIR)/meta.json
	$(BIN)/rasa train --quiet --fixed-model-name village --out models
	@touch $@

# The safety check's second opinion, saved for the servers to read as they start (bot/safety/learned.py names
# it by a fingerprint of what it learns from, so a stale one is never read: this only saves them the training).
# The folders are prerequisites too, so removing an examples file retrains it.
$(SAFETY): $(STAMP) bot/safety/examples data/nlu $(wildcard bot/safety/examples/*.yml) $(wildcard data/nlu/*.yml) \
	  bot/safety/learned.py bot/safety/detector.py bot/nlp/ngrams.py
	$(BIN)/village safety train
	@touch $@

# The model's SHA-256, checked before Rasa loads it (bot/release.py).
$(MODEL).sha256: $(MODEL)
	$(BIN)/village model seal $(MODEL)

run: $(MODEL).sha256 $(SPACY_DIR)/meta.json $(SAFETY) ## start the bot: Rasa on 127.0.0.1:5005, actions on 127.0.0.1:5055
	@scripts/run-servers

shell: $(MODEL).sha256 $(SPACY_DIR)/meta.json $(SAFETY) ## talk to the bot in this terminal
	@scripts/run-servers --shell

lint: $(STAMP) ## ruff
	$(BIN)/ruff check .

CHROMIUM := /usr/bin/chromium

browser: $(CHROMIUM) ## install Debian's Chromium for the widget's browser tests (never a downloaded browser)

$(CHROMIUM):
	@echo "Installing Debian's chromium package for the browser tests"
	@if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; export DEBIAN_FRONTEND=noninteractive; \
	  $$sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 || \
	  { $$sudo apt-get update -qq && $$sudo apt-get install -y -qq --no-install-recommends chromium; } || \
	  { echo "Could not install chromium: run 'apt-get install chromium' as root, then make test again"; exit 1; }

pytest: $(MODEL).sha256 $(SPACY_DIR)/meta.json $(SAFETY) $(CHROMIUM)
	$(BIN)/pytest --ignore=tests/integration

validate: $(STAMP) $(SPACY_DIR)/meta.json
	$(BIN)/village knowledge check
	$(BIN)/rasa data validate --fail-on-warnings

story-test: $(MODEL) $(SAFETY)
	$(BIN)/rasa test core --model $(MODEL) --stories tests/test_stories.yml \
	  --fail-on-prediction-errors --out var/results

test: lint validate pytest story-test ## set up, then ruff, pytest, rasa data validate and rasa test
	@echo "make test: all checks passed"

# Debian's PostgreSQL and Redis for the integration tests: the tests start private servers on loopback ports.
servers:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v redis-server >/dev/null || \
	     ! test -x /usr/sbin/nginx; then \
	  echo "Installing Debian's postgresql, redis-server and nginx-light for the integration tests"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; export DEBIAN_FRONTEND=noninteractive; \
	  { $$sudo apt-get install -y -qq --no-install-recommends postgresql redis-server nginx-light >/dev/null 2>&1 || \
	    { $$sudo apt-get update -qq && $$sudo apt-get install -y -qq --no-install-recommends postgresql redis-server nginx-light; }; } || \
	  { echo "Could not install postgresql, redis-server and nginx-light: install them as root, then run this again"; exit 1; }; fi

test-integration: $(MODEL).sha256 $(SPACY_DIR)/meta.json $(SAFETY) servers ## PostgreSQL + Redis + two Rasa processes: consistency, faults, JWT, purge
	$(BIN)/pytest tests/integration

bench: $(MODEL).sha256 $(SPACY_DIR)/meta.json $(SAFETY) ## start the real stack: cold start, latency at 1/10/50 conversations, turns/s, memory, training time
	$(BIN)/python -m bench.performance --train

bench-scale: $(MODEL).sha256 $(SPACY_DIR)/meta.json $(SAFETY) servers ## nginx + two Rasa processes + PostgreSQL + Redis: 50 conversations for 60 s
	$(BIN)/python -m bench.scale_out

eval: $(MODEL) $(SPACY_DIR)/meta.json $(SAFETY) ## quality: intent cross-validation, then every held-out set beside a TF-IDF baseline (fails if a target is missed)
	$(BIN)/rasa test nlu --nlu data/nlu --config config.yml --cross-validation --folds 3 \
	  --out var/eval/cross-validation
	@status=0; for set in $$(ls -v tests/eval/heldout*.yml); do \
	  echo "== $$set"; \
	  $(BIN)/python -m bench.eval_heldout --heldout $$set || status=1; done; exit $$status

clean: ## remove the model, the spaCy pipeline and local data (keeps .venv)
	rm -rf models var
