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


def _construct_mapping(loader, node, deep=False):
    """Like PyYAML's, but a key written twice is an error (PyYAML keeps the last silently)."""
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                f"'{key}' is written twice (first on line {seen[key] + 1})", node.start_mark,
                f"found '{key}' again", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
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
    suggestion: str = "check the indentation, and put text containing ': ' or '#' in quotes"


def _explain(exc: yaml.MarkedYAMLError, first_line: int) -> YamlError:
    """PyYAML's complaint in words staff can act on, at the line where the trouble starts."""
    problem = exc.problem or ""
    context = exc.context or ""
    at = exc.problem_mark or exc.context_mark
    line = at.line + first_line if at else None
    started = exc.context_mark.line + first_line if exc.context_mark else line
    if "'\\t'" in problem:
        return YamlError("a tab is used to indent this line; YAML needs spaces", line,
                         "replace each tab at the start of the line with two spaces")
    if "quoted scalar" in context:
        return YamlError("a quote (\" or ') is opened here but not closed", started,
                         "add the closing quote at the end of the text")
    if "flow sequence" in context:
        return YamlError("a list in [ ] is opened here but not closed", started,
                         "add the closing ] (items are separated by commas)")
    if "flow mapping" in context:
        return YamlError("a group in { } is opened here but not closed", started,
                         "add the closing } (fields are separated by commas)")
    if "mapping values are not allowed" in problem:
        return YamlError("this value contains ': ', which YAML reads as a new field", line,
                         'put the whole value in double quotes, like title: "Budget: first reading"')
    if "could not find expected ':'" in problem:
        return YamlError("a line has no ':' after its field name", started,
                         "write each field as 'name: value'")
    if "written twice" in context:
        first = re.sub(r"first on line (\d+)",
                       lambda m: f"first on line {int(m.group(1)) + first_line - 1}", context)
        return YamlError(first, line, "keep one of the two lines")
    text = f"{context}, {problem}" if context else (problem or "could not be read")
    return YamlError(text, line)


class Unreadable(Exception):
    """A staff file that cannot be read as UTF-8 text."""

    def __init__(self, message: str, line: int | None = None, found: str = ""):
        super().__init__(message)
        self.message, self.line, self.found = message, line, found


def read_text(path) -> str:
    """A staff-written file as text (UTF-8, byte-order mark removed), or Unreadable."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise Unreadable(f"the file cannot be opened ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        bad = raw[exc.start: exc.start + 1]
        raise Unreadable("the file is not UTF-8 text", line,
                         found=f"the byte {bad!r} on line {line}, which is not UTF-8") from None
    return text.lstrip("\ufeff")


def load(text: str, first_line: int = 1) -> tuple[object, dict[tuple, int]]:
    """Parse ``text``; return the data and a map of key path -> line number.

    ``first_line`` is the line of the file on which ``text`` starts, so that
    front-matter line numbers match the Markdown file.
    """
    try:
        node = yaml.compose(text, Loader=StrictLoader)
        data = yaml.load(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        raise _explain(exc, first_line) from None
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
