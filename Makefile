# The commands the README gives. `make run` serves the demo; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run stack test test-far-dates check format messages bench bench-search bench-memory bench-pictures load

# The settings fail closed (no SECRET_KEY, no start; DEBUG off unless set).
# Local commands get a key generated once and kept in var/ (never committed),
# and the demo runs with DEBUG on; variables already set in the environment win.
KEY_FILE := var/secret_key
DEMO := SECRET_KEY="$${SECRET_KEY:-$$(cat $(KEY_FILE))}" DEBUG="$${DEBUG:-1}"

$(KEY_FILE):
	mkdir -p var
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

run: install $(KEY_FILE)
	$(DEMO) $(BIN)/python manage.py migrate --noinput
	$(DEMO) $(BIN)/python manage.py loaddemo
	$(DEMO) $(BIN)/python manage.py ensureadmin --url http://$(HOST):$(PORT)/admin/
	@echo "Serving the portal on http://$(HOST):$(PORT)/ with its job worker (Ctrl-C stops both)"
	$(DEMO) HOST=$(HOST) PORT=$(PORT) BIN=$(BIN) bash deploy/run.sh

# The demo behind a real HTTP cache: Varnish on PORT (8080 unless given) in front of
# two gunicorn servers on BACKEND_PORTS sharing DATABASE_URL and REDIS_URL, and the
# job worker (deploy/stack.sh, deploy/varnish/portal.vcl). Ctrl-C stops them all.
BACKEND_PORTS ?= 8001,8002
STACK_PORT = $(if $(filter file,$(origin PORT)),8080,$(PORT))

stack: install $(KEY_FILE)
	$(DEMO) HOST=$(HOST) PORT=$(STACK_PORT) BACKEND_PORTS=$(BACKEND_PORTS) BIN=$(BIN) \
		bash deploy/stack.sh

test: install
	@sh tests/get-test-tools.sh
	$(BIN)/python -m pytest

# The suite (browser tests aside) with the system clock moved to far dates by
# libfaketime (Debian's faketime): no test may depend on today's date. The second
# date crosses midnight, a month's and a leap day's end while the tests run.
FAR_DATES ?= 2031-02-28T12:00:00 2032-02-29T23:59:00

test-far-dates: install
	@sh tests/get-test-tools.sh
	@command -v faketime >/dev/null || { echo "faketime is missing (apt-get install faketime)"; exit 1; }
	@for when in $(FAR_DATES); do \
		echo "== The suite on $$when, Asia/Shanghai (faketime)"; \
		TZ=Asia/Shanghai faketime "$$(echo $$when | tr T ' ')" \
			$(BIN)/python -m pytest -m "not browser" -q -p no:cacheprovider || exit 1; \
	done

check: install $(KEY_FILE)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEMO) $(BIN)/python manage.py check
	$(DEMO) $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install $(KEY_FILE)
	$(DEMO) $(BIN)/python manage.py makemessages -l zh_Hans -l en --no-obsolete \
		--ignore=.venv --ignore=var --ignore=tests
	$(DEMO) $(BIN)/python manage.py compilemessages --ignore=.venv

# Search at scale: migrates and fills a database of its own up to ARTICLES
# (default var/bench.sqlite3, its folder created; set
# BENCH_DATABASE_URL=postgres://.../bench for PostgreSQL; filling adds only what
# is missing), then times queries with the page cache off.
ARTICLES ?= 100000
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/var/bench.sqlite3

bench-search: install $(KEY_FILE)
	$(DEMO) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py benchsearch --articles $(ARTICLES)

# Time and peak memory of ingesting a 24-megapixel photo.
bench-pictures: install $(KEY_FILE)
	$(DEMO) $(BIN)/python manage.py benchpictures

# Every public page at 1,000, 10,000 and 100,000 articles (SIZES=1000 for a quick
# run), uncached (fragments on), rendered (fragments off), cached, and cached behind
# Varnish with the portal's VCL (the proxy column; skipped, saying so, without
# varnishd), beside a bare Django app, the floor (needs wrk), in ROUNDS rounds of
# BENCH_SECONDS per page; with BAKERYDEMO=path (a prepared checkout of Wagtail's
# bakerydemo, docs/operations.md) also beside bakerydemo's pages.
# Also the translators' and publishers' pages, signed in, beside their goals (p95 < 300 ms,
# XLIFF export < 5 s, the matrix CSV streamed); PAGES=public or PAGES=back-office for one side.
# Writes docs/performance.md and docs/performance.json. BENCH_DATABASE_URL as for bench-search.
SIZES ?= 1000,10000,100000
BENCH_SECONDS ?= 8
ROUNDS ?= 2
BAKERYDEMO ?=
PAGES ?= all

bench: install $(KEY_FILE)
	$(DEMO) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate --noinput
	$(DEMO) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py benchsite --sizes $(SIZES) \
		--seconds $(BENCH_SECONDS) --rounds $(ROUNDS) --bakerydemo "$(BAKERYDEMO)" --pages $(PAGES)
	$(DEMO) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py benchmemory

# Translation-memory lookups (exact, one number changed, unseen) on the benchmark
# database as it is (filled by bench-search or bench), the memory filled from its
# approved articles first if empty; p95 against the 50 ms bound.
bench-memory: install $(KEY_FILE)
	$(DEMO) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate --noinput
	$(DEMO) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py benchmemory

# A minute of 50 clients on mixed pages, cache on and off; fails on any 5xx.
load: install $(KEY_FILE)
	$(DEMO) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py loadrun
