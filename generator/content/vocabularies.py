"""Vocabularies a district names in ``portal.yml``: meeting groups, kinds of council, grant kinds,
milestone steps.

Each is a list of ids, in the order pages show them, each with a label per language. Left
out of ``portal.yml``, a vocabulary is the theme's own (``schema.MEETING_GROUPS``,
``schema.GRANT_KINDS``, California's four implementation steps), labelled by the message
catalogues; so a project that never mentions them keeps its pages as they were. Written
out, the list in ``portal.yml`` is the whole vocabulary: a built-in id may be listed
without a label (the catalogue's is used), any other id needs one.

One mechanism serves every vocabulary: :data:`VOCABULARIES` says which there are,
:func:`load_vocabulary` reads one from portal.yml, and a content field takes its choices
from one with ``schema._vocabulary`` (``Choice(_vocabulary("meeting_groups", ...))``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.content.schema import COUNCIL_KINDS, GRANT_KINDS, MEETING_GROUPS, MILESTONE_STEPS
from generator.content.settings_types import Localized, Reader, SettingsType
from generator.core.errors import Problems, did_you_mean, show
from generator.core.i18n import catalogue
from generator.core.values import Text

SETTINGS_FILE = "portal.yml"
ID_PATTERN = r"[a-z0-9][a-z0-9_]*"


@dataclass(frozen=True)
class VocabularySpec:
    """One vocabulary: its key in portal.yml, its built-in ids and where their labels are."""

    setting: str  # the key in portal.yml, like meeting_groups
    noun: str  # one term, in messages: "meeting group"
    defaults: tuple[str, ...]  # the built-in ids, in order
    catalogue: str  # the catalogue section with the built-in labels: groups -> groups.<id>
    short_catalogue: str = ""  # a section of short labels (tables, picture lanes), if any
    example: str = ""  # an id for messages, like family_night

    @property
    def fields(self) -> tuple[str, ...]:
        return ("label", "short") if self.short_catalogue else ("label",)


VOCABULARIES: dict[str, VocabularySpec] = {spec.setting: spec for spec in (
    VocabularySpec("meeting_groups", "meeting group", tuple(MEETING_GROUPS), "groups",
                   example="family_night"),
    VocabularySpec("council_kinds", "kind of council or team", tuple(COUNCIL_KINDS), "council_kinds",
                   example="family_council"),
    VocabularySpec("grant_kinds", "grant kind", tuple(GRANT_KINDS), "grant_kinds",
                   example="capacity_building"),
    VocabularySpec("milestone_steps", "milestone step", tuple(MILESTONE_STEPS), "steps",
                   short_catalogue="steps_short", example="family_engagement"),
)}


@dataclass(frozen=True)
class Term:
    """One id of a vocabulary; empty labels mean the catalogue's (a built-in id)."""

    id: str
    label: dict[str, str]
    short: dict[str, str]


@dataclass(frozen=True)
class Vocabulary:
    spec: VocabularySpec
    terms: tuple[Term, ...]
    default_language: str

    @property
    def ids(self) -> list[str]:
        return [term.id for term in self.terms]

    def position(self, term_id: str | None) -> int:
        """Where a term comes in the order portal.yml gives (unknown and None last)."""
        ids = self.ids
        return ids.index(term_id) if term_id in ids else len(ids)

    def label(self, term_id: str, lang: str, short: bool = False) -> Text:
        """The term's label in ``lang``; in the default language, marked as such, when
        ``lang`` has none. ``short``: the short label, where the vocabulary has them."""
        term = next(t for t in self.terms if t.id == term_id)
        texts = (term.short or term.label) if short and self.spec.short_catalogue else term.label
        if texts:
            for code in (lang, self.default_language, *texts):
                if texts.get(code):
                    return Text(texts[code], code)
        section = self.spec.short_catalogue if short and self.spec.short_catalogue else self.spec.catalogue
        key = f"{section}.{term_id}"
        # A built-in id: the theme's catalogues have it (en.yml always; tests/core/test_catalogues.py).
        for code in (lang, self.default_language, "en"):
            if key in catalogue(code):
                return Text(catalogue(code)[key], code)
        raise KeyError(f"no label for the {self.spec.noun} '{term_id}' in the catalogues ({key})")


def built_in(setting: str, default_language: str) -> Vocabulary:
    """A vocabulary as the theme has it, for a project whose portal.yml does not name it."""
    spec = VOCABULARIES[setting]
    return Vocabulary(spec, tuple(Term(i, {}, {}) for i in spec.defaults), default_language)


def load_vocabulary(setting: str, data: dict, default_language: str, languages: list[str],
                    problems: Problems, lines: dict, localized) -> Vocabulary:
    """The vocabulary ``setting`` of portal.yml (``data``), checked; the built-in one if left out.

    ``lines`` gives the line of each key of portal.yml; ``localized(value, key)`` reads a
    text per language, reporting its own problems (settings.load_settings)."""
    spec = VOCABULARIES[setting]
    raw = data.get(setting)
    report = _Reporter(problems, lines)
    if raw is None:
        return built_in(setting, default_language)
    if not isinstance(raw, dict) or not raw:
        report.error((setting,), f"this needs one entry per {spec.noun}, in the order pages show them",
                     expected=f"lines like '{spec.example}:' with 'label: {{en: ..., es: ...}}' below",
                     found=show(raw), suggestion=f"leave {setting} out to use the built-in list: "
                     + ", ".join(spec.defaults))
        return built_in(setting, default_language)
    terms = [_term(spec, term_id, entry, languages, report, localized) for term_id, entry in raw.items()]
    return Vocabulary(spec, tuple(t for t in terms if t), default_language)


@dataclass(frozen=True)
class _Reporter:
    """Problems at a key of portal.yml, on the line of the nearest key written."""

    problems: Problems
    lines: dict

    def _where(self, key: tuple) -> dict:
        line = next((self.lines[k] for k in (key, key[:2], key[:1]) if k in self.lines), None)
        return {"field": ".".join(map(str, key)), "line": line}

    def error(self, key: tuple, message: str, **kw) -> None:
        self.problems.error(SETTINGS_FILE, message, **self._where(key), **kw)

    def warning(self, key: tuple, message: str, **kw) -> None:
        self.problems.warning(SETTINGS_FILE, message, **self._where(key), **kw)


def _term(spec: VocabularySpec, term_id: Any, entry: Any, languages: list[str], report: _Reporter,
          localized) -> Term | None:
    key = (spec.setting, term_id)
    if isinstance(term_id, bool) or not re.fullmatch(ID_PATTERN, str(term_id)):
        report.error(key, f"{show(term_id)} cannot be used as the id of a {spec.noun}",
                     expected="lower-case letters, digits and underscores, like " + spec.example,
                     found=show(term_id), suggestion=f'write it as "{_as_id(term_id, spec.example)}"')
        return None
    term_id = str(term_id)
    entry = {} if entry is None else entry
    if not isinstance(entry, dict):
        report.error(key, f"the {spec.noun} '{term_id}' needs a label per language",
                     expected="label: {en: ..., es: ...} on the next line, indented",
                     found=show(entry), suggestion="a label with a comma or a colon needs quotes")
        return None
    for extra in entry:
        if extra not in spec.fields:
            report.error(key + (extra,), f"'{extra}' is not a field of a {spec.noun}",
                         expected=" and ".join(spec.fields), found=show(extra),
                         suggestion=did_you_mean(extra, spec.fields))
    if entry.get("label") is None and term_id not in spec.defaults:
        report.error(key + ("label",), f"the {spec.noun} '{term_id}' has no label",
                     expected="label: {" + ", ".join(f"{c}: ..." for c in languages) + "}",
                     suggestion="only the built-in ids (" + ", ".join(spec.defaults)
                     + ") can be listed without a label; add a label in every language")
        return None
    texts = {name: localized(entry[name], key + (name,)) if entry.get(name) is not None else {}
             for name in spec.fields}
    if not texts["label"] and term_id not in spec.defaults:
        return None  # its label could not be read: localized() said why
    for name, value in texts.items():
        for code in languages:
            if value and code not in value:
                report.warning(key + (name,), f"the {spec.noun} '{term_id}' has no {name} in "
                               f"'{code}': pages in that language show the default language's",
                               expected=f"a line '{code}: ...' under {name} (every language of the site)",
                               suggestion=f"add '{code}: ...' with the {spec.noun}'s name in that language")
    return Term(term_id, texts["label"], texts.get("short", {}))


def _as_id(text: Any, example: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_") or example


class VocabularyType(SettingsType):
    """A vocabulary as a setting of the settings schema (generator.content.settings_schema):
    read with :func:`load_vocabulary`'s checks; its example, for ``portal init`` and the docs,
    is the built-in list with its English and Spanish labels, ready to extend."""

    label = "list of ids, each with a label per language"

    def __init__(self, setting: str):
        self.setting = setting
        spec = VOCABULARIES[setting]
        self.expected = f"one entry per {spec.noun}, like '{spec.example}:' with 'label: {{en: ..., es: ...}}' below"

    @property
    def example(self) -> dict:
        spec = VOCABULARIES[self.setting]
        return {term_id: {name: {lang: catalogue(lang)[f"{section}.{term_id}"] for lang in ("en", "es")}
                          for name, section in (("label", spec.catalogue), ("short", spec.short_catalogue))
                          if section}
                for term_id in spec.defaults}

    def read(self, raw: Any, reader: Reader, key: tuple) -> Vocabulary:
        return load_vocabulary(self.setting, {self.setting: raw}, reader.default, reader.codes,
                               reader.problems, reader.lines,
                               lambda value, at: Localized().read(value, reader, at) or {})

    def json_schema(self) -> dict:
        fields = VOCABULARIES[self.setting].fields
        return {"type": "object", "additionalProperties": {
            "type": ["object", "null"], "additionalProperties": False,
            "properties": {name: Localized().json_schema() for name in fields}}}


def default_vocabulary(setting: str):
    """The default of a vocabulary setting left out: the built-in list, in the default language."""
    return lambda reader: built_in(setting, reader.default)
