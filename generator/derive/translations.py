"""Translation state: which items are translated, missing, partial or outdated."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from generator.content.model import Item, Site, _foreign
from generator.content.tracking import HASH_FIELD, is_current

STATES = ("source", "translated", "partial", "outdated", "missing")


@dataclass
class Entry:
    collection: str
    slug: str
    lang: str
    state: str  # one of STATES
    file: str | None
    source_lang: str
    untranslated_fields: list[str] = field(default_factory=list)
    tracked: bool = True  # False: a translation with no recorded source_hash


def item_state(item: Item, lang: str) -> Entry:
    src_lang = item.source_lang()
    base = dict(collection=item.collection, slug=item.slug, lang=lang, source_lang=src_lang,
                file=item.sources[lang].path if lang in item.sources else None)
    if lang == src_lang:
        return Entry(state="source", **base)
    if lang not in item.sources:
        return Entry(state="missing", **base)
    foreign = sorted(name for name, value in item.data[lang].items() if _foreign(value, lang))
    if item.body.get(lang) is not None and item.body[lang].lang != lang:
        foreign.append("(body)")
    recorded = item.sources[lang].data.get(HASH_FIELD)
    if recorded and not is_current(item, str(recorded)):
        return Entry(state="outdated", untranslated_fields=foreign, **base)
    state = "partial" if foreign else "translated"
    return Entry(state=state, untranslated_fields=foreign, tracked=bool(recorded), **base)


def report(site: Site) -> list[Entry]:
    return [item_state(item, lang) for item in site.all_items() for lang in site.languages]


def totals(entries: list[Entry]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for e in entries:
        if e.state == "source":
            continue
        out.setdefault(e.lang, {s: 0 for s in STATES if s != "source"})[e.state] += 1
    return out


def as_json(site: Site, entries: list[Entry]) -> dict:
    return {
        "languages": site.languages,
        "default_language": site.default,
        "totals": totals(entries),
        "items": [asdict(e) for e in entries if e.state != "source"],
    }
