"""Changing top-level fields of a content file's front-matter, line by line.

The ``portal meeting`` commands change a few facts (``status``, ``start``...)
in files that staff wrote by hand. Reading the YAML and writing it back would
lose comments and spacing, so these functions work on the text instead: a
field is its first line (``name:`` at the start of a line) and the lines
below it that are indented or list items (``- ...``); only those lines are
replaced, removed or added. Everything else (comments, the order of fields,
the body, a UTF-8 byte-order mark and Windows line ends) stays byte for byte.
The front-matter's end is found the way the loader finds it (python-frontmatter's
boundary). ``portal translations mark`` uses the same functions for its
``source_hash:`` line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import frontmatter

from generator.core.errors import PortalError

BOM = "\ufeff"
_BOUNDARY = frontmatter.YAMLHandler.FM_BOUNDARY


class FrontMatterError(PortalError):
    pass


@dataclass
class FrontMatter:
    """A file's text split around its front-matter lines, to edit fields and join again."""

    bom: str
    before: str  # the opening '---' line
    lines: list[str]  # the front-matter's lines, each with its line end
    after: str  # the closing '---' line and the body
    newline: str

    @classmethod
    def parse(cls, text: str, name: str) -> FrontMatter:
        bom = BOM if text.startswith(BOM) else ""
        text = text[len(bom):]
        bounds = list(_BOUNDARY.finditer(text, 0))[:2]
        if len(bounds) < 2 or bounds[0].start() != 0:
            raise FrontMatterError(f"{name}: the front-matter (the fields between the first two '---' "
                                   "lines) was not found; run 'portal check' to see what is wrong")
        head = text[bounds[0].end():bounds[1].start()]
        newline = "\r\n" if "\r\n" in text[:bounds[1].start()] else "\n"
        return cls(bom, text[:bounds[0].end()], head.splitlines(keepends=True),
                   text[bounds[1].start():], newline)

    def text(self) -> str:
        return self.bom + self.before + "".join(self.lines) + self.after

    def span(self, name: str) -> tuple[int, int] | None:
        """The lines [first, last) that hold top-level field ``name``, or None if it is absent.

        Comment and blank lines at the end belong to what follows, not to the field."""
        key = re.compile(rf"{re.escape(name)}[ \t]*:(\s|$)")
        for i, line in enumerate(self.lines):
            if key.match(line):
                end = i + 1
                while end < len(self.lines) and _continues(self.lines[end]):
                    end += 1
                while end > i + 1 and _blank_or_comment(self.lines[end - 1]):
                    end -= 1
                return i, end
        return None

    def has(self, name: str) -> bool:
        return self.span(name) is not None

    def set(self, name: str, rendered: list[str], after: tuple[str, ...] = ()) -> None:
        """Replace field ``name`` with ``rendered`` lines (no line ends), or add it.

        A new field goes after the first of ``after`` that the file has, else at the end."""
        new = [line + self.newline for line in rendered]
        where = self.span(name)
        if where is not None:
            self.lines[where[0]:where[1]] = new
            return
        for anchor in after:
            found = self.span(anchor)
            if found is not None:
                self.lines[found[1]:found[1]] = new
                return
        if self.lines and not self.lines[-1].endswith(("\n", "\r")):
            self.lines[-1] += self.newline
        self.lines.extend(new)

    def remove(self, name: str) -> bool:
        """Remove field ``name``; False if the file did not have it."""
        where = self.span(name)
        if where is None:
            return False
        del self.lines[where[0]:where[1]]
        return True

    def append_item(self, name: str, rendered: list[str]) -> None:
        """Add a list item (``rendered``: its lines, the first starting with '- ') to list ``name``,
        indented like the items already there."""
        first, last = self.span(name)
        items = [line for line in self.lines[first + 1:last] if line.lstrip().startswith("- ")]
        indent = re.match(r"[ \t]*", items[0]).group(0) if items else "  "
        new = [indent + line + self.newline for line in rendered]
        self.lines[last:last] = new


def _continues(line: str) -> bool:
    """A line that belongs to the field above it: indented, a list item, blank or a comment."""
    return line[:1] in (" ", "\t") or line.startswith("- ") or line.rstrip("\r\n") == "-" \
        or _blank_or_comment(line)


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")
