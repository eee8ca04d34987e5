"""Template helpers for meeting notices: lists, calendars, flyers, documents, JSON-LD."""
from __future__ import annotations

from jinja2 import pass_context

from generator.derive.meeting_filter import body_id
from generator.derive.meeting_filter import meeting_choices as choices
from generator.derive.meeting_text import Words
from generator.derive.meetings import (
    current_month,
    documents,
    month,
    month_date,
    has_flyer,
    month_keys,
    sections,
)
from generator.derive.meetings import next_meetings as upcoming
from generator.derive.views import View, lang_prefix
from generator.outputs.calendars import (
    DISTRICT_ICS,
    bodies,
    body_ics,
    feed,
    google_link,
    meeting_ics,
    school_ics,
)
from generator.outputs.meeting_jsonld import event, script_json
from generator.site.theme.context import PageContext, page_context


def _words(ctx):
    pc = page_context(ctx)
    return pc.words if ctx["lang"] == pc.lang else Words(pc.site, ctx["lang"], pc.t)


@pass_context
def meeting_sections(ctx, school=None, body=None):
    """Upcoming meetings, then past ones by month (all, one school's or one body's, by its id on
    /meetings/bodies/), at build time."""
    return sections(page_context(ctx).site, ctx["lang"], school.item if school is not None else None, body)


def meeting_body(m):
    """Who meets, as the meetings filter names it (a council's file name, or a gathering's group)."""
    return body_id(m.item)


@pass_context
def meeting_naming(ctx, m):
    """A meeting's name in the page's language (generator.derive.meeting_text.MeetingName)."""
    return _words(ctx).naming(m.item)


@pass_context
def meeting_choices(ctx):
    """The schools and bodies /meetings/ can be filtered by, with their pages and counts."""
    return choices(page_context(ctx).site, ctx["lang"])


@pass_context
def next_meetings(ctx, school=None):
    """The next meeting first, then a few more for the browser to fall back on once it ends."""
    return upcoming(page_context(ctx).site, ctx["lang"], school.item if school is not None else None)


@pass_context
def meeting_month(ctx, key=None):
    """A month of meetings as weeks of days (a calendar), or None for the list of months."""
    return month(page_context(ctx).site, ctx["lang"], key) if key else None


@pass_context
def meeting_months(ctx):
    """(key, first day) of every month with a calendar page, and the current month's key."""
    site = page_context(ctx).site
    return [(k, month_date(k)) for k in month_keys(site)], current_month(site)


@pass_context
def meeting_links(ctx, m):
    """Calendar links for one meeting: its .ics, Google Calendar, its body's feed, the flyer
    (None once the meeting has ended: it has none)."""
    pc = page_context(ctx)
    item = m.item
    return {"ics": lang_prefix(pc.site, ctx["lang"]) + meeting_ics(item.slug),
            "google": google_link(pc.site, item, _words(ctx)),
            "body": feed(pc.site, ctx["lang"], body_ics(item.body_key)),
            "body_name": _words(ctx).name(item),
            "flyer": lang_prefix(pc.site, ctx["lang"]) + item.path + "flyer/" if has_flyer(item) else None}


@pass_context
def calendar_feeds(ctx, school=None):
    """Calendars to subscribe to: a school's (with its bodies), or the district's and every body's."""
    pc = page_context(ctx)
    site, lang, words = pc.site, ctx["lang"], _words(ctx)
    if school is not None:
        main = feed(site, lang, school_ics(school.item.slug))
        groups = [(b.name(words), feed(site, lang, body_ics(b.key)))
                  for b in bodies(site) if b.school is school.item]
    else:
        main = feed(site, lang, DISTRICT_ICS)
        groups = [(b.name(words), feed(site, lang, body_ics(b.key))) for b in bodies(site)]
    return {"main": main, "bodies": sorted(groups, key=lambda g: g[0])}


@pass_context
def meeting_documents(ctx, m):
    """A meeting's documents with their kind, file format and (for files we publish) size."""
    return documents(m.item, ctx["lang"])


@pass_context
def meeting_jsonld(ctx, m):
    """schema.org Event data for a meeting page."""
    return script_json(event(m.item, _words(ctx)))


@pass_context
def in_language(ctx, code):
    """What a part of a page in another language needs: {portal, site, lang, dir}, for
    {% with %} around an {% include %} (the bilingual flyer)."""
    pc = page_context(ctx)
    others = pc.__dict__.setdefault("_other_languages", {})
    if code not in others:
        others[code] = pc if code == pc.lang else PageContext(pc.site, code)
    other = others[code]
    return {"portal": other, "site": other.view, "lang": code, "dir": other.dir}


@pass_context
def view_in(ctx, item, code):
    """The same item (a view) in another language."""
    return View(item.item, code)


GLOBALS = {"meeting_sections": meeting_sections, "next_meetings": next_meetings,
                "meeting_naming": meeting_naming, "meeting_choices": meeting_choices,
                "meeting_month": meeting_month, "meeting_months": meeting_months,
                "meeting_links": meeting_links, "calendar_feeds": calendar_feeds,
                "meeting_documents": meeting_documents, "meeting_jsonld": meeting_jsonld,
                "in_language": in_language, "view_in": view_in, "meeting_body": meeting_body}
