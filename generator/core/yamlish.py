"""YAML reading for staff-written files.

Three things differ from ``yaml.safe_load``:

* Only ``true``/``false`` are booleans and only plain numbers are numbers.
  YAML 1.1 would turn ``no`` (a Spanish word) into False, ``17:30`` into 1050
  and ``2026-12-03`` into a date object; here they stay text and the schema
  decides what they mean, so error messages can quote what the author wrote.
* Every key's line number is recorded, so messages can point at it.
* What a mistake or a hostile file could make huge is capped: the file's size,
  how deep groups nest, how much aliases (``*name``) expand, how long a number
  is. Invisible control characters are refused. Each limit is a plain message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

MAX_DEPTH = 40  # groups and lists inside each other; real content needs fewer than 6
MAX_VALUES = 10_000  # values once every alias is expanded; a large grant file has ~500
MAX_DIGITS = 100  # digits in a plain number

# Characters that never belong in published text: C0/C1 controls (tab and newline
# aside; a CR left after CRLF line ends are read is a bare CR), lone surrogates and
# the two non-characters XML forbids. Feeds, calendars and cards cannot carry them.
_NEVER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NAMES = {0x00: "null", 0x09: "tab", 0x0A: "new line", 0x0B: "vertical tab", 0x0C: "form feed",
          0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete"}


def describe_character(char: str) -> str:
    """A character as staff can look it up: 'U+000B (vertical tab)'."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        name = "half of a pair that makes one symbol, without its other half"
    else:
        name = _NAMES.get(code, "an invisible control character")
    return f"U+{code:04X} ({name})"


def forbidden_character(text: str, also: str = "") -> re.Match | None:
    """The first character of ``text`` that cannot be published (or is in ``also``)."""
    if also:
        return re.search(f"{_NEVER.pattern[:-1]}{re.escape(also)}]", text)
    return _NEVER.search(text)


CHARACTER_SUGGESTION = ("delete the invisible character: retype the words around it (it usually "
                        "comes from copying text out of another program)")


class _Refused(Exception):
    """A limit of this reader was reached at ``mark``; turned into a YamlError by load()."""

    def __init__(self, message: str, mark, suggestion: str, path: tuple = ()):
        super().__init__(message)
        self.message, self.mark, self.suggestion, self.path = message, mark, suggestion, path


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with a small, predictable set of implicit types and a depth limit."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        """PyYAML composes nested groups by recursion: stop long before Python's limit."""
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"groups and lists are nested more than {MAX_DEPTH} levels deep",
                               self.peek_event().start_mark,
                               "write the fields with at most a few levels of indentation")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader, node, deep=False):
    """Like PyYAML's, but a key written twice is an error (PyYAML keeps the last silently)."""
    if not isinstance(node, yaml.MappingNode):
        raise _Refused("'!!map' is written before something that is not a group of fields",
                       node.start_mark, "remove the word '!!map'")
    seen = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused("a field name must be a word, not a list or a group",
                           key_node.start_mark, "write the field as 'name: value' (no '?' or "
                           "brackets before the ':')")
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                f"'{key}' is written twice (first on line {seen[key] + 1})", node.start_mark,
                f"found '{key}' again", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


def _construct_int(loader, node):
    """PyYAML's whole numbers, with a length limit (Python refuses over 4300 digits with ValueError)."""
    if len(re.sub(r"[^0-9]", "", node.value)) > MAX_DIGITS:
        raise _Refused(f"this number has more than {MAX_DIGITS} digits", node.start_mark,
                       "write the number you mean, or put text in quotes")
    return yaml.SafeLoader.construct_yaml_int(loader, node)


def _readable(construct, what: str):
    """A constructor that refuses what it cannot read (``!!int abc``, ``!!bool maybe``) in
    words, where PyYAML's own raises ValueError, KeyError or IndexError (``!!int ""``)."""
    def build(loader, node):
        if not isinstance(node, yaml.ScalarNode):
            raise _Refused(f"a list or a group is marked as {what}", node.start_mark,
                           "remove the word starting with '!!' before it")
        try:
            return construct(loader, node)
        except (ValueError, KeyError, IndexError, OverflowError):
            raise _Refused(f"'{node.value}' is not {what}", node.start_mark,
                           "remove the word starting with '!!' before it") from None
    return build


def _refuse_tag(loader, node):
    """Dates, binary data and sets are not values staff write: the schema reads text instead."""
    raise _Refused(f"'{node.tag.replace('tag:yaml.org,2002:', '!!')}' cannot be used here",
                   node.start_mark, "remove the word starting with '!!' and write the value as "
                   "plain text")


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:int", _readable(_construct_int, "a whole number"))
StrictLoader.add_constructor("tag:yaml.org,2002:float",
                             _readable(yaml.SafeLoader.construct_yaml_float, "a number"))
StrictLoader.add_constructor("tag:yaml.org,2002:bool",
                             _readable(yaml.SafeLoader.construct_yaml_bool, "true or false"))
for _tag in ("timestamp", "binary", "set", "omap", "pairs"):
    StrictLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)
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
    path: tuple = ()  # the field the problem is in, when known


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
    flow = _inside_brackets(exc, line)
    if flow:
        return flow
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


def _inside_brackets(exc: yaml.MarkedYAMLError, line: int | None) -> YamlError | None:
    """A text inside { } or [ ] that YAML cut short, on the line the brackets open:
    ``{en: Tutoring: math}`` (a colon) or ``{en: "Tutoring" math}`` (words after a quote).
    Brackets left open (the trouble on a later line) are explained by the caller."""
    at, opened = exc.problem_mark, exc.context_mark
    if not (at and opened and "flow" in (exc.context or "") and at.line == opened.line
            and re.search(r"expected ',' or '[}\]]'", exc.problem or "")):
        return None
    if "but got ':'" in (exc.problem or "") and at.buffer:
        text = at.buffer.split("\n")[at.line] if "\n" in at.buffer else at.buffer
        before = re.split(r"[{\[,]\s*", text[:at.column])[-1]
        name, _, words = before.rpartition(": ")
        after = re.split(r"[,}\]]", text[at.column + 1:])[0].rstrip()
        quoted = f'"{words}:{after}"'
        written = f"{name}: {quoted}" if name else quoted
        return YamlError("a text inside { } or [ ] contains ':', which YAML reads as the start of "
                         "a new field", line, f"put the text in double quotes: {written}")
    return YamlError("a text inside { } or [ ] goes on after a quote or has a ',' or ':' that "
                     "YAML reads as the end of the text", line,
                     'put each whole text in double quotes, like {en: "Tutoring, math", es: "..."}')


class Unreadable(Exception):
    """A staff file that cannot be read as UTF-8 text, or is too large to read."""

    def __init__(self, message: str, line: int | None = None, found: str = "", suggestion: str = ""):
        super().__init__(message)
        self.message, self.line, self.found, self.suggestion = message, line, found, suggestion


def read_text(path: Path, max_bytes: int) -> str:
    """A staff-written file as text, or Unreadable.

    UTF-8, byte-order mark removed, Windows line ends (CRLF) read as plain line
    ends so that every later step, and every line number, sees one kind. At
    most ``max_bytes`` are read: a larger file is refused before it is read in full.
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise Unreadable(f"the file cannot be opened ({exc.strerror or exc})") from None
    if len(raw) > max_bytes:
        raise Unreadable(f"the file is larger than {max_bytes:,} bytes, the most accepted",
                         found=f"a file of more than {max_bytes:,} bytes",
                         suggestion="split it into several files, or move pictures and documents "
                         "to content/images/ and content/files/") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        bad = raw[exc.start: exc.start + 1]
        raise Unreadable("the file is not UTF-8 text", line,
                         found=f"the byte {bad!r} on line {line}, which is not UTF-8") from None
    return text.lstrip("\ufeff").replace("\r\n", "\n")


def load(text: str, first_line: int = 1) -> tuple[object, dict[tuple, int]]:
    """Parse ``text``; return the data and a map of key path -> line number.

    ``first_line`` is the line of the file on which ``text`` starts, so that
    front-matter line numbers match the Markdown file.
    """
    bad = forbidden_character(text)
    if bad:
        raise _character_error(text, bad, first_line)
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_size(node)
        data = loader.construct_document(node) if node is not None else None
    except _Refused as exc:
        raise YamlError(exc.message, exc.mark.line + first_line if exc.mark else None,
                        exc.suggestion) from None
    except yaml.MarkedYAMLError as exc:
        raise _explain(exc, first_line) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other YAML failures
        raise YamlError(str(exc), None) from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), lines, first_line)
    _check_characters(data, (), lines)
    return data, lines


def _character_error(text: str, bad: re.Match, first_line: int) -> YamlError:
    """A control character typed into the YAML itself, at its line and, if it parses, its field."""
    line = text[: bad.start()].count("\n") + first_line
    path: tuple = ()
    try:
        _, lines = load(_NEVER.sub(" ", text), first_line)
    except YamlError:
        lines = {}
    above = [(at, key) for key, at in lines.items() if key and at <= line]
    if above:
        path = max(above, key=lambda pair: (pair[0], len(pair[1])))[1]
    return YamlError(f"the text contains the invisible character {describe_character(bad.group())}",
                     line, CHARACTER_SUGGESTION, path)


def _check_size(root: yaml.Node) -> None:
    """Refuse aliases that refer to themselves, or expand past MAX_VALUES or MAX_DEPTH.

    Each node is measured once (aliases share nodes), so a "billion laughs" file is
    refused in microseconds instead of expanding until memory runs out.
    """
    measured: dict[int, tuple[int, int]] = {}
    active: set[int] = set()

    def measure(node: yaml.Node) -> tuple[int, int]:
        key = id(node)
        if key in measured:
            return measured[key]
        if key in active:
            raise _Refused("an alias (*name) refers to the group it is inside", node.start_mark,
                           "write the values out instead of using & and *")
        active.add(key)
        children = []
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        sizes = [measure(child) for child in children]
        active.discard(key)
        size = 1 + sum(s for s, _ in sizes)
        depth = 1 + max((d for _, d in sizes), default=0)
        if size > MAX_VALUES:
            raise _Refused(f"the aliases (*name) here expand to more than {MAX_VALUES:,} values",
                           node.start_mark, "write the values out instead of using & and *")
        if depth > MAX_DEPTH:
            raise _Refused(f"groups and lists are nested more than {MAX_DEPTH} levels deep",
                           node.start_mark, "write the values out instead of using & and *")
        measured[key] = (size, depth)
        return size, depth

    measure(root)


def _check_characters(data: object, path: tuple, lines: dict) -> None:
    """Control characters written as escapes ("\\v", "\\0", "\\ud800"), in keys or values."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                _refuse_character(key, path, lines.get(path + (key,)))
            _check_characters(value, path + (key,), lines)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _check_characters(value, path + (i,), lines)
    elif isinstance(data, str):
        at = path
        while at and at not in lines:
            at = at[:-1]
        _refuse_character(data, path, lines.get(at))


def _refuse_character(text: str, path: tuple, line: int | None) -> None:
    bad = forbidden_character(text)
    if bad:
        raise YamlError(f"the text contains the invisible character {describe_character(bad.group())}",
                        line, CHARACTER_SUGGESTION, path)


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
