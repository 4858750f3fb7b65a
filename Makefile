# terraform-aws-two-way-sms: everything a laptop or CI needs, installed by the project itself.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PYTEST := $(PY) -m pytest -p no:cacheprovider
STAMP  := $(VENV)/.installed
# Test, demo and benchmark tooling (tools/two_way_sms_tools) is never installed: put it on the path.
TOOLS  := PYTHONPATH=tools $(PY)
README_DIRS := . modules/* examples/*

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements/dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=/path/to/python3.11+")'
	@command -v terraform >/dev/null || { echo "terraform (>= 1.9) is not on PATH: install it from https://developer.hashicorp.com/terraform/install"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements/dev.txt -e '.[dev]'
	@touch $@

.PHONY: venv
venv: $(STAMP) ## Create .venv with the pinned dev dependencies

.PHONY: venv-refresh
venv-refresh: ## Re-resolve the dev dependencies and rewrite requirements/dev.txt
	rm -rf $(VENV) && $(PYTHON) -m venv $(VENV) && $(PY) -m pip install --quiet -e '.[dev]'
	{ sed -n '1,3p' requirements/dev.txt; $(PY) -m pip freeze --exclude-editable; } > requirements/dev.txt.new
	mv requirements/dev.txt.new requirements/dev.txt && touch $(STAMP)

.PHONY: test
test: $(STAMP) ## Run every tier: offline, unit, and end to end on LocalStack (started if needed)
	$(PYTEST) -n 2 --dist loadgroup tests

.PHONY: test-offline
test-offline: $(STAMP) ## Offline tier only: plans, inventories, native terraform tests, fmt, checkov
	$(PYTEST) -n 2 --dist loadgroup tests/offline

.PHONY: test-e2e
test-e2e: $(STAMP) ## End-to-end tier only: LocalStack with the emulator (started and stopped if not running)
	$(PYTEST) -n 2 --dist loadgroup -m e2e tests/e2e

.PHONY: localstack-up
localstack-up: $(STAMP) ## Start LocalStack 4.14.0 with the emulator on 127.0.0.1:4566 (own venv, Python >= 3.12)
	$(TOOLS) -m two_way_sms_tools.localstack up

.PHONY: localstack-down
localstack-down: $(STAMP) ## Stop the LocalStack this project started
	$(TOOLS) -m two_way_sms_tools.localstack down

.PHONY: test-unit
test-unit: $(STAMP) ## Python unit tests only
	$(PYTEST) tests/unit

# .pre-commit-config.yaml runs these same targets, one hook each.
.PHONY: lint lint-python lint-terraform docs-check
lint: lint-python lint-terraform docs-check ## ruff, terraform fmt and the README tables (also part of `make test`)

lint-python: $(STAMP) ## ruff check and ruff format --check
	$(VENV)/bin/ruff check src tools tests scripts
	$(VENV)/bin/ruff format --check src tools tests scripts

lint-terraform: ## terraform fmt -check
	terraform fmt -check -recursive

docs-check: $(STAMP) ## The README tables match the Terraform sources (`make docs` rewrites them)
	$(TOOLS) -m two_way_sms_tools.terraform.readme_tables --check $(README_DIRS)

.PHONY: fmt
fmt: $(STAMP) ## Format Python and Terraform sources
	$(VENV)/bin/ruff format src tools tests scripts
	terraform fmt -recursive

.PHONY: docs
docs: $(STAMP) ## Regenerate the inputs/outputs and validation tables of every README
	$(TOOLS) -m two_way_sms_tools.terraform.readme_tables $(README_DIRS)

.PHONY: demo
demo: $(STAMP) ## Main job: LocalStack + emulator, apply examples/responder, text the number, print the conversation
	$(TOOLS) -m two_way_sms_tools.demo $(if $(KEEP),--keep)

.PHONY: demo-down
demo-down: $(STAMP) ## Tear down a demo kept with `make demo KEEP=1`
	$(TOOLS) -m two_way_sms_tools.demo --down

.PHONY: plan
plan: $(STAMP) ## Offline plan of an example, policies in full (EXAMPLE=examples/sns-kms)
	$(TOOLS) -m two_way_sms_tools.demo_plan $(or $(EXAMPLE),examples/sns-kms)

.PHONY: bench
bench: $(STAMP) ## Print benchmark figures (tier wall times, Terraform processes, LocalStack start, routing, conversation)
	$(TOOLS) -m two_way_sms_tools.bench

.PHONY: clean
clean: ## Remove caches and virtual environments
	-$(TOOLS) -m two_way_sms_tools.localstack down
	rm -rf $(VENV) .venv-localstack .localstack .cache .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
