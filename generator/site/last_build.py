"""What the last successful build was made from, so that a build with nothing new skips MkDocs.

Every page's source under ``site_src/`` carries a fingerprint of all it shows, "now"
included (generator.derive.inputs), so two equal ``site_src/`` trees give equal sites.
After a build has swapped its site into place, and only then, ``record()`` writes
``site_src/.last-build.json``: a hash of the tree, the site folder and the generator itself
(its code and the versions of MkDocs and its plugins). The next build skips MkDocs when
``is_current()`` finds the same hash and the site folder still holds a build. A build that
was killed before its swap never wrote the file, and a changed theme, setting, "now" or
generator changes the hash: neither can leave a stale site in place.
"""
from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata
from pathlib import Path

from generator.site.project import SITE_SRC, Generated

STAMP = ".last-build.json"
GENERATOR_DIR = Path(__file__).resolve().parents[1]
ENGINE = ("mkdocs", "mkdocs-static-i18n", "properdocs")


def is_current(root: Path, site_dir: Path, generated: Generated) -> bool:
    """True when ``site_dir`` holds the site the current ``site_src/`` builds."""
    try:
        recorded = json.loads((Path(root) / SITE_SRC / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    built = all((Path(site_dir) / name).is_file() for name in ("sitemap.xml", "404.html"))
    return built and recorded == {"made_from": _made_from(site_dir, generated)}


def record(root: Path, site_dir: Path, generated: Generated) -> None:
    """Remember that ``site_dir`` now holds the site of the current ``site_src/``."""
    stamp = Path(root) / SITE_SRC / STAMP
    stamp.write_text(json.dumps({"made_from": _made_from(site_dir, generated)}), encoding="utf-8")


def _made_from(site_dir: Path, generated: Generated) -> str:
    parts = [generated.digest, str(Path(site_dir).resolve()), _generator_version()]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


@cache
def _generator_version() -> str:
    """The generator's own code and the engine's versions: a new portal rebuilds every page."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(GENERATOR_DIR.rglob("*.py")):
        h.update(path.relative_to(GENERATOR_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    for name in ENGINE:
        try:
            h.update(f"{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name} absent".encode())
    return h.hexdigest()
