# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test test-fast lint format install messages gettext-deps migrate demo browser-deps \
	bench bench-deps audit profile cluster cluster-deps test-cluster

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo_data

# The development server, with local fakes of Stripe, Vipps and Bring
# (tools/dev_server.py); never used in production.
run: demo
	$(BIN)/python -m tools.dev_server

# Measuring (perf/): the shop as production runs it, on PostgreSQL
# (BENCH_DATABASE_URL, default postgres://root@127.0.0.1:5432/shop_bench).
# BENCH_ARGS=--short makes a quick run that writes nothing (CI).
bench-deps:
	@command -v hey >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq hey; }

bench: install bench-deps
	$(BIN)/python -m perf.bench $(BENCH_ARGS)

# Where a checkout request's time goes (pyinstrument), in-process on the
# bench database that `make bench` filled.
profile: install
	$(BIN)/python -m perf.profile $(PROFILE_ARGS)

audit: install browser-deps
	$(BIN)/python -m perf.audit $(AUDIT_ARGS)

# The shop on several local servers as production scales it out (perf/cluster/,
# docs/operations.md): HAProxy on :8080 before two app servers, pgbouncer,
# Redis, an S3 stand-in and Celery. In the foreground; Ctrl-C stops it all.
cluster: install cluster-deps
	$(BIN)/python -m perf.cluster $(CLUSTER_ARGS)

# Debian's HAProxy, pgbouncer and Redis for `make cluster`.
cluster-deps:
	@test -x /usr/sbin/haproxy -a -x /usr/sbin/pgbouncer -a -x /usr/bin/redis-server || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq haproxy pgbouncer redis-server; }

# Tests of the cluster itself (tests/cluster/): they start one, on ports and
# a database of their own, and talk HTTP to it. Not part of `make test`.
test-cluster: install cluster-deps
	$(BIN)/pytest tests/cluster -m cluster $(PYTEST_ARGS)

# Debian's Chromium for the browser tests (Playwright cannot download one here).
browser-deps:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# GNU gettext's xgettext: `make messages` collects texts with it, and a test
# reads Oscar's customer-facing texts with it (tests/i18n/test_oscar_catalogue.py).
gettext-deps:
	@test -x /usr/bin/xgettext || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext; }

test: install browser-deps gettext-deps
	$(BIN)/pytest $(PYTEST_ARGS)

# The suite without the browser and fault tests: a quick run while working
# (`PYTEST_ARGS=--lf` runs only what failed last time).
test-fast: install gettext-deps
	$(BIN)/pytest -m "not browser and not faults" $(PYTEST_ARGS)

# Collects every text marked for translation into locale/nb, fills new
# entries from locale/drafts, writes the English catalogues and compiles all
# (tools/catalogues.py). Needs GNU gettext's xgettext (Debian: gettext).
messages: install gettext-deps
	$(MANAGE) makemessages -l nb --no-obsolete --add-location file \
	  -i tests -i perf -i tools -i staticfiles -i media -i 'locale*'
	$(BIN)/python -m tools.catalogues

# The hooks of .pre-commit-config.yaml: ruff, django-upgrade and djLint. The
# formatters among them rewrite what they would change, and the run fails.
lint: install
	$(BIN)/lint-imports
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
