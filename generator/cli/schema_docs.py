"""Documentation made from the schema: ``portal schema`` and the JSON Schema for editors."""
from __future__ import annotations

from generator.content.fieldtypes import Field, ListOf, Obj
from generator.cli.settings_docs import settings_json, settings_text
from generator.content.schema import CONTENT_TYPES, ContentType


def _find(kind: str | None) -> list[ContentType]:
    if kind is None:
        return list(CONTENT_TYPES.values())
    for t in CONTENT_TYPES.values():
        if kind in (t.name, t.collection):
            return [t]
    raise KeyError(f"unknown kind of content '{kind}'; use one of: "
                   + ", ".join(t.name for t in CONTENT_TYPES.values()) + " (or 'settings', for portal.yml)")


def _field_lines(f: Field, indent: str) -> list[str]:
    flags = []
    if f.required:
        flags.append("required")
    flags.append("per language" if f.translatable else ("per language (fact)" if f.per_language else "fact"))
    if f.default is not None:
        flags.append(f"default: {f.default}")
    label = _type_label(f.type)
    lines = [f"{indent}{f.name}: {label} ({', '.join(flags)})", f"{indent}    {f.help}"]
    sub = f.type.item if isinstance(f.type, ListOf) else f.type
    if isinstance(sub, Obj):
        for child in sub.fields.values():
            lines.extend(_field_lines(child, indent + "    "))
    return lines


def _type_label(kind) -> str:
    """What a field holds, in words; a list of choices names the choices ("list of one of: a, b")."""
    if isinstance(kind, ListOf):
        return f"list of {_type_label(kind.item)}"
    label = kind.describe() if hasattr(kind, "describe") else kind.label
    return label.removesuffix(" (per language)")  # the flags say it once


def schema_text(kind: str | None = None) -> str:
    if kind == "settings":
        return settings_text()
    out = []
    for t in _find(kind):
        out.append(f"{t.name}: {t.file_path('<language>', '<name>')}")
        out.append(f"  {t.doc}")
        for f in t.fields:
            out.extend(_field_lines(f, "  "))
        out.append(f"  (body): {t.body_help}")
        out.append("")
    return "\n".join(out)


def schema_json(kind: str | None = None) -> dict:
    if kind == "settings":
        return settings_json()
    types = _find(kind)
    if len(types) == 1:
        return types[0].json_schema()
    return {t.name: t.json_schema() for t in types}
