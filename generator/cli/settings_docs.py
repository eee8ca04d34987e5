"""``portal.yml`` documented from its one declaration (generator.content.settings_schema).

The same walk over ``SETTINGS`` gives ``portal schema settings`` (text), its JSON Schema (for
editors), the staff guide's "Site settings" section (``python scripts/update_staff_guide.py``
rewrites it; a test fails when it is stale) and the commented ``portal.yml`` of ``portal init``.
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import yaml

from generator.content.settings_schema import SETTINGS
from generator.content.settings_types import Entries, Group, Items, Setting

GUIDE_START = "<!-- settings:start (written by scripts/update_staff_guide.py: do not edit) -->"
GUIDE_END = "<!-- settings:end -->"


def _flags(s: Setting) -> str:
    flags = ["required" if s.required else "optional"]
    if s.default is not None and not callable(s.default) and not isinstance(s.type, Group):
        default = list(s.default) if isinstance(s.default, tuple) else s.default
        flags.append(f"default: {default if default != {} else 'none'}")
    return ", ".join(flags)


def _members(s: Setting) -> list[Setting]:
    """The settings written under this one: a group's, or those of each entry or list item."""
    inner = s.type
    if isinstance(inner, (Entries, Items)):
        inner = inner.entry if isinstance(inner, Entries) else inner.item
    return list(inner.members.values()) if isinstance(inner, Group) else []


def _text_lines(s: Setting, indent: str) -> list[str]:
    lines = [f"{indent}{s.name}: {s.type.label} ({_flags(s)})", f"{indent}    {s.help}"]
    for member in _members(s):
        lines.extend(_text_lines(member, indent + "    "))
    return lines


def settings_text() -> str:
    """``portal schema settings``: every setting with what it holds, and its help."""
    out = ["settings: portal.yml, at the project root", "  The district's site settings."]
    for s in SETTINGS:
        out.extend(_text_lines(s, "  "))
    return "\n".join(out) + "\n"


def settings_json() -> dict:
    """A JSON Schema for portal.yml (editors that read YAML with a schema use it)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "portal.yml",
              "description": "The district's site settings for portal."}
    schema.update(Group(SETTINGS, noun="a setting").json_schema())
    return schema


def _example_yaml(value) -> str:
    """A value as YAML on as few lines as reads well (lists and small groups in brackets)."""
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=None,
                          width=90).strip().removesuffix("...").strip()


def _setting_yaml(name: str, value) -> list[str]:
    """``name: value`` lines; a group of entries (services) below its name, indented."""
    if isinstance(value, dict) and value and any(isinstance(v, dict) for v in value.values()):
        body = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=None,
                              width=90).strip()
        return [f"{name}:"] + ["  " + line for line in body.splitlines()]
    if isinstance(value, list):
        body = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=None,
                              width=90).strip()
        if "\n" in body:
            return [f"{name}:"] + body.splitlines()
        return [f"{name}: {body}"]
    return [f"{name}: {_example_yaml(value)}"]


def _one_line(value) -> str:
    """A value as YAML on one line, for a table cell."""
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=True,
                          width=10_000).strip().removesuffix("...").strip()
    return text.replace("|", "\\|")


def _markdown_rows(s: Setting, prefix: str) -> list[str]:
    name = f"{prefix}{s.name}"
    example = "" if isinstance(s.type, Group) else f"`{_one_line(s.shown_example)}`"
    rows = [f"| `{name}` | {_flags(s)} | {s.help} | {example} |"]
    below = {Entries: ".<id>.", Items: "[]."}.get(type(s.type), ".")
    for member in _members(s):
        rows.extend(_markdown_rows(member, name + below))
    return rows


def settings_markdown() -> str:
    """The staff guide's table of every setting (between the marker comments)."""
    rows = ["| setting | | what it is | example |", "| --- | --- | --- | --- |"]
    for s in SETTINGS:
        rows.extend(_markdown_rows(s, ""))
    return "\n".join(rows) + "\n"


def update_guide(path: Path) -> bool:
    """Rewrite the generated section of the staff guide; True when it changed."""
    text = path.read_text(encoding="utf-8")
    section = f"{GUIDE_START}\n{settings_markdown()}{GUIDE_END}"
    new = re.sub(re.escape(GUIDE_START) + ".*?" + re.escape(GUIDE_END), lambda _: section, text,
                 flags=re.S)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def guide_section(path: Path) -> str:
    """The generated section as it stands in the staff guide ('' when the markers are missing)."""
    found = re.search(re.escape(GUIDE_START) + "\n(.*?)" + re.escape(GUIDE_END),
                      path.read_text(encoding="utf-8"), re.S)
    return found.group(1) if found else ""


def _commented(s: Setting, indent: str) -> list[str]:
    """One setting for a new portal.yml: its help as a comment, then its example value."""
    comment = s.help + ("" if s.required else " (optional)")
    lines = [f"{indent}# {line}" for line in textwrap.wrap(comment, 88 - len(indent))]
    if isinstance(s.type, Group):
        lines.append(f"{indent}{s.name}:")
        for member in s.type.members.values():
            lines.extend(_commented(member, indent + "  "))
        return lines
    lines.extend(indent + line for line in _setting_yaml(s.name, s.shown_example))
    return lines


def commented_settings() -> str:
    """A portal.yml with every setting, each explained; REPLACE marks what a district changes."""
    lines = ["# Site settings for portal: every setting, each explained above it.",
             "# Replace every value marked REPLACE (and the example.org addresses) with your",
             "# district's. 'portal schema settings' lists the settings; docs/staff-guide.md",
             "# explains them."]
    for s in SETTINGS:
        lines.append("")
        lines.extend(_commented(s, ""))
    return "\n".join(lines) + "\n"
