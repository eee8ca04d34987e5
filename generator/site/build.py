"""Build: generate site_src/, run MkDocs into a fresh folder, then swap it in.

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

from jinja2 import TemplateError

from generator.site import engine  # first: lets ProperDocs stand in for MkDocs
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.content.publishing import HeldBack
from generator.core.cache import prune as prune_cache
from generator.core.errors import PortalError
from generator.site.project import SITE_SRC, generate
from generator.site.site_folder import check_site_folder, recover, swap_in, temporary_folder


class BuildFailed(PortalError):
    pass


@dataclass
class BuildResult:
    site_dir: Path
    pages: int
    seconds: float
    held_back: list[HeldBack] = field(default_factory=list)  # news not published, for the report


def build(root: Path, site_dir: Path | None = None, now: str | datetime | None = None,
          drafts: bool = False) -> BuildResult:
    started = time.monotonic()
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    try:
        check_site_folder(root, site_dir)  # before anything is written
        recover(site_dir)
    except OSError as exc:
        raise BuildFailed(f"the site folder {site_dir} cannot be used: {exc}") from None
    generated = generate(root, now=now, drafts=drafts)  # raises ContentErrors; writes nothing then
    tmp = temporary_folder(site_dir)
    try:
        config = load_config(str(root / SITE_SRC / "mkdocs.yml"), site_dir=str(tmp))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildFailed(f"the site could not be built: {exc}") from None
    except TemplateError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        where = f" ({exc.name}, line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise BuildFailed(f"a theme template failed{where}: {exc.message}") from exc
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
    prune_cache(generated.site)  # only now that the build has succeeded
    return BuildResult(site_dir, generated.pages, time.monotonic() - started, generated.held_back)


def quiet_mkdocs(verbose: bool = False) -> None:
    """Show MkDocs' warnings (and its progress with --verbose) in plain words."""
    logger = logging.getLogger(engine.NAME)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    if not any(isinstance(h, logging.StreamHandler) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.propagate = False
