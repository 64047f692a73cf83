"""The base of every kind's options: unknown keys are errors, not silent defaults."""

from pydantic import BaseModel, ConfigDict


class KindOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
