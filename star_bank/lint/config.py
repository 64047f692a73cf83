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

    [tool.starlint.rules.too-long]         # per rule, by slug or code
    severity = "error"
    max_minutes = 2.5                      # any option of the rule's kind
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from star_bank.model.findings import Severity
from star_bank.model.story import Level, Role

CONFIG_FILES = (".starlint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration that cannot be used (one line naming the file and the key)."""


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    rule_dirs: list[str] = Field(default_factory=list)
    level: Level | None = None
    role: Role | None = None
    fail_on: Severity = Severity.warning
    pipeline: str | None = None
    cache_dir: str | None = None
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    # Where it was read from (None: defaults); not a key users write.
    path: Path | None = Field(default=None, exclude=True)


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
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "starlint" in data["tool"]


def load_config(path: Path | None) -> Config:
    """Read and validate a config file (None: the defaults)."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
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
        key = prefix + ".".join(str(p) for p in error["loc"])
        message = "unknown key" if error["type"] == "extra_forbidden" else error["msg"]
        raise ConfigError(f"{path}: {key}: {message}") from None
    config.path = path
    return config
