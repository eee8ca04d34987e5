"""The building blocks of the settings schema: a setting, groups of settings, and the reader.

Every setting of ``portal.yml`` is one :class:`Setting` in generator.content.settings_schema.
The same declaration checks the file (here: :class:`Reader` collects every problem with its
line), and documents it (``portal schema settings``, the JSON Schema, the staff guide, the
commented ``portal.yml`` that ``portal init`` writes). Single values are checked by the content
field types (generator.content.fieldtypes); the types here hold several values.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any, Callable

from generator.content.fieldtypes import Context, Invalid, Str, Type
from generator.core.errors import Problems, did_you_mean, show


class Reader:
    """Reads one ``portal.yml`` against the schema, reporting each problem with its line.

    ``codes`` and ``default`` are the site's languages once read: per-language texts
    (:class:`Localized`) are checked against them, so the languages are read first."""

    def __init__(self, rel: str, lines: dict, problems: Problems):
        self.rel, self.lines, self.problems = rel, lines, problems
        self.ctx = Context()
        self.languages: list = []  # generator.content.settings.Language
        self.default = "en"

    @property
    def codes(self) -> list[str]:
        return [l.code for l in self.languages]

    def line(self, key: tuple) -> int | None:
        """The line of a setting, else of the nearest group it is written in."""
        for end in range(len(key), 0, -1):
            if self.lines.get(key[:end]):
                return self.lines[key[:end]]
        return None

    def err(self, key: tuple, message: str, **kw) -> None:
        self.problems.error(self.rel, message, field=".".join(map(str, key)), line=self.line(key), **kw)

    def warn(self, key: tuple, message: str, **kw) -> None:
        self.problems.warning(self.rel, message, field=".".join(map(str, key)), line=self.line(key),
                              **kw)

    def check(self, type_: Type, value: Any, key: tuple) -> Any:
        """One value checked by a field type; None (and a problem reported) when it does not fit."""
        try:
            return type_.coerce(value, self.ctx)
        except Invalid as exc:
            self.err(key, exc.message, expected=exc.expected, found=show(value),
                     suggestion=exc.suggestion)
            return None


def read(type_: Type, raw: Any, reader: Reader, key: tuple) -> Any:
    """A value of any type: the settings types read themselves, field types are checked."""
    if isinstance(type_, SettingsType):
        return type_.read(raw, reader, key)
    return reader.check(type_, raw, key)


@dataclass
class Setting:
    """One setting: its name, what it holds, whether it must be given, and help for staff.

    ``default`` is used when the setting is left out (a function of the reader when it depends
    on other settings); groups left out take their members' defaults. ``example`` is what
    ``portal init`` writes and the docs show (else the default, else the type's example).
    ``parse`` turns the checked value into what ``Settings`` holds (a dataclass, a tuple...).
    ``empty`` is the problem, when a setting is written with no value, to report rather than
    take the default quietly (``colour: #0b5d5b``: YAML reads what follows ``#`` as a comment)."""

    name: str
    type: Type
    help: str
    required: bool = False
    default: Any = None
    example: Any = None
    parse: Callable[[Any, Reader, tuple], Any] | None = None
    empty: Invalid | None = None

    def read(self, raw: Any, reader: Reader, key: tuple) -> Any:
        if raw is None and self.empty and reader.lines.get(key):
            reader.err(key, self.empty.message, expected=self.empty.expected, found="nothing",
                       suggestion=self.empty.suggestion)
            return None
        if raw is None:
            if not isinstance(self.type, Group):
                return self.default(reader) if callable(self.default) else self.default
            raw = {}  # a group left out: each member's default
        value = read(self.type, raw, reader, key)
        if value is None:
            return None
        return self.parse(value, reader, key) if self.parse else value

    @property
    def shown_example(self) -> Any:
        if self.example is not None:
            return self.example
        if isinstance(self.type, Group):
            return {s.name: s.shown_example for s in self.type.members.values()}
        if self.default is not None and not callable(self.default):
            return self.default
        return self.type.example

    def json_schema(self) -> dict:
        schema = dict(self.type.json_schema())
        schema["description"] = self.help
        if self.default is not None and not callable(self.default):
            schema["default"] = list(self.default) if isinstance(self.default, tuple) else self.default
        return schema


class SettingsType(Type):
    """A type that holds several values and reads them itself (with their own lines)."""

    def read(self, raw: Any, reader: Reader, key: tuple) -> Any:
        raise NotImplementedError


class Group(SettingsType):
    """Named settings under one name (``contact:``, ``images:``; the whole file is one too).

    ``noun`` names a member in messages ("a contact field"); ``missing`` says a required member
    is missing ({name} is its name, {entry} the group's); ``first`` are read before the rest (others depend on them)."""

    label = "group of settings"

    def __init__(self, members: list[Setting], noun: str, missing: str = "'{name}' is missing",
                 first: tuple[str, ...] = ()):
        self.members = {s.name: s for s in members}
        self.noun, self.missing, self.first = noun, missing, first
        self.expected = "lines for " + ", ".join(self.members)

    @property
    def example(self):
        return {s.name: s.shown_example for s in self.members.values()}

    def read(self, raw, reader, key):
        if not isinstance(raw, dict):
            reader.err(key, "this needs " + " and ".join(f"'{n}'" for n in self.members) + " lines"
                       if len(self.members) <= 3 else "this is not a group of settings",
                       expected=self.expected, found=show(raw),
                       suggestion="indent the lines below this one by two spaces")
            return None
        for name in raw:
            if name not in self.members:
                reader.err(key + (name,), f"'{name}' is not {self.noun}",
                           expected="one of: " + ", ".join(self.members), found=show(name),
                           suggestion=did_you_mean(str(name), self.members))
        for s in self.members.values():
            if s.required and raw.get(s.name) is None:
                expected = s.help if isinstance(s.type, SettingsType) else f"{s.help} ({s.type.expected})"
                reader.err(key + (s.name,), self.missing.format(name=s.name, entry=key[-1] if key else ""),
                           expected=expected)
        values = {}
        order = [*self.first, *(n for n in self.members if n not in self.first)]
        for name in order:
            values[name] = self.members[name].read(raw.get(name), reader, key + (name,))
        return values

    def json_schema(self):
        return {"type": "object", "additionalProperties": False,
                "properties": {n: s.json_schema() for n, s in self.members.items()},
                "required": [n for n, s in self.members.items() if s.required]}


class Entries(SettingsType):
    """Entries named by an id, each of one type (``services:``, ``language_names:``)."""

    label = "entries by id"

    def __init__(self, entry: Type, noun: str, id_type: Type | None = None, example: Any = None):
        self.entry, self.noun = entry, noun
        self.id_type = id_type or Str(pattern=r"[a-z][a-z0-9_]*",
                                      expected="lower-case letters, digits and underscores, like "
                                               "food_pantry")
        self.expected = f"one entry per {noun}"
        self.example = example if example is not None else {self.id_type.example: entry.example}

    def read(self, raw, reader, key):
        if not isinstance(raw, dict):
            reader.err(key, f"this needs one entry per {self.noun}", expected=self.expected,
                       found=show(raw))
            return None
        out = {}
        for name, value in raw.items():
            entry_key = key + (name,)
            try:
                entry_id = self.id_type.coerce(name, reader.ctx)
            except Invalid as exc:
                reader.err(entry_key, f"'{name}' cannot be used as {self.noun} id",
                           expected=exc.expected, found=show(name),
                           suggestion=exc.suggestion or f'write it as "{_identifier(name)}"')
                continue
            checked = read(self.entry, value, reader, entry_key)
            if checked is not None:
                out[entry_id] = checked
        return out

    def json_schema(self):
        return {"type": "object", "additionalProperties": self.entry.json_schema()}


def _identifier(text: Any) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_") or "name"


class Items(SettingsType):
    """A list of values of one type (``languages:``, ``widths:``); at least one. Entries that
    do not fit are reported and left out."""

    def __init__(self, item: Type, what: str, example: list | None = None):
        self.item, self.what = item, what
        self.label = f"list of {what}"
        self.expected = f"a list of {what}"
        self.example = example if example is not None else [item.example]

    def read(self, raw, reader, key):
        if not isinstance(raw, list) or not raw:
            reader.err(key, f"this needs a list of {self.what}", expected=self.expected,
                       found=show(raw), suggestion="put each entry on its own line starting with '- '")
            return None
        values = [read(self.item, value, reader, key + (i,)) for i, value in enumerate(raw)]
        return [v for v in values if v is not None]

    def json_schema(self):
        return {"type": "array", "items": self.item.json_schema(), "minItems": 1}


class Localized(SettingsType):
    """A text per site language (the district's name, a service's label).

    A text missing in one language is a warning (``missing``: {code} the language, {entry}
    the id of the entry it belongs to); pages in that language show the default one, marked."""

    label = "text per language"
    expected = "lines like 'en: ...' and 'es: ...'"
    example = {"en": "...", "es": "..."}

    def __init__(self, missing: str = "", suggestion: str = "", example: dict | None = None):
        self.missing, self.suggestion = missing, suggestion
        if example is not None:
            self.example = example

    def read(self, raw, reader, key):
        if isinstance(raw, str):
            return {reader.default: raw}
        if not isinstance(raw, dict):
            reader.err(key, "this needs a text per language", expected=self.expected, found=show(raw))
            return None
        out, previous = {}, None
        for lang, text in raw.items():
            if lang not in reader.codes:
                _not_a_language(reader, key, lang, text, previous)
                continue
            previous = (lang, text)
            checked = reader.check(Str(), text, key + (lang,))
            if checked:
                out[lang] = checked
        if out and reader.default not in out:
            reader.err(key, f"the text in the default language ({reader.default}) is missing",
                       expected=f"a line '{reader.default}: ...'")
        if self.missing and out:
            entry = key[-2] if len(key) > 1 else ""
            for code in reader.codes:
                if code not in out:
                    reader.warn(key, self.missing.format(code=code, entry=entry),
                                expected=f"a line '{code}: ...' under {key[-1]} (every language of "
                                         "the site)",
                                suggestion=self.suggestion.format(code=code))
        return out

    def json_schema(self):
        return {"anyOf": [{"type": "string"},
                          {"type": "object", "additionalProperties": {"type": "string"}}]}


def _not_a_language(reader: Reader, key: tuple, lang: Any, text: Any, previous) -> None:
    """A key of a per-language text that is not a site language, explained."""
    if text is None and previous is not None:
        # {en: Tutoring, computers, es: ...}: the comma ended the English text, and YAML read
        # "computers" as a key with no value.
        before, words = previous
        name = next((l.name for l in reader.languages if l.code == before), before)
        reader.err(key + (lang,), f"'{lang}' looks like the rest of the {name} text ({before}), "
                   "cut off by a comma",
                   expected="one text per language: " + ", ".join(f"{c}: ..." for c in reader.codes),
                   found=show(lang), suggestion=f'a text with a comma needs quotes: {before}: "{words}, {lang}"')
        return
    reader.err(key + (lang,), f"'{lang}' is not one of the site's languages",
               expected="one of: " + ", ".join(reader.codes), found=show(lang),
               suggestion=did_you_mean(str(lang), reader.codes))


class Clock(Str):
    """A time of day on the 24-hour clock, like 07:00, read as a ``time``."""

    label = "time of day"

    def __init__(self, example: str = "07:00"):
        super().__init__(pattern=r"([01]?[0-9]|2[0-3]):[0-5][0-9]",
                         expected="a time like 07:00 (24-hour clock)", example=example)

    def coerce(self, value, ctx):
        hours, minutes = super().coerce(str(value), ctx).split(":")
        return time(int(hours), int(minutes))
