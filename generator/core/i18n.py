"""Interface text and localized formatting.

Interface text lives in one message catalogue per language,
``themes/portal/messages/<lang>.yml``. Keys are nested in the files and
dotted when looked up: ``t("nav.schools")``. Dates, times, numbers and
amounts are formatted with Babel in the page's language.
"""
from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pycountry
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time, get_timezone_name
from babel.numbers import format_currency, format_decimal

from generator.core import yamlish
from generator.core.errors import PortalError
from generator.core.values import Month, Text

THEME_DIR = Path(__file__).resolve().parents[2] / "themes" / "portal"
MESSAGES_DIR = THEME_DIR / "messages"


class MissingMessage(PortalError):
    """A template asked for a message no catalogue has: a theme bug, named clearly."""


def flatten(data: dict, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in (data or {}).items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, full + "."))
        else:
            out[full] = "" if value is None else str(value)
    return out


@lru_cache(maxsize=None)
def catalogue(lang: str, messages_dir: Path = MESSAGES_DIR) -> dict[str, str]:
    path = messages_dir / f"{lang}.yml"
    if not path.exists():
        return {}
    data, _ = yamlish.load(path.read_text(encoding="utf-8"))
    return flatten(data or {})


class Messages:
    """Message lookup for one language, falling back to the default language."""

    def __init__(self, lang: str, default: str, messages_dir: Path = MESSAGES_DIR):
        self.lang = lang
        self.own = catalogue(lang, messages_dir)
        self.fallback = catalogue(default, messages_dir)

    def __call__(self, key: str, **values) -> str:
        text = self.own.get(key)
        if text is None:
            text = self.fallback.get(key)
        if text is None:
            raise MissingMessage(f"no message '{key}' in themes/portal/messages/{self.lang}.yml")
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in self.own or key in self.fallback

    def plural(self, key: str, count, **values) -> str:
        """The message for ``count`` things: ``key_one`` (or ``key_few``...) by the language's
        plural rules (Babel, CLDR) when the catalogue has it, else ``key``, the plural.
        ``count`` is passed as {count} unless given."""
        form = babel_locale(self.lang).plural_form(abs(count))
        chosen = f"{key}_{form}"
        values.setdefault("count", count)
        return self(chosen if form != "other" and chosen in self.own else key, **values)


FALLBACK_LOCALE = "en"  # for a language Babel has no data for (Mixtec): its rules and patterns


@lru_cache(maxsize=None)
def babel_locale(lang: str) -> Locale:
    """Babel's locale for a language code or locale (es, es_US, zh-Hant); for a language Babel
    does not know (any ISO 639 code is accepted, like mix), the fallback's, so nothing fails."""
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FALLBACK_LOCALE)


def _english_name(code: str) -> str | None:
    """The ISO 639 table's English name of a code (pycountry), for languages Babel does not name."""
    code = code.lower()
    found = (pycountry.languages.get(alpha_2=code) if len(code) == 2 else
             pycountry.languages.get(alpha_3=code) if len(code) == 3 else None)
    return found.name if found else None


def display_name(code: str, in_lang: str) -> str:
    """A language's name written in language ``in_lang``; the ISO table's English name (or the
    code) for a language Babel does not know."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return _english_name(code) or code
    return locale.get_display_name(babel_locale(in_lang)) or code


class Formatter:
    """Localized dates, times, numbers and amounts for one language.

    ``locale`` is the language as written in the district's country (es_US: "$17,100,000",
    "5:30 p.m.", "mar, 8 de dic"; default: the language's own conventions): it drives dates,
    times, numbers and money. The catalogue's ``format:`` patterns still say which parts a
    date shows, so every page of a language reads alike. ``names`` gives the names of
    languages Babel does not name ({code: {lang: name}})."""

    def __init__(self, lang: str, tz: tzinfo, messages: Messages, locale: str | None = None,
                 names: dict[str, dict[str, str]] | None = None):
        self.lang = lang
        self.locale = babel_locale(locale or lang)
        self.tz = tz
        self.messages = messages
        self.names = names or {}

    def _pattern(self, key: str, default: str) -> str:
        key = f"format.{key}"
        return self.messages(key) if self.messages.has(key) else default

    def local(self, value: datetime) -> datetime:
        """A date and time in the district's time zone (naive ones are already local)."""
        return value.replace(tzinfo=self.tz) if value.tzinfo is None else value.astimezone(self.tz)

    def date(self, value: date | datetime, style: str = "long") -> str:
        if isinstance(value, Month):  # known only to the month: "May 2024", "mayo de 2024"
            return self.month(value)
        if isinstance(value, datetime):
            value = self.local(value).date()
        if style in ("full", "long", "medium", "short"):
            return format_date(value, format=self._pattern(f"date_{style}", style), locale=self.locale)
        return format_date(value, format=style, locale=self.locale)

    def day(self, value: date) -> str:
        """A short day that names a meeting, 'Tue, Dec 8' or 'mar, 8 de dic' (``format.date_day`` in
        the catalogue, else Babel's weekday-month-day pattern for the language)."""
        if self.messages.has("format.date_day"):
            return format_date(value, format=self.messages("format.date_day"), locale=self.locale)
        return format_skeleton("MMMEd", value, locale=self.locale)

    def time(self, value: datetime) -> str:
        return format_time(self.local(value), format=self._pattern("time", "short"),
                           locale=self.locale)

    def month(self, value: date) -> str:
        return format_date(value, format=self._pattern("month", "LLLL y"), locale=self.locale)

    def datetime(self, value: datetime) -> str:
        return f"{self.date(value, 'full')}, {self.time(value)}"

    def tz_name(self, value: datetime) -> str:
        return get_timezone_name(self.local(value), width="long", locale=self.locale)

    def money(self, amount: Decimal, currency: str) -> str:
        pattern = self.locale.currency_formats["standard"].pattern
        if amount == amount.to_integral_value():
            pattern = pattern.replace(".00", "")
        return format_currency(amount, currency, format=pattern, locale=self.locale,
                               currency_digits=False)

    def number(self, value) -> str:
        return format_decimal(value, locale=self.locale)

    def language_name(self, code: str) -> Text:
        """A language's name in this page's language ('inglés'), knowing its own language:
        Babel's name, else the site's ``language_names``, else the ISO 639 table's English name
        (a Text in English, so pages in other languages mark it)."""
        own = babel_locale(self.lang).languages
        name = own.get(code.replace("-", "_")) or own.get(code.split("-")[0])
        if name:
            return Text(name, self.lang)
        given = self.names.get(code) or {}
        if given.get(self.lang):
            return Text(given[self.lang], self.lang)
        for lang, text in given.items():
            return Text(text, lang)
        return Text(_english_name(code) or code, "en")

    def iso(self, value: datetime) -> str:
        return value.isoformat()
