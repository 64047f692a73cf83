"""The values that flow between the stages: a parsed story, lint findings, scorecards."""
