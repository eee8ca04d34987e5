"""Field types and their checks: what a value must look like, and the message when it does not.

Each type coerces a raw YAML value (``coerce``), describes itself for staff (``label``,
``expected``, ``example``) and for editors (``json_schema``). The content kinds that use them
are in generator.content.schema; dates and times are in generator.content.datetypes, language
codes in generator.content.languagetypes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from babel.numbers import list_currencies

from generator.core.errors import did_you_mean, show
from generator.core.values import Ref
from generator.core.yamlish import describe_character, forbidden_character


class Invalid(Exception):
    """A value does not fit its type."""

    def __init__(self, message: str, expected: str = "", suggestion: str = ""):
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.suggestion = suggestion


@dataclass
class Context:
    """What a type may need to know while checking a value."""

    settings: Any = None  # generator.content.settings.Settings, once loaded


# ---------------------------------------------------------------------------
# Types


class Type:
    label = "value"  # shown in docs
    expected = "a value"  # shown in error messages
    translatable = False
    example: Any = "..."

    def coerce(self, value: Any, ctx: Context) -> Any:
        return value

    def json_schema(self) -> dict:
        return {}

    def fail(self, value: Any, suggestion: str = "") -> Invalid:
        return Invalid(f"this is not {self.expected}", self.expected, suggestion)


class Str(Type):
    """Text on one line. Calendars (.ics), contact cards (.vcf), titles and buttons hold one
    line: a new line or tab there would break the line or, in a calendar, start a new entry."""

    label = "text"
    expected = "a line of text"
    example = "..."
    multiline = False  # True for words that are paragraphs (summaries, notes)

    def __init__(self, pattern: str | None = None, expected: str | None = None, example=None):
        self.pattern = re.compile(pattern) if pattern else None
        if expected:
            self.expected = expected
        if example is not None:
            self.example = example

    def coerce(self, value, ctx):
        if isinstance(value, bool) or isinstance(value, (dict, list)) or value is None:
            raise self.fail(value)
        text = str(value).strip()
        if not text:
            raise Invalid("this is empty", self.expected, "write a value or remove the line")
        if not self.multiline:
            bad = forbidden_character(text, also="\t\n")
            if bad:
                raise Invalid(f"this must be one line of text, but it has the character "
                              f"{describe_character(bad.group())}", self.expected,
                              "write it on one line, with spaces instead of tabs")
        if self.pattern and not self.pattern.fullmatch(text):
            raise self.fail(value)
        return text

    def json_schema(self):
        schema = {"type": "string"}
        if self.pattern:
            schema["pattern"] = self.pattern.pattern
        return schema


class Word(Str):
    """Words that belong to one language (titles, summaries, descriptions)."""

    label = "words (per language)"
    expected = "text"
    translatable = True

    def __init__(self, example: str = "...", multiline: bool = False):
        super().__init__(example=example)
        self.multiline = multiline  # a paragraph: new lines and tabs are kept


class Email(Str):
    label = "e-mail address"
    expected = "an e-mail address like name@example.org"
    example = "name@example.org"

    def __init__(self):
        super().__init__(pattern=r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


class Url(Str):
    label = "web address"
    expected = "a web address starting with https:// or http://"
    example = "https://example.org/"

    def __init__(self):
        super().__init__(pattern=r"https?://[^\s]+\.[^\s]+")

    def coerce(self, value, ctx):
        try:
            return super().coerce(value, ctx)
        except Invalid as exc:
            text = value.strip() if isinstance(value, str) else ""
            # another scheme (javascript:, ftp:, mailto:...), but not a port (example.org:8080)
            scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):(?!\d)", text)
            if scheme and scheme.group(1).lower() not in ("http", "https"):
                exc.message = (f"only http:// and https:// links are allowed here, "
                               f"not a '{scheme.group(1)}:' address")
                exc.suggestion = "give the web address of the page, starting with https://"
            elif text and not text.lower().startswith("http"):
                exc.suggestion = f'add "https://" in front: "https://{text}"'
            raise


class Phone(Str):
    label = "phone number"
    expected = "a phone number like (555) 010-2000 or +1 555 010 2000"
    example = "(555) 010-2000"

    def __init__(self):
        super().__init__(pattern=r"\+?[0-9 ().\-]{7,20}(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?")


class Slug(Str):
    label = "identifier"
    expected = "lower-case letters, digits and hyphens, like step-1-coordinator"
    example = "step-1-hire-coordinator"

    def __init__(self):
        super().__init__(pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Bool(Type):
    label = "true or false"
    expected = "true or false"
    example = True

    def coerce(self, value, ctx):
        if isinstance(value, bool):
            return value
        words = {"yes": True, "si": True, "sí": True, "no": False}
        suggestion = ""
        if isinstance(value, str) and value.strip().lower() in words:
            suggestion = f"write {'true' if words[value.strip().lower()] else 'false'}"
        raise self.fail(value, suggestion)

    def json_schema(self):
        return {"type": "boolean"}


class Int(Type):
    label = "whole number"
    example = 1

    def __init__(self, minimum: int | None = None, maximum: int | None = None, example: int = 1):
        self.minimum, self.maximum, self.example = minimum, maximum, example
        rng = ""
        if minimum is not None and maximum is not None:
            rng = f" from {minimum} to {maximum}"
        elif minimum is not None:
            rng = f" of at least {minimum}"
        self.expected = f"a whole number{rng}"

    def coerce(self, value, ctx):
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(value)
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            raise self.fail(value)
        return value

    def json_schema(self):
        schema = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


class Money(Type):
    label = "amount"
    expected = "an amount of money written as a plain number, like 17100000 or 2500.50"
    example = 17100000
    MAXIMUM = Decimal(10) ** 15  # more than any grant; larger numbers are typing mistakes

    def coerce(self, value, ctx):
        if isinstance(value, bool):
            raise self.fail(value)
        if isinstance(value, (int, float)):
            value = str(value)
        if isinstance(value, str):
            cleaned = value.strip()
            try:
                amount = Decimal(cleaned)
            except InvalidOperation:
                digits = re.sub(r"[^0-9.]", "", cleaned)
                hint = f"write {digits} (no currency sign or separators)" if digits else ""
                raise self.fail(value, hint) from None
            if not amount.is_finite():
                raise Invalid(f"{show(value)} is not an amount of money", self.expected,
                              "write the amount awarded as digits, like 250000")
            if amount < 0 or amount > self.MAXIMUM:
                raise Invalid(f"an amount must be from 0 to {self.MAXIMUM:,}", self.expected,
                              "check the number of digits")
            if amount != amount.quantize(Decimal("0.01")):
                raise Invalid("an amount has at most two digits after the point (cents)",
                              self.expected, "round it to the cent, like 2500.50")
            return amount
        raise self.fail(value)

    def json_schema(self):
        return {"type": ["number", "string"]}


class Currency(Str):
    label = "currency code"
    expected = "a three-letter currency code like USD"
    example = "USD"

    def coerce(self, value, ctx):
        text = super().coerce(value, ctx).upper()
        if text not in list_currencies():
            raise self.fail(value, did_you_mean(text, list_currencies()))
        return text


class Choice(Str):
    """One of a fixed list, or of a list that site settings define."""

    label = "one of a list"

    def __init__(self, choices: list[str] | Callable[[Context], list[str]], example: str | None = None,
                 source: str = ""):
        super().__init__()
        self._choices = choices
        self.source = source
        self.example = example or (choices[0] if isinstance(choices, list) else "...")

    def choices(self, ctx: Context) -> list[str]:
        return self._choices(ctx) if callable(self._choices) else list(self._choices)

    def describe(self) -> str:
        if callable(self._choices):
            return f"one of the {self.source}"
        return "one of: " + ", ".join(self._choices)

    def coerce(self, value, ctx):
        text = super().coerce(value, ctx)
        choices = self.choices(ctx)
        if text not in choices:
            if not callable(self._choices):
                raise Invalid(f"{show(text)} is not a known choice", self.describe(),
                              did_you_mean(text, choices))
            # A list the settings define: staff may mean to add to it, so say where it is.
            raise Invalid(f"{show(text)} is not a known choice", f"one of: {', '.join(choices)}",
                          "; ".join(filter(None, (did_you_mean(text, choices),
                                                  f"or add it to the {self.source}"))))
        return text

    def json_schema(self):
        if callable(self._choices):
            return {"type": "string"}
        return {"type": "string", "enum": list(self._choices)}


class RefType(Str):
    """A reference to another item by its slug (its file name without .md)."""

    label = "reference"

    def __init__(self, collection: str):
        super().__init__()
        self.collection = collection
        self.expected = f"the file name (without .md) of an item in content/<language>/{collection}/"
        self.label = f"reference to {collection}"
        self.example = "..."

    def coerce(self, value, ctx):
        return Ref(self.collection, super().coerce(value, ctx))


class ListOf(Type):
    def __init__(self, item: Type, example: list | None = None):
        self.item = item
        self.translatable = item.translatable
        self.label = f"list of {item.label}"
        self.expected = f"a list (lines starting with '- ') of {item.expected}"
        self.example = example if example is not None else [item.example]

    def coerce(self, value, ctx):
        # Item-level checks happen in generator.content.merge, which knows each line.
        if not isinstance(value, list):
            raise Invalid("this is not a list", self.expected,
                          "put each entry on its own line starting with '- '")
        return value

    def json_schema(self):
        return {"type": "array", "items": self.item.json_schema()}


class OneOrList(Type):
    """One value, or a list of values of the same type (always read as a list)."""

    def __init__(self, item: Type, example: Any = None):
        self.item = item
        self.label = f"{item.label}, or a list of them"
        self.expected = f"{item.expected}, or a list of those (lines starting with '- ')"
        self.example = example if example is not None else item.example

    def coerce(self, value, ctx):
        values = value if isinstance(value, list) else [value]
        if not values:
            raise Invalid("this list is empty", self.expected, "write a value or remove the line")
        out = []
        for i, v in enumerate(values):
            try:
                out.append(self.item.coerce(v, ctx))
            except Invalid as exc:
                if isinstance(value, list):
                    exc.message = f"entry {i + 1}: {exc.message}"
                raise
        return out

    def json_schema(self):
        return {"anyOf": [self.item.json_schema(), {"type": "array", "items": self.item.json_schema()}]}


class Obj(Type):
    """A group of named fields. ``shorthand`` lets a plain value stand for its main field."""

    label = "group of fields"

    def __init__(self, fields: list["Field"], shorthand: str | None = None, pair_by: str | None = None):
        self.fields = {f.name: f for f in fields}
        self.shorthand = shorthand
        self.pair_by = pair_by
        self.translatable = all(f.type.translatable for f in fields)
        self.expected = "a group of fields: " + ", ".join(self.fields)

    @property
    def example(self):
        return {f.name: f.example for f in self.fields.values() if f.required or f.in_example}

    def coerce(self, value, ctx):
        if self.shorthand and not isinstance(value, (dict, list)) and value is not None:
            value = {self.shorthand: value}
        if not isinstance(value, dict):
            raise Invalid("this is not a group of fields", self.expected,
                          "indent the fields below this one by two spaces")
        return value

    def json_schema(self):
        props = {name: f.json_schema() for name, f in self.fields.items()}
        schema = {"type": "object", "properties": props, "additionalProperties": False,
                  "required": [f.name for f in self.fields.values() if f.required]}
        if self.shorthand:
            return {"anyOf": [props[self.shorthand], schema]}
        return schema


# ---------------------------------------------------------------------------
# Fields and content types


@dataclass
class Field:
    name: str
    type: Type
    help: str
    required: bool = False
    default: Any = None
    in_example: bool = True  # written out by ``portal new``
    per_language: bool = False  # a fact that each language states for itself

    @property
    def example(self):
        return self.type.example

    @property
    def translatable(self) -> bool:
        return self.type.translatable

    def json_schema(self) -> dict:
        schema = dict(self.type.json_schema())
        schema["description"] = self.help
        return schema
