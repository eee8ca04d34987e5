"""The site folder: where a build may go, what a killed build left, and the swap.

A build replaces its whole site folder, so the folder is checked first: it
must not be, hold or sit inside the project's own files, and a folder that
already holds files must look like an earlier portal build. A portal build
always has ``sitemap.xml`` and ``404.html`` at its top (both come from the
theme), and nothing staff keep elsewhere is likely to have both; an empty
folder is fine too. Nothing is added to the published site to mark it.

MkDocs writes into ``.<site>.tmp-<pid>`` next to the site folder, which
then takes the site's place. Where Linux offers it, the two folders are
exchanged in one step (``renameat2`` with ``RENAME_EXCHANGE``), so the site
is never missing. Elsewhere the old site is first renamed to
``.<site>.old-<pid>``; should the build be killed right then, the next build
puts it back. Every build also removes what killed builds left behind (only
folders named as above, next to the site folder, whose build is no longer
running).
"""
from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
from pathlib import Path

from generator.core.errors import PortalError

PORTAL_BUILD_MARKS = ("sitemap.xml", "404.html")
PROTECTED = {"content": "the content files staff write", "themes": "the theme",
             ".git": "the project's history", "site_src": "the files the build reads"}
CHOOSE = "Leave out --site-dir to build into site/ in the project, or give a new or empty folder."


class UnsafeSiteFolder(PortalError):
    pass


def check_site_folder(root: Path, site_dir: Path) -> None:
    """Refuse a site folder that a build would replace with harm (both paths already resolved)."""
    shown = f"the site folder {site_dir}"
    if site_dir in root.parents:
        raise UnsafeSiteFolder(f"{shown} holds the project folder {root}: building there would delete "
                               f"the project and everything else in it. {CHOOSE}")
    if site_dir == root:
        raise UnsafeSiteFolder(f"{shown} is the project folder: building there would delete content/, "
                               f"themes/ and every other file in it. {CHOOSE}")
    if site_dir == _home():
        raise UnsafeSiteFolder(f"{shown} is your home folder: building there would delete every file "
                               f"in it. {CHOOSE}")
    for name, what in PROTECTED.items():
        kept = root / name
        if site_dir == kept or kept in site_dir.parents:
            where = "is" if site_dir == kept else "is inside"
            raise UnsafeSiteFolder(f"{shown} {where} {name}/, which holds {what}: a build replaces its "
                                   f"whole site folder, so building there would delete them. {CHOOSE}")
    if site_dir.exists() and not site_dir.is_dir():
        raise UnsafeSiteFolder(f"{shown} is a file, not a folder. Give a folder for the site.")
    if site_dir.is_dir() and any(site_dir.iterdir()) and not looks_like_a_build(site_dir):
        raise UnsafeSiteFolder(
            f"{shown} already holds files that are not a site built by portal (a portal build has "
            f"{' and '.join(PORTAL_BUILD_MARKS)} at its top): building there would delete them. "
            "Give an empty or new folder, or move those files away first.")


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except RuntimeError:  # no home folder known: nothing to compare with
        return None


def looks_like_a_build(folder: Path) -> bool:
    return all((folder / name).is_file() for name in PORTAL_BUILD_MARKS)


def temporary_folder(site_dir: Path) -> Path:
    """Where this build's MkDocs writes, next to the site folder."""
    return site_dir.with_name(f".{site_dir.name}.tmp-{os.getpid()}")


def recover(site_dir: Path) -> None:
    """Undo what killed builds left: put a set-aside site back if the site is missing, then
    remove the rest of their temporary folders."""
    leftovers = _leftovers(site_dir)
    set_aside = [p for kind, p in leftovers if kind == "old"]
    if set_aside and not os.path.lexists(site_dir):
        newest = max(set_aside, key=lambda p: p.stat().st_mtime)
        newest.rename(site_dir)
        leftovers = [(kind, p) for kind, p in leftovers if p != newest]
    for _, path in leftovers:
        shutil.rmtree(path, ignore_errors=True)


def _leftovers(site_dir: Path) -> list[tuple[str, Path]]:
    """("tmp" or "old", folder) for every temporary folder of a build that is not running."""
    pattern = re.compile(rf"\.{re.escape(site_dir.name)}\.(tmp|old)-([0-9]+)")
    found = []
    parent = site_dir.parent
    for entry in sorted(parent.iterdir()) if parent.is_dir() else []:
        match = pattern.fullmatch(entry.name)
        if match and entry.is_dir() and not entry.is_symlink() and not _running(int(match[2])):
            found.append((match[1], entry))
    return found


def _running(pid: int) -> bool:
    """Whether another process with this id is running (this one's builds are never in progress
    when a new one starts)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OverflowError:
        return False  # no process can have such an id
    return True


def swap_in(new: Path, site_dir: Path) -> None:
    """Put the finished folder ``new`` in the place of ``site_dir``, which is never missing."""
    if not os.path.lexists(site_dir):
        new.rename(site_dir)
        return
    if exchange(new, site_dir):
        shutil.rmtree(new, ignore_errors=True)  # it now holds the previous site
        return
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    site_dir.rename(old)
    try:
        new.rename(site_dir)
    except BaseException:
        if not os.path.lexists(site_dir):
            old.rename(site_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV}


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))
