"""What a drill returns: the turns of the interview and the transcript with its scorecard."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from star_bank.drill.script import Phase, Probe, TurnKind
from star_bank.model.scorecard import Scorecard


class Turn(BaseModel):
    """One turn of the interview.

    `probe` is the rubric dimension an interviewer follow-up presses on (None for
    the opening, the phase questions, hints and every candidate turn).
    """

    role: Literal["interviewer", "candidate"]
    text: str
    phase: Phase
    probe: Probe | None = None
    kind: TurnKind


class DrillTranscript(BaseModel):
    """The whole session: its turns and the scorecard of the answers (None when there were none)."""

    turns: list[Turn]
    scorecard: Scorecard | None = None

    def probes(self) -> list[str]:
        """The dimensions the interviewer pressed on, in order."""
        return [t.probe for t in self.turns if t.role == "interviewer" and t.probe is not None]

