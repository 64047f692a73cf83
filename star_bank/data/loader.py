"""Reading star-bank's YAML data files (archetypes, rules, rubrics, the drill script).

`load_shipped` is the one way to read a shipped file, cached; `load_yaml_model`
reads any path (a user's own archetypes or rubric book).

Always from a regular file under a size limit, with a safe loader (PyYAML's C
one when available: it keeps start-up fast) that refuses aliases and deep
nesting, always validated by a pydantic model, and every problem is one line
naming the file and the key.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from star_bank.data.paths import data_path
from star_bank.data.safe_read import UnreadableFile, read_limited_text

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The largest shipped data file is under 100 KB; a rule file is about 1 KB.
MAX_YAML_BYTES = 2_000_000
MAX_YAML_DEPTH = 64
# Values in a document once its aliases are expanded: the shipped archetypes hold a few thousand.
MAX_YAML_NODES = 200_000

Model = TypeVar("Model", bound=BaseModel)


def read_yaml(path: Path, error: type[Exception], limit: int = MAX_YAML_BYTES) -> Any:
    """The YAML document in `path`; `error` (one line) when it cannot be read or parsed.

    The file must be a regular file of at most `limit` bytes, and the document
    plain data: no aliases (a "billion laughs" file is a few lines that expand to
    gigabytes) and no nesting deeper than MAX_YAML_DEPTH.
    """
    try:
        text = read_limited_text(path, limit)
    except UnreadableFile as exc:
        raise error(f"{path}: {exc.reason}") from None
    try:
        check_plain_yaml(text)
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise error(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise error(f"{path}: not valid YAML: nested too deeply") from None


def check_plain_yaml(text: str) -> None:
    """Raise a YAMLError for a document that would expand past MAX_YAML_NODES
    through its aliases, or that nests deeper than MAX_YAML_DEPTH.

    An alias repeats the node its anchor names; aliases of aliases grow a few
    lines into billions of nodes (the "billion laughs"), which validation and
    hashing then walk. Read from the parser's events, which come one at a time
    without recursion, before anything is built.
    """
    sizes: dict[str, int] = {}  # anchor -> how many nodes it stands for, expanded
    open_nodes: list[tuple[str | None, int]] = []  # (anchor, node count at its start)
    nodes = 0
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        if isinstance(event, yaml.AliasEvent):
            nodes += sizes.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            nodes += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            open_nodes.append((event.anchor, nodes))
            nodes += 1
            if len(open_nodes) > MAX_YAML_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_YAML_DEPTH} levels deep", event.start_mark
                )
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, start = open_nodes.pop()
            if anchor is not None:
                sizes[anchor] = nodes - start
        else:
            continue
        if nodes > MAX_YAML_NODES:
            raise yaml.composer.ComposerError(
                None, None, f"expands to more than {MAX_YAML_NODES:,} values through its aliases", event.start_mark
            )


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
