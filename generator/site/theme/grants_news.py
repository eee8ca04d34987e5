"""Template helpers for grants, news and sharing: the dashboard, news pages, share meta."""
from __future__ import annotations

from jinja2 import pass_context

from generator.derive.news import news_page as page_of
from generator.derive.progress import dashboard, milestone_groups, timeline
from generator.derive.progress import school_milestones as of_school
from generator.site.theme.context import page_context
from generator.site.theme.sharing import feed_links as links
from generator.site.theme.sharing import share


@pass_context
def news_page(ctx, number=1):
    """The posts of one page of the news listing, and links to every page (generator.derive.news)."""
    return page_of(page_context(ctx).site, ctx["lang"], number)


@pass_context
def grant_dashboard(ctx):
    """Milestones per school and step, funding by programme and kind (generator.derive.progress)."""
    return dashboard(page_context(ctx).site, ctx["lang"])


@pass_context
def school_milestones(ctx, school):
    """The milestones that concern a school (a view), from every grant covering it."""
    return of_school(school.item, ctx["lang"])


@pass_context
def share_meta(ctx, title):
    """Open Graph data for this page (generator.site.theme.sharing)."""
    item = ctx.get("item")
    url = next((a["abs_url"] for a in ctx.get("alternates") or [] if a["current"]), "")
    return share(page_context(ctx).site, ctx["lang"], item.item if item is not None else None, str(title), url)


@pass_context
def feed_links(ctx):
    """The feeds this page advertises (news; a school's own on its page)."""
    item = ctx.get("item")
    return links(page_context(ctx).site, ctx["lang"], item.item if item is not None else None)


@pass_context
def grant_milestones(ctx, grant):
    """A grant's milestones grouped by step, each with its state (late: past due on "now")."""
    return milestone_groups(grant.item, ctx["lang"])


@pass_context
def grant_timeline(ctx, grant):
    """Positions for the grant's timeline picture, or None without dated milestones."""
    return timeline(grant.item, ctx["lang"])


GLOBALS = {"news_page": news_page, "grant_dashboard": grant_dashboard,
                "grant_milestones": grant_milestones, "grant_timeline": grant_timeline,
                "school_milestones": school_milestones, "share_meta": share_meta,
                "feed_links": feed_links}
