"""Rubric scorecards: findings and positive signals -> Novice / Intermediate / Expert."""
