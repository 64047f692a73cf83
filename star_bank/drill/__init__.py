"""A practice interview, played turn by turn from a script, with no language model."""
