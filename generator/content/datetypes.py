"""Field types for dates, times and time zones."""
from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from generator.content.fieldtypes import Invalid, Str, Type
from generator.core.errors import did_you_mean


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
