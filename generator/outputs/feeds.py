"""News feeds: Atom and RSS per language, for the district and for each school.

Made with feedgen. Published at ``/feeds/news.atom`` and ``/feeds/news.rss``
(``/es/feeds/...`` in Spanish) and ``/feeds/schools/<school>.atom|.rss``.
Entries are the published posts only (drafts and posts dated after the
build's "now" are not in the model; a ``--drafts`` preview leaves them out
too), newest first, with absolute links; the full article is included, its
links made absolute too and its images the processed ones the page shows
(absolute address of the fallback variant, with width, height and alt).
"""
from __future__ import annotations

import posixpath
import re
from datetime import datetime, time
from html import escape
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator
from lxml import etree

from generator.content.model import Item, News, Site
from generator.core.body_blocks import finish_body
from generator.core.i18n import Formatter, Messages
from generator.core.sanitize import sanitize
from generator.derive.views import lang_prefix
from generator.outputs.body_images import expand_body_images
from generator.outputs.body_links import expand_body_links, marked_body_html
from generator.outputs.file import OutputFile


def feed_rel(name: str, fmt: str) -> str:
    """A feed's path below a language root, e.g. feeds/news.atom."""
    return f"feeds/{name}.{fmt}"


def school_feed_name(school: Item) -> str:
    return f"schools/{school.slug}"


def _abs(site: Site, lang: str, path: str) -> str:
    return site.settings.site_url + lang_prefix(site, lang) + path


def _published(site: Site, post: News) -> datetime:
    """A post's date as a moment: the start of that day in the district."""
    return datetime.combine(post.date, time(0, 0), tzinfo=ZoneInfo(site.settings.timezone))


_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def absolute_links(html: str, site: Site, lang: str, page_path: str) -> str:
    """Make every relative link in ``html`` absolute, as a feed reader needs.

    Links to items and files as staff write them (``../meetings/x.md``) have already been
    pointed at the published page (generator.outputs.body_links); this makes the rest
    absolute: in-page anchors, site addresses and paths relative to the post's page."""
    base_dir = posixpath.dirname(page_path.rstrip("/"))  # e.g. "news" for news/x/

    def fix(m: re.Match) -> str:
        url = m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("//"):
            return m.group(0)
        if url.startswith("#"):
            return m.group(1) + _abs(site, lang, page_path) + url + m.group(3)
        path, _, frag = url.partition("#")
        if path.startswith("/"):
            full = site.settings.site_url + path.lstrip("/")
        else:
            full = _abs(site, lang, posixpath.normpath(posixpath.join(base_dir, path)).lstrip("./"))
        return m.group(1) + full + (f"#{frag}" if frag else "") + m.group(3)

    return _LINK.sub(fix, html)


def article_html(site: Site, post: News, lang: str, t=None) -> str:
    """The post's body as HTML. Text not yet in ``lang`` is marked with its own language,
    under the same notice the post's page shows."""
    body = post.body.get(lang)
    if not body:
        return ""
    absolute = lambda rel: site.settings.site_url + rel  # noqa: E731
    html = finish_body(sanitize(marked_body_html(str(body))), Messages(body.lang, site.default))
    html = expand_body_images(site, html, absolute, picture=False)
    html = expand_body_links(site, html, post.collection, lang, absolute)
    html = absolute_links(html, site, lang, post.path)
    if body.lang != lang and t is not None:
        fmt = Formatter(lang, ZoneInfo(site.settings.timezone), t, **site.settings.formatting(lang))
        notice = t("translation.missing", page_language=fmt.language_name(lang),
                   source_language=fmt.language_name(body.lang))
        html = f'<p lang="{lang}"><em>{escape(notice)}</em></p>\n<div lang="{body.lang}">{html}</div>'
    return html


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _mark_entry_languages(atom: bytes, langs_by_id: dict[str, str]) -> bytes:
    """Set xml:lang on Atom entries whose words are in another language than the feed."""
    if not langs_by_id:
        return atom
    root = etree.fromstring(atom)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for entry in root.findall("a:entry", ns):
        lang = langs_by_id.get(entry.findtext("a:id", namespaces=ns))
        if lang:
            entry.set(XML_LANG, lang)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _text_for(fmt: str, text: str) -> str:
    """Plain text as each format needs it.

    Atom's ``<subtitle>`` and ``<summary>`` are text. RSS's ``<description>`` is
    HTML by custom, and a reader that does not sanitise it would run a
    ``<script>`` in a summary or a district's name: escaped first, it reads as
    the same words."""
    return escape(text, quote=False) if fmt == "rss" else text


def build_feed(site: Site, lang: str, t, posts: list[News], name: str, title: str,
               page_path: str, articles: dict[str, str] | None = None) -> list[OutputFile]:
    """Atom and RSS for ``posts`` (newest first), as files below the language root.
    ``articles``: each post's HTML in ``lang`` by its name, made once for every feed."""
    articles = {} if articles is None else articles
    s = site.settings
    district = s.localized(s.district_name, lang)
    page_url = _abs(site, lang, page_path)
    posts = sorted(posts, key=lambda n: (n.date, n.slug), reverse=True)
    updated = _published(site, posts[0]) if posts else site.day_started
    files = []
    for fmt in ("atom", "rss"):
        rel = feed_rel(name, fmt)
        fg = FeedGenerator()
        fg.load_extension("dc")
        fg.id(_abs(site, lang, rel))
        fg.title(title)
        fg.subtitle(_text_for(fmt, t("feeds.subtitle", district=district)))
        fg.language(lang)
        fg.author({"name": district, "email": s.contact.get("email")})
        fg.link(href=_abs(site, lang, rel), rel="self",
                type="application/atom+xml" if fmt == "atom" else "application/rss+xml")
        fg.link(href=page_url, rel="alternate", type="text/html")  # last: RSS's <link>
        fg.icon(s.site_url + "assets/favicon.svg")  # Atom only: RSS images must be GIF, JPEG or PNG
        fg.updated(updated)
        fg.lastBuildDate(updated)
        fg.generator("portal")
        for post in posts:
            url = _abs(site, lang, post.path)
            fe = fg.add_entry(order="append")
            fe.id(url)
            fe.guid(url, permalink=True)
            fe.title(str(post.title(lang)))
            fe.link(href=url, rel="alternate", type="text/html")
            summary = post.get(lang, "summary")
            if summary:
                fe.summary(_text_for(fmt, str(summary)))
            if post.slug not in articles:
                articles[post.slug] = article_html(site, post, lang, t)
            content = articles[post.slug]
            if content:
                fe.content(content, type="html")
            when = _published(site, post)
            fe.published(when)
            fe.updated(when)
            author = post.get(lang, "author")
            if author:
                fe.author({"name": str(author)})
                fe.dc.dc_creator(str(author))
            for school in post.schools:
                fe.category(term=school.slug, label=str(school.title(lang)))
        if fmt == "atom":
            foreign = {_abs(site, lang, p.path): p.title(lang).lang for p in posts
                       if p.title(lang).lang != lang}
            data = _mark_entry_languages(fg.atom_str(pretty=True), foreign)
        else:
            data = fg.rss_str(pretty=True)
        files.append(OutputFile(rel, data, lang, f"feed {rel}"))
    return files


def feed_files(site: Site, messages_for) -> list[OutputFile]:
    out: list[OutputFile] = []
    # Only published posts, even in a --drafts preview: a preview deployed by mistake
    # must not push drafts or embargoed news to feed readers.
    published = lambda posts: [p for p in posts if p.is_published]  # noqa: E731
    for lang in site.languages:
        t = messages_for(lang)
        s = site.settings
        district = s.localized(s.district_name, lang)
        articles: dict[str, str] = {}  # a post is in the district's feed and its schools'
        out += build_feed(site, lang, t, published(site.news), "news",
                          t("feeds.news_title", district=district), "news/", articles)
        for school in site.schools:
            out += build_feed(site, lang, t, published(school.news), school_feed_name(school),
                              t("feeds.school_title", school=str(school.title(lang)), district=district),
                              school.path, articles)
    return out
