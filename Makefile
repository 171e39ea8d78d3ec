# The two commands of the README: `make run` (dashboard on the embedded SQLite default, seeds loaded)
# and `make test` (the whole suite on PostgreSQL, with Redis for the worker test).
SHARED ?= ../shared
PYTHON312 := $(shell for p in /root/.pyenv/versions/3.12*/bin/python3 $$(command -v python3.12); do "$$p" -c "import sys; assert sys.version_info[:2] == (3, 12)" 2>/dev/null && { echo "$$p"; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/lsm
TEST_BROKER_URL ?= redis://127.0.0.1:6379/1

.PHONY: venv run test bench lint shared browser-deps messages

shared:
	@test -d "$(SHARED)/seeds" || { echo "The shared folder (seeds, dev set, spec) is not at $(SHARED): run with SHARED=/path/to/shared"; exit 1; }

$(PY):
	@test -n "$(PYTHON312)" || { echo "Python 3.12 is needed (Django 6): install it or put python3.12 on PATH"; exit 1; }
	$(PYTHON312) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

venv: $(PY) requirements.txt
	$(PY) -m pip install -q -r requirements.txt

run: shared venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ingest $(SHARED)/seeds || true
	$(PY) manage.py runserver 127.0.0.1:8000

# Debian's Chromium and a font with Arabic glyphs, for the browser tests (apt; skipped when present).
browser-deps:
	@test -x /usr/bin/chromium -a -d /usr/share/fonts/truetype/noto || { \
		echo "Installing Debian's chromium and fonts-noto-core for the browser tests"; \
		apt-get install -y -q chromium fonts-noto-core >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-noto-core >/dev/null; }; }

# Rebuild the Arabic catalogue after changing interface strings (needs gettext's msgfmt).
messages: venv
	$(PY) manage.py makemessages -l ar --ignore=.venv --ignore=bench --ignore=tests --ignore=tools
	$(PY) manage.py compilemessages -l ar --ignore=.venv

test: shared venv browser-deps
	LSM_SHARED_DIR=$(abspath $(SHARED)) DATABASE_URL=$(TEST_DATABASE_URL) TEST_BROKER_URL=$(TEST_BROKER_URL) \
		$(PY) -m pytest -q

bench: venv
	@for script in bench/bench_*.py; do [ -e "$$script" ] || continue; echo "== $$script"; $(PY) $$script || exit 1; done

lint: venv
	$(VENV)/bin/ruff check .
