"""A file the site publishes as it is (a calendar, a contact card, a feed, an image)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputFile:
    """A file published as it is (a calendar, a contact card, a feed, an image).

    ``lang`` set: written to site_src/docs/<lang>/<rel> and published at
    /<rel> (default language) or /<lang>/<rel>. ``lang`` None: written to
    site_src/static/<rel> and published once at /<rel>.
    """

    rel: str
    data: str | bytes
    lang: str | None = None
    owner: str = ""


# Producers of extra pages (a page per service, a calendar month, a flyer...) register
