"""Small value objects produced by validation and used by the model and the theme."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date


class Text(str):
    """Words in a known language.

    ``Text`` is a ``str`` that remembers which language it is written in, so
    a template can mark an untranslated passage with the right ``lang``
    attribute (WCAG 3.1.2) wherever it is shown.
    """

    lang: str

    def __new__(cls, value: str, lang: str):
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj

    def __reduce__(self):
        return (Text, (str(self), self.lang))


@dataclass(frozen=True)
class Ref:
    """A reference to another item, resolved in the model step."""

    collection: str
    slug: str

    def __str__(self) -> str:
        return self.slug


class Month(date):
    """A date known only to the month, written "2024-05" (an award announced in May 2024).

    It is a ``date`` (its first day), so it sorts among full dates and compares with them;
    it is shown as the month ("May 2024") and written back as "2024-05"."""

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat


def last_day(value: date) -> date:
    """The last day a date may mean: a month's last day, or the date itself."""
    if isinstance(value, Month):
        return date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    return value
