# The two commands a newcomer needs: `make run` (dashboard) and `make test` (whole test suite).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test build bench clean

$(STAMP): requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: apt-get install python3.11 python3.11-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

build: $(STAMP)
	$(PY) -m lib.build --if-stale

run: build
	$(VENV)/bin/streamlit run app.py --server.address 127.0.0.1

test: build
	$(PY) -m pytest -q

bench: build
	$(PY) -m bench

clean:
	rm -rf $(VENV) data/warehouse.duckdb
