# SIKERJA — the two quick-start commands are `make demo` and `make test`.
# Everything installs into .venv with the machine's Python 3.11.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PROFIL ?= pasuruan
PEGAWAI ?= 1500
ADDR ?= 127.0.0.1:8000

WORKERS ?= 2

.PHONY: demo test install lint serve produksi kunci browser-deps

# The tested versions: requirements.lock (pip-compile of pyproject.toml with the dev and redis extras),
# then the project itself without resolving again; a lock missing a dependency fails here.
$(BIN)/.terpasang: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q -e . --no-deps
	$(BIN)/python -m sikerja.operasi.kunci
	touch $@

install: $(BIN)/.terpasang

## make demo: install, create the SQLite database, build a demo instansi, print logins, serve on http://127.0.0.1:8000
demo: install
	$(BIN)/sikerja siapkan
	$(BIN)/sikerja demo --profil $(PROFIL) --pegawai $(PEGAWAI)
	@echo "SIKERJA berjalan di http://$(ADDR)/ (Ctrl+C untuk berhenti)"
	$(BIN)/sikerja runserver $(ADDR)

serve: install
	$(BIN)/sikerja siapkan
	$(BIN)/sikerja runserver $(ADDR)

## make produksi: production on $(ADDR) — gunicorn ($(WORKERS) workers, static files by WhiteNoise) and the
## task worker; needs SECRET_KEY, DATABASE_URL, ALLOWED_HOSTS (README, "Production")
produksi: install
	$(BIN)/sikerja serve --bind $(ADDR) --workers $(WORKERS)

## make kunci: regenerate requirements.lock from pyproject.toml (after adding a dependency)
kunci:
	@test -x $(BIN)/pip-compile || { $(PYTHON) -m venv $(VENV); $(BIN)/pip install -q pip-tools; }
	$(BIN)/pip-compile --quiet --extra dev --extra redis --strip-extras --no-emit-index-url --no-emit-find-links \
	  --output-file requirements.lock pyproject.toml

## make test: install, fetch Debian's chromium for the browser tests when possible, run the whole suite
test: install browser-deps
	$(BIN)/pytest

# The browser tests drive Debian's chromium; without it (and without root to
# install it) they are skipped locally and fail under CI.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Memasang chromium (apt-get) untuk uji peramban..."; \
	    (apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)); \
	  else echo "chromium tidak ada: uji peramban dilewati (pasang paket Debian 'chromium')."; fi; }

lint: install
	$(BIN)/ruff check sikerja tests bench
	$(BIN)/mypy sikerja
