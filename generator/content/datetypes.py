"""Field types for dates, times and time zones."""
from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from generator.content.fieldtypes import Invalid, Str, Type
from generator.core.errors import did_you_mean
from generator.core.values import Month

# Dates staff may write. Far-off years are typing mistakes, and near year 1 or 9999 the
# conversions between time zones that calendars and feeds make overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def _in_range(value: date, written: object, expected: str) -> date:
    """``value`` if its year is between FIRST_YEAR and LAST_YEAR, else Invalid."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise Invalid(f"{str(written).strip()} is not between the years {FIRST_YEAR} and {LAST_YEAR}",
                      expected, "check the year")
    return value


class DateType(Type):
    label = "date (YYYY-MM-DD)"
    expected = "a date written YYYY-MM-DD, like 2026-12-03"
    example = "2026-12-03"

    def coerce(self, value, ctx):
        if isinstance(value, date) and not isinstance(value, datetime):
            return _in_range(value, value, self.expected)
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise self.fail(value)
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError:
            raise Invalid(_impossible(value), self.expected, "check the month and the day") from None
        return _in_range(parsed, value, self.expected)

    def json_schema(self):
        return {"type": "string", "format": "date"}


class DateOrMonth(DateType):
    """A full date, or only a month ("2024-05") when the day is not known or not public, so that
    nobody has to invent a day. The month is kept as a :class:`Month` and shown as "May 2024"."""

    label = "date (YYYY-MM-DD) or month (YYYY-MM)"
    expected = "a date written YYYY-MM-DD, like 2024-05-20, or a month written YYYY-MM, like 2024-05"
    example = "2024-05-20"

    def coerce(self, value, ctx):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value.strip()):
            year, month = (int(part) for part in value.strip().split("-"))
            if not 1 <= month <= 12:
                raise Invalid(f"{value.strip()} is not a real month", self.expected,
                              "check the month: 01 to 12")
            return _in_range(Month(year, month, 1), value, self.expected)
        return super().coerce(value, ctx)

    def json_schema(self):
        return {"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"}


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
            return _in_range(value, value, self.expected)
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
        _in_range(parsed, value, self.expected)
        if off:
            off = "+00:00" if off == "Z" else (off if ":" in off else off[:3] + ":" + off[3:])
            try:
                parsed = datetime.fromisoformat(parsed.isoformat() + off)
            except ValueError:
                raise Invalid(f"{off} is not a real offset from UTC", self.expected,
                              "leave the offset out to use the time zone, or write one like -08:00"
                              ) from None
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


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    """The names of the time zone database (read once: listing it walks a folder tree)."""
    return frozenset(available_timezones())


class TimeZoneType(Str):
    """A name from the time zone database. Only listed names are tried, so a long or odd name
    never reaches the file system (ZoneInfo would raise OSError or ValueError for it)."""

    label = "time zone"
    expected = "a time zone name like America/Los_Angeles"
    example = "America/Los_Angeles"

    def coerce(self, value, ctx):
        text = super().coerce(value, ctx)
        if text in _zone_names():
            try:
                ZoneInfo(text)
                return text
            except (ZoneInfoNotFoundError, ValueError, OSError):
                pass
        raise self.fail(value, did_you_mean(text[:80], _zone_names()))
