"""Writing staff files safely: never through a link, never outside the folder meant.

Commands that write content files (``portal new``, ``portal translations
mark``) go through these functions, so that a symbolic link under
``content/`` (even one pointing nowhere) can never make portal create or
change a file elsewhere on the computer, and a half-written file never
replaces a good one: an existing file is rewritten into a temporary file
next to it, which then replaces it in one step.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from generator.core.errors import PortalError


class UnsafePath(PortalError):
    """A write that could change a file outside the project, or through a link."""


def _shown(path: Path, base: Path) -> str:
    """A path as staff know it: relative to the project when it is inside it."""
    try:
        return path.relative_to(base.parent).as_posix()
    except ValueError:
        return str(path)


def check_inside(path: Path, folder: Path) -> Path:
    """``path`` as an absolute path, if writing it cannot leave ``folder``; else UnsafePath.

    Refused: a path outside ``folder`` (``..`` included) and a path where ``folder``
    itself or any folder or file on the way is a symbolic link, dangling or not.
    Parts that do not exist yet are fine: they will be created as real folders."""
    folder = Path(os.path.abspath(folder))
    target = Path(os.path.abspath(path))
    if target == folder or not target.is_relative_to(folder):
        raise UnsafePath(f"{_shown(target, folder)} is outside the {folder.name}/ folder; portal only "
                         f"writes content files inside {folder.name}/. Give a file in {folder.name}/.")
    parts = target.relative_to(folder).parts
    for depth in range(len(parts) + 1):
        step = folder.joinpath(*parts[:depth])
        try:
            mode = os.lstat(step).st_mode
        except FileNotFoundError:
            break
        if stat.S_ISLNK(mode):
            raise UnsafePath(f"{_shown(step, folder)} is a link to somewhere else (a symbolic link); "
                             "portal never writes through links, so that no file outside the project "
                             "is changed. Replace the link with the real file or folder.")
    return target


def create_new(path: Path, data: bytes, folder: Path) -> None:
    """Write a new file (and its folders) inside ``folder``; never replace anything that exists."""
    target = check_inside(path, folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    check_inside(target, folder)  # the folders just made are real ones
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    except FileExistsError:
        raise UnsafePath(f"{_shown(target, folder)} already exists; portal never overwrites a file. "
                         "Choose another name, or edit the existing file.") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except BaseException:
        target.unlink(missing_ok=True)  # no half-written file is left behind
        raise


def read_regular(path: Path, folder: Path) -> bytes:
    """The bytes of an existing regular file inside ``folder``, read without following links."""
    target = check_inside(path, folder)
    fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as src:
        if not stat.S_ISREG(os.fstat(src.fileno()).st_mode):
            raise UnsafePath(f"{_shown(target, folder)} is not an ordinary file")
        return src.read()


def rewrite(path: Path, data: bytes, folder: Path) -> None:
    """Replace an existing regular file inside ``folder`` in one step, keeping its permissions.

    The new text goes to a temporary file in the same folder, which then takes the
    file's place (``os.replace``): a crash leaves either the old file or the new one."""
    target = check_inside(path, folder)
    mode = os.lstat(target).st_mode
    if not stat.S_ISREG(mode):
        raise UnsafePath(f"{_shown(target, folder)} is not an ordinary file")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
