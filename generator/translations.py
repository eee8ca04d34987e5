"""Translation state: which items are translated, missing, partial or outdated.

How the build knows a translation is outdated: a translation file records
``source_hash``, a short fingerprint of the source-language words (every
per-language field and the body) it was translated from. ``portal
translations mark`` writes it. When the source words change, the fingerprint
no longer matches and the translated page says it may be out of date. The
fingerprint lives in the content, so this works in any clone, shallow or not.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .model import Item, Site
from .schema import Field, ListOf, Obj

HASH_FIELD = "source_hash"
STATES = ("source", "translated", "partial", "outdated", "missing")


def _words(fields: dict[str, Field], data: Any) -> Any:
    """The per-language words in raw front-matter, in a stable structure."""
    if not isinstance(data, dict):
        return None
    out = {}
    for name, f in fields.items():
        if name == HASH_FIELD or data.get(name) is None:
            continue
        value = data[name]
        if f.translatable:
            out[name] = value
        elif isinstance(f.type, Obj) and isinstance(value, dict):
            sub = _words(f.type.fields, value)
            if sub:
                out[name] = sub
        elif isinstance(f.type, ListOf) and isinstance(f.type.item, Obj) and isinstance(value, list):
            entries = [_words(f.type.item.fields, v) for v in value]
            if any(entries):
                out[name] = entries
    return out


def source_hash(item: Item) -> str:
    """Fingerprint of the source language's words for ``item``."""
    src = item.sources[item.source_lang()]
    words = _words(item.ctype.by_name, src.data)
    text = json.dumps(words, sort_keys=True, ensure_ascii=False, default=str) + "\n" + src.body.strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


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
    if recorded and str(recorded) != source_hash(item):
        return Entry(state="outdated", untranslated_fields=foreign, **base)
    state = "partial" if foreign else "translated"
    return Entry(state=state, untranslated_fields=foreign, tracked=bool(recorded), **base)


def _foreign(value, lang) -> bool:
    from .model import _foreign as is_foreign
    return is_foreign(value, lang)


def check_tracking(site: Site, problems) -> None:
    """Warn about translations whose source version is not recorded (they can't be flagged outdated)."""
    for item in site.all_items():
        for lang, src in item.sources.items():
            if lang == item.source_lang() or src.data.get(HASH_FIELD):
                continue
            problems.warning(
                src.path, "this translation does not record which version of the "
                f"{item.source_lang()} text it follows, so changes to that text cannot be flagged",
                field=HASH_FIELD, expected=f"a '{HASH_FIELD}:' line written by portal",
                suggestion=f"once it is up to date, run: portal translations mark {src.path}")


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


def mark(site: Site, paths: list[Path]) -> list[tuple[str, str]]:
    """Record the current source fingerprint in each translation file.

    Returns (file, outcome) pairs; outcome is "marked", "already" (it was up to date)
    or "source" (the file is the text others are translated from: nothing to mark)."""
    root = site.settings.root
    by_file = {src.path: (item, lang) for item in site.all_items() for lang, src in item.sources.items()}
    changed = []
    for path in paths:
        rel = _relative(Path(path), root)
        if rel not in by_file:
            raise KeyError(rel)
        item, lang = by_file[rel]
        if lang == item.source_lang():
            changed.append((rel, "source"))
        elif write_hash(root / rel, source_hash(item)):
            changed.append((rel, "marked"))
        else:
            changed.append((rel, "already"))
    return changed


def _relative(path: Path, root: Path) -> str:
    """A path given on the command line, relative to the project (or to the current folder)."""
    for candidate in ((root / path), (Path.cwd() / path), path):
        candidate = candidate.resolve()
        if candidate.exists() and candidate.is_relative_to(root):
            return candidate.relative_to(root).as_posix()
    return path.as_posix()


_FM_END = re.compile(r"^---\s*$", re.M)


def write_hash(path: Path, value: str) -> bool:
    """Set ``source_hash: value`` in a file's front-matter, keeping everything else as written."""
    text = path.read_text(encoding="utf-8")
    line = f"{HASH_FIELD}: {value}"
    existing = re.search(rf"^{HASH_FIELD}:.*$", text, re.M)
    if existing:
        if existing.group(0).strip() == line:
            return False
        new = text[: existing.start()] + line + text[existing.end():]
    else:
        ends = list(_FM_END.finditer(text))
        if len(ends) < 2:
            return False
        close = ends[1]
        new = text[: close.start()] + line + "\n" + text[close.start():]
    path.write_text(new, encoding="utf-8")
    return True
