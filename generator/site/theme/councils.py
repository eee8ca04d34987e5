"""Template helpers for councils and teams: their calendars, minutes, and a school's bodies."""
from __future__ import annotations

from jinja2 import pass_context

from generator.derive.councils import council_minutes, school_councils
from generator.outputs.calendars import body_ics, feed
from generator.site.theme.context import page_context


@pass_context
def councils_of(ctx, school):
    """A school's councils and teams (views in the page's language)."""
    return school_councils(page_context(ctx).site, school.item, ctx["lang"])


@pass_context
def minutes_of(ctx, council):
    """A body's past meetings with minutes, latest first."""
    return council_minutes(council.item, ctx["lang"])


@pass_context
def council_feed(ctx, council):
    """The body's calendar (bodies/<file name>.ics), to subscribe to or download."""
    return feed(page_context(ctx).site, ctx["lang"], body_ics(council.slug))


GLOBALS = {"councils_of": councils_of, "minutes_of": minutes_of, "council_feed": council_feed}
