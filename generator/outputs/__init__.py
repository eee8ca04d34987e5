"""Outputs: the files the site publishes as they are, besides its pages.

News feeds, sharing cards, calendars, meeting documents, contact cards,
images and the theme's stylesheet. Each producer is a function
``producer(site, messages_for)`` returning
:class:`~generator.outputs.file.OutputFile` objects; :data:`FILE_PRODUCERS`
lists them all, so this file says which files the site has. The stage also
holds what pages embed from these outputs: meeting JSON-LD and body images.
"""
from __future__ import annotations

from generator.content.model import Site
from generator.core.timing import stage
from generator.outputs.calendars import calendar_files
from generator.outputs.cards import card_files
from generator.outputs.documents import document_files
from generator.outputs.feeds import feed_files
from generator.outputs.file import OutputFile
from generator.outputs.images import image_files
from generator.outputs.stylesheet import stylesheet_files
from generator.outputs.vcard import vcard_files

FILE_PRODUCERS = (feed_files, card_files, calendar_files, document_files, vcard_files, image_files,
                  stylesheet_files)
# the build's stage times (generator.core.timing) name these producers' work
STAGES = {feed_files: "feeds", card_files: "cards", calendar_files: "calendars", image_files: "images"}


def output_files(site: Site, messages_for) -> list[OutputFile]:
    """Every published file. ``messages_for(lang)`` gives a message lookup."""
    files: list[OutputFile] = []
    for producer in FILE_PRODUCERS:
        with stage(STAGES.get(producer, "outputs")):
            files.extend(producer(site, messages_for))
    return files
