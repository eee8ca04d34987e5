"""Validate one item's files and merge them into one record per language.

An item (a school, a meeting...) has a file in some or all languages. Facts
may be written in any of them and must agree; words belong to their
language, and a language without its own words gets another language's,
wrapped in :class:`~generator.core.values.Text` so the theme can mark them.

Every problem found is added to the shared collector with its file, line and
field; the merge carries on so that one run reports everything.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.content.fieldtypes import Context, Field, Invalid, ListOf, Obj, Type
from generator.core.errors import Problems, did_you_mean, show
from generator.core.values import Ref, Text

_INVALID = object()


@dataclass
class Source:
    """One content file, read but not yet checked."""

    path: str  # relative to the project, e.g. content/en/schools/lincoln.md
    lang: str
    data: dict
    lines: dict[tuple, int] = field(default_factory=dict)
    body: str = ""

    def line(self, path: tuple) -> int | None:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


def dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class Merger:
    def __init__(self, langs: list[str], default_lang: str, ctx: Context, problems: Problems,
                 type_name: str = "item"):
        self.langs = langs
        self.default = default_lang
        self.ctx = ctx
        self.problems = problems
        self.type_name = type_name
        self.refs: list[tuple] = []
        self.partial = False  # True while merging an item one of whose files could not be read  # (Ref, Source, path): checked once every item is known

    # -- public ---------------------------------------------------------------

    def merge(self, fields: dict[str, Field], sources: dict[str, Source],
              retired: tuple = ()) -> dict[str, dict]:
        """One record per language; ``retired`` (schema ``Retired`` entries) are refused first,
        each with what to write instead, and left out of the rest of the checks."""
        parts = {lang: (self._without_retired(src, retired), src, ())
                 for lang, src in sources.items()}
        return self._merge_obj(fields, parts)

    def _without_retired(self, src: Source, retired) -> dict:
        data = dict(src.data)
        for old in retired:
            value = data.get(old.field)
            if value is None or (old.values is not None and value not in old.values):
                continue
            self._error(src, (old.field,), old.message, expected=old.expected,
                        found=show(value), suggestion=old.suggestion(src.data, src.path))
            del data[old.field]
        return data

    def fallback_order(self, lang: str) -> list[str]:
        order = [self.default] + [l for l in self.langs if l != self.default]
        return [l for l in order if l != lang]

    def pick_words(self, values: dict[str, Any]) -> dict[str, Any]:
        """For each language, its own words or the first available fallback."""
        out = {}
        for lang in self.langs:
            if lang in values:
                out[lang] = values[lang]
            else:
                for other in self.fallback_order(lang):
                    if other in values:
                        out[lang] = values[other]
                        break
        return out

    # -- internals ------------------------------------------------------------

    def _error(self, src: Source, path: tuple, message: str, **kw) -> None:
        self.problems.error(src.path, message, field=dotted(path), line=src.line(path), **kw)

    def _coerce(self, type_: Type, value: Any, src: Source, path: tuple) -> Any:
        """Check a value that belongs to one file (no cross-language merge)."""
        try:
            value = type_.coerce(value, self.ctx)
        except Invalid as exc:
            self._error(src, path, exc.message, expected=exc.expected, found=show(value),
                        suggestion=exc.suggestion)
            return _INVALID
        if isinstance(value, Ref):
            self.refs.append((value, src, path))
        if isinstance(type_, ListOf):
            out = []
            for i, item in enumerate(value):
                checked = self._coerce(type_.item, item, src, path + (i,))
                if checked is not _INVALID:
                    out.append(checked)
            return out
        if isinstance(type_, Obj):
            self._unknown_keys(type_.fields, value, src, path)
            out = {}
            for name, f in type_.fields.items():
                if value.get(name) is None:
                    if f.required:
                        self._missing(f, src, path)
                    elif f.default is not None:
                        out[name] = f.default
                    continue
                checked = self._coerce(f.type, value[name], src, path + (name,))
                if checked is not _INVALID:
                    out[name] = checked
            return out
        return value

    def _unknown_keys(self, fields: dict[str, Field], data: dict, src: Source, path: tuple) -> None:
        previous = None
        for key, value in data.items():
            if key not in fields:
                where = f"a {self.type_name}" if not path else f"'{dotted(path)}'"
                if path and value is None and previous:
                    # {place: Library, Room 4}: the comma ended the text, and YAML read "Room 4"
                    # as a field with no value.
                    name, words = previous
                    self._error(src, path + (key,), f"'{key}' looks like the rest of the text of "
                                f"'{name}', cut off by a comma", expected="one of: " + ", ".join(fields),
                                found=show(key),
                                suggestion=f'a text with a comma needs quotes: {name}: "{words}, {key}"')
                    continue
                self._error(src, path + (key,), f"'{key}' is not a field of {where}",
                            expected="one of: " + ", ".join(fields), found=show(key),
                            suggestion=did_you_mean(key, fields))
            previous = (key, value) if isinstance(value, str) else None

    def _missing(self, f: Field, src: Source, path: tuple) -> None:
        if self.partial:
            return  # the field may be in the file that could not be read
        self._error(src, path + (f.name,) if not path else path,
                    f"the required field '{dotted(path + (f.name,))}' is missing",
                    expected=f"{f.name}: {f.type.expected} ({f.help})",
                    suggestion=f"add a line '{f.name}: ...' to the front-matter")

    def _merge_obj(self, fields: dict[str, Field], parts: dict[str, tuple]) -> dict[str, dict]:
        for data, src, path in parts.values():
            self._unknown_keys(fields, data, src, path)
        result: dict[str, dict] = {lang: {} for lang in self.langs}
        for name, f in fields.items():
            present = {
                lang: (data[name], src, path + (name,))
                for lang, (data, src, path) in parts.items()
                if data.get(name) is not None
            }
            if not present:
                if f.required and parts:
                    lang = self.default if self.default in parts else next(iter(parts))
                    data, src, path = parts[lang]
                    self._missing(f, src, path)
                elif f.default is not None:
                    for lang in self.langs:
                        result[lang][name] = f.default
                continue
            if f.translatable or f.per_language:
                values = {}
                for lang, (value, src, path) in present.items():
                    checked = self._coerce(f.type, value, src, path)
                    if checked is not _INVALID:
                        values[lang] = tag(checked, lang) if f.translatable else checked
                for lang, value in self.pick_words(values).items():
                    result[lang][name] = value
            elif isinstance(f.type, Obj):
                subparts = {}
                for lang, (value, src, path) in present.items():
                    try:
                        subparts[lang] = (f.type.coerce(value, self.ctx), src, path)
                    except Invalid as exc:
                        self._error(src, path, exc.message, expected=exc.expected,
                                    found=show(value), suggestion=exc.suggestion)
                if subparts:
                    merged = self._merge_obj(f.type.fields, subparts)
                    for lang in self.langs:
                        result[lang][name] = merged[lang]
            elif isinstance(f.type, ListOf) and isinstance(f.type.item, Obj):
                merged = self._merge_list(f, present)
                if merged is not None:
                    for lang in self.langs:
                        result[lang][name] = merged[lang]
            else:
                value = self._merge_fact(f, present)
                if value is not _INVALID:
                    for lang in self.langs:
                        result[lang][name] = value
        return result

    def _merge_fact(self, f: Field, present: dict[str, tuple]) -> Any:
        checked = {}
        for lang, (value, src, path) in present.items():
            c = self._coerce(f.type, value, src, path)
            if c is not _INVALID:
                checked[lang] = (c, value, src, path)
        if not checked:
            return _INVALID
        order = [self.default] + [l for l in self.langs if l != self.default]
        first = next(l for l in order if l in checked)
        value, raw, src, path = checked[first]
        for lang, (other, other_raw, other_src, other_path) in checked.items():
            if other != value:
                self._error(
                    other_src, other_path,
                    f"'{dotted(path)}' is {show(raw)} in {src.path} but {show(other_raw)} here",
                    expected="the same value in every language's file",
                    found=show(other_raw),
                    suggestion=f"correct one of the two, or write it only in {src.path}",
                )
                return _INVALID
        return value

    def _merge_list(self, f: Field, present: dict[str, tuple]) -> dict[str, list] | None:
        item_type: Obj = f.type.item
        lists = {}
        for lang, (value, src, path) in present.items():
            try:
                value = f.type.coerce(value, self.ctx)
            except Invalid as exc:
                self._error(src, path, exc.message, expected=exc.expected, found=show(value),
                            suggestion=exc.suggestion)
                continue
            entries = []
            for i, entry in enumerate(value):
                try:
                    entries.append((item_type.coerce(entry, self.ctx), src, path + (i,)))
                except Invalid as exc:
                    self._error(src, path + (i,), exc.message, expected=exc.expected,
                                found=show(entry), suggestion=exc.suggestion)
            lists[lang] = entries
        if not lists:
            return None
        order = [self.default] + [l for l in self.langs if l != self.default]
        keys: list = []
        keyed: dict[str, dict] = {}
        key_field = item_type.pair_by
        for lang in [l for l in order if l in lists]:
            keyed[lang] = {}
            for i, (entry, src, path) in enumerate(lists[lang]):
                key = str(entry.get(key_field)) if key_field else i
                if key_field and entry.get(key_field) is None:
                    continue  # reported as missing by _merge_obj below
                if key in keyed[lang]:
                    self._error(src, path + (key_field,), f"the {key_field} '{key}' is used twice",
                                expected=f"a different {key_field} for every entry",
                                found=show(key), suggestion="give each entry its own id")
                    continue
                keyed[lang][key] = (entry, src, path)
                if key not in keys:
                    keys.append(key)
        if not key_field:
            lengths = {lang: len(v) for lang, v in lists.items()}
            if len(set(lengths.values())) > 1:
                (la, na), (lb, nb) = list(lengths.items())[:2]
                src_a, src_b = present[la][1], present[lb][1]
                self._error(src_b, present[lb][2],
                            f"'{f.name}' has {nb} entries here but {na} in {src_a.path}",
                            expected="the same entries, in the same order, in every language",
                            found=f"{nb} entries",
                            suggestion=f"make the lists match, or write '{f.name}' in one file only")
                return None
        merged_entries = []
        for key in keys:
            parts = {lang: keyed[lang][key] for lang in keyed if key in keyed[lang]}
            merged_entries.append(self._merge_obj(item_type.fields, parts))
        return {lang: [m[lang] for m in merged_entries] for lang in self.langs}


def tag(value: Any, lang: str) -> Any:
    """Mark every piece of text in ``value`` as written in ``lang``."""
    if isinstance(value, Text):
        return value
    if isinstance(value, str):
        return Text(value, lang)
    if isinstance(value, list):
        return [tag(v, lang) for v in value]
    if isinstance(value, dict):
        return {k: tag(v, lang) for k, v in value.items()}
    return value
