"""Links that staff write in Markdown bodies to other items and to files in content/files/.

Staff link to an item by the path of its content file, as their editor shows it
(``[the grant](../grants/ccspp-implementation-2024.md)`` from a news post), with or
without the language folder, relative to the file or from ``content/``; to a kind's
list by its folder's ``index.md`` (``../schools/index.md``); and to a file by its path
into ``content/files/`` (``/files/agenda.pdf``, ``../../files/agenda.pdf``). The link
means the item, not a language's file: each language's page links to the item's page
in its own language (generator.outputs.body_links rewrites it). External links, in-page
anchors and site addresses written by hand (``/meetings/``) are left as they are.

A link to an item or file that does not exist is an error naming the file and line, so
that no page goes out with a dead link.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import unquote

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.content.images.references import MARKDOWN_EXTENSIONS
from generator.content.merge import Source
from generator.content.schema import CONTENT_TYPES
from generator.core.errors import Problems, did_you_mean

_EXTERNAL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|//")
_HERE = "@"  # stands for the language folder while a relative path is resolved


@dataclass(frozen=True)
class Target:
    """What a body link points at: an item, a kind's list, the home page, or a file."""

    collection: str | None  # the item's kind (None: a file, or the home page)
    name: str | None  # the item's name; None for a list; for a file, its path ("files/agenda.pdf")
    fragment: str = ""  # "#milestones", kept as written

    @property
    def is_file(self) -> bool:
        return self.collection is None and self.name is not None


@dataclass(frozen=True)
class Link:
    """One staff link: where it points if found, or the closest it could mean."""

    href: str
    target: Target | None  # None: nothing of that name exists
    meant: Target  # the item or file the link names (missing or not)


def split_href(href: str) -> tuple[str, str]:
    """'../grants/x.md#milestones' -> ('../grants/x.md', '#milestones'); spaces written %20 decoded."""
    path, hash_, fragment = href.strip().partition("#")
    path = path.split("?", 1)[0]
    return unquote(path), hash_ + fragment


def _candidates(collection: str, path: str, languages) -> Iterator[list[str]]:
    """The paths inside content/ that ``path``, written in a file of ``collection``, may mean:
    relative to the file first, then from content/. A leading language folder is dropped."""
    tried = []
    if not path.startswith(("/", "\\")):
        tried.append(posixpath.normpath(f"{_HERE}/{collection}/{path}"))
    tried.append(posixpath.normpath(path.lstrip("/\\").removeprefix("content/")))
    for full in tried:
        parts = full.split("/")
        if parts[0] == ".." or not parts[-1]:
            continue
        if parts[0] == _HERE or parts[0] in languages:
            parts = parts[1:]
        yield parts


def _meant(parts: list[str]) -> Target | None:
    """The item, list or file a path inside content/ (language folder dropped) names, if any."""
    if len(parts) >= 2 and parts[0] == "files":
        return Target(None, "/".join(parts))
    if parts == ["index.md"]:
        return Target(None, None)
    if len(parts) == 2 and parts[0] in CONTENT_TYPES and parts[1].endswith(".md"):
        stem = parts[1].removesuffix(".md")
        return Target(parts[0], None if stem == "index" else stem)
    return None


def is_staff_link(href: str) -> bool:
    """A link portal rewrites: to a content file (.md) or into files/; not an address or anchor."""
    href = href.strip()
    if not href or href.startswith("#") or _EXTERNAL.match(href):
        return False
    path, _ = split_href(href)
    return path.endswith(".md") or "files/" in path.replace("\\", "/")


def resolve(site, collection: str, href: str) -> Link | None:
    """Where ``href``, written in the body of a ``collection`` item, points (None: not a staff link)."""
    if not is_staff_link(href):
        return None
    path, fragment = split_href(href)
    meant = None
    for parts in _candidates(collection, path.replace("\\", "/"), site.languages):
        target = _meant(parts)
        if target is None:
            continue
        target = Target(target.collection, target.name, fragment)
        if _exists(site, target):
            return Link(href, target, target)
        meant = meant or target
    if meant is None and path.endswith(".md"):
        meant = Target(collection, posixpath.basename(path).removesuffix(".md"), fragment)
    if meant is None:
        return None  # a path that only looks like one into files/ (like "myfiles/x")
    return Link(href, None, meant)


def _exists(site, target: Target) -> bool:
    if target.is_file:
        files = (site.settings.content_dir / "files").resolve()
        path = (site.settings.content_dir / target.name).resolve()
        return path.is_file() and path.is_relative_to(files)
    if target.collection is None:
        return True  # the home page
    if target.name is None:
        return CONTENT_TYPES[target.collection].list_template is not None
    item = site.items[target.collection].get(target.name)
    return item is not None and (site.drafts or getattr(item, "is_published", True))


# ---------------------------------------------------------------------------
# Finding the links of a body, as Python-Markdown reads them


class _Collect(Treeprocessor):
    def run(self, root):
        self.md.portal_links.extend(el.get("href") or "" for el in root.iter("a"))


class _CollectLinks(Extension):
    def extendMarkdown(self, md):
        md.portal_links = []
        md.treeprocessors.register(_Collect(md), "portal_collect_links", 5)


def body_links(body: str) -> list[str]:
    """The target of every Markdown link in ``body`` (inline and reference-style), in order;
    not those in code, nor raw HTML <a> tags, which portal leaves as written."""
    md = markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, _CollectLinks()])
    md.convert(body)
    return md.portal_links


def item_links(site) -> Iterator[tuple[object, Source, Link]]:
    """Every staff link in every item's body, in each language's own file."""
    for item in site.all_items():
        for source in item.sources.values():
            if not source.body or ("](" not in source.body and "]:" not in source.body):
                continue  # no Markdown link in it
            for href in body_links(source.body):
                link = resolve(site, item.ctype.collection, href)
                if link is not None:
                    yield item, source, link


def linked_files(site) -> list[str]:
    """The files in content/files/ that bodies link to (paths inside content/), each once, sorted."""
    return sorted({link.target.name for _, _, link in item_links(site)
                   if link.target is not None and link.target.is_file})


# ---------------------------------------------------------------------------
# Checking


def check_body_links(site, problems: Problems) -> None:
    """A link to an item or file that does not exist (or is a news post not published yet) is an
    error, with the content file and line and what the link may have meant."""
    for item, source, link in item_links(site):
        if link.target is not None or not _shown(site, item):
            continue
        line = _line(site, source, link.href)
        meant = link.meant
        held_back = site.items.get(meant.collection or "", {}).get(meant.name or "")
        if meant.is_file:
            _missing_file(site, problems, source, line, link)
        elif held_back is not None and not _shown(site, held_back):
            problems.error(source.path, "the link goes to a news post that is not published yet",
                           field="text", line=line, expected="a link to a published page",
                           found=link.href,
                           suggestion="take the link out until the post appears, or publish the post "
                                      "first (remove 'draft: true', or give it today's date)")
        else:
            _missing_item(site, problems, source, line, link)


def _shown(site, item) -> bool:
    """Whether the item has pages in this build (a news post held back has none, nor its links)."""
    return site.drafts or getattr(item, "is_published", True)


def _missing_file(site, problems: Problems, source: Source, line, link: Link) -> None:
    files = site.settings.content_dir / "files"
    known = [p.relative_to(site.settings.content_dir).as_posix() for p in files.rglob("*") if p.is_file()] \
        if files.is_dir() else []
    problems.error(source.path, "the link goes to a file that does not exist", field="text", line=line,
                   expected=f"a file in content/files/, like /{known[0] if known else 'files/agenda.pdf'}",
                   found=f"{link.href} (content/{link.meant.name})",
                   suggestion=_did_you_mean("/" + link.meant.name, ["/" + k for k in known])
                   or "put the file in content/files/ and link to /files/<name>")


def _missing_item(site, problems: Problems, source: Source, line, link: Link) -> None:
    meant = link.meant
    collection = meant.collection if meant.collection in site.items else None
    if collection is None:
        known = [f"../{c}/index.md" for c in site.items]
        kind = "page"
    else:
        known = [f"../{collection}/{slug}.md" for slug in site.items[collection]]
        kind = CONTENT_TYPES[collection].name
    problems.error(source.path, f"the link goes to a {kind} that does not exist", field="text", line=line,
                   expected="the path of a content file, like ../grants/<name>.md, or ../schools/index.md "
                            "for a list",
                   found=link.href,
                   suggestion=_did_you_mean(f"../{collection}/{meant.name}.md", known)
                   or "check the file name in content/")


def _did_you_mean(value: str, choices: list[str]) -> str:
    """Only a close match helps here: a list of every file would be too long to read."""
    text = did_you_mean(value, choices)
    return text if text.startswith("did you mean") else ""


def _line(site, source: Source, href: str) -> int | None:
    """The line of the file where the link is written (the body's first match)."""
    try:
        text = (site.settings.root / source.path).read_text(encoding="utf-8-sig")
    except OSError:
        return None
    start = text.find(source.body[:60]) if source.body else 0
    pos = text.find(href, max(start, 0))
    return text.count("\n", 0, pos) + 1 if pos >= 0 else None
