"""Reading star-bank's YAML data files (archetypes, rules, rubrics, the drill script).

`load_shipped` is the one way to read a shipped file, cached; `load_yaml_model`
reads any path (a user's own archetypes or rubric book).

Always with a safe loader (PyYAML's C one when available: it keeps start-up
fast), always validated by a pydantic model, and every problem is one line
naming the file and the key.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from star_bank.data.paths import data_path

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Model = TypeVar("Model", bound=BaseModel)


def read_yaml(path: Path, error: type[Exception]) -> Any:
    """The YAML document in `path`; `error` (one line) when it cannot be read or parsed."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise error(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None


def validation_message(exc: ValidationError, prefix: str = "") -> str:
    """'key.path: what is wrong' for the first problem pydantic found."""
    problem = exc.errors()[0]
    key = prefix + ".".join(str(p) for p in problem["loc"]) or "top level"
    if problem["type"] == "extra_forbidden":
        return f"{key}: unknown key"
    if problem["type"] == "missing":
        return f"{key}: missing"
    return f"{key}: {problem['msg']}"


def load_yaml_model(path: Path, model: type[Model], error: type[Exception]) -> Model:
    """`path` read as YAML and validated as `model`; `error` (one line) otherwise."""
    data = read_yaml(path, error)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error(f"{path}: {validation_message(exc)}") from None


@functools.cache
def load_shipped(name: str, model: type[Model], error: type[Exception]) -> Model:
    """The shipped data file `name` (see `data_path`) as `model`, read once per process.

    Every command asks for the archetypes, the rubric book or the drill script
    many times; reading and validating the YAML once keeps them fast. The
    value is shared, so callers must not change it.
    """
    return load_yaml_model(data_path(name), model, error)
