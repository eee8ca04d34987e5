"""The component library's examples, as content: written out as a small project and checked.

Each component of the theme (``themes/portal/components/<name>/``) may have an
``examples.yml`` beside its template: its title, the items only its examples use, and
its examples (``show``: the Jinja that calls the component's macros, ``c``, with the
example's ``item`` and ``args``). The items the examples share, and the fictional
district's settings, are in ``themes/portal/examples/district.yml``.

So that an example cannot show what content could not say, the items are written out
as content files (``site_src/examples/content/<lang>/<kind>/<name>.md``, with a
``portal.yml`` in the site's own languages) and go through the content stage like any
project: an example with a wrong field fails the build. The pages then show them as
they show real items (generator.site.theme.components).
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from generator.content.images.process import stats as image_stats
from generator.content.model import Site
from generator.content.pipeline import check_content, resolve_now
from generator.core import yamlish
from generator.core.errors import ContentErrors, PortalError, Problem
from generator.core.i18n import MESSAGES_DIR, THEME_DIR
from generator.core.theme_files import (
    COMPONENTS_DIR,
    EXAMPLES_DIR,
    EXAMPLES_FILE,
    STYLES_DIR,
    components_with_examples,
)
from generator.site.writer import TreeWriter

DISTRICT_FILE = EXAMPLES_DIR / "district.yml"
EXAMPLES_PROJECT = "examples"  # below site_src/
EXAMPLE_IMAGES = "components/"  # the examples' pictures are published under /components/images/


class BadExamples(PortalError):
    """A theme's examples file that cannot be read: a theme bug, named with its file."""


@dataclass(frozen=True)
class Example:
    """One example of a component: what it shows, in words per language, and how."""

    id: str
    label: dict[str, str]
    show: str
    item: str = ""  # "<kind>/<name>" of the item it shows, if any
    args: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Component:
    name: str
    title: dict[str, str]
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class Gallery:
    """Every component with examples, and the checked site of the items they show."""

    site: Site
    components: tuple[Component, ...]


def example_files() -> list[Path]:
    """Every component's examples file, in the order of the components' names."""
    return [COMPONENTS_DIR / name / EXAMPLES_FILE for name in components_with_examples()]


def named(path: Path) -> str:
    """An examples file as a message names it: themes/portal/components/chart/examples.yml."""
    return (f"themes/portal/{path.relative_to(THEME_DIR).as_posix()}"
            if path.is_relative_to(THEME_DIR) else str(path))


def read(path: Path) -> dict:
    try:
        data, _ = yamlish.load(path.read_text(encoding="utf-8"))
    except yamlish.YamlError as exc:
        raise BadExamples(f"{named(path)}, line {exc.line}: {exc.message}")
    if not isinstance(data, dict):
        raise BadExamples(f"{named(path)}: expected a mapping of settings, items "
                          "and examples")
    return data


_GALLERIES: dict[str, tuple[tuple, Gallery]] = {}  # project folder -> (what it was made from, gallery)


def theme_fingerprint() -> tuple:
    """Path, size and modification time of every file the examples are made from and shown with."""
    entries = []
    for base in (COMPONENTS_DIR, EXAMPLES_DIR, MESSAGES_DIR, STYLES_DIR):
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for name in sorted(filenames):
                st = os.lstat(os.path.join(dirpath, name))
                entries.append((os.path.join(dirpath, name), st.st_size, st.st_mtime_ns))
    return tuple(entries)


def cached_gallery(site: Site, root: Path) -> Gallery:
    """The component library's examples, checked again only when the theme or the site's
    languages or time zone changed: a big district's every regeneration (``portal serve``)
    would otherwise run the examples through the whole content stage too."""
    project = Path(root).resolve() / "site_src" / EXAMPLES_PROJECT
    s = site.settings
    made_from = (theme_fingerprint(), tuple((lang.code, lang.name) for lang in s.languages),
                 site.default, s.timezone)
    cached = _GALLERIES.get(str(project))
    if cached and cached[0] == made_from and _still_written(project, cached[1]):
        return cached[1]
    result = load_gallery(site, root)
    _GALLERIES[str(project)] = (made_from, result)
    return result


def _still_written(project: Path, made: Gallery) -> bool:
    """Whether the examples' project and its processed pictures are still on disk (the pages
    publish the pictures from there)."""
    return (project / "portal.yml").is_file() and all(
        v.path.is_file() for image in made.site.images.all() for v in image.variants)


def load_gallery(site: Site, root: Path) -> Gallery:
    """Write the examples' project under ``root``/site_src/examples/, check it, and read every
    component's examples. Raises ContentErrors (naming the written files) for a bad item."""
    district = read(DISTRICT_FILE)
    items = dict(district.get("items") or {})
    given_in = dict.fromkeys(items, DISTRICT_FILE)
    components = []
    for path in example_files():
        data = read(path)
        for key, item in (data.get("items") or {}).items():
            if key in items:
                raise BadExamples(f"{named(path)}: the item {key} is already "
                                  "given by another examples file; give this one its own name")
            items[key], given_in[key] = item, path
        components.append(component(path, data))
    project = Path(root) / "site_src" / EXAMPLES_PROJECT
    write_project(project, site, district.get("settings") or {}, items)
    counted = Counter(image_stats)  # the build's report counts the district's images, not these
    try:
        checked = check_content(project, now=resolve_now(str(district["now"])))
    except ContentErrors as exc:
        raise ContentErrors([where_given(p, given_in) for p in exc.problems])
    finally:
        image_stats.clear()
        image_stats.update(counted)
    for comp in components:
        for example in comp.examples:
            kind, _, name = example.item.partition("/")
            if example.item and name not in checked.site.items.get(kind, {}):
                raise BadExamples(f"themes/portal/components/{comp.name}/{EXAMPLES_FILE}, example "
                                  f"{example.id}: there is no item {example.item} in the examples "
                                  f"(items are given as <kind>/<name>, like meetings/2026-12-08-example-sac)")
    return Gallery(checked.site, tuple(components))


def where_given(problem: Problem, given_in: dict[str, Path]) -> Problem:
    """A problem of a written example file, named by the examples file and item it comes from."""
    parts = Path(problem.file).parts  # content/<lang>/<kind>/<name>.md, or portal.yml
    if len(parts) == 4 and parts[0] == "content":
        key = f"{parts[2]}/{Path(parts[3]).stem}"
        source = given_in.get(key, DISTRICT_FILE)
        where = f"{named(source)}, item {key} ({parts[1]})"
    else:
        where = f"{named(DISTRICT_FILE)}, settings"
    return replace(problem, file=where, line=None)


def component(path: Path, data: dict) -> Component:
    examples = []
    for i, entry in enumerate(data.get("examples") or [], start=1):
        if not isinstance(entry, dict) or not entry.get("show") or not entry.get("label"):
            raise BadExamples(f"{named(path)}: example {i} needs a label and "
                              "'show' (the Jinja that shows it)")
        examples.append(Example(id=str(entry.get("id") or i), label=entry["label"],
                                show=entry["show"], item=entry.get("item") or "",
                                args=entry.get("args") or {}))
    return Component(path.parent.name, data.get("title") or {}, tuple(examples))


def write_project(project: Path, site: Site, settings: dict, items: dict) -> None:
    """portal.yml in the site's languages and time zone, and one content file per item per language."""
    languages = site.settings.languages
    config = {**settings, "languages": [{"code": lang.code, "name": lang.name} for lang in languages],
              "default_language": site.default, "timezone": site.settings.timezone}
    config_text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    project.mkdir(parents=True, exist_ok=True)
    settings_file = project / "portal.yml"
    if not settings_file.exists() or settings_file.read_text(encoding="utf-8") != config_text:
        settings_file.write_text(config_text, encoding="utf-8")
    writer = TreeWriter(project / "content")  # not the project: its .cache/ stays
    for key, item in sorted(items.items()):
        facts = item.get("facts") or {}
        for lang in languages:
            front = {**facts, **(item.get(lang.code) or {})}
            body = (item.get("body") or {}).get(lang.code, "")
            text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body
            writer.add(f"{lang.code}/{key}.md", text, f"example item {key}")
    writer.commit()
