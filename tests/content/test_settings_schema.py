"""portal.yml checked from its one declaration, and the language settings (ISO 639 codes,
language names, formatting locales)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import re

import pytest

from generator.content.fieldtypes import Context, Invalid
from generator.content.languagetypes import LanguageCode
from generator.content.settings import load_settings
from generator.content.settings_schema import SETTINGS
from generator.core.errors import Problems
from generator.core.i18n import Formatter, Messages, babel_locale, display_name
from generator.core.values import Text


def without(text: str, name: str) -> str:
    """portal.yml without the top-level setting ``name`` (its line and the indented ones below)."""
    return re.sub(rf"(?m)^{name}:.*\n(?:[ #].*\n)*", "", text)


def settings_of(project, extra: str = "", replace: tuple[str, str] | None = None):
    path = project.root / "portal.yml"
    text = path.read_text(encoding="utf-8")
    if extra:
        text = without(text, extra.split(":")[0])
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path.write_text(text + extra, encoding="utf-8")
    problems = Problems()
    return load_settings(project.root, problems), problems


def only_error(problems: Problems):
    [error] = problems.errors
    return error


def test_every_setting_of_the_example_is_declared_and_read(project):
    settings, problems = settings_of(project)
    assert not problems.errors and not problems.warnings
    for s in SETTINGS:
        assert hasattr(settings, s.name), s.name
    assert settings.news_per_page == 4 and settings.max_file_bytes == 1_000_000  # given, default
    assert settings.images.widths == (480, 960, 1600)


def test_a_setting_left_out_takes_its_declared_default(project):
    (project.root / "portal.yml").write_text(without((project.root / "portal.yml").read_text(
        encoding="utf-8"), "news_per_page"), encoding="utf-8")
    settings, _ = settings_of(project)
    declared = next(s for s in SETTINGS if s.name == "news_per_page")
    assert settings.news_per_page == declared.default == 10
    assert settings.country == "US" and settings.language_names["mix"]["es"] == "Mixteco"


@pytest.mark.parametrize("extra, field, message, suggestion", [
    ("timezon: America/Denver\n", "timezon", "'timezon' is not a setting", 'did you mean "timezone"?'),
    ("notice_hours:\n  regulr: 48\n", "notice_hours.regulr", "'regulr' is not a kind of meeting",
     'did you mean "regular"?'),
    ("country: usa\n", "country", "this is not a two-letter country code like US", ""),
    ("language_names:\n  mixteco: {en: Mixtec}\n", "language_names.mixteco",
     "'mixteco' cannot be used as language id", "write the code"),
])
def test_a_wrong_setting_names_its_field_and_what_was_expected(project, extra, field, message, suggestion):
    _, problems = settings_of(project, extra)
    error = only_error(problems)
    assert error.field == field and message in error.message
    assert suggestion in (error.suggestion or "")
    assert error.line is not None


def test_a_language_locale_is_checked_and_used(project):
    _, problems = settings_of(project, replace=("name: Español", "name: Español\n    locale: es_XX"))
    assert "es_US" in only_error(problems).suggestion
    settings, problems = settings_of(project, replace=("locale: es_XX", "locale: es_ES"))
    assert not problems.errors
    assert settings.locale("es") == "es_ES" and settings.locale("en") == "en_US"


def test_by_default_languages_are_written_as_in_the_districts_country(project):
    settings, _ = settings_of(project)
    assert settings.locale("es") == "es_US"
    settings, _ = settings_of(project, "country: MX\n")
    assert settings.locale("es") == "es_MX"
    assert settings.locale("mix") == "mix"  # no data for it anywhere: formatted by the fallback


@pytest.mark.parametrize("code", ["mix", "trs", "zap", "es", "spa", "zh-Hant", "haw"])
def test_any_iso_639_code_is_a_language(code):
    assert LanguageCode().coerce(code, Context()) == code


@pytest.mark.parametrize("written, hint", [
    ("Spanish", 'write the code "es"'),
    ("Zapotec", 'write the code "zap"'),
    ("Triqui", '"trs" (Chicahuaxtla Triqui)'),
    ("esp", 'did you mean "es"?'),
    ("xq", "ISO 639"),
])
def test_an_unknown_language_code_is_refused_with_a_hint(written, hint):
    with pytest.raises(Invalid) as info:
        LanguageCode().coerce(written, Context())
    assert hint in info.value.suggestion


def formatter(lang: str, **kw) -> Formatter:
    return Formatter(lang, ZoneInfo("America/Los_Angeles"), Messages(lang, "en"), **kw)


def test_spanish_money_in_the_us_reads_as_california_readers_expect():
    assert formatter("es", locale="es_US").money(Decimal("17100000"), "USD") == "$17,100,000"
    assert formatter("es").money(Decimal("17100000"), "USD") != "$17,100,000"  # Spain's way
    assert formatter("es", locale="es_US").number(1234567) == "1,234,567"


def test_dates_and_times_follow_the_formatting_locale_too():
    evening = datetime(2026, 12, 8, 17, 30)
    us, spain = formatter("es", locale="es_US"), formatter("es", locale="es_ES")
    assert us.time(evening) == "5:30 p.m." and spain.time(evening).replace("\u202f", " ") == "5:30 p. m."
    assert us.day(evening.date()) == "mar, 8 de dic" and spain.day(evening.date()) == "mar, 8 dic"
    # the catalogue's patterns still decide what a date shows, in every country
    assert us.date(evening, "full") == spain.date(evening, "full") == "martes, 8 de diciembre de 2026"


def test_a_language_babel_does_not_name_comes_from_settings_else_the_iso_table_in_english():
    names = {"mix": {"en": "Mixtec", "es": "Mixteco"}}
    assert formatter("es", names=names).language_name("mix") == Text("Mixteco", "es")
    assert formatter("es", names=names).language_name("mix").lang == "es"
    triqui = formatter("es", names=names).language_name("trs")
    assert triqui == "Chicahuaxtla Triqui" and triqui.lang == "en"  # marked as English on the page
    spanish = formatter("es").language_name("es")
    assert spanish == "español" and spanish.lang == "es"


def test_nothing_crashes_on_a_language_babel_has_no_data_for():
    assert babel_locale("mix").language == "en"
    assert display_name("mix", "es") == "Mixtepec Mixtec"
    assert formatter("mix").date(date(2026, 12, 8)) == "December 8, 2026"
