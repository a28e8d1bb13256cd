# Two commands for a newcomer: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PORT ?= 8000
TEST_WORKERS ?= auto
VENV := .venv
BIN := $(VENV)/bin
# Django 6 needs Python 3.12+: the first of python3.13, python3.12, python3 (pyenv reads .python-version) that is recent enough.
PYTHON := $(shell for p in python3.13 python3.12 python3 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then command -v $$p; break; fi; done)
# Debian packages WeasyPrint needs (Pango) and fonts with Latin, Arabic, Cyrillic and Chinese glyphs.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk gettext
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install sysdeps venv messages migrate demo worker beat lint check backup restore bench clean

run: install migrate demo
	@echo ""
	@echo "Serving on http://127.0.0.1:$(PORT)  (Ctrl-C to stop)"
	@if [ -n "$$REDIS_URL" ]; then ./scripts/run_with_workers.sh $(PORT); else $(BIN)/python manage.py runserver 127.0.0.1:$(PORT); fi

install: sysdeps venv messages

sysdeps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

venv: $(BIN)/.installed

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON)" ]; then echo "ERROR: Python 3.12 or newer is needed (Django 6). Install python3.12 or use pyenv (see .python-version)." >&2; exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	@[ -x $(BIN)/python ] && $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	@touch $@

messages: venv
	@if ls locale/*/LC_MESSAGES/django.po >/dev/null 2>&1; then $(BIN)/python manage.py compilemessages -v0 --ignore=.venv; fi

migrate: venv
	$(BIN)/python manage.py migrate --noinput -v0

demo: venv
	$(BIN)/python manage.py load_demo

worker: venv
	$(BIN)/celery -A config worker -l info

beat: venv
	$(BIN)/celery -A config beat -l info --schedule var/celerybeat-schedule

test: install
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: venv
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var db.sqlite3

backup: venv
	$(BIN)/python manage.py backup

restore: venv
	@if [ -z "$(BACKUP)" ]; then echo "usage: make restore BACKUP=var/backups/<timestamp>" >&2; exit 2; fi
	$(BIN)/python manage.py restore $(BACKUP)
