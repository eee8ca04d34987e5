"""What the last successful build was made from: a build with nothing new does nothing.

After a build has swapped its site into place, and only then, ``record()`` writes
``site_src/.last-build.json``. It holds

- ``inputs``: a hash of every file the build read (the bytes of everything under
  ``content/``, the theme and ``portal.yml``), the site folder, ``--drafts`` and the
  generator itself (its code and the versions of the libraries that shape the pages);
- ``from`` and ``until``: the build's "now", and the first later moment at which "now"
  changes what the site shows (a meeting starts or ends, a held-back post appears, a new
  day begins: ``next_change()``);
- ``made_from``: a hash of the ``site_src/`` tree the build compiled, with the site folder
  and the generator;
- what the build reports (its page count and the news it held back).

``unchanged()`` lets the next build skip everything, generation included, when the inputs
are the same and its "now" falls between ``from`` and ``until``. Failing that, the build
regenerates ``site_src/``; ``is_current()`` still skips MkDocs when the tree comes out the
same. ``renders_on()`` tells the build it may start from the last site and render only the
pages whose sources changed (generator.site.languages): the same generator and the same
``mkdocs.yml`` made it. A build that was killed before its swap never wrote the file, and a
changed file, theme, setting, "now" or generator changes a hash: none can leave a stale
site in place.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.content.model import Site
from generator.content.publishing import HeldBack
from generator.core.i18n import THEME_DIR
from generator.core.version import code_version
from generator.site.project import SITE_SRC, Generated
from generator.site.site_folder import looks_like_a_build

STAMP = ".last-build.json"


@dataclass
class Kept:
    """What the last build reported, for a build that finds nothing new."""

    pages: int
    held_back: list[HeldBack] = field(default_factory=list)


def inputs(root: Path, site_dir: Path, drafts: bool) -> str:
    """A hash of every file a build reads, the site folder, ``drafts`` and the generator."""
    root = Path(root)
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{Path(site_dir).resolve()}\0{drafts}\0{code_version()}\0".encode())
    for base in (root / "content", THEME_DIR):
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for name in sorted(filenames):
                _add_file(h, Path(dirpath, name))
    _add_file(h, root / "portal.yml")
    return h.hexdigest()


def _add_file(h, path: Path) -> None:
    h.update(os.fsencode(path) + b"\0")
    try:
        if path.is_symlink():  # refused by the content stage; its target is not read
            h.update(b"link " + os.fsencode(os.readlink(path)))
        else:
            h.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    except OSError as exc:
        h.update(f"unreadable {exc.errno}".encode())
    h.update(b"\0")


def unchanged(root: Path, site_dir: Path, key: str, now: datetime) -> Kept | None:
    """What the last build reported, if ``site_dir`` holds the site this build would make."""
    recorded = _read(root)
    try:
        current = (recorded["inputs"] == key and looks_like_a_build(Path(site_dir))
                   and datetime.fromisoformat(recorded["from"]) <= now
                   < datetime.fromisoformat(recorded["until"]))
        if not current:
            return None
        return Kept(int(recorded["pages"]), [_held_back(h) for h in recorded["held_back"]])
    except (KeyError, TypeError, ValueError):  # written by an older portal
        return None


def is_current(root: Path, site_dir: Path, generated: Generated) -> bool:
    """True when ``site_dir`` holds the site the current ``site_src/`` builds."""
    recorded = _read(root)
    return (looks_like_a_build(Path(site_dir))
            and recorded.get("made_from") == _made_from(site_dir, generated))


def renders_on(root: Path, site_dir: Path) -> bool:
    """True when the pages in ``site_dir`` were made by this generator from this ``mkdocs.yml``,
    so a build may keep those whose sources did not change."""
    recorded = _read(root)
    return (looks_like_a_build(Path(site_dir))
            and recorded.get("renderer") == _renderer(root, site_dir))


def record(root: Path, site_dir: Path, generated: Generated, key: str, now: datetime) -> None:
    """Remember that ``site_dir`` now holds the site of the current ``site_src/``."""
    stamp = Path(root) / SITE_SRC / STAMP
    stamp.write_text(json.dumps({
        "inputs": key,
        "from": now.isoformat(),
        "until": next_change(generated.site, generated.held_back).isoformat(),
        "made_from": _made_from(site_dir, generated),
        "renderer": _renderer(root, site_dir),
        "pages": generated.pages,
        "held_back": [_held_back_json(h) for h in generated.held_back],
    }, indent=1), encoding="utf-8")


def next_change(site: Site, held_back: list[HeldBack]) -> datetime:
    """The first moment after the build's "now" at which "now" changes what the site shows: a
    meeting starts or ends, a held-back post is due, or a new day begins (in UTC, the district's
    time zone or a meeting's: dates, "today" and the calendars' DTSTAMP follow the day)."""
    now = site.now.astimezone(timezone.utc)
    zones = {timezone.utc, ZoneInfo(site.settings.timezone)}
    moments = []
    for m in site.meetings:
        zones.add(m.tz)
        moments += [m.start_utc, m.end_utc]
    moments += [h.appears for h in held_back if h.appears]
    for zone in zones:
        local = now.astimezone(zone)
        midnight = datetime.combine(local.date() + timedelta(days=1), time(0), zone)
        moments.append(midnight)
    return min(t.astimezone(timezone.utc) for t in moments if t.astimezone(timezone.utc) > now)


def _read(root: Path) -> dict:
    try:
        recorded = json.loads((Path(root) / SITE_SRC / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return recorded if isinstance(recorded, dict) else {}


def _made_from(site_dir: Path, generated: Generated) -> str:
    parts = [generated.digest, str(Path(site_dir).resolve()), code_version()]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def _renderer(root: Path, site_dir: Path) -> str:
    """The generator, the site folder and the MkDocs configuration the pages were rendered with."""
    try:
        config = (Path(root) / SITE_SRC / "mkdocs.yml").read_bytes()
    except OSError:
        config = b""
    parts = [hashlib.blake2b(config, digest_size=16).hexdigest(), str(Path(site_dir).resolve()),
             code_version()]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def _held_back_json(h: HeldBack) -> dict:
    return {"files": list(h.files), "draft": h.draft, "timezone": h.timezone,
            "appears": h.appears.isoformat() if h.appears else None}


def _held_back(data: dict) -> HeldBack:
    appears = datetime.fromisoformat(data["appears"]) if data["appears"] else None
    return HeldBack(tuple(data["files"]), bool(data["draft"]), appears, data["timezone"])
