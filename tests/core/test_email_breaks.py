"""E-mail addresses break only after "@" or a dot, in the theme's links and in page bodies
(generator/core/email_breaks.py)."""
from __future__ import annotations

from generator.core.email_breaks import breakable_emails, email_parts

ADDRESS = "leticia.ramirez@valleverde.example.org"
PARTS = ('<span class="email__part">leticia.<wbr>ramirez@</span><wbr>'
         '<span class="email__part">valleverde.<wbr>example.<wbr>org</span>')


def test_an_address_is_two_parts_with_breaks_after_the_at_and_the_dots():
    assert email_parts(ADDRESS) == PARTS


def test_an_address_in_body_text_is_drawn_in_its_parts():
    out = breakable_emails(f"<p>Write to {ADDRESS}.</p>")
    assert out == f'<p>Write to <span class="email">{PARTS}</span>.</p>'


def test_a_link_showing_its_own_address_is_named_by_it_and_other_links_are_left_alone():
    out = breakable_emails(f'<p><a href="mailto:{ADDRESS}">{ADDRESS}</a> or '
                           '<a href="mailto:office@example.org">the office</a></p>')
    assert out.startswith(f'<p><a aria-label="{ADDRESS}" href="mailto:{ADDRESS}"><span class="email">')
    assert '<a href="mailto:office@example.org">the office</a>' in out


def test_code_and_attributes_keep_an_address_as_written():
    body = f'<pre><code>{ADDRESS}</code></pre><p><code>{ADDRESS}</code> <a href="mailto:{ADDRESS}" title="{ADDRESS}">x</a></p>'
    assert breakable_emails(body) == body
