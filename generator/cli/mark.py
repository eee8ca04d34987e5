"""``portal translations mark``: record in a translation file which source text it follows."""
from __future__ import annotations

import re
from pathlib import Path

from generator.content.model import Site
from generator.content.tracking import HASH_FIELD, source_hash


def mark(site: Site, paths: list[Path]) -> list[tuple[str, str]]:
    """Record the current source fingerprint in each translation file.

    Returns (file, outcome) pairs; outcome is "marked", "already" (it was up to date)
    or "source" (the file is the text others are translated from: nothing to mark)."""
    root = site.settings.root
    by_file = {src.path: (item, lang) for item in site.all_items() for lang, src in item.sources.items()}
    changed = []
    for path in paths:
        rel = _relative(Path(path), root)
        if rel not in by_file:
            raise KeyError(rel)
        item, lang = by_file[rel]
        if lang == item.source_lang():
            changed.append((rel, "source"))
        elif write_hash(root / rel, source_hash(item)):
            changed.append((rel, "marked"))
        else:
            changed.append((rel, "already"))
    return changed


def _relative(path: Path, root: Path) -> str:
    """A path given on the command line, relative to the project (or to the current folder)."""
    for candidate in ((root / path), (Path.cwd() / path), path):
        candidate = candidate.resolve()
        if candidate.exists() and candidate.is_relative_to(root):
            return candidate.relative_to(root).as_posix()
    return path.as_posix()


_FM_END = re.compile(r"^---\s*$", re.M)


def write_hash(path: Path, value: str) -> bool:
    """Set ``source_hash: value`` in a file's front-matter, keeping everything else as written."""
    text = path.read_text(encoding="utf-8")
    line = f"{HASH_FIELD}: {value}"
    existing = re.search(rf"^{HASH_FIELD}:.*$", text, re.M)
    if existing:
        if existing.group(0).strip() == line:
            return False
        new = text[: existing.start()] + line + text[existing.end():]
    else:
        ends = list(_FM_END.finditer(text))
        if len(ends) < 2:
            return False
        close = ends[1]
        new = text[: close.start()] + line + "\n" + text[close.start():]
    path.write_text(new, encoding="utf-8")
    return True
