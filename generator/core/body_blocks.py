"""Layout in page bodies without HTML: columns, cards, callouts and checklists in Markdown.

Staff write blocks in the documented syntax of pymdown-extensions' Blocks::

    /// columns
    ### Integrated student supports
    Health, food and clothing at school.

    ### Expanded learning
    After school and summer programs.
    ///

    /// warning | Bring your ID
    The office asks for it at the door.
    ///

Each heading inside ``columns`` or ``cards`` starts a column (or a card). A callout's title is
written after ``|``; without one the page's language gives it ("Note", "Nota"), filled in by
:func:`finish_body` once the page's language is known. ``- [ ]`` and ``- [x]`` list items
become disabled checkboxes (pymdownx.tasklist), each labelled by its own text here so screen
readers announce "checked" or "not checked" with the words. ``/// caption`` after a table
gives it a caption (pymdownx.blocks.caption), which stays outside the table's scrolling box.

The blocks put only the classes in :data:`CLASSES` on the elements named there; the sanitiser
keeps exactly those (generator.core.sanitize), so a class staff invent is dropped, and
generator.content.blocks reports it before a build.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from functools import lru_cache
from itertools import count
from pathlib import Path
from typing import Callable

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from generator.core.email_breaks import breakable_emails
from generator.core.i18n import THEME_DIR

CALLOUT_KINDS = ("note", "important", "warning", "success")
LAYOUTS = ("columns", "cards")
# "/// caption" after a table or picture is pymdown-extensions' own (pymdownx.blocks.caption).
BLOCK_NAMES = (*LAYOUTS, *CALLOUT_KINDS, "caption")

# Every class a body may carry, on the element that may carry it (nh3's allowed_classes).
CLASSES: dict[str, set[str]] = {
    "div": {"columns", "columns--cards", "columns__item", "callout",
            *(f"callout--{kind}" for kind in CALLOUT_KINDS)},
    "p": {"callout__title"},
    "ul": {"task-list"},
    "ol": {"task-list"},
    "li": {"task-list-item"},
    "label": {"task-list__label"},
}

_HEADINGS = {f"h{n}" for n in range(1, 7)}


class _Layout(Block):
    """``/// columns`` or ``/// cards``: the block's content split at its headings."""

    ARGUMENT = False

    def on_create(self, parent: etree.Element) -> etree.Element:
        classes = "columns" if self.NAME == "columns" else "columns columns--cards"
        return etree.SubElement(parent, "div", {"class": classes})

    def on_end(self, block: etree.Element) -> None:
        """Each child goes into the item its heading opened; text before the first heading
        goes into the first item. pymdown-extensions may end a block twice when a block inside
        it closes: an item made the first time stays as it is."""
        children = list(block)
        level = next((child.tag for child in children if child.tag in _HEADINGS), None)
        for child in children:
            block.remove(child)
        item = None
        for child in children:
            if child.tag == "div" and child.get("class") == "columns__item":
                item = child
                block.append(child)
                continue
            if item is None or child.tag == level:
                item = etree.SubElement(block, "div", {"class": "columns__item"})
            item.append(child)


class _Columns(_Layout):
    NAME = "columns"


class _Cards(_Layout):
    NAME = "cards"


class _Callout(Block):
    """``/// note``, ``/// important``, ``/// warning``, ``/// success``, with an optional
    ``| Title``. The title is left empty for :func:`finish_body` when not written."""

    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = etree.SubElement(parent, "div", {"class": f"callout callout--{self.NAME}"})
        title = etree.SubElement(box, "p", {"class": "callout__title"})
        title.text = self.argument or ""
        return box


def _callout(kind: str) -> type[_Callout]:
    return type(f"_Callout_{kind}", (_Callout,), {"NAME": kind})


class _TaskLabels(Treeprocessor):
    """Puts each task item's checkbox and words in one <label>, so the checkbox has a name.

    Runs after pymdownx.tasklist has marked the items and before the inline Markdown is
    read, so the words are still the item's (or its first paragraph's) text."""

    def run(self, root: etree.Element) -> None:
        for li in root.iter("li"):
            if "task-list-item" not in (li.get("class") or "").split():
                continue
            holder = li if li.text and li.text.strip() else next(iter(li), None)
            if holder is None or not holder.text:
                continue
            label = etree.Element("label", {"class": "task-list__label"})
            label.text, holder.text = holder.text, None
            holder.insert(0, label)


class BodyBlocksExtension(BlocksExtension):
    """Columns, cards and callouts (pymdown-extensions' Blocks) and labelled checklists."""

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        for block in (_Columns, _Cards, *(_callout(kind) for kind in CALLOUT_KINDS)):
            block_mgr.register(block, {})
        md.treeprocessors.register(_TaskLabels(md), "portal_task_labels", 24)


def makeExtension(**kwargs) -> Extension:  # noqa: N802 (Python-Markdown's name)
    return BodyBlocksExtension(**kwargs)


# ---------------------------------------------------------------------------
# After sanitising: what needs the page's language, and what staff may not write themselves

_ID = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?\s)id="([^"<>]*)"')  # in a tag: text never holds "<"
_THEME_ID = re.compile(r'\bid="([A-Za-z][\w-]*)"')
_CALLOUT = re.compile(r'<div class="callout callout--(?P<kind>[a-z]+)">\s*'
                      r'<p class="callout__title">(?P<title>.*?)</p>', re.S)
_TABLE = re.compile(r"<table\b.*?</table>", re.S)


def finish_body(html_text: str, t: Callable[..., str]) -> str:
    """A sanitised body made ready for its page, ``t`` giving the text of the body's language.

    An id the body shares with the theme (a heading "About" on a school page, whose section
    is ``#about``) or with a callout becomes ``text-<id>``, so every id on the page is its own.
    Callouts get their default title (``body.callout.<kind>``) and are named by their title
    (``role="note"`` labelled by it); every table is put in a box that scrolls sideways on its
    own, which keyboard users can reach, named by its number (``body.table``, "Table 2": each
    region needs a name of its own). E-mail addresses break only after "@" or a dot
    (generator.core.email_breaks)."""
    return breakable_emails(_box_tables(_name_callouts(_own_ids(html_text), t), t))


def _name_callouts(html_text: str, t: Callable[..., str]) -> str:
    numbers = count(1)

    def callout(match: re.Match) -> str:
        number, kind = next(numbers), match["kind"]
        title = match["title"] or html.escape(t(f"body.callout.{kind}"))
        return (f'<div class="callout callout--{kind}" role="note" aria-labelledby="callout-{number}">'
                f'<p class="callout__title" id="callout-{number}">{title}</p>')

    return _CALLOUT.sub(callout, html_text)


def _box_tables(html_text: str, t: Callable[..., str]) -> str:
    numbers = count(1)

    def table(match: re.Match) -> str:
        label = html.escape(t("body.table", number=next(numbers)), quote=True)
        return f'<div class="table-wrap" role="region" tabindex="0" aria-label="{label}">{match.group(0)}</div>'

    return _TABLE.sub(table, html_text)


@lru_cache(maxsize=None)
def theme_ids(theme_dir: Path = THEME_DIR) -> frozenset[str]:
    """The ids the theme's templates write as they are (``id="main"``, ``id="milestones"``)."""
    return frozenset(name for template in sorted(theme_dir.rglob("*.html"))
                     for name in _THEME_ID.findall(template.read_text(encoding="utf-8")))


def _own_ids(html_text: str) -> str:
    taken = theme_ids()

    def rename(match: re.Match) -> str:
        name = match[2]
        if name in taken or name.startswith("callout-"):
            return f'{match[1]}id="text-{name}"'
        return match[0]

    return _ID.sub(rename, html_text)
