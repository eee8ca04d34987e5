"""Small value objects produced by validation and used by the model and the theme."""
from __future__ import annotations

from dataclasses import dataclass


class Text(str):
    """Words in a known language.

    ``Text`` is a ``str`` that remembers which language it is written in, so
    a template can mark an untranslated passage with the right ``lang``
    attribute (WCAG 3.1.2) wherever it is shown.
    """

    lang: str

    def __new__(cls, value: str, lang: str):
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj

    def __reduce__(self):
        return (Text, (str(self), self.lang))


@dataclass(frozen=True)
class Ref:
    """A reference to another item, resolved in the model step."""

    collection: str
    slug: str

    def __str__(self) -> str:
        return self.slug
