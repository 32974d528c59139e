# The commands the README gives. `make run` serves the demo; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test check format messages bench bench-search bench-pictures load

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddemo
	$(BIN)/python manage.py ensureadmin --url http://$(HOST):$(PORT)/admin/
	@echo "Serving the portal on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/gunicorn portal.wsgi --bind $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest

check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	$(BIN)/python manage.py makemessages -l zh_Hans -l en --no-obsolete \
		--ignore=.venv --ignore=var --ignore=tests
	$(BIN)/python manage.py compilemessages --ignore=.venv

# Search at scale: fills a database of its own (default var/bench.sqlite3; set
# BENCH_DATABASE_URL=postgres://.../bench for PostgreSQL), then times queries.
ARTICLES ?= 100000
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/var/bench.sqlite3

bench-search: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate --noinput
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py makebenchdata --articles $(ARTICLES)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py benchsearch

# Time and peak memory of ingesting a 24-megapixel photo.
bench-pictures: install
	$(BIN)/python manage.py benchpictures

# Every public page at 1,000, 10,000 and 100,000 articles (SIZES=1000 for a quick
# run), cached and uncached, beside a bare Django view (needs wrk); writes
# docs/performance.md and docs/performance.json. BENCH_DATABASE_URL as for bench-search.
SIZES ?= 1000,10000,100000

bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate --noinput
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py benchsite --sizes $(SIZES)

# A minute of 50 clients on mixed pages, cache on and off; fails on any 5xx.
load: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py loadrun
