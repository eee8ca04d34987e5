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
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from jinja2 import TemplateError

from generator.site import engine  # noqa: F401  (first: lets ProperDocs stand in for MkDocs)
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.core import progress
from generator.core.errors import PortalError
from generator.core.parallel import can_fork, pool, workers
from generator.core.timing import merge, recording

PARTS = ".parts"


class BuildFailed(PortalError):
    pass


def render_site(config_file: Path, site_dir: Path, languages: list[str], default: str) -> None:
    """Run MkDocs for every language into ``site_dir`` (an empty temporary folder)."""
    count = min(len(languages), workers())
    if count <= 1 or not can_fork():
        run_mkdocs(config_file, site_dir)
        return
    parts = site_dir / PARTS
    order = [default, *(lang for lang in languages if lang != default)]  # as mkdocs-static-i18n
    try:
        with _forwarding() as events:
            with pool(count, initializer=_child, initargs=(events,)) as executor:
                tables = list(executor.map(_render_language, [config_file] * len(order),
                                           [parts / lang for lang in order], order))
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


def run_mkdocs(config_file: Path, site_dir: Path, language: str | None = None) -> None:
    """One MkDocs build into ``site_dir``: every language in turn, or only ``language``.

    A failure is a BuildFailed in plain words, without a traceback."""
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        if language is not None:
            i18n = config.plugins["i18n"]
            i18n.current_language = language  # this language's pages, in its own folder (/es/)
            i18n.building = True  # and no other language after it
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, OSError) as exc:
        raise BuildFailed(f"the site could not be built: {exc}") from None
    except TemplateError as exc:
        where = f" ({exc.name}, line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise BuildFailed(f"a theme template failed{where}: {exc.message}") from exc


def _render_language(config_file: Path, part: Path, language: str) -> dict[str, float]:
    """In a child process: one language's MkDocs build; its stage times go back to the parent."""
    with recording() as table:
        run_mkdocs(config_file, part, language)
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
