# Two commands on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin

.PHONY: install demo test bench perf docs clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

demo: install
	$(BIN)/starlint stories/
	$(BIN)/starbank list --bank stories
	$(BIN)/starbank suggest "tell me about a mistake" --bank stories
	$(BIN)/starbank score stories/03-tokenization-timeout-checkout-outage.md
	$(BIN)/starbank drill --answers tests/fixtures/drill/weak.txt

test: install
	$(PY) -m pytest -q

docs: install
	$(PY) -m star_bank.report.rule_docs > docs/rules.md

# Accuracy against the hand-labelled data in bench/ (prints the figures in docs/accuracy.md),
# then against the development corpus of real stories when ../shared/corpus exists.
bench: install
	$(PY) bench/lint_accuracy.py
	$(PY) bench/lesson_probes.py
	$(PY) bench/rubric_agreement.py
	$(PY) bench/suggest_accuracy.py
	$(PY) bench/suggest_heldback.py
	$(PY) bench/suggest_heldback.py --set bench/heldback_questions2
	$(PY) bench/bank_rules.py
	$(PY) bench/sheet_fragments.py
	$(PY) bench/dev_corpus.py
	$(PY) bench/heldout_accuracy.py
	$(PY) bench/heldout_accuracy.py --set bench/heldout2
	$(PY) bench/heldout_accuracy.py --set bench/heldout3
	$(PY) bench/heldout_accuracy.py --set bench/heldout4
	$(PY) bench/heldout_accuracy.py --set bench/heldout5
	$(PY) bench/heldout_accuracy.py --set bench/heldout6
	$(PY) bench/heldout_accuracy.py --set bench/heldout7
	$(PY) bench/heldout_accuracy.py --set bench/heldout8
	$(PY) bench/heldout_accuracy.py --set bench/heldout9
	$(PY) bench/heldout_accuracy.py --set bench/heldout10
	$(PY) bench/heldout_accuracy.py --set bench/heldout11
	$(PY) bench/heldout_accuracy.py --set bench/heldout12
	$(PY) bench/heldout_accuracy.py --set bench/heldout13
	$(PY) bench/heldout_accuracy.py --set bench/heldout14
	$(PY) bench/heldout_accuracy.py --set bench/heldout15
	$(PY) bench/heldout_accuracy.py --set bench/heldout16
	$(PY) bench/heldout_accuracy.py --set bench/heldout17
	$(PY) bench/heldout_accuracy.py --set bench/heldout18
	$(PY) bench/heldout_accuracy.py --set bench/heldout19
	$(PY) bench/heldout_accuracy.py --set bench/heldout20
	$(PY) bench/heldout_accuracy.py --set bench/heldout21
	$(PY) bench/heldout_accuracy.py --set bench/heldout22
	$(PY) bench/heldout_accuracy.py --set bench/heldout23
	$(PY) bench/heldout_accuracy.py --set bench/heldout24
	$(PY) bench/heldout_accuracy.py --set bench/heldout25
	$(PY) bench/heldout_accuracy.py --set bench/heldout26
	$(PY) bench/classify_own.py

# Speed and memory, as ratios measured in one run (see README, Performance).
perf: install
	$(PY) bench/perf.py
	$(PY) bench/suggest_speed.py
	$(PY) bench/hostile_bounds.py
	$(PY) bench/lsp_relint.py

clean:
	rm -rf $(VENV) .pytest_cache .starlint_cache
