"""``portal new``: start content files from the schema, every field present and explained.

The front-matter is written from generator.content.schema (field names, help and
expected values become comments), so the scaffold never drifts from what
``portal check`` accepts. Facts are written in the default language's file;
the other languages' files get the words to translate, with the facts listed
as comments that point at the default file. Fields left blank count as
absent; groups that cannot be left half-filled (like ``online``, whose
``url`` is required) are written commented out, ready to uncomment.
"""
from __future__ import annotations

import json
import os
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from generator.content.datetypes import DateTimeType, TimeOrDateTime
from generator.content.fieldtypes import (
    Choice,
    Context,
    Field,
    Invalid,
    ListOf,
    Obj,
    OneOrList,
    Type,
)
from generator.content.loader import SLUG
from generator.content.rules import english_name as _english_name
from generator.content.schema import (
    MEETING,
    MEETING_KINDS,
    TRANSLATION_FIELD,
    ContentType,
)
from generator.content.settings import SETTINGS_FILE, load_settings
from generator.core import yamlish
from generator.core.errors import PortalError, Problems, did_you_mean
from generator.core.safe_files import check_inside, create_new

class ScaffoldError(PortalError):
    pass


# -- YAML lines from the schema ---------------------------------------------------------


def _has_words(type_: Type) -> bool:
    if type_.translatable:
        return True
    if isinstance(type_, (ListOf, OneOrList)):
        return _has_words(type_.item)
    if isinstance(type_, Obj):
        return any(_has_words(f.type) for f in type_.fields.values())
    return False


def _expected(type_: Type) -> str:
    if isinstance(type_, Choice) and not callable(type_._choices):
        return type_.describe()
    return type_.expected


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, time):
        return f'"{value:%H:%M}"'
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if re.fullmatch(r"[a-z][a-z0-9_-]*", text) and text not in ("true", "false", "null"):
        return text  # identifiers and choices, as staff would write them
    return json.dumps(text, ensure_ascii=False)


def _example_lines(type_: Type, value: Any, indent: str) -> list[str]:
    """A value as YAML lines (for commented-out examples and filled lists)."""
    if isinstance(type_, Obj):
        if type_.shorthand and not isinstance(value, dict):  # "food_pantry" for {id: food_pantry}
            value = {type_.shorthand: value}
        lines = []
        for name, f in type_.fields.items():
            if name in value:
                lines.extend(_value_lines(f, value[name], indent))
        return lines
    return [f"{indent}{_scalar(value)}"]


def _value_lines(f: Field, value: Any, indent: str) -> list[str]:
    if isinstance(f.type, ListOf):
        lines = [f"{indent}{f.name}:"]
        for entry in value:
            sub = _example_lines(f.type.item, entry, indent + "    ")
            lines.append(f"{indent}  - {sub[0].strip()}")
            lines.extend(sub[1:])
        return lines
    if isinstance(f.type, Obj):
        return [f"{indent}{f.name}:"] + _example_lines(f.type, value, indent + "  ")
    return [f"{indent}{f.name}: {_scalar(value)}"]


def field_lines(f: Field, values: dict, indent: str, *, facts_in: str | None = None,
                commented: bool = False) -> list[str]:
    """Lines for one field: a comment explaining it, then the field (blank, filled or commented).

    ``facts_in``: this file is a translation; facts are left to that (default-language) file.
    """
    flags = " (required)" if f.required else ""
    kind = "words in this file's language" if f.translatable else (
        "per language" if f.per_language else "")
    comment = [f"{indent}# {f.name}{flags}: {f.help}",
               f"{indent}#   {_expected(f.type)}" + (f"; {kind}" if kind else "")]
    value = values.get(f.name)
    is_group = isinstance(f.type, Obj)
    if facts_in and not (f.translatable or f.per_language) and not (is_group and _has_words(f.type)) \
            and not (isinstance(f.type, ListOf) and _has_words(f.type)):
        return [f"{indent}# {f.name}: a fact, written once in {facts_in}"]

    def c(line: str) -> str:
        return line if not commented else indent + "# " + line[len(indent):]

    if is_group:
        sub_values = value or {}
        required = [s for s in f.type.fields.values() if s.required]
        live = not commented and (not required or all(sub_values.get(s.name) is not None
                                                      for s in required))
        if facts_in:
            live = live and all(s.translatable or s.per_language or isinstance(s.type, Obj)
                                for s in required)
        lines = comment + [c(f"{indent}{f.name}:")]
        for sub in f.type.fields.values():
            lines.extend(field_lines(sub, sub_values, indent + "  ", facts_in=facts_in,
                                     commented=commented or not live))
        return lines
    if isinstance(f.type, ListOf):
        if value:
            return comment + [c(line) for line in _value_lines(f, value, indent)]
        example = f.type.example if isinstance(f.type.example, list) and f.type.example else []
        if not example and isinstance(f.type.item, Obj):
            example = [f.type.item.example]
            if facts_in:  # a translation repeats each entry's words only
                example = [{k: v for k, v in example[0].items() if _has_words(f.type.item.fields[k].type)}]
        lines = comment + [c(f"{indent}{f.name}:")]
        if example:
            lines.append(f"{indent}#   for example:")
            shown = _value_lines(f, example, "")[1:]
            lines.extend(f"{indent}#   {line}" for line in shown)
        return lines
    return comment + [c(f"{indent}{f.name}: {_scalar(value)}" if value is not None else f"{indent}{f.name}:")]


def front_matter(ctype: ContentType, values: dict, *, facts_in: str | None = None,
                 intro: list[str] = ()) -> str:
    lines = ["---"] + [f"# {line}" if line else "#" for line in intro]
    for f in ctype.fields:
        if f is TRANSLATION_FIELD:
            continue  # written by 'portal translations mark', never by hand
        lines.append("")
        lines.extend(field_lines(f, values, "", facts_in=facts_in))
    lines += ["---", ""]
    return "\n".join(lines)


# -- portal new meeting ------------------------------------------------------------------


def _schools(content: Path) -> dict[str, Path]:
    found = {}
    if content.is_dir():
        for lang_dir in sorted(content.iterdir()):
            for path in sorted((lang_dir / "schools").rglob("*.md")) if (lang_dir / "schools").is_dir() else []:
                found.setdefault(path.stem, path)
    return found


def _read(p: Path) -> dict:
    """A content file's front-matter, or nothing if it cannot be read."""
    import frontmatter

    try:
        head, _ = frontmatter.YAMLHandler().split(p.read_text(encoding="utf-8"))
        data, _ = yamlish.load(head)
        return data if isinstance(data, dict) else {}
    except Exception:  # an unreadable file: portal check reports it; the scaffold just skips
        return {}


def _school_values(path: Path, settings) -> dict:
    """The coordinator of a school (name, e-mail, phone), for the accommodations contact."""
    school = _read(path)
    coordinator = school.get("coordinator")
    if not coordinator:
        return {}
    for person in settings.content_dir.glob(f"*/people/**/{coordinator}.md"):
        data = _read(person)
        if data.get("name"):
            return {k: data[k] for k in ("name", "email", "phone") if data.get(k)}
    return {}


def _check_end(start: datetime, end: time | datetime, timezone: str) -> None:
    """--end must come after --start, within a day (the rules 'portal check' applies), in real time."""
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(timezone)
    aware = lambda d: d if d.tzinfo else d.replace(tzinfo=tz)  # noqa: E731
    first = aware(start)
    last = datetime.combine(first.date(), end, tzinfo=first.tzinfo) if isinstance(end, time) else aware(end)
    hours = (last.astimezone(ZoneInfo("UTC")) - first.astimezone(ZoneInfo("UTC"))).total_seconds() / 3600
    if hours <= 0:
        raise ScaffoldError(f"--end: the meeting would end ({last:%Y-%m-%d %H:%M}) before it starts "
                            f"({first:%Y-%m-%d %H:%M}); give an end after the start, on the 24-hour "
                            "clock (7 pm is 19:00), or a date and time for a meeting that ends the next day")
    if hours > 24:
        raise ScaffoldError(f"--end: the meeting would last more than a day ({first:%Y-%m-%d %H:%M} to "
                            f"{last:%Y-%m-%d %H:%M}); check the end date")


def _councils(content: Path) -> dict[str, tuple[str | None, str | None]]:
    """Every council's file name, with its school and kind (from the first file that gives them)."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for path in sorted(content.glob("*/councils/**/*.md")) if content.is_dir() else []:
        data = _read(path)
        school, kind = found.get(path.stem, (None, None))
        found[path.stem] = (school or data.get("school"), kind or data.get("kind"))
    return found


def _body(content: Path, body: str | None, school: str | None) -> tuple[str, str | None]:
    """(body, its school): --body as given, else the school's site advisory council (the
    district council without --school)."""
    councils = _councils(content)
    if body is not None:
        if body not in councils:
            hint = did_you_mean(body, councils) or "there are no councils in content/<language>/councils/ yet"
            raise ScaffoldError(f"--body: there is no council called '{body}'; {hint}")
        if school and councils[body][0] != school:
            raise ScaffoldError(f"--school: '{body}' is not a council of {school}; leave --school out "
                                "(a body's meeting is at its body's school)")
        return body, councils[body][0]
    kind = "site_advisory_council" if school else "district_council"
    for slug, (of, k) in councils.items():
        if of == school and k == kind:
            return slug, school
    where = f"of {school}" if school else "for the district"
    raise ScaffoldError(f"there is no {kind.replace('_', ' ')} {where} in content/<language>/councils/; "
                        "give --body (a council's file name) or --group (a gathering that is not a "
                        "body's meeting), or write the council's file first (see 'portal schema council')")


def _name(values: dict, school: str | None) -> str:
    """A meeting's file name after its date: lincoln-elementary-sac, district-advisory-council,
    lincoln-elementary-family-workshop."""
    body = values.get("body")
    if body and school and body == f"{school}-site-advisory-council":
        return f"{school}-sac"
    if body:
        return body
    return "-".join(p for p in (school, values["group"].replace("_", "-")) if p)


def new_meeting(root: Path, start: str, school: str | None = None, end: str | None = None,
                group: str | None = None, kind: str = "regular", name: str | None = None,
                body: str | None = None) -> list[Path]:
    """Write content/<lang>/meetings/<name>.md for every language; return the paths written."""
    root = Path(root).resolve()
    problems = Problems()
    settings = load_settings(root, problems)
    if settings is None:
        raise ScaffoldError("portal.yml has problems; run 'portal check' first")
    ctx = Context(settings)
    try:
        starts = DateTimeType().coerce(start, ctx)
    except Invalid as exc:
        raise ScaffoldError(f"--start: expected {exc.expected}; found {start!r}"
                            + (f" ({exc.suggestion})" if exc.suggestion else "")) from None
    if end:
        try:
            ends = TimeOrDateTime().coerce(end, ctx)
        except Invalid as exc:
            raise ScaffoldError(f"--end: expected {exc.expected}; found {end!r}") from None
        _check_end(starts, ends, settings.timezone)
    else:
        finish = starts + timedelta(minutes=90)
        ends = finish.time() if finish.date() == starts.date() else finish
    if kind not in MEETING_KINDS:
        raise ScaffoldError(f"--kind: '{kind}' is not a kind of meeting; use regular or special")
    schools = _schools(settings.content_dir)
    if school and school not in schools:
        hint = did_you_mean(school, schools) or "there are no schools in content/<language>/schools/ yet"
        raise ScaffoldError(f"--school: there is no school called '{school}'; {hint}")
    values: dict[str, Any] = {"kind": kind, "start": starts, "end": ends, "status": "scheduled",
                              "location": {}}
    if group:
        groups = settings.meeting_groups.ids
        if group not in groups:
            raise ScaffoldError(f"--group: '{group}' is not one of the meeting groups of {SETTINGS_FILE} "
                                f"(meeting_groups); {did_you_mean(group, groups)} (a council's or "
                                "team's meeting takes --body instead)")
        values.update(group=group, school=school)
    else:
        body, school = _body(settings.content_dir, body, school)
        values["body"] = body
    if school:
        contact = _school_values(schools[school], settings)
        values["supports"] = {"request_days": 2}
        if contact:
            values["supports"]["accessibility_contact"] = contact
    else:
        values["supports"] = {"request_days": 2}

    if name is None:
        name = f"{starts:%Y-%m-%d}-" + _name(values, school)
    if not SLUG.fullmatch(name):
        raise ScaffoldError(f"--name: '{name}' cannot be used in a web address: use lower-case "
                            "letters, digits and hyphens")
    paths = {lang: settings.content_dir / lang / "meetings" / f"{name}.md" for lang in settings.language_codes}
    for path in paths.values():  # every file is checked before any is written
        check_inside(path, settings.content_dir)
    existing = [p for p in paths.values() if os.path.lexists(p)]
    existing += [p for p in settings.content_dir.glob(f"*/meetings/**/{name}.md") if p not in paths.values()]
    if existing:
        raise ScaffoldError("not overwriting " + ", ".join(p.relative_to(root).as_posix() for p in existing)
                            + "; choose another --name, or edit the existing files")

    default = settings.default_language
    default_rel = paths[default].relative_to(root).as_posix()
    written = []
    for lang, path in paths.items():
        if lang == default:
            intro = [f"A new meeting notice, in {_english_name(lang)}. Each field is explained above it;",
                     "a field left blank counts as absent. Lines starting with # are comments: to",
                     "use a commented-out group, remove the # in front of its lines.",
                     f"Translate the words in the other languages' files ({name}.md).",
                     "Set notice_posted when you publish. Then run 'portal check'.",
                     "To move or cancel the meeting later, see docs/staff-guide.md."]
            text = front_matter(MEETING, values, intro=intro)
        else:
            intro = [f"The {_english_name(lang)} words of the meeting notice in",
                     f"{default_rel}. Facts (dates, places, links) are written",
                     "once, in that file; write only the words here. Set notice_posted when you",
                     "publish the notice in this language."]
            text = front_matter(MEETING, {}, facts_in=default_rel, intro=intro)
        create_new(path, text.encode("utf-8"), settings.content_dir)
        written.append(path)
    return written
