"""Site settings: ``portal.yml`` at the project root.

Settings are checked with the same types as content. Texts shown to the
public (the district's name, service labels) are given per language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from generator.content.datetypes import TimeZoneType
from generator.content.fieldtypes import (
    Context,
    Email,
    Int,
    Invalid,
    LanguageCode,
    Phone,
    Str,
    Type,
    Url,
)
from generator.content.vocabularies import Vocabulary, load_vocabulary
from generator.core import yamlish
from generator.core.errors import Problems, did_you_mean, show
from generator.core.icons import icon_names
from generator.core.values import Text

SETTINGS_FILE = "portal.yml"
SETTINGS_MAX_BYTES = 1_000_000  # portal.yml itself: read before any setting is known
MAX_FILE_BYTES = 1_000_000  # the default largest content file: a long page is ~50 KB


@dataclass
class Language:
    code: str
    name: str  # the language's own name for itself, e.g. "Español"


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


@dataclass
class Settings:
    root: Path
    district_name: dict[str, str]
    site_url: str
    languages: list[Language]
    default_language: str
    timezone: str
    contact: dict[str, str]
    notice_hours: dict[str, int]
    colour: str
    services: dict[str, Service] = field(default_factory=dict)
    images: ImageSettings = field(default_factory=ImageSettings)
    meeting_times: MeetingTimes = field(default_factory=MeetingTimes)
    news_per_page: int = 10
    max_file_bytes: int = MAX_FILE_BYTES
    meeting_groups: Vocabulary | None = None  # always set by load_settings
    grant_kinds: Vocabulary | None = None
    milestone_steps: Vocabulary | None = None

    @property
    def language_codes(self) -> list[str]:
        return [l.code for l in self.languages]

    def localized(self, value: dict[str, str], lang: str) -> Text:
        """A per-language setting in ``lang``, else in the default language (marked as such)."""
        for code in (lang, self.default_language, *value):
            if value.get(code):
                return Text(value[code], code)
        return Text("", lang)

    @property
    def content_dir(self) -> Path:
        return self.root / "content"


_FIELDS: dict[str, tuple[Type | None, bool, str]] = {
    # name: (type, required, help); None = checked by hand below
    "district_name": (None, True, "The district's name in each language."),
    "site_url": (Url(), True, "The public address of the site, like https://schools.example.org/."),
    "languages": (None, True, "The site's languages, first the default."),
    "default_language": (LanguageCode(), False, "The language served at /."),
    "timezone": (TimeZoneType(), True, "The district's time zone, like America/Los_Angeles."),
    "contact": (None, True, "The district office's e-mail, phone and address."),
    "notice_hours": (None, False, "Hours of notice for regular and special meetings."),
    "colour": (Str(pattern=r"#[0-9a-fA-F]{6}", expected="a colour like #0b5d5b"), False,
               "The district's colour for cards and the header."),
    "services": (None, True, "The services vocabulary: id, label per language, icon."),
    "images": (None, False, "How photos are processed: max_bytes, widths, quality."),
    "meeting_times": (None, False, "When meetings plausibly take place: earliest, latest (start "
                                   "times) and longest_hours."),
    "news_per_page": (Int(1, 100), False, "How many posts each page of the news listing shows (10 if left out)."),
    "max_file_bytes": (Int(1_000, 100_000_000, example=MAX_FILE_BYTES), False,
                       "The largest content file accepted, in bytes (1000000, 1 MB, if left out)."),
    "meeting_groups": (None, False, "The kinds of gathering a meeting can be: id, label per language."),
    "grant_kinds": (None, False, "The kinds of grant: id, label per language."),
    "milestone_steps": (None, False, "The steps a grant's milestones belong to, in order: id, label "
                                     "and short label per language."),
}


def load_settings(root: Path, problems: Problems) -> Settings | None:
    path = root / SETTINGS_FILE
    rel = SETTINGS_FILE
    if not path.exists():
        problems.error(rel, "the settings file is missing",
                       suggestion=f"create {SETTINGS_FILE} at the project root (see README)")
        return None
    try:
        data, lines = yamlish.load(yamlish.read_text(path, SETTINGS_MAX_BYTES))
    except yamlish.Unreadable as exc:
        problems.error(rel, exc.message, line=exc.line, found=exc.found,
                       suggestion=exc.suggestion
                       or "save it as UTF-8 in your editor (\"UTF-8\" in the save dialog)")
        return None
    except yamlish.YamlError as exc:
        problems.error(rel, f"the settings cannot be read: {exc.message}", line=exc.line,
                       field=".".join(map(str, exc.path)), suggestion=exc.suggestion)
        return None
    if not isinstance(data, dict):
        problems.error(rel, "the settings must be a list of 'name: value' lines", found=show(data))
        return None

    ctx = Context()

    def err(key: tuple, message: str, **kw):
        problems.error(rel, message, field=".".join(map(str, key)),
                       line=lines.get(key) or lines.get(key[:1]), **kw)

    def check(type_: Type, value: Any, key: tuple):
        try:
            return type_.coerce(value, ctx)
        except Invalid as exc:
            err(key, exc.message, expected=exc.expected, found=show(value),
                suggestion=exc.suggestion)
            return None

    for key in data:
        if key not in _FIELDS:
            err((key,), f"'{key}' is not a setting", expected="one of: " + ", ".join(_FIELDS),
                found=show(key), suggestion=did_you_mean(key, _FIELDS))
    for key, (type_, required, help_) in _FIELDS.items():
        if required and data.get(key) is None:
            err((key,), f"the required setting '{key}' is missing", expected=help_)

    # languages
    languages: list[Language] = []
    raw_langs = data.get("languages") or []
    if not isinstance(raw_langs, list):
        err(("languages",), "this is not a list", expected="a list of {code, name}")
        raw_langs = []
    for i, entry in enumerate(raw_langs):
        if not isinstance(entry, dict) or "code" not in entry or "name" not in entry:
            err(("languages", i), "each language needs a code and a name",
                expected="code: es, name: Español", found=show(entry))
            continue
        code = check(LanguageCode(), entry["code"], ("languages", i, "code"))
        name = check(Str(), entry["name"], ("languages", i, "name"))
        if code and name:
            languages.append(Language(code, name))
    codes = [l.code for l in languages]
    default = data.get("default_language") or (codes[0] if codes else "en")
    if codes and default not in codes:
        err(("default_language",), f"'{default}' is not one of the site's languages",
            expected="one of: " + ", ".join(codes), found=show(default),
            suggestion=did_you_mean(default, codes))

    def localized(value: Any, key: tuple) -> dict[str, str]:
        if isinstance(value, str):
            return {default: value}
        if not isinstance(value, dict):
            err(key, "this needs a text per language", expected="lines like 'en: ...' and 'es: ...'",
                found=show(value))
            return {}
        out = {}
        previous = None
        for lang, text in value.items():
            if lang not in codes:
                if text is None and previous is not None:
                    # {en: Tutoring, computers, es: ...}: the comma ended the English text, and
                    # YAML read "computers" as a key with no value.
                    before, words = previous
                    name = next((l.name for l in languages if l.code == before), before)
                    err(key + (lang,), f"'{lang}' looks like the rest of the {name} text ({before}), "
                        "cut off by a comma",
                        expected="one text per language: " + ", ".join(f"{c}: ..." for c in codes),
                        found=show(lang),
                        suggestion=f'a text with a comma needs quotes: {before}: "{words}, {lang}"')
                    continue
                err(key + (lang,), f"'{lang}' is not one of the site's languages",
                    expected="one of: " + ", ".join(codes), found=show(lang),
                    suggestion=did_you_mean(lang, codes))
                continue
            previous = (lang, text)
            checked = check(Str(), text, key + (lang,))
            if checked:
                out[lang] = checked
        if out and default not in out:
            err(key, f"the text in the default language ({default}) is missing",
                expected=f"a line '{default}: ...'")
        return out

    district_name = localized(data.get("district_name"), ("district_name",)) if data.get(
        "district_name") is not None else {}
    for code in codes:
        if district_name and code not in district_name:
            problems.warning(rel, f"the district's name has no text in '{code}': pages in that "
                             "language show it in the default language, marked as such",
                             field=f"district_name.{code}", line=lines.get(("district_name",)),
                             expected=f"a line '{code}: ...' under district_name",
                             suggestion=f"add '{code}: ...' with the district's name in that language")

    contact: dict[str, str] = {}
    raw_contact = data.get("contact") or {}
    if isinstance(raw_contact, dict):
        for key, type_ in (("email", Email()), ("phone", Phone()), ("address", Str())):
            if raw_contact.get(key) is None:
                err(("contact", key), f"the contact {key} is missing", expected=type_.expected)
                continue
            value = check(type_, raw_contact[key], ("contact", key))
            if value:
                contact[key] = value
        for key in raw_contact:
            if key not in ("email", "phone", "address"):
                err(("contact", key), f"'{key}' is not a contact field",
                    expected="email, phone or address", suggestion=did_you_mean(key, ["email", "phone", "address"]))
    else:
        err(("contact",), "this needs email, phone and address lines", found=show(raw_contact))

    notice = {"regular": 72, "special": 24}
    raw_notice = data.get("notice_hours") or {}
    if isinstance(raw_notice, dict):
        for key, value in raw_notice.items():
            if key not in notice:
                err(("notice_hours", key), f"'{key}' is not a kind of meeting",
                    expected="regular or special", suggestion=did_you_mean(key, notice))
                continue
            checked = check(Int(0, 24 * 30), value, ("notice_hours", key))
            if checked is not None:
                notice[key] = checked
    else:
        err(("notice_hours",), "this needs 'regular' and 'special' lines", found=show(raw_notice))

    services: dict[str, Service] = {}
    raw_services = data.get("services") or {}
    if not isinstance(raw_services, dict):
        err(("services",), "this needs one entry per service", expected="food_pantry: {label: ..., icon: ...}",
            found=show(raw_services))
        raw_services = {}
    known_icons = icon_names()
    for sid, entry in raw_services.items():
        key = ("services", sid)
        if not isinstance(sid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", sid):
            err(key, f"'{sid}' cannot be used as a service id",
                expected="lower-case letters, digits and underscores, like food_pantry",
                found=show(sid), suggestion=f'write it as "{_service_id(sid)}"')
            continue
        if not isinstance(entry, dict) or "label" not in entry:
            err(key, "each service needs a label per language and an icon",
                expected="label: {en: ..., es: ...} and icon: ...", found=show(entry))
            continue
        for extra in entry:
            if extra not in ("label", "icon"):
                err(key + (extra,), f"'{extra}' is not a field of a service",
                    expected="label and icon", found=show(extra),
                    suggestion=did_you_mean(extra, ["label", "icon"]))
        label = localized(entry["label"], key + ("label",))
        for code in codes:
            if label and code not in label:
                problems.warning(rel, f"the service '{sid}' has no label in '{code}': pages in that "
                                 "language show the default language's label",
                                 field=".".join(map(str, key + ("label",))),
                                 line=lines.get(key + ("label",)) or lines.get(key),
                                 expected=f"a line '{code}: ...' under label (every language of the site)",
                                 suggestion=f"add '{code}: ...' with the service's name in that language")
        icon = entry.get("icon")
        if icon is None:
            err(key + ("icon",), f"the service '{sid}' has no icon",
                expected="icon: one of the theme's icons: " + ", ".join(known_icons),
                suggestion="add a line 'icon: service' (a generic icon) or a closer match")
            continue
        if str(icon) not in known_icons:
            err(key + ("icon",), f"{show(icon)} is not an icon of the theme",
                expected="one of: " + ", ".join(known_icons), found=show(icon),
                suggestion=did_you_mean(str(icon), known_icons)
                + " (icons are the files in themes/portal/icons/)")
            continue
        services[sid] = Service(sid, label, str(icon))

    meeting_groups = load_vocabulary("meeting_groups", data, default, codes, problems, lines, localized)
    grant_kinds = load_vocabulary("grant_kinds", data, default, codes, problems, lines, localized)
    milestone_steps = load_vocabulary("milestone_steps", data, default, codes, problems, lines, localized)
    images = _image_settings(data.get("images"), err, check)
    meeting_times = _meeting_times(data.get("meeting_times"), err, check)

    values = {}
    for key in ("site_url", "timezone", "colour", "news_per_page", "max_file_bytes"):
        if data.get(key) is not None:
            values[key] = check(_FIELDS[key][0], data[key], (key,))

    if problems.errors:
        return None
    return Settings(
        root=root,
        district_name=district_name,
        site_url=values["site_url"].rstrip("/") + "/",
        languages=languages,
        default_language=default,
        timezone=values["timezone"],
        contact=contact,
        notice_hours=notice,
        colour=values.get("colour") or "#0b5d5b",
        services=services,
        images=images,
        meeting_times=meeting_times,
        news_per_page=values.get("news_per_page") or 10,
        max_file_bytes=values.get("max_file_bytes") or MAX_FILE_BYTES,
        meeting_groups=meeting_groups,
        grant_kinds=grant_kinds,
        milestone_steps=milestone_steps,
    )


def _service_id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_") or "service"


_IMAGE_FIELDS = {"max_bytes": "the largest photo file accepted, in bytes (like 15000000 for 15 MB)",
                 "widths": "the widths published for each photo, in pixels (like [480, 960, 1600])",
                 "quality": "WebP and JPEG quality, from 30 to 100"}


def _image_settings(raw: Any, err, check) -> ImageSettings:
    defaults = ImageSettings()
    if raw is None:
        return defaults
    if not isinstance(raw, dict):
        err(("images",), "this needs 'max_bytes', 'widths' and 'quality' lines",
            expected="images: with max_bytes, widths, quality", found=show(raw))
        return defaults
    for key in raw:
        if key not in _IMAGE_FIELDS:
            err(("images", key), f"'{key}' is not an image setting",
                expected="one of: " + ", ".join(_IMAGE_FIELDS), found=show(key),
                suggestion=did_you_mean(key, _IMAGE_FIELDS))
    values: dict[str, Any] = {}
    if raw.get("max_bytes") is not None:
        values["max_bytes"] = check(Int(10_000, 500_000_000, example=15_000_000), raw["max_bytes"],
                                    ("images", "max_bytes"))
    if raw.get("quality") is not None:
        values["quality"] = check(Int(30, 100, example=80), raw["quality"], ("images", "quality"))
    if raw.get("widths") is not None:
        widths = raw["widths"]
        if not isinstance(widths, list) or not widths:
            err(("images", "widths"), "this needs a list of widths", expected=_IMAGE_FIELDS["widths"],
                found=show(widths))
        else:
            checked = [check(Int(16, 6000, example=960), w, ("images", "widths", i))
                       for i, w in enumerate(widths)]
            if all(w is not None for w in checked):
                values["widths"] = tuple(sorted(set(checked)))
    return ImageSettings(**{k: v for k, v in values.items() if v is not None})


_MEETING_TIME_FIELDS = {"earliest": "the earliest start time, like 07:00 (24-hour clock)",
                        "latest": "the latest start time, like 21:00 (24-hour clock)",
                        "longest_hours": "the longest a meeting lasts, in whole hours, like 6"}
_CLOCK = Str(pattern=r"([01]?[0-9]|2[0-3]):[0-5][0-9]", expected="a time like 07:00 (24-hour clock)")


def _meeting_times(raw: Any, err, check) -> MeetingTimes:
    """The ``meeting_times:`` settings; any left out keep their defaults."""
    defaults = MeetingTimes()
    if raw is None:
        return defaults
    if not isinstance(raw, dict):
        err(("meeting_times",), "this needs 'earliest', 'latest' and 'longest_hours' lines",
            expected="meeting_times: with earliest, latest, longest_hours", found=show(raw))
        return defaults
    for key in raw:
        if key not in _MEETING_TIME_FIELDS:
            err(("meeting_times", key), f"'{key}' is not a meeting time setting",
                expected="one of: " + ", ".join(_MEETING_TIME_FIELDS), found=show(key),
                suggestion=did_you_mean(key, _MEETING_TIME_FIELDS))
    values: dict[str, Any] = {}
    for key in ("earliest", "latest"):
        if raw.get(key) is not None:
            text = check(_CLOCK, str(raw[key]), ("meeting_times", key))
            if text:
                hours, minutes = text.split(":")
                values[key] = time(int(hours), int(minutes))
    if raw.get("longest_hours") is not None:
        values["longest_hours"] = check(Int(1, 24, example=6), raw["longest_hours"],
                                        ("meeting_times", "longest_hours"))
    times = MeetingTimes(**{k: v for k, v in values.items() if v is not None})
    if times.latest <= times.earliest:
        err(("meeting_times", "latest"), "the latest start time is not after the earliest",
            expected=f"a time after {times.earliest:%H:%M}", found=f"{times.latest:%H:%M}",
            suggestion="use the 24-hour clock: 9 pm is 21:00")
    return times
