# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
INSTALLED := $(VENV)/.installed
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=entraide.settings.test

.PHONY: install compiled-messages chromium redis-server run test test-sqlite test-postgresql lint format messages bench bench-load

# --no-compile: Python compiles what it imports, when it first does (a third of the install).
$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-compile -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED)

compiled-messages: install
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v0

# The browser tests drive Debian's Chromium (never a browser Playwright would download).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "== Installing Debian's chromium for the browser tests"; \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 || \
		{ $$SUDO apt-get update -qq && $$SUDO apt-get install -y --no-install-recommends chromium; }; \
	}
	@command -v chromium >/dev/null 2>&1 || { echo "chromium could not be installed" >&2; exit 1; }

# The shared cache's tests run against Debian's Redis server, started by scripts/with-redis.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || { \
		echo "== Installing Debian's redis-server for the shared cache's tests"; \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get install -y --no-install-recommends redis-server >/dev/null 2>&1 || \
		{ $$SUDO apt-get update -qq && $$SUDO apt-get install -y --no-install-recommends redis-server; }; \
	}
	@command -v redis-server >/dev/null 2>&1 || { echo "redis-server could not be installed" >&2; exit 1; }

# Links in e-mails, Wagtail's notifications and the demo site's address follow HOST and PORT
# (`make run HOST=0.0.0.0 WAGTAILADMIN_BASE_URL=http://my-machine.lan:8000` when served to others).
WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: compiled-messages
	$(BIN)/python manage.py migrate --noinput
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(BIN)/python manage.py load_demo
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The two passes run side by side, each in two pytest-xdist workers (`--dist load` keeps the
# tests that empty the database, those of a live server, after the others of each worker);
# each pass prints its output whole when it ends.
test: lint compiled-messages chromium redis-server
	$(MAKE) --no-print-directory --output-sync=target -j2 test-sqlite test-postgresql

test-sqlite: compiled-messages
	@echo "== Tests on SQLite"
	$(TEST_SETTINGS) DATABASE_URL= $(BIN)/pytest -m "not postgresql and not redis and not s3" \
		-n 2 --dist load

# The PostgreSQL pass also gets a throwaway Redis and a throwaway S3 server (moto, installed
# with the dev dependencies), for the tests marked `redis` and `s3`.
test-postgresql: compiled-messages
	@echo "== Tests on PostgreSQL"
	$(TEST_SETTINGS) ENTRAIDE_EXPECT_POSTGRESQL=1 scripts/with-postgres scripts/with-redis \
		scripts/with-s3 $(BIN)/pytest -m "not browser" -n 2 --dist load

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# French is the source language: its catalogue only carries the French plural rule (0 is singular).
messages: install
	$(BIN)/python manage.py makemessages -l fr -l en --no-location --no-obsolete \
		--ignore=.venv --ignore=var --ignore=tests --ignore=bench --ignore=static --ignore=scripts
	msgen --no-wrap -o locale/fr/LC_MESSAGES/django.po locale/fr/LC_MESSAGES/django.po
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v0

bench: install
	$(BIN)/python bench/render_pages.py

# The load benchmark of issue 16 (bench/load/): a throwaway PostgreSQL and Redis, the demo, the
# production server (gunicorn) under traffic, then no overbooking and every e-mail sent once.
# About six minutes; never part of `make test`. Shorter:
# `make bench-load BENCH_LOAD_ARGS="--duration 10 --clients 8,32"`.
bench-load: compiled-messages redis-server
	$(BIN)/python -m bench.load $(BENCH_LOAD_ARGS)
