"""A practice interview, played turn by turn from a script, with no language model
(the session: star_bank.drill.session.DrillSession)."""
