"""Build: generate site_src/, run MkDocs into a fresh folder, then swap it in.

A build with nothing new does nothing; one whose sources came out the same skips MkDocs;
otherwise MkDocs starts from links to the last site's files and renders only the pages
whose sources changed, when the last site was made by this generator with this
configuration (generator.site.last_build says when each holds).

MkDocs runs once per language, each in a process of its own when there are
cores to spare (generator.site.languages); the build's stage times are
recorded in ``BuildResult.stages`` (generator.core.timing).

The last good ``site/`` stays in place until a new build has succeeded in
full: MkDocs writes to a temporary sibling folder, which replaces ``site/``
only at the end. Then, and only then, the cache entries this build did not
use are deleted (generator.core.cache). Which folders may be replaced, and
how the swap keeps a site in place even if the build is killed, is
generator.site.site_folder.
"""
from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.content.pipeline import resolve_now
from generator.content.publishing import HeldBack
from generator.core import parallel
from generator.core.cache import prune as prune_cache
from generator.core.timing import recording, stage
from generator.site import engine
from generator.site import last_build
from generator.site.languages import BuildFailed, render_site
from generator.site.project import SITE_SRC, generate
from generator.site.site_folder import check_site_folder, recover, swap_in, temporary_folder


@dataclass
class BuildResult:
    site_dir: Path
    pages: int
    seconds: float
    held_back: list[HeldBack] = field(default_factory=list)  # news not published, for the report
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage (generator.core.timing)
    mkdocs_skipped: bool = False  # nothing changed since the last build: the site is current
    rendered_on: bool = False  # started from the last site and rendered only the changed pages


def build(root: Path, site_dir: Path | None = None, now: str | datetime | None = None,
          drafts: bool = False, jobs: int | None = None) -> BuildResult:
    """Build the site into ``site_dir``. ``jobs`` processes at most (None: PORTAL_JOBS, else every
    core; 1: everything in turn in this process, the same site byte for byte)."""
    started = time.monotonic()
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    try:
        check_site_folder(root, site_dir)  # before anything is written
        recover(site_dir)
    except OSError as exc:
        raise BuildFailed(f"the site folder {site_dir} cannot be used: {exc}") from None
    when = resolve_now(now)
    with parallel.jobs(jobs), recording() as stages:
        with stage("check"):
            key = last_build.inputs(root, site_dir, drafts)
            kept = last_build.unchanged(root, site_dir, key, when)
        if kept is not None:  # the same files, and "now" changed nothing: nothing to do
            return BuildResult(site_dir, kept.pages, time.monotonic() - started, kept.held_back,
                               stages, mkdocs_skipped=True)
        generated = generate(root, now=now, drafts=drafts)  # raises ContentErrors; writes nothing then
        if last_build.is_current(root, site_dir, generated):
            last_build.record(root, site_dir, generated, key, when)
            return BuildResult(site_dir, generated.pages, time.monotonic() - started,
                               generated.held_back, stages, mkdocs_skipped=True)
        tmp = temporary_folder(site_dir)
        previous = site_dir if last_build.renders_on(root, site_dir) else None
        try:
            render_site(root / SITE_SRC / "mkdocs.yml", tmp, generated.site.languages,
                        generated.site.default, previous=previous)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    try:
        swap_in(tmp, site_dir)
    except OSError as exc:
        raise BuildFailed(f"the new site could not take the place of {site_dir} ({exc}); "
                          "the last good site is unchanged") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # still there only if the swap was interrupted
    last_build.record(root, site_dir, generated, key, when)
    prune_cache(generated.site)  # only now that the build has succeeded
    return BuildResult(site_dir, generated.pages, time.monotonic() - started, generated.held_back,
                       stages, rendered_on=previous is not None)


def quiet_mkdocs(verbose: bool = False) -> None:
    """Show MkDocs' warnings (and its progress with --verbose) in plain words."""
    logger = logging.getLogger(engine.NAME)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    if not any(isinstance(h, logging.StreamHandler) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.propagate = False
