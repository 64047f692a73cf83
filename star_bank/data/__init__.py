"""The shipped data files (archetypes, rules, rubrics, the drill script) and their one loader."""
