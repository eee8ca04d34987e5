"""An item of content: one school, person, council, meeting... in every language.

The kinds (generator.content.model) add what is particular to each; this is what they share:
identity, the merged record per language, and where a field is written (for messages).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.content.merge import Source
from generator.content.schema import ContentType
from generator.core.values import Text


@dataclass(eq=False)
class Item:
    ctype: ContentType
    slug: str
    sources: dict[str, Source]  # the files, by language
    data: dict[str, dict]  # the merged record, by language (every site language)
    body: dict[str, Text | None]
    site: "Site" = field(default=None, repr=False)  # generator.content.model.Site

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.slug}>"

    # -- identity and translation --------------------------------------------

    @property
    def collection(self) -> str:
        return self.ctype.collection

    @property
    def path(self) -> str:
        """Path of the item's page below a language root, e.g. 'schools/lincoln/'."""
        prefix = self.ctype.url_prefix
        return f"{prefix}/{self.slug}/" if prefix else f"{self.slug}/"

    def get(self, lang: str, name: str, default: Any = None) -> Any:
        value = self.data[lang].get(name)
        return default if value is None else value

    def title(self, lang: str) -> Text:
        return self.get(lang, self.ctype.title_field)

    def has_file(self, lang: str) -> bool:
        return lang in self.sources

    def source_lang(self) -> str:
        """The language the item was first written in (for fallbacks)."""
        d = self.site.settings.default_language
        return d if d in self.sources else next(iter(self.sources))

    def untranslated_words(self, lang: str) -> bool:
        """True when any words on the page are in another language."""
        return any(_foreign(v, lang) for v in self.data[lang].values()) or _foreign(
            self.body.get(lang), lang)

    def locate(self, name: str) -> tuple[str, int | None]:
        """(file, line) where a top-level field is written, for messages."""
        for src in self.sources.values():
            if name in src.data:
                return src.path, src.line((name,))
        src = next(iter(self.sources.values()))
        return src.path, None


def _foreign(value: Any, lang: str) -> bool:
    if isinstance(value, Text):
        return value.lang != lang
    if isinstance(value, list):
        return any(_foreign(v, lang) for v in value)
    if isinstance(value, dict):
        return any(_foreign(v, lang) for v in value.values())
    return False
