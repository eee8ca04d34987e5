"""Language codes: any ISO 639 code (639-1, 639-2 or 639-3) or a tag Babel knows, with a hint
that names the code when staff write a language's name instead ("Mixteco": mix); and values
given once for every language or once per language (:class:`PerLanguage`)."""
from __future__ import annotations

import difflib

import pycountry
from babel import Locale, UnknownLocaleError

from typing import Any

from generator.content.fieldtypes import Invalid, Str, Type


class LanguageCode(Str):
    """A language: any ISO 639 code (639-1, 639-2 or 639-3, so Mixtec ``mix`` and Triqui ``trs``
    too), or a tag Babel knows, like zh-Hant. Names come from generator.core.i18n."""

    label = "language code"
    expected = "a language code (ISO 639) like en, es, vi, mix or zh-Hant"
    example = "es"

    def coerce(self, value, ctx):
        text = super().coerce(value, ctx)
        if iso_language(text) is None:
            try:
                Locale.parse(text.replace("-", "_"))
            except (UnknownLocaleError, ValueError):
                raise self.fail(value, _language_hint(text)) from None
        return text


def iso_language(code: str):
    """The ISO 639 entry (pycountry) of a two- or three-letter code, or None."""
    code = code.lower()
    if len(code) == 2:
        return pycountry.languages.get(alpha_2=code)
    if len(code) == 3:
        return pycountry.languages.get(alpha_3=code) or pycountry.languages.get(bibliographic=code)
    return None


def _language_hint(text: str) -> str:
    """What to write instead of an unknown code: the code of a language named, or a close code."""
    names = {name.lower(): code for code, name in Locale("en").languages.items()}
    names.update({name.lower(): code for code, name in Locale("es").languages.items()})
    if text.lower() in names:
        return f'write the code "{names[text.lower()]}" instead of the name'
    try:
        found = pycountry.languages.lookup(text)
        return f'write the code "{getattr(found, "alpha_2", None) or found.alpha_3}" instead of the name'
    except LookupError:
        pass
    if len(text) > 3:  # a name in another spelling ("Mixteco"): languages whose name starts alike
        stem = text.lower()[:5]
        alike = [f'"{l.alpha_3}" ({l.name})' for l in pycountry.languages
                 if any(word.lower().startswith(stem) for word in l.name.split())][:3]
        if alike:
            return "write the code, for example " + " or ".join(alike)
    close = difflib.get_close_matches(text.lower(), sorted(Locale("en").languages), n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    return "find the language's code (2 or 3 letters) in the ISO 639 list"


class PerLanguage(Type):
    """One value for every language, or one per language (``{en: ..., es: ...}``), as a
    presentation made once in English and once in Spanish is two files."""

    def __init__(self, item: Type, example: Any = None):
        self.item = item
        self.label = f"{item.label}, or one per language"
        self.expected = f"{item.expected}, or one per language (like 'en: ...' and 'es: ...' lines)"
        self.example = example if example is not None else item.example

    def coerce(self, value, ctx):
        if not isinstance(value, dict):
            return self.item.coerce(value, ctx)
        if not value:
            raise Invalid("this is empty", self.expected, "write a value or remove the line")
        out = {}
        for lang, v in value.items():
            try:
                code = LanguageCode().coerce(lang, ctx)
            except Invalid:
                raise Invalid(f"'{lang}' is not a language code", self.expected,
                              "write one line per language, like 'es: files/agenda-es.pdf'") from None
            try:
                out[code] = self.item.coerce(v, ctx)
            except Invalid as exc:
                exc.message = f"{code}: {exc.message}"
                raise
        return out

    def json_schema(self):
        return {"anyOf": [self.item.json_schema(),
                          {"type": "object", "additionalProperties": self.item.json_schema()}]}
