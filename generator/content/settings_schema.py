"""Every setting of ``portal.yml``, declared once.

``SETTINGS`` checks the file (generator.content.settings), and documents it: ``portal schema
settings`` (text and JSON Schema), the staff guide's "Site settings" section and the commented
``portal.yml`` of ``portal init``. To add a setting, add one :class:`Setting` to ``SETTINGS``
(with a ``parse`` function when the checked value needs turning into something else); it is
then ``settings.<name>`` everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any

from babel import Locale, UnknownLocaleError

from generator.content.colours import WHITE, Colour, brand_problem, contrast, ratio
from generator.content.datetypes import TimeZoneType
from generator.content.fieldtypes import Email, Int, Invalid, Phone, Str, Url
from generator.content.languagetypes import LanguageCode
from generator.content.settings_types import (
    Clock,
    Entries,
    Group,
    Items,
    Localized,
    Reader,
    Setting,
)
from generator.content.vocabularies import VocabularyType, default_vocabulary
from generator.core.errors import did_you_mean, show
from generator.core.icons import icon_names

MAX_FILE_BYTES = 1_000_000  # the default largest content file: a long page is ~50 KB


@dataclass
class Language:
    code: str
    name: str  # the language's own name for itself, e.g. "Español"
    locale: str | None = None  # how dates, numbers and money are written, e.g. es_US


@dataclass
class Service:
    id: str
    label: dict[str, str]
    icon: str


@dataclass(frozen=True)
class ImageSettings:
    """How photos are checked and processed (the ``images:`` settings)."""

    max_bytes: int = 15_000_000  # a photo file larger than this is refused
    widths: tuple[int, ...] = (480, 960, 1600)  # published widths, in pixels
    quality: int = 80  # WebP and JPEG quality, 1-100


@dataclass(frozen=True)
class MeetingTimes:
    """When a meeting plausibly takes place (the ``meeting_times:`` settings).

    A time outside these is far more often a slip (5:30 written for 17:30) than a real
    meeting, and families would act on it, so ``portal check`` stops on it unless the
    meeting says ``unusual_time: true``."""

    earliest: time = time(7, 0)  # no meeting starts before this, local time
    latest: time = time(21, 0)  # nor after this
    longest_hours: int = 6  # nor lasts longer than this


class FormattingLocale(Str):
    """A Babel locale such as es_US: how a language writes dates, numbers and money."""

    label = "formatting locale"
    expected = "a locale like es_US or en_US (language_COUNTRY)"
    example = "es_US"

    def coerce(self, value, ctx):
        text = super().coerce(value, ctx).replace("-", "_")
        try:
            Locale.parse(text)
        except (UnknownLocaleError, ValueError):
            raise self.fail(value, "use the language code, an underscore and the country, "
                                   "like es_US") from None
        return text


# -- parsing: the checked values as Settings holds them -----------------------------------------


def _languages(values: list[dict], reader: Reader, key: tuple) -> list[Language]:
    """The site's languages; texts per language are checked against them from here on."""
    reader.languages = [Language(v["code"], v["name"], v.get("locale")) for v in values
                        if v.get("code") and v.get("name")]
    reader.default = reader.codes[0] if reader.codes else "en"
    return reader.languages


def _default_language(code: str, reader: Reader, key: tuple) -> str:
    if reader.codes and code not in reader.codes:
        reader.err(key, f"'{code}' is not one of the site's languages",
                   expected="one of: " + ", ".join(reader.codes), found=show(code),
                   suggestion=did_you_mean(code, reader.codes))
    reader.default = code
    return code


def _site_url(url: str, reader: Reader, key: tuple) -> str:
    return url.rstrip("/") + "/"


def _services(values: dict, reader: Reader, key: tuple) -> dict[str, Service]:
    return {sid: Service(sid, v["label"] or {}, v["icon"]) for sid, v in values.items()
            if v.get("icon") and v.get("label") is not None}


def _colour(colour: str, reader: Reader, key: tuple) -> str | None:
    """The district's colour, refused when white text on it (the header, buttons) is hard to read."""
    problem = brand_problem(colour)
    if problem:
        reader.err(key, problem.message, expected=problem.expected,
                   found=f"{show(colour)} (contrast {ratio(contrast(WHITE, colour))} with white text)",
                   suggestion=problem.suggestion)
        return None
    return colour


def _widths(values: list[int], reader: Reader, key: tuple) -> tuple[int, ...]:
    return tuple(sorted(set(values)))


def _images(values: dict, reader: Reader, key: tuple) -> ImageSettings:
    return ImageSettings(**{k: v for k, v in values.items() if v is not None})


def _meeting_times(values: dict, reader: Reader, key: tuple) -> MeetingTimes:
    times = MeetingTimes(**{k: v for k, v in values.items() if v is not None})
    if times.latest <= times.earliest:
        reader.err(key + ("latest",), "the latest start time is not after the earliest",
                   expected=f"a time after {times.earliest:%H:%M}", found=f"{times.latest:%H:%M}",
                   suggestion="use the 24-hour clock: 9 pm is 21:00")
    return times


class Icon(Str):
    """The name of one of the theme's icons (the files in themes/portal/icons/)."""

    label = "icon name"
    example = "service"

    @property
    def expected(self):
        return "one of the theme's icons: " + ", ".join(icon_names())

    def coerce(self, value, ctx):
        text = super().coerce(value, ctx)
        if text not in icon_names():
            raise Invalid(f"{show(value)} is not an icon of the theme", self.expected,
                          did_you_mean(text, icon_names())
                          + " (icons are the files in themes/portal/icons/)")
        return text


# -- the settings --------------------------------------------------------------------------------

LANGUAGE = Group([
    Setting("code", LanguageCode(), "The language's code (ISO 639), like en, es or mix.",
            required=True, example="en"),
    Setting("name", Str(example="English"), "The language's name in itself, like Español.",
            required=True, example="English"),
    Setting("locale", FormattingLocale(), "How dates, numbers and money are written in this language, "
            "like es_US (default: the language as written in the site's country, when known)."),
], noun="a field of a language", missing="each language needs a code and a name")

SERVICE = Group([
    Setting("label", Localized(
        missing="the service '{entry}' has no label in '{code}': pages in that language show the "
                "default language's label",
        suggestion="add '{code}: ...' with the service's name in that language"),
        "The service's name in each language.", required=True,
        example={"en": "Food pantry", "es": "Despensa de alimentos"}),
    Setting("icon", Icon(), "The icon shown with it: a file name in themes/portal/icons/ "
            "without .svg.", required=True, example="food"),
], noun="a field of a service", missing="the service '{entry}' has no {name}")

SETTINGS: list[Setting] = [
    Setting("district_name", Localized(
        missing="the district's name has no text in '{code}': pages in that language show it in "
                "the default language, marked as such",
        suggestion="add '{code}: ...' with the district's name in that language"),
        "The district's name in each language.", required=True,
        example={"en": "REPLACE with your district's name",
                 "es": "REEMPLACE con el nombre de su distrito"}),
    Setting("site_url", Url(), "The public address of the site, like https://schools.example.org/.",
            required=True, example="https://replace-with-your-site.example.org/", parse=_site_url),
    Setting("languages", Items(LANGUAGE, "languages (code and name)"),
            "The site's languages, first the default.", required=True,
            example=[{"code": "en", "name": "English"}, {"code": "es", "name": "Español"}],
            parse=_languages),
    Setting("default_language", LanguageCode(), "The language served at / (default: the first "
            "language).", default=lambda reader: reader.default, example="en",
            parse=_default_language),
    Setting("country", Str(pattern=r"[A-Z]{2}", expected="a two-letter country code like US",
                           example="US"),
            "The district's country (ISO 3166, like US): dates, numbers and money are written as "
            "there (es as es_US: $17,100,000) unless a language gives its own locale.", default="US"),
    Setting("language_names", Entries(Localized(), "language", id_type=LanguageCode()),
            "Names of languages that the formatting library does not name in every site "
            "language (Mixtec, Triqui, Zapotec...): a code, then its name per language.",
            default={}, example={"mix": {"en": "Mixtec", "es": "Mixteco"}}),
    Setting("timezone", TimeZoneType(), "The district's time zone, like America/Los_Angeles.",
            required=True, example="America/Los_Angeles"),
    Setting("contact", Group([
        Setting("email", Email(), "The district office's e-mail address.", required=True,
                example="replace-me@example.org"),
        Setting("phone", Phone(), "The district office's phone number.", required=True,
                example="(555) 010-0000"),
        Setting("address", Str(), "The district office's postal address.", required=True,
                example="REPLACE with the district office's address"),
    ], noun="a contact field", missing="the contact {name} is missing"),
        "The district office's e-mail, phone and address.", required=True),
    Setting("notice_hours", Group([
        Setting("regular", Int(0, 24 * 30, example=72), "Hours of notice for a regular meeting.",
                default=72),
        Setting("special", Int(0, 24 * 30, example=24), "Hours of notice for a special meeting.",
                default=24),
    ], noun="a kind of meeting"), "Hours of notice for regular and special meetings."),
    Setting("colour", Colour(), "The district's colour, in quotes, like \"#0b5d5b\": the header, "
            "buttons, links, the focus ring and the sharing cards take it or a shade of it. White "
            "text must be readable on it (contrast 4.5:1).", default="#0b5d5b", parse=_colour,
            empty=Invalid("the colour is empty: in portal.yml a # starts a comment, so a colour "
                          "written without quotes is read as nothing", Colour.expected,
                          'put the colour in quotes: colour: "#0b5d5b"')),
    Setting("news_per_page", Int(1, 100, example=10),
            "How many posts each page of the news listing shows (10 if left out).", default=10),
    Setting("max_file_bytes", Int(1_000, 100_000_000, example=MAX_FILE_BYTES),
            "The largest content file accepted, in bytes (1000000, 1 MB, if left out).",
            default=MAX_FILE_BYTES),
    Setting("services", Entries(SERVICE, "a service"),
            "The services vocabulary: id, label per language, icon.", required=True,
            example={"food_pantry": SERVICE.example}, parse=_services),
    Setting("images", Group([
        Setting("max_bytes", Int(10_000, 500_000_000, example=15_000_000),
                "The largest photo file accepted, in bytes (like 15000000 for 15 MB).",
                default=15_000_000),
        Setting("widths", Items(Int(16, 6000, example=960), "widths in pixels",
                                example=[480, 960, 1600]),
                "The widths published for each photo, in pixels (like [480, 960, 1600]).",
                default=(480, 960, 1600), parse=_widths),
        Setting("quality", Int(30, 100, example=80), "WebP and JPEG quality, from 30 to 100.",
                default=80),
    ], noun="an image setting"), "How photos are processed: max_bytes, widths, quality.",
        parse=_images),
    Setting("meeting_times", Group([
        Setting("earliest", Clock("07:00"), "The earliest start time (24-hour clock; 07:00 if left out).",
                example="07:00"),
        Setting("latest", Clock("21:00"), "The latest start time (24-hour clock; 21:00 if left out).",
                example="21:00"),
        Setting("longest_hours", Int(1, 24, example=6), "The longest a meeting lasts, in whole "
                "hours.", default=6),
    ], noun="a meeting time setting"), "When meetings plausibly take place: earliest, latest "
        "(start times) and longest_hours.", parse=_meeting_times),
    Setting("meeting_groups", VocabularyType("meeting_groups"),
            "The kinds of gathering a meeting can be (a meeting's group): id, label per language, "
            "in the order pages show them. Left out: the built-in list.",
            default=default_vocabulary("meeting_groups")),
    Setting("council_kinds", VocabularyType("council_kinds"),
            "The kinds of council or team (a council file's kind): id, label per language. Left "
            "out: the built-in list.", default=default_vocabulary("council_kinds")),
    Setting("grant_kinds", VocabularyType("grant_kinds"),
            "The kinds of grant (a grant's kind): id, label per language. Left out: the built-in "
            "list.", default=default_vocabulary("grant_kinds")),
    Setting("milestone_steps", VocabularyType("milestone_steps"),
            "The steps a grant's milestones belong to (a milestone's step), in order: id, label "
            "and short label per language. Left out: California's four implementation steps.",
            default=default_vocabulary("milestone_steps")),
]

ROOT = Group(SETTINGS, noun="a setting", missing="the required setting '{name}' is missing",
             first=("languages", "default_language"))
