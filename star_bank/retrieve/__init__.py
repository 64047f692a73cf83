"""Question -> archetypes -> stories: classification, question matching, suggest, coverage."""
