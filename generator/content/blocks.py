"""Checking the layout staff write in bodies: blocks (``/// columns`` ... ``///``) and classes.

A block with a name the theme does not know, or one that is never closed, would otherwise
come out as stray ``///`` lines or swallow the rest of the page; a class the theme does not
know would be removed without a word. Each is an error naming the file and line, with what
to write instead (generator.core.body_blocks has the blocks and the classes).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterator

from generator.content.merge import Source
from generator.core.body_blocks import BLOCK_NAMES, CLASSES
from generator.core.errors import Problems, did_you_mean

# pymdown-extensions' own fence: up to three spaces, three or more slashes, a name, "| title".
_FENCE = re.compile(r"^ {0,3}(?P<slashes>/{3,}) *(?P<name>[\w-]+)? *(?:\|.*)?$")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_HTML_CLASS = re.compile(r"""\bclass\s*=\s*["']([^"']*)["']""")
_KNOWN_CLASSES = set().union(*CLASSES.values())
_EXAMPLE = "/// note | Title, then the text, then a line with only ///"


@dataclass
class _Open:
    name: str
    slashes: str
    line: int


def check_body_blocks(site, problems: Problems) -> None:
    """Every body's blocks opened and closed, with known names, and only known classes."""
    for item in site.all_items():
        for source in item.sources.values():
            if source.body and ("///" in source.body or "class" in source.body or "{" in source.body):
                first = _first_line(site, source)
                _check_fences(source, first, problems)
                _check_classes(source, first, problems)


def _first_line(site, source: Source) -> int:
    """The line of the file the body starts on (after the front-matter)."""
    try:
        text = (site.settings.root / source.path).read_text(encoding="utf-8-sig")
    except OSError:
        return 1
    start = text.find(source.body[:60])
    return text.count("\n", 0, start) + 1 if start >= 0 else 1


def _lines(source: Source, first: int) -> Iterator[tuple[int, str]]:
    for offset, line in enumerate(source.body.splitlines()):
        yield first + offset, line


def _check_fences(source: Source, first: int, problems: Problems) -> None:
    opened: list[_Open] = []
    for number, line in _lines(source, first):
        fence = _FENCE.match(line)
        if fence is None:
            continue
        slashes, name = fence["slashes"], fence["name"]
        if name:
            if name not in BLOCK_NAMES:
                _unknown_block(source, number, name, problems)
            opened.append(_Open(name, slashes, number))
        elif opened and opened[-1].slashes == slashes:
            opened.pop()
        elif opened:
            top = opened[-1]
            problems.error(source.path, f"this line does not close the '{top.name}' block opened on line "
                                        f"{top.line}", field="text", line=number,
                           expected=f"a closing line of {len(top.slashes)} slashes, like its first line: "
                                    f"{top.slashes}", found=line.strip(),
                           suggestion=f"write {top.slashes} on a line of its own")
            opened.pop()
        else:
            problems.error(source.path, "this line closes a block, but no block is open here",
                           field="text", line=number,
                           expected="a line like '/// note' before it, that this line closes",
                           found=line.strip(),
                           suggestion=f"remove the line, or open a block above it ({_EXAMPLE})")
    for block in opened:
        problems.error(source.path, f"the '{block.name}' block is not closed",
                       field="text", line=block.line,
                       expected=f"a line with only {block.slashes} after the block's last line",
                       found="the end of the file",
                       suggestion=f"add a line with {block.slashes} where the {block.name} should end")


def _unknown_block(source: Source, number: int, name: str, problems: Problems) -> None:
    problems.error(source.path, f"'{name}' is not a kind of block the site knows",
                   field="text", line=number,
                   expected="one of: " + ", ".join(BLOCK_NAMES), found=f"/// {name}",
                   suggestion=did_you_mean(name, BLOCK_NAMES))


def _check_classes(source: Source, first: int, problems: Problems) -> None:
    """Classes staff add with attribute lists ({: .name }) or in HTML: only the theme's."""
    for number, line in _lines(source, first):
        written = [token[1:] for match in _ATTR_LIST.finditer(line)
                   for token in match.group(1).split() if token.startswith(".")]
        written += [name for match in _HTML_CLASS.finditer(line) for name in match.group(1).split()]
        for name in written:
            if name not in _KNOWN_CLASSES:
                problems.error(source.path, f"the class '{name}' is not one the site knows",
                               field="text", line=number,
                               expected="columns, cards and callouts written as blocks, like '/// columns' "
                                        "or '/// warning | Title'", found=name,
                               suggestion=_class_suggestion(name))


def _class_suggestion(name: str) -> str:
    close = difflib.get_close_matches(name, sorted(_KNOWN_CLASSES), n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    return "take the class out; for columns, cards and callouts write a block (see the staff guide)"
