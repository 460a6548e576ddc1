# Two commands: `make run` serves the app with demo data; `make test` checks the types and runs the whole suite.

PYTHON ?= python3
VENV ?= .venv
PORT ?= 5000
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app participation

# Gunicorn's access log without the client address, user agent or time: see README, "Privacy".
ACCESS_LOG_FORMAT := %(m)s %(U)s %(s)s %(b)s %(M)sms
# ... and with no line at all for the pages young people open, or the files they load.
ACCESS_LOGGER := participation.core.access_log.AccessLog

.PHONY: messages translations run test model safeguarding-model install install-dev migrate demo serve browser-assets vendor-plotly clean

run: install translations migrate demo serve

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

migrate: install
	$(FLASK) db upgrade

demo: install
	$(FLASK) seed-demo

serve: install
	@echo "Serving on http://127.0.0.1:$(PORT)/s/demo"
	$(BIN)/gunicorn --no-control-socket --workers 2 --bind 127.0.0.1:$(PORT) \
		--access-logfile - --access-logformat '$(ACCESS_LOG_FORMAT)' --logger-class $(ACCESS_LOGGER) \
		"participation:create_app()"

# axe-core for the accessibility checks in tests/browser; skipped quietly where npm is missing.
browser-assets:
	@if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then \
		npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error; fi

# The plotly.js bundle the staff reports draw with, as committed in static/vendor/plotly. Its built-in
# addresses of other hosts (a map-data server, a chart-sharing service, links in messages) are
# taken out, so no page can ever load anything from anywhere but this app.
PLOTLY := plotly.js-basic-dist-min@4.1.1
vendor-plotly:
	rm -rf .vendor-tmp && mkdir .vendor-tmp
	cd .vendor-tmp && npm pack $(PLOTLY) --silent --no-audit --no-fund >/dev/null && tar xzf *.tgz
	perl -pe 's{"https://cdn\.plot\.ly/un/"}{"./"}g; s{"https://cloud\.plotly\.com/newchart"}{""}g; \
		s{https?://(?!www\.w3\.org/)}{}g' .vendor-tmp/package/plotly-basic.min.js > static/vendor/plotly/plotly-basic.min.js
	cp .vendor-tmp/package/LICENSE static/vendor/plotly/LICENSE
	rm -rf .vendor-tmp

# The types first (mypy over participation/, set up in pyproject.toml), then every test.
test: install-dev browser-assets translations
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

# The theme model shipped in participation/analysis/data/theme_model.npz, learnt again from the
# shared corpus of published texts (../shared/corpus, or THEMES_CORPUS) and the product's examples.
model: install
	$(BIN)/python bench/train_themes.py

# The learnt safeguarding model, with its grouped cross-validation figures (see README, "Free-text analysis").
safeguarding-model: install
	$(BIN)/python bench/train_safeguarding.py

clean:
	rm -rf $(VENV) tests/browser/node_modules .pytest_cache .mypy_cache

# Interface words young people and the public read, in each language (see README, "Languages").
# `make messages` gathers the English words into the template and adds new ones to every catalogue;
# `make translations` compiles the catalogues the app reads (done before `run` and `test`).
TRANSLATIONS := participation/translations
PYBABEL := $(BIN)/pybabel
messages: install
	$(PYBABEL) extract -k lazy_gettext -F $(TRANSLATIONS)/babel.cfg -o $(TRANSLATIONS)/messages.pot --no-location --no-wrap --omit-header .
	$(PYBABEL) update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) --no-fuzzy-matching --no-wrap

translations: install
	$(PYBABEL) compile -d $(TRANSLATIONS)
