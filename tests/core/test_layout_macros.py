"""The theme's callout and columns macros make the same HTML as the Markdown blocks staff write,
so a template and a page's text show one component the same way."""
from __future__ import annotations

import re

import jinja2
import markdown

from generator.content.images.references import MARKDOWN_EXTENSIONS
from generator.core.body_blocks import finish_body
from generator.core.i18n import THEME_DIR, Messages
from generator.core.sanitize import sanitize


def from_markdown(text: str, lang: str) -> str:
    html = markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS)
    return squeeze(finish_body(sanitize(html), Messages(lang, "en")))


def from_template(source: str, lang: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME_DIR), autoescape=True)
    env.globals["t"] = Messages(lang, "en")
    return squeeze(env.from_string(source).render())


def squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


def test_a_callout_from_a_template_is_the_callout_of_the_text():
    template = ('{% import "components/callout/callout.html" as c with context %}'
                '{% call c.callout("warning", "callout-1") %}<p>Bring your ID.</p>{% endcall %}'
                '{% call c.callout("note", "callout-2", "Parking") %}<p>Use the back lot.</p>{% endcall %}')
    text = "/// warning\nBring your ID.\n///\n\n/// note | Parking\nUse the back lot.\n///\n"
    for lang in ("en", "es"):
        assert from_template(template, lang) == from_markdown(text, lang)


def test_columns_and_cards_from_a_template_are_those_of_the_text():
    template = ('{% import "components/columns/columns.html" as cols %}'
                '{% call cols.columns(cards=true) %}'
                '{% call cols.item() %}<h3>Food</h3><p>Fridays.</p>{% endcall %}'
                '{% call cols.item() %}<h3>Clinic</h3><p>Mondays.</p>{% endcall %}'
                '{% endcall %}')
    text = "/// cards\n### Food\nFridays.\n\n### Clinic\nMondays.\n///\n"
    assert from_template(template, "en") == from_markdown(text, "en")
