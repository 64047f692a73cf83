"""Configuration: `[tool.starlint]` in pyproject.toml, or a `.starlint.toml`.

Found by walking up from the first linted path. Every key is validated: an
unknown key or a bad value is an error naming the file and the key.

    [tool.starlint]
    select = ["passive-voice", "OWN002"]   # default: every rule
    ignore = ["hedging"]
    rule_dirs = ["lint-rules"]             # folders of extra rule files, relative to the config
    level = "senior"                       # swe1 | swe2 | senior | staff
    role = "ai"                            # ai | lead | ic
    fail_on = "warning"                    # error | warning | suggestion
    pipeline = "en_core_web_sm"            # a spaCy pipeline name
    extend-exclude = ["drafts"]            # more paths to skip (`exclude` replaces the defaults)

    [tool.starlint.rules.too-long]         # per rule, by slug or code
    severity = "error"
    max_minutes = 2.5                      # any option of the rule's kind
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from star_bank.data.safe_read import UnreadableFile, read_limited_text
from star_bank.lint.names import did_you_mean
from star_bank.model.findings import Severity
from star_bank.story.exclude import DEFAULT_EXCLUDE
from star_bank.model.story import Level, Role

CONFIG_FILES = (".starlint.toml", "pyproject.toml")
# A pyproject.toml is a few KB; a FIFO or a device named like one is refused, not read.
MAX_CONFIG_BYTES = 2_000_000


class ConfigError(Exception):
    """A configuration that cannot be used (one line naming the file and the key)."""


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    rule_dirs: list[str] = Field(default_factory=list)
    level: Level | None = None
    role: Role | None = None
    fail_on: Severity = Severity.warning
    pipeline: str | None = None
    cache_dir: str | None = None
    # Paths a folder walk skips (gitignore-style globs); `exclude` replaces the defaults.
    exclude: list[str] = Field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = Field(default_factory=list, alias="extend-exclude")
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    # Where it was read from (None: defaults); not a key users write.
    path: Path | None = Field(default=None, exclude=True)


def config_key(path: Path | None, key: str) -> str:
    """How a key is spelt in its file: under `tool.starlint.` in a pyproject.toml."""
    return f"tool.starlint.{key}" if path is not None and path.name == "pyproject.toml" else key


def find_config(start: Path) -> Path | None:
    """The nearest `.starlint.toml`, or `pyproject.toml` with a [tool.starlint] table."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_starlint_table(path)):
                return path
    return None


def _has_starlint_table(path: Path) -> bool:
    try:
        data = tomllib.loads(read_limited_text(path, MAX_CONFIG_BYTES))
    except (UnreadableFile, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "starlint" in data["tool"]


def load_config(path: Path | None) -> Config:
    """Read and validate a config file (None: the defaults)."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(read_limited_text(path, MAX_CONFIG_BYTES))
    except UnreadableFile as exc:
        reason = "not valid UTF-8" if exc.reason == "is not valid UTF-8 text" else exc.reason
        raise ConfigError(f"{path}: {reason}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("starlint", {})
        prefix = "tool.starlint."
    else:
        data = data.get("tool", {}).get("starlint", data) if "tool" in data else data
        prefix = ""
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [str(p) for p in error["loc"]]
        key = prefix + ".".join(loc)
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = "unknown key" + (did_you_mean(loc[0], _KEYS) if len(loc) == 1 else "")
        raise ConfigError(f"{path}: {key}: {message}") from None
    config.path = path
    return config


# The keys a user may write, as they write them.
_KEYS = sorted(
    {field.alias or name for name, field in Config.model_fields.items() if name != "path"}
)
