"""Markdown story files -> `Story` values: parsing, positions, prose, the bank of files."""
