"""Which extra pages and files the site gets, besides one page per item and per listing.

Each producer is a function ``producer(site, messages_for)`` returning PageSpec
(pages) or OutputFile (files published as they are) objects; see generator.derive.
"""
from __future__ import annotations

from .derive import FILE_PRODUCERS, PAGE_PRODUCERS  # noqa: F401  (appended to below)
