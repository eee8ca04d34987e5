"""Translation tracking: the fingerprint of the source text a translation follows.

How the build knows a translation is outdated: a translation file records
``source_hash``, a short fingerprint of the source-language words (every
per-language field and the body) it was translated from. ``portal
translations mark`` writes it. When the source words change, the fingerprint
no longer matches and the translated page says it may be out of date. The
fingerprint lives in the content, so this works in any clone, shallow or not.

A meeting's ``status_note`` is left out of the fingerprint: it says why a
meeting was cancelled or moved, and a new note written in one language must
not mark the rest of the translation outdated (the untranslated note is shown
marked in its own language instead). Fingerprints recorded before this change
included the note; they are still accepted (``is_current``), so no existing
translation becomes outdated because of it.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from generator.content.fieldtypes import Field, ListOf, Obj
from generator.content.model import Item, Site

HASH_FIELD = "source_hash"
UNTRACKED = {HASH_FIELD, "status_note"}  # not part of the words a translation follows


def _words(fields: dict[str, Field], data: Any, skip=frozenset(UNTRACKED)) -> Any:
    """The per-language words in raw front-matter (but the top-level ``skip``), in a stable structure."""
    if not isinstance(data, dict):
        return None
    out = {}
    for name, f in fields.items():
        if name in skip or data.get(name) is None:
            continue
        value = data[name]
        if f.translatable:
            out[name] = value
        elif isinstance(f.type, Obj) and isinstance(value, dict):
            sub = _words(f.type.fields, value, frozenset({HASH_FIELD}))
            if sub:
                out[name] = sub
        elif isinstance(f.type, ListOf) and isinstance(f.type.item, Obj) and isinstance(value, list):
            entries = [_words(f.type.item.fields, v, frozenset({HASH_FIELD})) for v in value]
            if any(entries):
                out[name] = entries
    return out


def source_hash(item: Item, skip: frozenset = frozenset(UNTRACKED)) -> str:
    """Fingerprint of the source language's words for ``item`` (but the fields in ``skip``)."""
    src = item.sources[item.source_lang()]
    words = _words(item.ctype.by_name, src.data, skip)
    text = json.dumps(words, sort_keys=True, ensure_ascii=False, default=str) + "\n" + src.body.strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def is_current(item: Item, recorded: str) -> bool:
    """Whether a translation that recorded ``recorded`` follows the source's current words.

    Also true for a fingerprint written before ``status_note`` was left out of it."""
    return recorded in (source_hash(item), source_hash(item, frozenset({HASH_FIELD})))


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
