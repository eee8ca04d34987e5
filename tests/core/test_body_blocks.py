"""Columns, cards, callouts, checklists and tables in page bodies: the HTML staff Markdown
becomes once rendered, sanitised and finished for its page, and what the sanitiser still removes."""
from __future__ import annotations

import re

import markdown

from generator.content.images.references import MARKDOWN_EXTENSIONS
from generator.core.body_blocks import finish_body
from generator.core.i18n import Messages
from generator.core.sanitize import sanitize


def page_html(text: str, lang: str = "en") -> str:
    """A body as its page shows it: rendered as MkDocs does (with toc's heading ids), then what
    generator.site.plugin does to each body."""
    rendered = markdown.markdown(text, extensions=[*MARKDOWN_EXTENSIONS, "toc"])
    return finish_body(sanitize(rendered), Messages(lang, "en"))


PILLARS = """/// columns
### Support
Health and food.

### Learning
After school.

### Families
Classes for parents.

### Leadership
Councils.
///
"""


def test_columns_put_each_heading_and_its_text_in_its_own_column():
    html = page_html(PILLARS)
    columns = re.findall(r'<div class="columns__item">\s*<h3 id="\w+">(\w+)</h3>\s*<p>([^<]*)</p>\s*</div>', html)
    assert columns == [("Support", "Health and food."), ("Learning", "After school."),
                       ("Families", "Classes for parents."), ("Leadership", "Councils.")]
    assert html.count('<div class="columns">') == 1
    assert "///" not in html


def test_cards_are_columns_shown_as_a_grid_of_cards():
    html = page_html("/// cards\n## Food pantry\nFridays.\n\n## Clinic\nMondays.\n///\n")
    assert '<div class="columns columns--cards">' in html
    assert html.count('<div class="columns__item">') == 2


def test_a_callout_inside_a_card_stays_inside_it():
    html = page_html("//// cards\n## Food\n/// warning | Bring a bag\nThe pantry has none.\n///\n"
                     "After the note.\n\n## Clinic\nMondays.\n////\n")
    first = html.split('<div class="columns__item">')[1]
    assert "Bring a bag" in first and "After the note." in first and "Clinic" not in first


def test_a_callout_is_a_labelled_note_with_its_title():
    html = page_html("/// warning | Bring your *ID*\nThe office asks at the door.\n///\n")
    assert ('<div class="callout callout--warning" role="note" aria-labelledby="callout-1">'
            '<p class="callout__title" id="callout-1">Bring your <em>ID</em></p>') in html
    assert "<p>The office asks at the door.</p>" in html


def test_a_callout_without_a_title_is_titled_in_the_page_language():
    text = "/// important\nBring lunch.\n///\n\n/// success\nWe did it.\n///\n"
    english, spanish = page_html(text, "en"), page_html(text, "es")
    assert '<p class="callout__title" id="callout-1">Important</p>' in english
    assert '<p class="callout__title" id="callout-2">Good news</p>' in english
    assert '<p class="callout__title" id="callout-1">Importante</p>' in spanish
    assert '<p class="callout__title" id="callout-2">Buenas noticias</p>' in spanish


def test_a_task_list_is_a_list_of_disabled_checkboxes_named_by_their_words():
    html = page_html("- [x] Find your school\n- [ ] Read the **agenda**\n")
    items = re.findall(r'<li class="task-list-item"><label class="task-list__label">(<input[^>]*>)(.*?)</label></li>',
                       html)
    assert [words.strip() for _, words in items] == ["Find your school", "Read the <strong>agenda</strong>"]
    ticked, open_ = (box for box, _ in items)
    assert "checked" in ticked and "checked" not in open_
    assert all(box.startswith('<input type="checkbox" disabled') for box, _ in items)
    assert "[ ]" not in html and "[x]" not in html


def test_a_loose_task_item_labels_its_first_paragraph():
    html = page_html("- [ ] Sign up\n\n    Ask at the office.\n\n- [x] Come\n")
    assert re.search(r'<p><label class="task-list__label"><input[^>]*> Sign up</label></p>\s*<p>Ask at the office.</p>',
                     html)


def test_tables_scroll_in_their_own_named_box():
    html = page_html("| Practice | Means |\n| --- | --- |\n| Integrated | a |\n\ntext\n\n| A |\n| --- |\n| b |\n", "es")
    assert html.count('<div class="table-wrap" role="region" tabindex="0" aria-label="Tabla 1"><table>') == 1
    assert html.count('aria-label="Tabla 2"><table>') == 1
    assert html.count("</table></div>") == 2


def test_only_the_theme_classes_are_kept_and_only_on_their_elements():
    html = sanitize('<div class="columns wide" onclick="x()"><p class="callout__title columns">t</p>'
                    '<span class="callout">s</span><p class="lead">l</p></div>')
    assert '<div class="columns">' in html
    assert '<p class="callout__title">t</p>' in html
    assert "<span>s</span>" in html and "<p>l</p>" in html
    assert "wide" not in html and "onclick" not in html and "lead" not in html


def test_block_options_cannot_add_attributes_or_classes():
    html = page_html('/// note | Title\n    attrs: {class: "huge", onclick: "x()", style: "color: red"}\nText\n///\n')
    assert '<div class="callout callout--note" role="note"' in html
    assert "huge" not in html and "onclick" not in html and "style" not in html


def test_scripts_styles_and_handlers_are_still_removed():
    html = sanitize('<div class="callout callout--note"><script>alert(1)</script><style>p{}</style>'
                    '<img src="x.png" alt="" onerror="alert(1)"><a href="javascript:alert(1)">go</a></div>')
    assert "script" not in html and "alert" not in html and "<style" not in html and "javascript" not in html


def test_any_input_staff_write_is_only_a_checkbox_nobody_can_change():
    html = sanitize('<input type="text" name="card" value="1234" onfocus="x()">')
    assert html == '<input type="checkbox" disabled>'


def test_ids_the_theme_or_a_callout_uses_are_renamed_in_the_text():
    html = page_html("## About\n\nText.\n\n## Getting here {#callout-1}\n\n/// note\nA note.\n///\n\n## Bus\n")
    assert '<h2 id="text-about">About</h2>' in html
    assert '<h2 id="text-callout-1">Getting here</h2>' in html
    assert html.count('id="callout-1"') == 1
    assert '<h2 id="bus">Bus</h2>' in html


def test_a_table_caption_is_outside_its_scrolling_box():
    html = page_html("| A |\n| --- |\n| b |\n\n/// caption\nWhat A means\n///\n")
    assert re.search(r'<figure>\s*<div class="table-wrap"[^>]*><table>.*?</table></div>\s*'
                     r'<figcaption>\s*<p>What A means</p>\s*</figcaption>\s*</figure>', html, re.S)
