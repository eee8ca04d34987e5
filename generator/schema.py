"""The content schema: the single source of truth for every content type.

Each field states its type, whether it is required and a line of help. The
same definitions drive validation and its messages (generator.merge), the
staff documentation (``portal schema``), the JSON Schema used by editors, and
the files ``portal new`` writes.

Fields come in two kinds:

* **facts** (dates, places, references, amounts, e-mails...) may be written
  once in either language's file; when both files state one they must agree.
* **words** (:class:`Word` and lists of words) belong to one language; a
  language without its own words shows another language's, marked as such.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field as dc_field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel import Locale, UnknownLocaleError
from babel.numbers import list_currencies

from .errors import did_you_mean, show
from .values import Ref


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

    settings: Any = None  # generator.settings.Settings, once loaded


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
    label = "text"
    expected = "a line of text"
    example = "..."

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
        self.multiline = multiline


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
            if amount < 0:
                raise self.fail(value)
            return amount
        raise self.fail(value)

    def json_schema(self):
        return {"type": ["number", "string"]}


class DateType(Type):
    label = "date (YYYY-MM-DD)"
    expected = "a date written YYYY-MM-DD, like 2026-12-03"
    example = "2026-12-03"

    def coerce(self, value, ctx):
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise self.fail(value)
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise Invalid(_impossible(value), self.expected, "check the month and the day") from None

    def json_schema(self):
        return {"type": "string", "format": "date"}


def _impossible(value: str) -> str:
    return f"{value.strip()} is not a real calendar date"


_DT = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?")


class DateTimeType(Type):
    """A date and time. Without an offset it is in the item's time zone."""

    label = "date and time (YYYY-MM-DD HH:MM, 24-hour)"
    expected = "a date and time written YYYY-MM-DD HH:MM (24-hour clock), like 2026-12-03 17:30"
    example = "2026-12-03 17:30"

    def coerce(self, value, ctx):
        if isinstance(value, datetime):
            return value
        if not isinstance(value, str):
            raise self.fail(value)
        m = _DT.fullmatch(value.strip())
        if not m:
            hint = ""
            if re.search(r"\b[ap]\.?m\.?\b", value, re.I):
                hint = "use the 24-hour clock: 5:30 pm is 17:30"
            raise self.fail(value, hint)
        day, hh, mm, ss, off = m.groups()
        try:
            parsed = datetime.fromisoformat(f"{day}T{int(hh):02d}:{mm}:{ss or '00'}")
        except ValueError:
            raise Invalid(
                f"{value.strip()} is not a real date and time", self.expected,
                "check the month, the day and the hour (00-23)",
            ) from None
        if off:
            off = "+00:00" if off == "Z" else (off if ":" in off else off[:3] + ":" + off[3:])
            parsed = datetime.fromisoformat(parsed.isoformat() + off)
        return parsed

    def json_schema(self):
        return {"type": "string", "pattern": _DT.pattern}


class TimeOrDateTime(DateTimeType):
    """An end time: ``19:00`` on the start's day, or a full date and time."""

    label = "time (HH:MM) or date and time"
    expected = "a time like 19:00, or a date and time like 2026-12-03 19:00"
    example = "19:00"

    def coerce(self, value, ctx):
        if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
            hh, mm = value.strip().split(":")
            try:
                return time(int(hh), int(mm))
            except ValueError:
                raise Invalid(f"{value} is not a real time", self.expected) from None
        return super().coerce(value, ctx)


class TimeZoneType(Str):
    label = "time zone"
    expected = "a time zone name like America/Los_Angeles"
    example = "America/Los_Angeles"

    def coerce(self, value, ctx):
        text = super().coerce(value, ctx)
        try:
            ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.fail(value, did_you_mean(text, available_timezones())) from None
        return text


class LanguageCode(Str):
    label = "language code"
    expected = "a language code like en, es, vi or zh-Hant"
    example = "es"

    def coerce(self, value, ctx):
        text = super().coerce(value, ctx)
        try:
            Locale.parse(text.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            names = {name.lower(): code for code, name in Locale("en").languages.items()}
            hint = ""
            if text.lower() in names:
                hint = f'write the code "{names[text.lower()]}" instead of the name'
            raise self.fail(value, hint) from None
        return text


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
            raise Invalid(
                f"{show(text)} is not a known choice",
                self.describe() if not callable(self._choices) else f"one of: {', '.join(choices)}",
                did_you_mean(text, choices),
            )
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
        # Item-level checks happen in generator.merge, which knows each line.
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


@dataclass
class ContentType:
    """One kind of content: where its files live, its fields, its pages."""

    name: str  # singular, e.g. "school"
    collection: str  # folder under content/<lang>/ and URL section, e.g. "schools"
    fields: list[Field]
    title_field: str
    body_help: str
    template: str
    list_template: str | None
    doc: str
    url_prefix: str | None = None  # defaults to the collection
    sort: Callable | None = dc_field(default=None, repr=False)

    def __post_init__(self):
        self.by_name = {f.name: f for f in self.fields}
        if self.url_prefix is None:
            self.url_prefix = self.collection

    def as_obj(self) -> Obj:
        return Obj(self.fields)

    def json_schema(self) -> dict:
        schema = self.as_obj().json_schema()
        schema["title"] = f"portal {self.name}"
        schema["description"] = self.doc
        return schema


def _services(ctx: Context) -> list[str]:
    return list(ctx.settings.services) if ctx.settings else []


IMAGE = Obj(
    [
        Field("src", Str(expected="a path to an image inside content/, like images/lincoln.jpg",
                         example="images/photo.jpg"),
              "Path to the image file, relative to the content/ folder.", required=True),
        Field("alt", Word("What the photo shows, for people who cannot see it"),
              "Describe what the photo shows (required unless decorative)."),
        Field("decorative", Bool(), "true if the image adds nothing for a screen-reader user.",
              in_example=False),
    ],
    shorthand="src",
)

ADDRESS = Obj(
    [
        Field("street", Str(example="1200 Alder Street"), "Street and number.", required=True),
        Field("city", Str(example="Valle Verde"), "City.", required=True),
        Field("state", Str(example="CA"), "State (two letters).", required=True),
        Field("postal_code", Str(pattern=r"\d{5}(-\d{4})?", expected="a ZIP code like 95301",
                                 example="95301"), "ZIP code.", required=True),
    ]
)

SCHOOL_LEVELS = ["early", "elementary", "middle", "k8", "high", "k12", "adult"]
PERSON_ROLES = ["coordinator", "manager", "principal", "family_liaison", "counselor", "nurse",
                "staff", "partner"]
MEETING_GROUPS = ["site_advisory_council", "leadership_team", "district_advisory_council",
                  "family_workshop", "community_presentation"]
MEETING_STATUSES = ["scheduled", "cancelled", "rescheduled", "postponed"]
MEETING_KINDS = ["regular", "special"]
DOCUMENT_KINDS = ["agenda", "minutes", "presentation", "flyer", "report", "other"]
GRANT_KINDS = ["planning", "implementation", "coordination", "other"]
MILESTONE_STATUSES = ["planned", "in_progress", "done"]

SCHOOL = ContentType(
    name="school",
    collection="schools",
    title_field="name",
    template="school.html",
    list_template="schools.html",
    doc="A school site: one file per school.",
    body_help="A description of the school and its community.",
    fields=[
        Field("name", Word("Lincoln Elementary School"), "The school's full name.", required=True),
        Field("short_name", Word("Lincoln"), "A short name for lists and buttons."),
        Field("level", Choice(SCHOOL_LEVELS, "elementary"), "The kind of school.", required=True),
        Field("grades", Str(expected="a grade range like TK-5 or 9-12", example="TK-5"),
              "Grades taught, like TK-5, 6-8 or 9-12.", required=True),
        Field("address", ADDRESS, "Where the school is.", required=True),
        Field("phone", Phone(), "The school office's phone number."),
        Field("website", Url(), "The school's own website."),
        Field("principal", Str(example="Ana Torres"), "The principal's name."),
        Field("coordinator", RefType("people"),
              "The community school coordinator: a person's file name, like maria-lopez."),
        Field("services", ListOf(Obj([
            Field("id", Choice(_services, "food_pantry", source="services listed in portal.yml"),
                  "A service from the list in portal.yml.", required=True),
            Field("partner", Str(example="Valle Verde Food Bank"), "The partner who provides it."),
            Field("details", Word("Open Fridays 2-4 pm"), "When, where or how to use it."),
        ], shorthand="id"), example=["food_pantry", "tutoring"]),
            "Services offered at the school (ids from portal.yml)."),
        Field("partners", ListOf(Obj([
            Field("name", Str(example="Valle Verde Food Bank"), "The partner's name.", required=True),
            Field("url", Url(), "The partner's website."),
        ], shorthand="name"), example=["Valle Verde Food Bank"]), "Partner organisations."),
        Field("photo", IMAGE, "A photo of the school.", in_example=False),
        Field("council", Obj([
            Field("name", Word("Lincoln Site Advisory Council"), "The council's name."),
            Field("schedule", Word("Second Tuesday of each month, 5:30 to 7:00 pm, in the library"),
                  "When it usually meets."),
            Field("how_to_join", Word("Any parent or caregiver can join: tell the coordinator."),
                  "How families can join."),
        ]), "The school's advisory council."),
    ],
)

PERSON = ContentType(
    name="person",
    collection="people",
    title_field="name",
    template="person.html",
    list_template="people.html",
    doc="A person: a coordinator, manager, principal or other staff member.",
    body_help="A short biography.",
    fields=[
        Field("name", Str(example="María López"), "The person's name.", required=True),
        Field("role", Choice(PERSON_ROLES, "coordinator"), "Their role.", required=True),
        Field("job_title", Word("Community School Coordinator"),
              "Their job title as they use it, if it says more than the role."),
        Field("schools", ListOf(RefType("schools"), example=["lincoln-elementary"]),
              "Schools they serve besides any they coordinate (file names)."),
        Field("email", Email(), "Work e-mail address."),
        Field("phone", Phone(), "Work phone number."),
        Field("languages", ListOf(LanguageCode(), example=["en", "es"]),
              "Languages they speak, as codes (en, es, vi...)."),
        Field("office_hours", Word("Monday to Thursday, 8:00 am to 4:00 pm, Room 12"),
              "When and where families can find them."),
        Field("photo", IMAGE, "A photo of the person.", in_example=False),
    ],
)

MEETING = ContentType(
    name="meeting",
    collection="meetings",
    title_field="title",
    template="meeting.html",
    list_template="meetings.html",
    doc="A meeting notice: one file per meeting.",
    body_help="Notes before the meeting; once held, the minutes (then set minutes: true).",
    fields=[
        Field("title", Word("December meeting"), "A short title; the group and school are added."),
        Field("group", Choice(MEETING_GROUPS, "site_advisory_council"), "Which body meets.",
              required=True),
        Field("school", RefType("schools"), "The school (leave out for district-wide meetings)."),
        Field("kind", Choice(MEETING_KINDS, "regular"),
              "regular (72 hours' notice) or special (24 hours).", default="regular"),
        Field("start", DateTimeType(), "When it starts (24-hour clock).", required=True),
        Field("end", TimeOrDateTime(), "When it ends: a time, or a date and time.", required=True),
        Field("timezone", TimeZoneType(), "Only if not the district's time zone.", in_example=False),
        Field("status", Choice(MEETING_STATUSES, "scheduled"),
              "scheduled, cancelled, rescheduled (give previous_start) or postponed.",
              default="scheduled"),
        Field("previous_start", OneOrList(DateTimeType()),
              "For a moved meeting: when it was going to start. Moved again? Make it a list of "
              "every earlier start, oldest first (each move raises the calendar SEQUENCE).",
              in_example=False),
        Field("status_note", Word("Moved because of the winter storm."),
              "Why it was cancelled, moved or postponed.", in_example=False),
        Field("location", Obj([
            Field("place", Word("School library"), "The room or building people look for."),
            Field("address", Str(example="1200 Alder Street, Valle Verde, CA 95301"),
                  "Street address (leave out to use the school's)."),
            Field("room", Word("Room 14"), "Room, if it helps."),
        ]), "Where it meets in person (leave out for online-only meetings)."),
        Field("online", Obj([
            Field("url", Url(), "Link to join.", required=True),
            Field("phone", Str(example="+1 555 010 9000"), "Phone number to join by phone."),
            Field("meeting_id", Str(example="812 555 0199"), "Meeting ID."),
            Field("passcode", Str(example="4821"), "Passcode."),
        ]), "How to take part online.", in_example=False),
        Field("agenda", ListOf(Word("Welcome and introductions"),
                               example=["Welcome and introductions", "Partner updates"]),
              "Agenda items, in order."),
        Field("supports", Obj([
            Field("interpretation", ListOf(LanguageCode(), example=["es"]),
                  "Languages interpreted at the meeting."),
            Field("childcare", Bool(), "true if childcare is provided."),
            Field("food", Bool(), "true if a meal or snacks are served."),
            Field("accessibility_contact", Obj([
                Field("name", Str(example="María López"), "Whom to ask.", required=True),
                Field("email", Email(), "Their e-mail."),
                Field("phone", Phone(), "Their phone."),
            ]), "Whom to contact for accommodations."),
            Field("request_days", Int(0, 30, example=2),
                  "How many days ahead accommodations should be asked for."),
        ]), "Help offered so everyone can take part."),
        Field("documents", ListOf(Obj([
            Field("title", Word("Agenda (PDF)"), "What the document is.", required=True),
            Field("file", Str(example="https://example.org/agenda.pdf"),
                  "A link, or a path inside content/.", required=True),
            Field("kind", Choice(DOCUMENT_KINDS, "agenda"), "agenda, minutes, presentation..."),
        ])), "Documents to download.", in_example=False),
        Field("minutes", Bool(),
              "true once the text below the front-matter holds the minutes of the meeting (the "
              "page then heads it \"Minutes\"; until then \"Notes\")."),
        Field("reinstated", Int(1, 99, example=1),
              "How many times the meeting was cancelled or postponed and then put back at the "
              "same time (each raises the calendar SEQUENCE). Add one each time; never lower it.",
              in_example=False),
        Field("notice_posted", DateTimeType(), "When this notice was published in this language.",
              per_language=True),
    ],
)

GRANT = ContentType(
    name="grant",
    collection="grants",
    title_field="name",
    template="grant.html",
    list_template="grants.html",
    doc="A grant award and its milestones.",
    body_help="What the grant pays for and why it matters.",
    fields=[
        Field("name", Word("Community Schools Implementation Grant"), "The grant's name.",
              required=True),
        Field("funder", Word("California Department of Education"), "Who awards it.",
              required=True),
        Field("programme", Str(example="CCSPP"), "The programme, like CCSPP or NMPED."),
        Field("kind", Choice(GRANT_KINDS, "implementation"), "The kind of grant.", required=True),
        Field("amount", Money(), "The amount awarded, as a plain number.", required=True),
        Field("currency", Currency(), "Currency code.", default="USD", in_example=False),
        Field("awarded", DateType(), "When the award was announced."),
        Field("period", Obj([
            Field("start", DateType(), "First day covered.", required=True),
            Field("end", DateType(), "Last day covered.", required=True),
        ]), "The period the grant covers."),
        Field("summary", Word("Five years of funding for coordinators at all six schools."),
              "One or two sentences for lists and sharing."),
        Field("schools", ListOf(RefType("schools"), example=["lincoln-elementary"]),
              "Schools the grant covers (file names)."),
        Field("milestones", ListOf(Obj([
            Field("id", Slug(), "A stable identifier; never change it.", required=True),
            Field("title", Word("Hire a coordinator at each school"), "What is to be done.",
                  required=True),
            Field("step", Int(1, 4, example=1),
                  "Implementation step: 1 structures, 2 services, 3 training, 4 practices."),
            Field("due", DateType(), "When it is due."),
            Field("completed", DateType(), "When it was done.", in_example=False),
            Field("status", Choice(MILESTONE_STATUSES, "planned"), "planned, in_progress or done.",
                  default="planned"),
            Field("school", RefType("schools"), "Only if it concerns one school.",
                  in_example=False),
        ], pair_by="id")), "Milestones, each with a stable id."),
    ],
)

NEWS = ContentType(
    name="news",
    collection="news",
    title_field="title",
    template="post.html",
    list_template="news.html",
    doc="A news post or announcement.",
    body_help="The article.",
    fields=[
        Field("title", Word("District awarded community schools grant"), "The headline.",
              required=True),
        Field("date", DateType(), "Publication date.", required=True),
        Field("author", Str(example="Ana Torres"), "Who wrote it."),
        Field("byline", Word("Guest columnist"), "The author's role, as printed under the name."),
        Field("summary", Word("One or two sentences for lists and sharing."),
              "One or two sentences for lists and sharing.", required=True),
        Field("image", IMAGE, "A featured image.", in_example=False),
        Field("schools", ListOf(RefType("schools"), example=[]), "Schools it is about."),
        Field("grants", ListOf(RefType("grants"), example=[]), "Grants it is about."),
        Field("draft", Bool(), "true to keep it off the site.", in_example=False, default=False),
    ],
)

PAGE = ContentType(
    name="page",
    collection="pages",
    title_field="title",
    template="page.html",
    list_template="pages.html",
    url_prefix="",
    doc="A free page, such as 'The four pillars' or 'How to join a council'.",
    body_help="The page's text.",
    fields=[
        Field("title", Word("How advisory councils work"), "The page title.", required=True),
        Field("summary", Word("One sentence about the page."), "One sentence for lists and sharing."),
        Field("order", Int(0, 999, example=10), "Position in the list of pages (lower first).",
              default=100),
    ],
)

# Every kind of content can record which version of the source text a translation follows.
TRANSLATION_FIELD = Field(
    "source_hash", Str(pattern=r"[0-9a-f]{6,64}", expected="a fingerprint written by "
                       "'portal translations mark'", example="3f2a9c1e7b4d"),
    "Written by 'portal translations mark' in a translation: which version of the source text "
    "it was made from. Do not edit by hand.", in_example=False, per_language=True)
for _type in (SCHOOL, PERSON, MEETING, GRANT, NEWS, PAGE):
    _type.fields.append(TRANSLATION_FIELD)
    _type.by_name[TRANSLATION_FIELD.name] = TRANSLATION_FIELD

CONTENT_TYPES: dict[str, ContentType] = {
    t.collection: t for t in (SCHOOL, PERSON, MEETING, GRANT, NEWS, PAGE)
}
