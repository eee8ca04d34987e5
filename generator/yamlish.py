"""YAML reading for staff-written files.

Two things differ from ``yaml.safe_load``:

* Only ``true``/``false`` are booleans and only plain numbers are numbers.
  YAML 1.1 would turn ``no`` (a Spanish word) into False, ``17:30`` into 1050
  and ``2026-12-03`` into a date object; here they stay text and the schema
  decides what they mean, so error messages can quote what the author wrote.
* Every key's line number is recorded, so messages can point at it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with a small, predictable set of implicit types."""


StrictLoader.yaml_implicit_resolvers = {}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


@dataclass
class YamlError(Exception):
    message: str
    line: int | None


def load(text: str, first_line: int = 1) -> tuple[object, dict[tuple, int]]:
    """Parse ``text``; return the data and a map of key path -> line number.

    ``first_line`` is the line of the file on which ``text`` starts, so that
    front-matter line numbers match the Markdown file.
    """
    try:
        node = yaml.compose(text, Loader=StrictLoader)
        data = yaml.load(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = exc.problem or "could not be read"
        if exc.context:
            problem = f"{exc.context}, {problem}"
        raise YamlError(problem, line) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other YAML failures
        raise YamlError(str(exc), None) from None
    lines: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), lines, first_line)
    return data, lines


def _walk(node, path: tuple, lines: dict, offset: int) -> None:
    lines.setdefault(path, node.start_mark.line + offset)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = path + (key.value,)
            lines[sub] = key.start_mark.line + offset
            _walk(value, sub, lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _walk(value, path + (i,), lines, offset)
