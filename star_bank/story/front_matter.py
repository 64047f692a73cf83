"""Front matter: the YAML block at the top of a story, read safely into `FrontMatter`.

Aliases, binary values and arbitrary tags are refused, and every problem is a
`StoryParseError` with one line naming the file and the key.
"""

from __future__ import annotations

import re

import yaml
from pydantic import ValidationError

from star_bank.model.story import FrontMatter
from star_bank.story.errors import StoryParseError
from star_bank.story.positions import LineIndex

_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*")
_FRONT_MATTER_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, kept to plain data: every failure is a YAMLError with a line.

    Aliases are refused (a recursive or exponentially shared value cannot be
    serialised), and so are binary values; a scalar that a constructor cannot
    read ("2024-13-45" as a date) is a YAML error, not a ValueError.
    """

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not supported in front matter", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_object(self, node, deep=False):  # type: ignore[no-untyped-def]
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError, OverflowError):
            kind = str(node.tag).rsplit(":", 1)[-1]
            value = node.value if isinstance(node.value, str) else ""
            shown = f" {value[:40]!r}" if value else ""
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read the {kind} value{shown}", node.start_mark
            ) from None


def _refuse_tag(loader: yaml.SafeLoader, node: yaml.Node) -> None:
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag {node.tag!r} is not supported in front matter", node.start_mark
    )


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:binary", _refuse_tag)


def read_front_matter(text: str, index: LineIndex, path: str) -> tuple[FrontMatter, int]:
    """The front matter and the 0-based line where the Markdown body starts."""
    first_line = text[index.starts[0] : index.ends[0]]
    if not _FRONT_MATTER_OPEN.fullmatch(first_line):
        return FrontMatter(), 0
    close = next(
        (
            n
            for n in range(1, index.line_count)
            if _FRONT_MATTER_CLOSE.fullmatch(text[index.starts[n] : index.ends[n]])
        ),
        None,
    )
    if close is None:
        raise StoryParseError(path, "front matter opened with '---' on line 1 is never closed")
    raw = text[index.starts[1] : index.starts[close]] if close > 1 else ""
    try:
        data = yaml.load(raw, Loader=_FrontMatterLoader)  # a SafeLoader: never builds objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise StoryParseError(path, f"front matter is not valid YAML{where}: {problem}") from None
    except RecursionError:
        raise StoryParseError(path, "front matter is not valid YAML: it is nested too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise StoryParseError(path, "front matter must be a YAML mapping of keys to values")
    return _front_matter_values(data, path), close + 1


def _front_matter_values(data: dict, path: str) -> FrontMatter:
    known = {"title", "archetypes", "level", "role", "tags"}
    values = {str(k): v for k, v in data.items() if str(k) in known}
    extra = {str(k): v for k, v in data.items() if str(k) not in known}
    if "archetypes" in values:
        archetypes = values["archetypes"]
        if isinstance(archetypes, int) and not isinstance(archetypes, bool):
            archetypes = [archetypes]
        if archetypes is None:
            archetypes = []
        if not isinstance(archetypes, list) or not all(
            isinstance(a, int) and not isinstance(a, bool) and 1 <= a <= 10 for a in archetypes
        ):
            raise StoryParseError(path, "front matter 'archetypes' must be a list of archetype ids 1-10")
        values["archetypes"] = archetypes
    if "tags" in values:
        tags = values["tags"]
        if isinstance(tags, str):
            tags = [tags]
        if not isinstance(tags, list):
            raise StoryParseError(path, "front matter 'tags' must be a list")
        values["tags"] = [str(t) for t in tags if t is not None]
    if "title" in values and values["title"] is not None:
        values["title"] = str(values["title"])
    try:
        return FrontMatter(**values, extra=extra)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(p) for p in error["loc"])
        allowed = {"level": "swe1, swe2, senior or staff", "role": "ai, lead or ic"}.get(key)
        detail = f"must be one of {allowed}" if allowed else error["msg"]
        raise StoryParseError(path, f"front matter '{key}' {detail} (got {values.get(key)!r})") from None
