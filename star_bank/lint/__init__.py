"""The linter: rule pack, check kinds, configuration, suppressions, the engine, the cache."""
