"""What to write instead of fields that older files may still hold.

Councils and teams used to be a ``council:`` block in a school's file, and their meetings said
who met with a ``group:`` (site_advisory_council, leadership_team, district_advisory_council).
They are now their own files under ``content/<lang>/councils/``. A file written the old way is
refused, and these functions spell out the council file to write from the facts the old file
holds, so that nothing staff wrote has to be looked up again.
"""
from __future__ import annotations

from pathlib import PurePosixPath

# An old group's council file, as the old calendars named it: <school>-<group>, or the group
# alone for the district. Naming the new file so keeps every calendar address.
_OLD_GROUP_KIND = {"site_advisory_council": "site_advisory_council",
                   "leadership_team": "site_leadership_team",
                   "district_advisory_council": "district_council"}


def _where(path: str) -> tuple[str, str]:
    """(language, file name without .md) of content/<lang>/<kind>/<name>.md."""
    parts = PurePosixPath(path).parts
    lang = parts[1] if len(parts) > 3 and parts[0] == "content" else "<language>"
    return lang, PurePosixPath(path).stem


def _council_file(school: str | None, group: str) -> str:
    return f"{school}-{group.replace('_', '-')}" if school else group.replace("_", "-")


def _lines(fields: dict) -> str:
    """Front-matter lines, one per fact given; quoted so a comma or colon reads as text."""
    return " | ".join(f"{k}: \"{v}\"" if k in ("name", "schedule", "how_to_join") else f"{k}: {v}"
                      for k, v in fields.items() if v)


def council_block(data: dict, path: str) -> str:
    """The council file a school's old ``council:`` block becomes."""
    lang, school = _where(path)
    old = data.get("council") if isinstance(data.get("council"), dict) else {}
    name = str(old.get("name") or "")
    team = any(w in name.casefold() for w in ("leadership", "liderazgo"))
    group = "leadership_team" if team else "site_advisory_council"
    fields = {"name": name, "school": school, "kind": _OLD_GROUP_KIND[group],
              "schedule": old.get("schedule"), "how_to_join": old.get("how_to_join")}
    return (f"write content/{lang}/councils/{_council_file(school, group)}.md with the lines "
            f"{_lines(fields)} between --- lines (the text below them says what the council "
            f"does), then remove the council: block from this file")


def council_group(data: dict, path: str) -> str:
    """The ``body:`` line an old council meeting needs instead of its ``group:``."""
    lang, _ = _where(path)
    group = str(data.get("group"))
    school = data.get("school") if isinstance(data.get("school"), str) else None
    name = _council_file(None if group == "district_advisory_council" else school, group)
    return (f"replace 'group: {group}' with 'body: {name}' (the council's file name, "
            f"content/{lang}/councils/{name}.md; write that file if it does not exist yet: "
            f"name, school, kind: {_OLD_GROUP_KIND[group]}, schedule, how_to_join)")
