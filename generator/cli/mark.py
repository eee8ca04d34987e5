"""``portal translations mark``: record in a translation file which source text it follows.

Only the front-matter is edited, and only its ``source_hash:`` line: the
body, comments, the order of fields, a UTF-8 byte-order mark and Windows
line ends (CRLF) all stay as staff wrote them. The front-matter's end is
found the way the loader finds it (python-frontmatter's boundary: the first
line of three or more hyphens after the opening one), so a ``---`` rule or a
line starting with ``source_hash:`` in the body is never mistaken for it. The line
editing is generator.cli.frontmatter_lines, shared with ``portal meeting``.
"""
from __future__ import annotations

import os
from pathlib import Path

from generator.cli.frontmatter_lines import FrontMatter
from generator.content.model import Site
from generator.content.tracking import HASH_FIELD, source_hash
from generator.core.safe_files import check_inside, read_regular, rewrite

def mark(site: Site, paths: list[Path]) -> list[tuple[str, str]]:
    """Record the current source fingerprint in each translation file.

    Every file is checked before any is written, so a refused one leaves all unchanged.
    Returns (file, outcome) pairs; outcome is "marked", "already" (it was up to date)
    or "source" (the file is the text others are translated from: nothing to mark)."""
    root = site.settings.root
    content = site.settings.content_dir
    by_file = {src.path: (item, lang) for item in site.all_items() for lang, src in item.sources.items()}
    planned = []
    for path in paths:
        rel = _relative(Path(path), root)
        if rel not in by_file:
            raise KeyError(rel)
        check_inside(root / rel, content)
        planned.append((rel, *by_file[rel]))
    changed = []
    for rel, item, lang in planned:
        if lang == item.source_lang():
            changed.append((rel, "source"))
        elif write_hash(root, rel, source_hash(item), content):
            changed.append((rel, "marked"))
        else:
            changed.append((rel, "already"))
    return changed


def _relative(path: Path, root: Path) -> str:
    """A path given on the command line, relative to the project (or to the current folder).

    The file itself is never followed if it is a link, so that a link is named as itself and
    refused; the folders above it may be (the project reached through a linked folder)."""
    for candidate in ((root / path), (Path.cwd() / path), path):
        plain = Path(os.path.abspath(candidate))
        for form in (plain, Path(os.path.realpath(plain.parent)) / plain.name):
            if os.path.lexists(form) and form.is_relative_to(root):
                return form.relative_to(root).as_posix()
    return path.as_posix()


def with_hash(text: str, value: str, name: str = "the file") -> str | None:
    """``text`` with ``source_hash: value`` in its front-matter, or None if it is already there."""
    head = FrontMatter.parse(text, name)
    line = f"{HASH_FIELD}: {value}"
    where = head.span(HASH_FIELD)
    if where is not None and [l.rstrip() for l in head.lines[where[0]:where[1]]] == [line]:
        return None
    head.set(HASH_FIELD, [line])
    return head.text()


def write_hash(root: Path, rel: str, value: str, content: Path) -> bool:
    """Set ``source_hash: value`` in the front-matter of ``root/rel``; False if it already had it."""
    path = root / rel
    text = read_regular(path, content).decode("utf-8")
    new = with_hash(text, value, rel)
    if new is None:
        return False
    rewrite(path, new.encode("utf-8"), content)
    return True
