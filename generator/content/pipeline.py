"""Load, validate and model: from a project folder to a :class:`~generator.content.model.Site`.

Nothing here writes files. Every problem is collected; if any is an error,
:class:`~generator.core.errors.ContentErrors` is raised once with all of them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from generator.content.datetypes import FIRST_YEAR, LAST_YEAR, DateTimeType
from generator.content.fieldtypes import Context, Invalid
from generator.content.loader import load_content
from generator.content.merge import Merger
from generator.content.model import ITEM_CLASSES, Item, Site
from generator.content.publishing import HeldBack, drop_unpublished
from generator.content.rules import check_rules
from generator.content.schema import CONTENT_TYPES
from generator.content.settings import load_settings
from generator.content.tracking import check_tracking
from generator.core.errors import PortalError, Problems, did_you_mean, show
from generator.core.values import Text


class BadTime(PortalError, ValueError):
    """--now or SOURCE_DATE_EPOCH cannot be read."""


def resolve_now(value: str | datetime | None) -> datetime:
    """The build's "now": --now, else SOURCE_DATE_EPOCH, else the clock (UTC)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if value:
        try:
            parsed = DateTimeType().coerce(value.replace("T", " "), Context())
        except Invalid as exc:
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                raise BadTime(f"--now: expected a date and time like 2026-12-03 17:30, found {value!r}")
            if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
                raise BadTime(f"--now: {exc.message}")
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            now = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise BadTime(f"SOURCE_DATE_EPOCH: expected seconds since 1970, found {epoch!r}")
        if not FIRST_YEAR <= now.year <= LAST_YEAR:
            raise BadTime(f"SOURCE_DATE_EPOCH: {epoch} is not between the years {FIRST_YEAR} "
                          f"and {LAST_YEAR}")
        return now
    return datetime.now(timezone.utc)


@dataclass
class Checked:
    """The content stage's result: the site, its warnings, and the news it holds back."""

    site: Site
    problems: Problems
    held_back: list[HeldBack] = field(default_factory=list)


def build_site(root: Path, now: datetime | None = None, drafts: bool = False) -> tuple[Site, Problems]:
    """The checked site and its warnings (see :func:`check_content` for what is held back)."""
    checked = check_content(root, now=now, drafts=drafts)
    return checked.site, checked.problems


def check_content(root: Path, now: datetime | None = None, drafts: bool = False) -> Checked:
    """Settings, files, fields, languages, model, rules: raises ContentErrors with every error."""
    root = Path(root).resolve()
    problems = Problems()
    settings = load_settings(root, problems)
    if settings is None:
        problems.raise_if_errors()
    loaded = load_content(settings, problems)
    ctx = Context(settings)
    items: dict[str, dict[str, Item]] = {}
    refs = []
    for collection, ctype in CONTENT_TYPES.items():
        merger = Merger(settings.language_codes, settings.default_language, ctx, problems,
                        type_name=ctype.name)
        items[collection] = {}
        for slug, sources in sorted(loaded.items(collection).items()):
            merger.partial = (collection, slug) in loaded.failed
            data = merger.merge(ctype.by_name, sources, tuple(ctype.retired))
            body = merger.pick_words(
                {lang: Text(src.body, lang) for lang, src in sources.items() if src.body})
            items[collection][slug] = ITEM_CLASSES[collection](
                ctype=ctype, slug=slug, sources=sources, data=data,
                body={lang: body.get(lang) for lang in settings.language_codes})
        refs.extend(merger.refs)

    for ref, src, path in refs:
        targets = items.get(ref.collection, {})
        if ref.slug not in targets and (ref.collection, ref.slug) not in loaded.failed:
            kind = CONTENT_TYPES[ref.collection].name
            problems.error(
                src.path, f"there is no {kind} called '{ref.slug}'",
                field=".".join(str(p) if not isinstance(p, int) else f"[{p + 1}]" for p in path).replace(".[", "["),
                line=src.line(path),
                expected=f"the name of a file in content/<language>/{ref.collection}/ (without .md)",
                found=show(ref.slug), suggestion=did_you_mean(ref.slug, targets))

    site = Site(settings=settings, now=resolve_now(now), items=items, drafts=drafts)
    for item in site.all_items():
        item.site = site
    if not problems.errors:
        check_rules(site, problems)
        check_tracking(site, problems)
    problems.raise_if_errors()
    return Checked(site, problems, drop_unpublished(site))
