# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint typecheck security pytest bench load load-campaign clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	mkdir -p var
	$(BIN)/clemency migrate --noinput
	$(BIN)/clemency seed_demo --if-empty
	$(BIN)/clemency collectstatic --noinput --verbosity 0
	$(BIN)/clemency serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -n 2 --dist loadgroup

# Security: ruff's bandit rules (S) on their own, so they run even if the lint selection changes, and
# pip-audit of the installed dependencies. pip-audit needs PyPI's advisory service: when it cannot be
# reached the audit is skipped with a loud warning rather than failing; known vulnerabilities fail.
security: $(STAMP)
	$(BIN)/ruff check --select S --ignore S101,S311 src benchmarks
	@$(BIN)/pip-audit --strict --progress-spinner off --skip-editable -l >$(VENV)/pip-audit.log 2>&1; \
	status=$$?; \
	if [ $$status -eq 0 ]; then echo "pip-audit: no known vulnerabilities"; \
	elif grep -qE "known vulnerabilit|Name: " $(VENV)/pip-audit.log && ! grep -q "could not be audited" $(VENV)/pip-audit.log; then \
	  cat $(VENV)/pip-audit.log; exit $$status; \
	elif grep -qE "could not be audited|ConnectionError|NameResolution|timed out" $(VENV)/pip-audit.log; then \
	  echo "WARNING: pip-audit could not reach the PyPI advisory service; dependencies were NOT audited" >&2; \
	else cat $(VENV)/pip-audit.log; exit $$status; fi

test: lint typecheck security pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/screening.py

# Load benchmark (PostgreSQL on 127.0.0.1 required): 50 users, 100,000 cases, 2 minutes.
load: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[load]'
	$(BIN)/python benchmarks/load/run.py

# A campaign going viral (PostgreSQL on 127.0.0.1 required; Redis used where REDIS_URL is set): the public
# page and signing for 2 minutes each, beside a static file. Results: benchmarks/results/campaign_load.json.
load-campaign: $(STAMP)
	$(BIN)/python benchmarks/campaign_load.py

clean:
	rm -rf $(VENV) var/test-*
