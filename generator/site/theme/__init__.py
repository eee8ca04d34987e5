"""What the theme's templates get: the page context, and the Jinja filters and globals.

:class:`~generator.site.theme.context.PageContext` makes each page's context;
the helpers are grouped by what they show, one module each, and gathered here.
"""
from __future__ import annotations

from generator.site.theme import components, councils, filters, grants_news, meetings, schools
from generator.site.theme.context import PageContext

FILTERS = dict(filters.FILTERS)
GLOBALS = {**filters.GLOBALS, **grants_news.GLOBALS, **meetings.GLOBALS, **schools.TEMPLATE_GLOBALS,
           **councils.GLOBALS, **components.GLOBALS}

__all__ = ["FILTERS", "GLOBALS", "PageContext"]
