# Kennisbank Welbevinden op School. Everything runs in .venv, created when missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= localhost:8000
# apt-get as root, through sudo otherwise.
APT := $(if $(filter 0,$(shell id -u)),,sudo) apt-get

# MkDocs 1.6 and Material print end-of-life banners; these switch them off.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve site publish check test offline pdf clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3-venv is missing: installing it with apt-get"; \
	  $(APT) update -qq && $(APT) install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }

$(VENV)/.deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-deps: pyproject.toml $(VENV)/.deps
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# npm packages for the tests, pinned: the Nu HTML Checker (the tests allow a few exact messages of
# Material's templates) and citeproc-js (the reference engine /bronnen/ is compared with). One command
# for both: --no-save removes every package not named. --ignore-scripts: vnu-jar's install script
# would download a Java runtime; Debian's is used.
NPM_TEST_PACKAGES := vnu-jar@26.9.27 citeproc@2.4.63
VNU_JAR := .cache/npm/node_modules/vnu-jar/build/dist/vnu.jar
CITEPROC_JS := .cache/npm/node_modules/citeproc/package.json
$(VNU_JAR) $(CITEPROC_JS) &:
	npm install --silent --no-save --ignore-scripts --prefix .cache/npm $(NPM_TEST_PACKAGES)

## serve: build the site and serve it on http://$(HOST)/ with live reload
serve: $(VENV)/.deps
	$(BIN)/mkdocs serve --dev-addr $(HOST)

## site: strict build into site/
site: $(VENV)/.deps
	$(BIN)/mkdocs build --strict

## publish: strict build into site/ for the published address; refuses without a real KB_SITE_URL,
## because canonical links, the sitemap, copied links and the QR codes on handouts carry it
PLACEHOLDER_URL := https://kennisbank.example.org/
publish:
	@case "$(KB_SITE_URL)" in \
	  ""|"$(PLACEHOLDER_URL)"|"$(PLACEHOLDER_URL:/=)") \
	    echo "make publish: zet KB_SITE_URL op het echte adres / set KB_SITE_URL to the real address, e.g. make publish KB_SITE_URL=https://www.example.nl/kennisbank/" >&2; exit 2;; \
	  http://*|https://*) ;; \
	  *) echo "make publish: KB_SITE_URL moet met https:// of http:// beginnen / must start with https:// or http://: $(KB_SITE_URL)" >&2; exit 2;; \
	esac
	KB_SITE_URL="$(KB_SITE_URL)" $(MAKE) site

## check: check all content (schemas, ids, references) without building
check: $(VENV)/.deps
	$(BIN)/python scripts/check_content.py

## test: install the test dependencies (Debian's chromium, Java and Node.js included) and run every test
test: $(VENV)/.test-deps $(VNU_JAR) $(CITEPROC_JS)
	@command -v node >/dev/null || { $(APT) update -qq && $(APT) install -y -qq nodejs; }
	@command -v chromium >/dev/null || { $(APT) update -qq && $(APT) install -y -qq chromium; }
	@command -v java >/dev/null || { $(APT) update -qq && $(APT) install -y -qq default-jre-headless; }
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## offline: dist/kennisbank-offline.zip, the whole site to open from disk (needs npm for the search shim)
offline: $(VENV)/.deps
	$(BIN)/python scripts/build_offline.py

## pdf: dist/kennisbank-onderbouwing.pdf, the theoretical grounding as one PDF (needs chromium)
pdf: $(VENV)/.test-deps
	@command -v chromium >/dev/null || { $(APT) update -qq && $(APT) install -y -qq chromium; }
	$(BIN)/python scripts/make_pdf.py

clean:
	rm -rf site dist .pytest_cache
