"""The project's ``.cache/``: processed images (``.cache/images/``), sharing cards
(``.cache/cards/``) and the calendars' events (``.cache/calendars/``), named by content hash.

Entries are never changed, only added, so without pruning the cache would keep
every photo and every title ever built. After a build has succeeded in full,
:func:`prune` deletes the entries that build did not use, so the cache holds
what the last good build needs (a later build with the same content processes
and draws nothing). Nothing is deleted after a failed build, by ``portal check``
or by ``portal serve``. Only files named like entries, directly inside those
folders of the project, are deleted; anything else there is left alone, and
links are never followed.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable
from weakref import WeakKeyDictionary

CACHE = ".cache"
ENTRY = {
    "images": re.compile(r"[0-9a-f]{64}(?:-\d+\.(?:webp|jpg|png|svg)|\.json)"),
    "cards": re.compile(r"[0-9a-f]{32}\.png"),
    "calendars": re.compile(r"[0-9a-f]{32}\.json"),
}

_USED: WeakKeyDictionary = WeakKeyDictionary()  # site -> {area: {file name}}


def note_used(site, area: str, names: Iterable[str]) -> None:
    """Record that this build uses these entries of ``.cache/<area>/``."""
    _USED.setdefault(site, {}).setdefault(area, set()).update(names)


def used(site) -> dict[str, set[str]]:
    """The entries a build uses, by area (only areas the build has looked at)."""
    out = {area: set(names) for area, names in _USED.get(site, {}).items()}
    library = getattr(site, "images", None)
    if library is not None:
        names = out.setdefault("images", set())
        for image in library.all():
            names.add(f"{image.digest}.json")
            names.update(v.path.name for v in image.variants)
    return out


def prune(site) -> int:
    """Delete the cache entries the build of ``site`` did not use; return how many."""
    base = Path(site.settings.root) / CACHE
    if base.is_symlink() or not base.is_dir():
        return 0
    removed = 0
    for area, keep in used(site).items():
        folder = base / area
        if folder.is_symlink() or not folder.is_dir():
            continue
        with os.scandir(folder) as entries:
            for entry in entries:
                if (entry.name in keep or not ENTRY[area].fullmatch(entry.name)
                        or not entry.is_file(follow_symlinks=False)):
                    continue
                try:
                    os.unlink(entry.path)
                    removed += 1
                except FileNotFoundError:  # another build pruned it first
                    pass
    return removed
