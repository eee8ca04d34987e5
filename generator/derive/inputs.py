"""Inputs: a fingerprint of everything a page shows, written into the page's source.

A page's source under ``site_src/docs/`` is small (its template, title and item); the
theme draws the rest from the model. Without more, a school page's source would stay
the same when one of its meetings moved, and a preview rendering only the sources that
changed would keep showing the old time. So each source carries ``portal.inputs``: a
hash of

- the site-wide parts every page shows: the settings, the theme (templates, styles,
  catalogues, icons), the free pages (the footer lists them), which pages exist (the
  language switcher offers a page's other languages), the photos and files under
  ``content/``, and what "now" decides (today's date, which meetings are past);
- the items the page shows, as its producer declares them in ``PageSpec.shows``: an
  entry ``"schools/lincoln"`` is that item, the items it names and the items those name,
  and the items naming it and the items naming those (a school page lists its councils and
  their meetings; a meeting page names its body and the body's school), an entry
  ``"meetings"`` is every item of that kind with the same around each, and an entry
  starting with ``=`` is a value the page shows, given as text (the meeting filter's
  choices and counts, made once per language). A page that
  declares nothing shows every item: forgetting to declare makes a page re-render too
  often, never too rarely. ``tests/site/test_incremental.py`` fails when a page's HTML
  changes while its source does not.

When a page's inputs do not change, its source stays byte for byte the same, so it is
not rewritten and ``portal serve`` does not render it again; when they change, it is.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from generator.content.item import Item
from generator.content.model import Site
from generator.core.i18n import THEME_DIR
from generator.core.values import Ref
from generator.derive.once import per_build
from generator.derive.page import PageSpec

# Hashes of files already read, by (path, size, modification time): a preview hashes a
# photo or a template again only once it changed.
_FILE_HASHES: dict[tuple[str, int, int], str] = {}


def with_inputs(site: Site, pages: list[PageSpec]) -> list[PageSpec]:
    """``pages``, each with ``inputs`` set to the fingerprint of what it shows."""
    prints = fingerprints(site)
    which = " ".join(sorted(f"{p.lang}/{p.src}" for p in pages))  # the language switcher's
    common = _digest([prints.site_wide, which, prints.graph.entry("pages")])
    return [replace(page, inputs=_digest([common, *prints.graph.digests(page.shows)])) for page in pages]


@dataclass(frozen=True)
class Fingerprints:
    """The site-wide parts and every item's neighbourhood, hashed once per build."""

    site_wide: str
    graph: "_Graph"

    def of(self, *shows: str) -> str:
        """The fingerprint of the site-wide parts and of these entries (as ``PageSpec.shows``):
        also what a file other than a page is made from (a meeting's calendar event)."""
        return _digest([self.site_wide, *self.graph.digests(shows)])


@per_build
def fingerprints(site: Site) -> Fingerprints:
    return Fingerprints(_site_wide(site), _Graph(site))


class _Graph:
    """Every item's own digest, who it names and who names it; digests of entries, memoised."""

    def __init__(self, site: Site):
        self.items = {(i.collection, i.slug): i for i in site.all_items()}
        self.own = {key: _item_digest(item) for key, item in self.items.items()}
        names: dict[tuple[str, str], set[tuple[str, str]]] = {key: set() for key in self.items}
        named_by: dict[tuple[str, str], set[tuple[str, str]]] = {key: set() for key in self.items}
        for key, item in self.items.items():
            for ref in _refs(item.data):
                target = (ref.collection, ref.slug)
                if target in names and target != key:
                    names[key].add(target)
                    named_by[target].add(key)
        self.near = {key: {key}.union(*(names[k] | {k} for k in names[key]),
                                      *(named_by[k] | {k} for k in named_by[key]))
                     for key in self.items}
        self.entry = cache(self._entry)

    def digests(self, shows: tuple[str, ...]) -> list[str]:
        return [self.entry(name) for name in sorted(set(shows or ("*",)))]

    def _entry(self, name: str) -> str:
        """The digest of one entry of ``PageSpec.shows`` (see the module's docstring)."""
        if name.startswith("="):
            return _digest([name])
        if name == "*":
            keys = set(self.items)
        elif "/" in name:
            keys = set(self.near.get(tuple(name.split("/", 1)), ()))
        else:
            keys = set().union(*(self.near[k] for k in self.items if k[0] == name))
        return _digest([name, *(f"{k[0]}/{k[1]}:{self.own[k]}" for k in sorted(keys))])


def _item_digest(item: Item) -> str:
    """What the item's files say, in every language (merged values are made from them)."""
    files = [[src.lang, src.path, src.data, src.body] for _, src in sorted(item.sources.items())]
    return _digest([json.dumps(files, sort_keys=True, default=str, ensure_ascii=False)])


def _refs(value):
    """Every reference (``Ref``) anywhere in a merged record."""
    if isinstance(value, Ref):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _refs(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _refs(v)


def _site_wide(site: Site) -> str:
    """The parts of the site every page may show, and the state "now" gives it."""
    s = site.settings
    parts = [
        _file_hash(s.root / "portal.yml"),
        *_tree_hashes(THEME_DIR),
        *_tree_hashes(s.content_dir / "images"),
        *_tree_hashes(s.content_dir / "files"),
        f"today {site.today.isoformat()} drafts {site.drafts}",
        "past " + " ".join(m.slug for m in site.meetings if m.is_past),
    ]
    return _digest(parts)


def _tree_hashes(base: Path) -> list[str]:
    """Every file under ``base`` (its path and the hash of its bytes), in a fixed order."""
    found = []
    if base.is_dir():
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for name in sorted(filenames):
                path = Path(dirpath, name)
                found.append(f"{path.relative_to(base).as_posix()}:{_file_hash(path)}")
    return found


def _file_hash(path: Path) -> str:
    try:
        st = os.lstat(path)
    except OSError:
        return "absent"
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _FILE_HASHES:
        try:
            data = path.read_bytes()
        except OSError:  # a link to nowhere: the content stage reports it if a page names it
            return "unreadable"
        _FILE_HASHES[key] = hashlib.blake2b(data, digest_size=16).hexdigest()
    return _FILE_HASHES[key]


def _digest(parts: list[str]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()
