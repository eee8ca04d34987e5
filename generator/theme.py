"""What the theme's templates get: the context for a page and the Jinja helpers.

Helpers that depend on the page's language read ``lang`` from the template
context, so templates write ``{{ t("nav.schools") }}`` or
``{{ meeting.start|date("full") }}`` without passing the language around.
"""
from __future__ import annotations

from zoneinfo import ZoneInfo

from jinja2 import pass_context
from markupsafe import Markup, escape

from .i18n import Formatter, Messages, babel_locale
from .model import Site
from .values import Text
from .views import SiteView, View, lang_prefix


class PageContext:
    """Per-language helpers, made once per language per build."""

    def __init__(self, site: Site, lang: str):
        self.site = site
        self.lang = lang
        self.t = Messages(lang, site.default)
        self.fmt = Formatter(lang, ZoneInfo(site.settings.timezone), self.t)
        self.view = SiteView(site, lang)
        locale = babel_locale(lang)
        self.dir = "rtl" if locale.character_order == "right-to-left" else "ltr"

    def for_page(self, meta: dict) -> dict:
        item = None
        path = ""
        kind = meta.get("kind")
        if kind == "item":
            obj = self.site.items[meta["collection"]][meta["slug"]]
            item = View(obj, self.lang)
            path = obj.path
        elif kind == "list":
            path = f"{meta['collection']}/"
        if meta.get("path") is not None:
            path = meta["path"]
        return {
            "lang": self.lang,
            "dir": self.dir,
            "portal": self,
            "site": self.view,
            "item": item,
            "page_kind": kind,
            "params": meta.get("params") or {},
            "collection": meta.get("collection"),
            "alternates": self.alternates(path),
            # a --drafts preview: every page says noindex, in case it is deployed by mistake
            "preview": self.site.drafts,
        }

    def sitemap(self, paths: list[str]) -> list[dict]:
        """One entry per page per language, each listing all its alternates (sitemap.xml).

        Drafts and embargoed posts (only in a --drafts preview) are left out."""
        unpublished = {n.path for n in self.site.items.get("news", {}).values() if not n.is_published}
        entries = []
        for path in paths:
            if path in unpublished:
                continue
            alternates = self.alternates(path)
            for alt in alternates:
                entries.append({"loc": alt["abs_url"], "alternates": alternates,
                                "default": alternates[0]["abs_url"]})
        return entries

    def alternates(self, path: str) -> list[dict]:
        """The same page in every language (every page exists in every language)."""
        out = []
        languages = sorted(self.site.settings.languages, key=lambda l: l.code != self.site.default)
        for language in languages:
            out.append({"lang": language.code, "name": language.name,
                        "url": lang_prefix(self.site, language.code) + path,
                        "abs_url": self.site.settings.site_url + lang_prefix(self.site, language.code) + path,
                        "current": language.code == self.lang})
        return out


def _pc(ctx) -> PageContext:
    return ctx["portal"]


@pass_context
def t_lang(ctx, lang: str, key: str, **values) -> str:
    """A message in another language than the page's (e.g. to offer that language)."""
    site = _pc(ctx).site
    return Messages(lang, site.default)(key, **values)


@pass_context
def t(ctx, key: str, **values) -> str:
    return _pc(ctx).t(key, **values)


@pass_context
def tx(ctx, value) -> Markup:
    """Escape text; mark it with its language when it is not the page's."""
    if value is None:
        return Markup("")
    if isinstance(value, Text) and value.lang != ctx["lang"]:
        return Markup(f'<span lang="{escape(value.lang)}">{escape(value)}</span>')
    return escape(value)


@pass_context
def lang_attr(ctx, value) -> Markup:
    """` lang="xx"` when ``value`` is in another language than the page, else nothing."""
    if isinstance(value, Text) and value.lang != ctx["lang"]:
        return Markup(f' lang="{escape(value.lang)}"')
    return Markup("")


@pass_context
def fmt_date(ctx, value, style: str = "long") -> str:
    return _pc(ctx).fmt.date(value, style) if value else ""


@pass_context
def fmt_time(ctx, value) -> str:
    return _pc(ctx).fmt.time(value) if value else ""


@pass_context
def fmt_money(ctx, amount, currency: str = "USD") -> str:
    return _pc(ctx).fmt.money(amount, currency)


@pass_context
def fmt_month(ctx, value) -> str:
    return _pc(ctx).fmt.month(value)


@pass_context
def fmt_number(ctx, value) -> str:
    return _pc(ctx).fmt.number(value)


@pass_context
def lang_name(ctx, code: str) -> str:
    return _pc(ctx).fmt.language_name(code)


@pass_context
def tz_name(ctx, value) -> str:
    return _pc(ctx).fmt.tz_name(value)


def tel(value: str) -> str:
    """A phone number as a tel: URI."""
    digits = "".join(ch for ch in str(value) if ch.isdigit() or ch == "+")
    if not digits.startswith("+") and len(digits) == 10:
        digits = "+1" + digits
    return f"tel:{digits}"


def iso(value) -> str:
    return value.isoformat() if value else ""


def inline_md(value) -> Markup:
    """A field's inline Markdown (an agenda item) as sanitised HTML (generator.inline_markdown)."""
    from .inline_markdown import inline_html
    return inline_html(value)


FILTERS = {
    "tx": tx, "lang_attr": lang_attr, "date": fmt_date, "time": fmt_time, "money": fmt_money,
    "month": fmt_month, "number": fmt_number, "lang_name": lang_name, "tz_name": tz_name,
    "tel": tel, "iso": iso, "inline_md": inline_md,
}
def language_name(code: str, in_lang: str) -> str:
    """The name of language ``code`` written in language ``in_lang`` (e.g. 'inglés')."""
    name = babel_locale(code).get_display_name(babel_locale(in_lang)) or code
    return name


@pass_context
def tn(ctx, key: str, count, **values) -> str:
    """A message about ``count`` things, singular or plural: ``key_one`` or ``key`` (Messages.plural)."""
    return _pc(ctx).t.plural(key, count, **values)


GLOBALS = {"t": t, "tn": tn, "t_lang": t_lang, "language_name": language_name}


# -- Grants, news and sharing (issue 3): helpers for the dashboard, news pages and share meta --

@pass_context
def news_page(ctx, number=1):
    """The posts of one page of the news listing, and links to every page (generator.news)."""
    from .news import news_page as page_of
    return page_of(_pc(ctx).site, ctx["lang"], number)


@pass_context
def grant_dashboard(ctx):
    """Milestones per school and step, funding by programme and kind (generator.progress)."""
    from .progress import dashboard
    return dashboard(_pc(ctx).site, ctx["lang"])


@pass_context
def school_milestones(ctx, school):
    """The milestones that concern a school (a view), from every grant covering it."""
    from .progress import school_milestones as of_school
    return of_school(school.item, ctx["lang"])


@pass_context
def share_meta(ctx, title):
    """Open Graph data for this page (generator.social)."""
    from .social import share
    item = ctx.get("item")
    url = next((a["abs_url"] for a in ctx.get("alternates") or [] if a["current"]), "")
    return share(_pc(ctx).site, ctx["lang"], item.item if item is not None else None, str(title), url)


@pass_context
def feed_links(ctx):
    """The feeds this page advertises (news; a school's own on its page)."""
    from .social import feed_links as links
    item = ctx.get("item")
    return links(_pc(ctx).site, ctx["lang"], item.item if item is not None else None)


@pass_context
def grant_milestones(ctx, grant):
    """A grant's milestones grouped by step, each with its state (late: past due on "now")."""
    from .progress import milestone_groups
    return milestone_groups(grant.item, ctx["lang"])


@pass_context
def grant_timeline(ctx, grant):
    """Positions for the grant's timeline picture, or None without dated milestones."""
    from .progress import timeline
    return timeline(grant.item, ctx["lang"])


GLOBALS.update({"news_page": news_page, "grant_dashboard": grant_dashboard,
                "grant_milestones": grant_milestones, "grant_timeline": grant_timeline,
                "school_milestones": school_milestones, "share_meta": share_meta,
                "feed_links": feed_links})


# -- Meeting notices: lists, calendars, flyers, documents, JSON-LD (generator.meeting_pages,
#    generator.calendars, generator.meeting_jsonld) --

def _words(ctx):
    from .calendars import Words
    pc = _pc(ctx)
    return Words(pc.site, ctx["lang"], pc.t)


@pass_context
def meeting_sections(ctx, school=None):
    """Upcoming meetings, then past ones by month (all, or one school's), at build time."""
    from .meeting_pages import sections
    return sections(_pc(ctx).site, ctx["lang"], school.item if school is not None else None)


@pass_context
def next_meetings(ctx, school=None):
    """The next meeting first, then a few more for the browser to fall back on once it ends."""
    from .meeting_pages import next_meetings as upcoming
    return upcoming(_pc(ctx).site, ctx["lang"], school.item if school is not None else None)


@pass_context
def meeting_month(ctx, key=None):
    """A month of meetings as weeks of days (a calendar), or None for the list of months."""
    from .meeting_pages import month
    return month(_pc(ctx).site, ctx["lang"], key) if key else None


@pass_context
def meeting_months(ctx):
    """(key, first day) of every month with a calendar page, and the current month's key."""
    from .meeting_pages import current_month, month_keys, month_date
    site = _pc(ctx).site
    return [(k, month_date(k)) for k in month_keys(site)], current_month(site)


@pass_context
def meeting_links(ctx, m):
    """Calendar links for one meeting: its .ics, Google Calendar, its body's feed, the flyer."""
    from .calendars import body_ics, feed, google_link, meeting_ics
    pc = _pc(ctx)
    item = m.item
    return {"ics": lang_prefix(pc.site, ctx["lang"]) + meeting_ics(item.slug),
            "google": google_link(pc.site, item, _words(ctx)),
            "body": feed(pc.site, ctx["lang"], body_ics(item.body_key)),
            "body_name": _words(ctx).name(item),
            "flyer": lang_prefix(pc.site, ctx["lang"]) + item.path + "flyer/"}


@pass_context
def calendar_feeds(ctx, school=None):
    """Calendars to subscribe to: a school's (with its bodies), or the district's and every body's."""
    from .calendars import DISTRICT_ICS, bodies, body_ics, feed, school_ics
    pc = _pc(ctx)
    site, lang, words = pc.site, ctx["lang"], _words(ctx)
    if school is not None:
        main = feed(site, lang, school_ics(school.item.slug))
        groups = [(words.name(ms[0]), feed(site, lang, body_ics(key)))
                  for key, ms in bodies(site).items() if ms[0].school is school.item]
    else:
        main = feed(site, lang, DISTRICT_ICS)
        groups = [(words.name(ms[0]), feed(site, lang, body_ics(key))) for key, ms in bodies(site).items()]
    return {"main": main, "bodies": sorted(groups, key=lambda g: g[0])}


@pass_context
def meeting_documents(ctx, m):
    """A meeting's documents with their kind, file format and (for files we publish) size."""
    from .meeting_pages import documents
    return documents(m.item, ctx["lang"])


@pass_context
def meeting_jsonld(ctx, m):
    """schema.org Event data for a meeting page."""
    from .meeting_jsonld import event, script_json
    return script_json(event(m.item, _words(ctx)))


@pass_context
def in_language(ctx, code):
    """What a part of a page in another language needs: {portal, site, lang, dir}, for
    {% with %} around an {% include %} (the bilingual flyer)."""
    pc = _pc(ctx)
    others = pc.__dict__.setdefault("_other_languages", {})
    if code not in others:
        others[code] = pc if code == pc.lang else PageContext(pc.site, code)
    other = others[code]
    return {"portal": other, "site": other.view, "lang": code, "dir": other.dir}


@pass_context
def view_in(ctx, item, code):
    """The same item (a view) in another language."""
    return View(item.item, code)


GLOBALS.update({"meeting_sections": meeting_sections, "next_meetings": next_meetings,
                "meeting_month": meeting_month, "meeting_months": meeting_months,
                "meeting_links": meeting_links, "calendar_feeds": calendar_feeds,
                "meeting_documents": meeting_documents, "meeting_jsonld": meeting_jsonld,
                "in_language": in_language, "view_in": view_in})


# -- Schools, people and pictures: photos, avatars, contact cards, icons, the schools
#    directory and school JSON-LD (generator.school_pages) --

from .school_pages import TEMPLATE_GLOBALS as _SCHOOL_GLOBALS  # noqa: E402

GLOBALS.update(_SCHOOL_GLOBALS)
