# The two commands of the README: `make run` and `make test`. Everything else is a helper.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
PORT ?= 8000
# Absolute links in SMS and e-mail point at the server `make run` starts, unless set.
SITE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test install migrate seed e2e lint messages bench clean backup restore

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	SITE_URL="$(SITE_URL)" $(PY) manage.py seed_demo

## Serve the demo county on http://127.0.0.1:$(PORT) with a Celery worker and beat (Ctrl-C stops all).
run: seed
	$(PY) manage.py collectstatic --noinput --verbosity 0
	SITE_URL="$(SITE_URL)" $(PY) manage.py serve --port $(PORT)

## The whole suite; uses PostgreSQL and Redis when DATABASE_URL / REDIS_URL point at them.
## One worker per core (up to 4), each with its own test database, Redis database and var folder.
test: install
	$(PY) -m pytest --durations=15 --numprocesses auto --maxprocesses 4 --dist loadfile

e2e: install
	$(PY) -m pytest tests/e2e

lint: install
	$(VENV)/bin/ruff check .

## Regenerate the English catalogue after changing UI strings, then fill in the new entries.
messages: install
	$(PY) manage.py makemessages --locale en --ignore ".venv/*" --ignore "node_modules/*" --ignore "var/*" --no-obsolete
	$(PY) manage.py compilemessages --locale en --ignore ".venv/*" --ignore "node_modules/*"

## Benchmarks (need PostgreSQL on 127.0.0.1:5432); results go to docs/PERFORMANCE.md.
bench: install
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

## Dump the database of DATABASE_URL to var/backups/<name>-<UTC time>.dump (pg_dump -Fc).
backup: install
	$(PY) manage.py backup_database

## Restore a dump into a named database: make restore FILE=var/backups/x.dump DB=portal_restored
## (created if absent; a database holding tables is refused unless FORCE=1). See docs/OPERATIONS.md.
restore: install
	$(PY) manage.py restore_database "$(FILE)" --database "$(DB)" $(if $(FORCE),--force)

clean:
	rm -rf $(VENV) node_modules staticfiles var
