"""Site settings: ``portal.yml`` at the project root.

What each setting is, and how it is checked, is declared once in
generator.content.settings_schema; this module reads the file against it. Texts shown to the
public (the district's name, service labels) are given per language.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from generator.content.settings_schema import (  # noqa: F401  (the values Settings holds)
    MAX_FILE_BYTES,
    ROOT,
    SETTINGS,
    ImageSettings,
    Language,
    MeetingTimes,
    Service,
)
from generator.content.settings_types import Reader
from generator.core import yamlish
from generator.core.errors import Problems, show
from generator.core.values import Text

SETTINGS_FILE = "portal.yml"
SETTINGS_MAX_BYTES = 1_000_000  # portal.yml itself: read before any setting is known


class Settings:
    """The checked settings: each setting of ``SETTINGS`` is an attribute of the same name
    (``settings.timezone``, ``settings.images.widths``), its default when left out."""

    def __init__(self, root: Path, values: dict[str, Any]):
        self.root = root
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_values"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def language_codes(self) -> list[str]:
        return [l.code for l in self.languages]

    def localized(self, value: dict[str, str], lang: str) -> Text:
        """A per-language setting in ``lang``, else in the default language (marked as such)."""
        for code in (lang, self.default_language, *value):
            if value.get(code):
                return Text(value[code], code)
        return Text("", lang)

    def locale(self, lang: str) -> str:
        """How ``lang`` writes dates, numbers and money: its own ``locale``, else the language
        as written in the district's country (es in the US: es_US) when Babel knows it."""
        for language in self.languages:
            if language.code == lang and language.locale:
                return language.locale
        try:
            Locale.parse(f"{lang.replace('-', '_')}_{self.country}")
            return f"{lang.replace('-', '_')}_{self.country}"
        except (UnknownLocaleError, ValueError):
            return lang

    def formatting(self, lang: str) -> dict[str, Any]:
        """What a ``Formatter`` for ``lang`` needs from the settings (its locale, language names)."""
        return {"locale": self.locale(lang), "names": self.language_names}

    @property
    def content_dir(self) -> Path:
        return self.root / "content"


def load_settings(root: Path, problems: Problems) -> Settings | None:
    """``portal.yml`` checked against the settings schema; None when it has errors (reported)."""
    path = root / SETTINGS_FILE
    rel = SETTINGS_FILE
    if not path.exists():
        problems.error(rel, "the settings file is missing",
                       suggestion=f"create {SETTINGS_FILE} at the project root (see README, or "
                                  "start a project with 'portal init')")
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
    values = ROOT.read(data, Reader(rel, lines, problems), ())
    if problems.errors:
        return None
    return Settings(root, values)
