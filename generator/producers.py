"""Which extra pages and files the site gets, besides one page per item and per listing.

Each producer is a function ``producer(site, messages_for)`` returning PageSpec
(pages) or OutputFile (files published as they are) objects; see generator.derive.
"""
from __future__ import annotations

from .derive import FILE_PRODUCERS, PAGE_PRODUCERS  # noqa: F401  (appended to below)

# Grants, news and sharing (issue 3): news listing pages, progress dashboard, feeds, share cards.
from .cards import card_files  # noqa: E402
from .feeds import feed_files  # noqa: E402
from .news import news_pages  # noqa: E402
from .progress import dashboard_pages  # noqa: E402

PAGE_PRODUCERS.append(news_pages)
PAGE_PRODUCERS.append(dashboard_pages)
FILE_PRODUCERS.append(feed_files)
FILE_PRODUCERS.append(card_files)

# Meeting notices: a school's meetings, month calendars, flyers; .ics calendars; documents.
from .calendars import calendar_files  # noqa: E402
from .meeting_pages import document_files, meeting_pages  # noqa: E402

PAGE_PRODUCERS.append(meeting_pages)
FILE_PRODUCERS.append(calendar_files)
FILE_PRODUCERS.append(document_files)

# Schools, people and images: the directory's service and grade pages, contact cards, photos.
from .directory import directory_pages  # noqa: E402
from .images import image_files  # noqa: E402
from .vcard import vcard_files  # noqa: E402

PAGE_PRODUCERS.append(directory_pages)
FILE_PRODUCERS.append(vcard_files)
FILE_PRODUCERS.append(image_files)
