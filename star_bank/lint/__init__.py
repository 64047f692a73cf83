"""The linter, one concept a module.

rule.py / rules.py   a rule as written, and the rule pack loaded and validated
kinds/               the check kinds (base.py: the contract every kind meets)
config.py            the config file; activation.py: which rules run under it
engine.py            the per-story engine (the Linter); suppress.py: inline silencing
placement.py         where a section-level finding points, and what silences it
names.py             "did you mean" for a mistyped rule, key or option
runner.py            the run over files: discovery, reading, cache, workers, progress
cache.py             findings and scorecards per file; fingerprint.py: what keys them
"""
