"""Jinja filters and globals for interface text and formatting in the page's language.

Helpers read ``lang`` from the template context, so templates write ``{{ t("nav.schools") }}``
or ``{{ meeting.start|date("full") }}`` without passing the language around.
"""
from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup, escape

from generator.core.email_breaks import email_parts
from generator.core.i18n import Messages, display_name
from generator.core.inline_markdown import inline_html
from generator.core.values import Text
from generator.site.theme.context import page_context


@pass_context
def t_lang(ctx, lang: str, key: str, **values) -> str:
    """A message in another language than the page's (e.g. to offer that language)."""
    site = page_context(ctx).site
    return Messages(lang, site.default)(key, **values)


@pass_context
def t(ctx, key: str, **values) -> str:
    return page_context(ctx).t(key, **values)


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
    return page_context(ctx).fmt.date(value, style) if value else ""


@pass_context
def fmt_time(ctx, value) -> str:
    return page_context(ctx).fmt.time(value) if value else ""


@pass_context
def fmt_money(ctx, amount, currency: str = "USD") -> str:
    return page_context(ctx).fmt.money(amount, currency)


@pass_context
def fmt_month(ctx, value) -> str:
    return page_context(ctx).fmt.month(value)


@pass_context
def fmt_number(ctx, value) -> str:
    return page_context(ctx).fmt.number(value)


@pass_context
def lang_name(ctx, code: str) -> str:
    return page_context(ctx).fmt.language_name(code)


@pass_context
def tz_name(ctx, value) -> str:
    return page_context(ctx).fmt.tz_name(value)


def tel(value: str) -> str:
    """A phone number as a tel: URI."""
    digits = "".join(ch for ch in str(value) if ch.isdigit() or ch == "+")
    if not digits.startswith("+") and len(digits) == 10:
        digits = "+1" + digits
    return f"tel:{digits}"


def iso(value) -> str:
    return value.isoformat() if value else ""


def inline_md(value) -> Markup:
    """A field's inline Markdown (an agenda item) as sanitised HTML (generator.core.inline_markdown)."""
    return inline_html(value)


def language_name(code: str, in_lang: str) -> str:
    """The name of site language ``code`` written in language ``in_lang`` (e.g. 'inglés')."""
    return display_name(code, in_lang)


@pass_context
def lang_names(ctx, codes) -> Markup:
    """Languages' names joined by commas, each marked with its language when not the page's
    (a language only the ISO table names, in English on a Spanish page)."""
    fmt = page_context(ctx).fmt
    return Markup(", ").join(tx(ctx, fmt.language_name(code)) for code in codes)


@pass_context
def tm(ctx, key: str, **values) -> Markup:
    """A message with HTML put in (marked language names): the message's own text is escaped,
    values that are not already safe HTML too."""
    return Markup(escape(page_context(ctx).t(key))).format(**values)


@pass_context
def tn(ctx, key: str, count, **values) -> str:
    """A message about ``count`` things, singular or plural: ``key_one`` or ``key`` (Messages.plural)."""
    return page_context(ctx).t.plural(key, count, **values)


@pass_context
def term(ctx, vocabulary: str, term_id, short: bool = False) -> Text:
    """A term's label in the page's language: ``term('milestone_steps', '1')``, a meeting group,
    a grant kind (generator.content.vocabularies; the district names them in portal.yml).
    Shown with ``|tx`` (or ``|lang_attr`` in a drawing), it is marked when in another language."""
    return getattr(page_context(ctx).site.settings, vocabulary).label(str(term_id), ctx["lang"], short)


GLOBALS = {"t": t, "tm": tm, "tn": tn, "t_lang": t_lang, "language_name": language_name,
           "term": term}


FILTERS = {
    "tx": tx, "lang_attr": lang_attr, "date": fmt_date, "time": fmt_time, "money": fmt_money,
    "month": fmt_month, "number": fmt_number, "lang_name": lang_name, "tz_name": tz_name,
    "tel": tel, "iso": iso, "inline_md": inline_md, "lang_names": lang_names,
    "email_parts": email_parts,
}
