"""The site's images: checked (and processed) with the other rules, kept in ``site.images``."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.images.avatars import AVATAR_SIZES, avatar_colour, initials
from generator.content.images.image import VERSION, ImageError, ProcessedImage
from generator.content.images.inspect import inspect, resolve
from generator.content.images.process import _Job, _processed, _run_all
from generator.content.images.references import (
    Reference,
    body_references,
    field_references,
)
from generator.content.merge import dotted
from generator.core.errors import Problems
from generator.core.timing import stage

CACHE_DIR = Path(".cache") / "images"


def _avatar_job(person, lang: str) -> tuple[_Job, str]:
    """The avatar a photo-less person gets (cached by its letters and colour)."""
    name = str(person.title(lang))
    letters = initials(name)
    colour = avatar_colour(person.slug)
    digest = hashlib.sha256(f"avatar\0{VERSION}\0{letters}\0{colour}\0{AVATAR_SIZES}".encode()).hexdigest()
    return _Job(digest, "avatar", (letters, colour)), name


# ---------------------------------------------------------------------------
# The site's images: checked in the rules step, published by a file producer


@dataclass
class ImageLibrary:
    """Every processed image of one build (``site.images``)."""

    content_dir: Path
    by_src: dict[str, ProcessedImage] = field(default_factory=dict)
    avatars: dict[str, ProcessedImage] = field(default_factory=dict)  # person slug -> avatar
    owners: dict[str, set] = field(default_factory=dict)  # key -> {(collection, slug)} that name it

    def key(self, src: str) -> str | None:
        try:
            return (self.content_dir / src.strip()).resolve().relative_to(
                self.content_dir.resolve()).as_posix()
        except (ValueError, OSError):
            return None

    def get(self, src: str) -> ProcessedImage | None:
        key = self.key(src)
        return self.by_src.get(key) if key else None

    def all(self) -> list[ProcessedImage]:
        return list(self.by_src.values()) + list(self.avatars.values())


def cache_dir(site) -> Path:
    return site.settings.root / CACHE_DIR


def check_images(site, problems: Problems) -> None:
    """Rule: every image named in content is a safe, readable file; alt text where needed.

    Processes what is not cached yet, and leaves the results in ``site.images``.
    """
    settings = site.settings.images
    content = site.settings.content_dir
    cache = cache_dir(site)
    library = ImageLibrary(content)
    refs = list(field_references(site)) + list(body_references(site))
    wanted: dict[str, tuple[str, str, str]] = {}  # key -> (digest, stem, src)
    users: dict[str, list[Reference]] = {}
    jobs: list[_Job] = []

    def report(ref: Reference, exc: ImageError, shown: str) -> None:
        problems.error(ref.file, f"{shown}: {exc.message}" if shown else exc.message, field=ref.field,
                       line=ref.line, expected=exc.expected, found=exc.found, suggestion=exc.suggestion)

    failed: dict[str, ImageError] = {}
    for ref in refs:
        if not ref.src:
            problems.error(ref.file, "an image in the text names no file", field=ref.field, line=ref.line,
                           expected="a photo in content/, like ![What it shows](images/photo.jpg)",
                           found="<img> without src",
                           suggestion="give its path, like images/photo.jpg, or remove it")
            continue
        if not ref.decorative and not ref.alt:
            if ref.path:
                problems.error(ref.file, f"the image {ref.src} has no alt text", field=dotted(ref.path + ("alt",)),
                               line=ref.line, expected="alt: a short description of what the photo shows, "
                               "for people who cannot see it",
                               suggestion=f"add 'alt: ...' under '{dotted(ref.path)}' (in each language's file), "
                                          "or 'decorative: true' if it adds nothing to the page")
            elif ref.html:
                problems.error(ref.file, f"the image {ref.src} has no alt text", field=ref.field, line=ref.line,
                               expected='alt="what the photo shows" in the <img> tag',
                               suggestion=f'write <img src="{ref.src}" alt="a short description">')
            else:
                problems.error(ref.file, f"the image {ref.src} has no alt text", field=ref.field, line=ref.line,
                               expected="a description between the brackets: ![What the photo shows](...)",
                               suggestion=f"write ![a short description]({ref.src})")
        try:
            path = resolve(content, ref.src)
        except ImageError as exc:
            report(ref, exc, "")
            continue
        key = path.relative_to(content.resolve()).as_posix()
        users.setdefault(key, []).append(ref)
        library.owners.setdefault(key, set()).add((ref.item.collection, ref.item.slug))
        if key in wanted or key in failed:
            continue
        try:
            data, kind = inspect(path, settings)
        except ImageError as exc:
            failed[key] = exc
            continue
        digest = hashlib.sha256(data).hexdigest()
        wanted[key] = (digest, path.stem, ref.src)
        jobs.append(_Job(digest, kind, data))

    avatar_people = {}
    for person in site.items.get("people", {}).values():
        if person.get(site.default, "photo") is None:
            job, _ = _avatar_job(person, site.default)
            avatar_people[person.slug] = job
            jobs.append(job)

    with stage("images"):
        results = _run_all(jobs, cache, settings)
    for key, (digest, stem, src) in wanted.items():
        result = results[digest]
        if isinstance(result, ImageError):
            failed[key] = result
        else:
            library.by_src[key] = _processed(key, stem, digest, result, cache)
    for key, exc in failed.items():
        for ref in users[key]:  # every file that names the image hears about it
            report(ref, exc, f"content/{key}")
    for slug, job in avatar_people.items():
        result = results[job.digest]
        if isinstance(result, dict):
            library.avatars[slug] = _processed("", f"avatar-{slug}", job.digest, result, cache)
    site.images = library


def image_for(site, src: str) -> ProcessedImage | None:
    """The processed image for a path as written in content (None if unknown)."""
    library = getattr(site, "images", None)
    return library.get(src) if library else None


def avatar_for(site, person) -> ProcessedImage | None:
    library = getattr(site, "images", None)
    return library.avatars.get(person.slug) if library else None


def published_images(site) -> list[ProcessedImage]:
    """Images named by items that are published (not by a draft or a post dated later), and avatars."""
    library = getattr(site, "images", None)
    if library is None:
        return []
    out = [image for key, image in library.by_src.items()
           if any(slug in site.items.get(coll, {}) for coll, slug in library.owners.get(key, ()))]
    return out + [a for slug, a in library.avatars.items() if slug in site.items.get("people", {})]
