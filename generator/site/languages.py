"""MkDocs for every language, side by side, put together into one site folder.

mkdocs-static-i18n builds the default language and then, one after the
other, every further language, in one process. With more than one core,
each language is built instead by its own process, forked after
``site_src/`` is written, so each starts with the generated model in memory
(generator.site.project caches it) and loads nothing again. Each renders
into its own part of the temporary site folder, ``.parts/<lang>/``; the
parts are then put together as the one-after-the-other build would have
left them: the default language's part is the site, each other language
adds its own folder (``/es/``), and files every language writes alike (the
theme's assets, images, the sitemap) are kept once. The root ``/404.html``
is the default language's, as in a build in one process (generator.site.plugin).

``PORTAL_JOBS=1`` (generator.core.parallel) keeps the build in one process,
exactly as mkdocs-static-i18n does it; the tests compare the two sites byte
for byte.

Given the last site (``previous``), each part starts as that site's files for
its language, and MkDocs renders it "dirty": only the pages whose sources are
newer than their outputs, which are exactly those whose fingerprints changed
(generator.derive.inputs). Files the build no longer makes (the page of a
deleted meeting) are then removed (``_remove_stale``). The part holds hard
links to the last site's files, not copies, so starting costs no copying; the
last site must stay as it is until the swap, so while a dirty build runs every
file MkDocs or the plugin writes is first unlinked (``_fresh``): a file
written is a new file, and the last site's stays as it was.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import sys
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from jinja2 import TemplateError

from generator.site import engine  # first: lets ProperDocs stand in for MkDocs
from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File

from generator.core import progress
from generator.core.errors import PortalError
from generator.core.parallel import can_fork, pool, workers
from generator.core.timing import merge, recording

PARTS = ".parts"
# What MkDocs writes on every build, some of it in place (sitemap.xml.gz)
ALWAYS_WRITTEN = ("sitemap.xml", "sitemap.xml.gz", "404.html")


class BuildFailed(PortalError):
    pass


def render_site(config_file: Path, site_dir: Path, languages: list[str], default: str,
                previous: Path | None = None) -> None:
    """Run MkDocs for every language into ``site_dir`` (an empty temporary folder), starting
    from the pages of the last site ``previous`` when given."""
    count = min(len(languages), workers())
    others = [lang for lang in languages if lang != default]
    if count <= 1 or not can_fork():
        if previous is not None:
            _link_site(previous, site_dir)
        run_mkdocs(config_file, site_dir, dirty=previous is not None)
        return
    parts = site_dir / PARTS
    order = [default, *others]  # as mkdocs-static-i18n
    if previous is not None:
        _link_site(previous, parts / default, leave_out=others)
        for lang in others:
            if (previous / lang).is_dir():
                _link_site(previous / lang, parts / lang / lang)
    try:
        with _forwarding() as events:
            with pool(count, initializer=_child, initargs=(events,)) as executor:
                tables = list(executor.map(_render_language, [config_file] * len(order),
                                           [parts / lang for lang in order], order,
                                           [previous is not None] * len(order)))
    except BrokenProcessPool:
        raise BuildFailed("the build of one language stopped unexpectedly (the computer may be "
                          "short of memory). Run the build again, or with PORTAL_JOBS=1 to build "
                          "one language at a time.") from None
    for table in tables:
        merge(table)
    try:
        for entry in (parts / default).iterdir():  # the default language's part is the site
            entry.rename(site_dir / entry.name)
        for lang in order[1:]:
            _add_language(parts / lang, site_dir, lang)
        shutil.rmtree(parts)
    except OSError as exc:
        raise BuildFailed(f"the site could not be built: {exc}") from None


def run_mkdocs(config_file: Path, site_dir: Path, language: str | None = None,
               dirty: bool = False) -> None:
    """One MkDocs build into ``site_dir``: every language in turn, or only ``language``;
    ``dirty``: rendering only the pages whose sources are newer than their copies there.

    A failure is a BuildFailed in plain words, without a traceback."""
    started = time.time()
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        if language is not None:
            i18n = config.plugins["i18n"]
            i18n.current_language = language  # this language's pages, in its own folder (/es/)
            i18n.building = True  # and no other language after it
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            with _dirty(dirty):
                mkdocs_build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
        if dirty:
            _remove_stale(site_dir, config.plugins["portal"].made, started)
    except (MkDocsException, OSError) as exc:
        raise BuildFailed(f"the site could not be built: {exc}") from None
    except TemplateError as exc:
        where = f" ({exc.name}, line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise BuildFailed(f"a theme template failed{where}: {exc.message}") from exc


class _QuietDirty(logging.Filter):
    """MkDocs' warning that a dirty build may leave navigation out of date does not hold here:
    every page's fingerprint holds the navigation, so such a page is rendered again."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(("A 'dirty' build", "The directory contains stale"))


@contextmanager
def _dirty(dirty: bool):
    """While a dirty build runs: MkDocs' warning about it left out, the command line saying
    ``--dirty`` (how mkdocs-static-i18n decides to build its further languages dirty), and
    every file written a new file (``_fresh``)."""
    if not dirty:
        yield
        return
    logger, quiet, argv = logging.getLogger(f"{engine.NAME}.commands.build"), _QuietDirty(), list(sys.argv)
    logger.addFilter(quiet)
    sys.argv.append("--dirty")
    written = mkdocs_utils.write_file, mkdocs_utils.copy_file, File.copy_file
    mkdocs_utils.write_file, mkdocs_utils.copy_file = _fresh(written[0]), _fresh(written[1])
    File.copy_file = _fresh_copy(written[2])
    try:
        yield
    finally:
        logger.removeFilter(quiet)
        sys.argv[:] = argv
        mkdocs_utils.write_file, mkdocs_utils.copy_file, File.copy_file = written


def _fresh(write):
    """``write(what, path)``, writing a new file at ``path``: a link to the last site's is
    removed first, not written through."""

    def fresh(what, path, *args, **kwargs):
        unlink(path)
        return write(what, path, *args, **kwargs)

    return fresh


def _fresh_copy(copy):
    """MkDocs' ``File.copy_file``, which may write a file's content in place: the same, into a
    new file."""

    def fresh(file, dirty=False):
        if not dirty or file.is_modified():
            unlink(file.abs_dest_path)
        return copy(file, dirty)

    return fresh


def unlink(path) -> None:
    """Remove the file at ``path`` if there is one (a link to the last site's)."""
    try:
        if not os.path.isdir(path):
            os.unlink(path)
    except FileNotFoundError:
        pass


def _link_site(source: Path, target: Path, leave_out: list[str] = ()) -> None:
    """Start a dirty build from the last site's files, linked (with their times, the same
    inodes), but not the folders of ``leave_out`` (the further languages, which their own parts
    render). The files MkDocs writes on every build are removed: it writes some in place."""
    ignore = (lambda folder, names: [n for n in names if n in leave_out]
              if Path(folder) == source else [])
    shutil.copytree(source, target, symlinks=True, ignore=ignore, dirs_exist_ok=True,
                    copy_function=os.link)
    for name in ALWAYS_WRITTEN:
        unlink(target / name)


def _remove_stale(site_dir: Path, made: set[str], started: float) -> None:
    """After a dirty build: remove the files of the last site this build did not make again or
    keep (a deleted meeting's page), and the folders left empty."""
    since = started - 0.1  # a file's time may lag the clock by a tick
    for folder, dirs, files in os.walk(site_dir, topdown=False):
        rel = Path(folder).relative_to(site_dir)
        for name in files:
            path = Path(folder, name)
            if (rel / name).as_posix() not in made and path.lstat().st_mtime < since:
                path.unlink()
        if rel.parts and not os.listdir(folder):
            os.rmdir(folder)


def _render_language(config_file: Path, part: Path, language: str, dirty: bool) -> dict[str, float]:
    """In a child process: one language's MkDocs build; its stage times go back to the parent."""
    with recording() as table:
        run_mkdocs(config_file, part, language, dirty)
    return table


def _child(events) -> None:
    """A child reports its progress to the parent through ``events``, and shows nothing itself."""
    progress.report_to(events.put if events is not None else None)


@contextmanager
def _forwarding():
    """A queue the children put their progress on, forwarded to this process's reporter while
    the block runs (None when nobody shows progress)."""
    forward = progress.current()
    if forward is None:
        yield None
        return
    events = multiprocessing.get_context("fork").Queue()

    def run() -> None:
        while (event := events.get()) is not None:
            forward(event)

    thread = threading.Thread(target=run, name="portal-progress", daemon=True)
    thread.start()
    try:
        yield events
    finally:
        events.put(None)
        thread.join()


def _add_language(part: Path, site_dir: Path, lang: str) -> None:
    """Add a further language's folder (``/es/``) to the site, and of the rest of its part only
    the files no language put there before it (the same in every language)."""
    if not os.path.lexists(site_dir / lang):
        (part / lang).rename(site_dir / lang)
    for folder, dirs, files in os.walk(part):
        rel = Path(folder).relative_to(part)
        dirs.sort()
        target = site_dir / rel
        target.mkdir(exist_ok=True)
        for name in sorted(files):
            if rel.parts[:1] == (lang,) or not os.path.lexists(target / name):
                os.replace(Path(folder) / name, target / name)
