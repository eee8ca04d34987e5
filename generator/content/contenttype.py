"""What every kind of content is made of: :class:`ContentType` (where its files live, its
fields, its pages) and :class:`Retired` (a field it no longer accepts). The kinds themselves are
declared in generator.content.schema."""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Callable

from generator.content.fieldtypes import Field, Obj


@dataclass
class ContentType:
    """One kind of content: where its files live, its fields, its pages."""

    name: str  # singular, e.g. "school"
    collection: str  # folder under content/<lang>/ and URL section, e.g. "schools"
    fields: list[Field]
    title_field: str
    body_help: str
    template: str
    list_template: str | None
    doc: str
    url_prefix: str | None = None  # defaults to the collection
    sort: Callable | None = dc_field(default=None, repr=False)
    retired: list["Retired"] = dc_field(default_factory=list, repr=False)
    # One file per language, content/<lang>/<collection>.md, instead of a folder of items:
    # the kind has a single item, named like the collection (the home page).
    single: bool = False

    def __post_init__(self):
        self.by_name = {f.name: f for f in self.fields}
        if self.url_prefix is None:
            self.url_prefix = self.collection

    def file_path(self, lang: str, slug: str) -> str:
        """Where an item's file in ``lang`` lives, from the project folder."""
        if self.single:
            return f"content/{lang}/{self.collection}.md"
        return f"content/{lang}/{self.collection}/{slug}.md"

    def as_obj(self) -> Obj:
        return Obj(self.fields)

    def json_schema(self) -> dict:
        schema = self.as_obj().json_schema()
        schema["title"] = f"portal {self.name}"
        schema["description"] = self.doc
        return schema


@dataclass(frozen=True)
class Retired:
    """A field (or some values of it) that older files may still hold and that is now refused,
    with a message saying what replaced it: staff who wrote the old way get told where their
    facts go now, rather than "not a field". ``values`` None: the whole field; ``suggestion``
    makes what to write instead from the file's front-matter and its name."""

    field: str
    values: tuple[str, ...] | None
    message: str
    expected: str
    suggestion: Callable[[dict, str], str]
