"""Each page type in a real browser, in both languages: key facts, language switcher, axe."""
from __future__ import annotations

import re

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]




def first(items):
    return next(iter(items))


def formatter(model, lang):
    from zoneinfo import ZoneInfo

    from generator.core.i18n import Formatter, Messages
    return Formatter(lang, ZoneInfo(model.settings.timezone), Messages(lang, model.default),
                     **model.settings.formatting(lang))


def page_types(model):
    """(name, path, facts(lang)) for one page of each type."""
    fmt = {lang: formatter(model, lang) for lang in LANGS}
    school = model.items["schools"]["lincoln-elementary"] if "lincoln-elementary" in model.items["schools"] \
        else first(model.schools)
    person = school.coordinator
    meeting = model.upcoming_meetings[0]
    grant = first(model.grants)
    post = first(model.news)
    free = first(model.pages)
    return [
        ("home", "", lambda l: []),
        ("schools", "schools/", lambda l: [str(s.title(l)) for s in model.schools]),
        ("school", school.path, lambda l: [str(school.title(l)), school.get(l, "address")["street"],
                                           person.title(l)]),
        ("people", "people/", lambda l: [p.title(l) for p in model.people]),
        ("person", person.path, lambda l: [person.title(l), person.get(l, "email")]),
        ("meetings", "meetings/", lambda l: []),
        ("meeting", meeting.path, lambda l: [fmt[l].date(meeting.start, "full"), fmt[l].time(meeting.start),
                                             str(meeting.get(l, "location")["place"])]),
        ("grants", "grants/", lambda l: [str(g.title(l)) for g in model.grants]),
        ("grant", grant.path, lambda l: [str(grant.title(l)),
                                         fmt[l].money(grant.get(l, "amount"), grant.get(l, "currency"))]),
        ("news", "news/", lambda l: [str(n.title(l)) for n in model.news[:model.settings.news_per_page]]),  # page 1
        ("post", post.path, lambda l: [str(post.title(l)), fmt[l].date(post.date, "long"),
                                       post.get(l, "author")]),
        ("page", free.path, lambda l: [str(free.title(l))]),
        ("pages", "pages/", lambda l: [str(p.title(l)) for p in model.pages]),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_shows_its_facts_and_passes_axe(page, model, lang):
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    for name, path, facts in page_types(model):
        response = page.goto(url(lang, path))
        assert response.ok, f"{name}: {response.status}"
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").count() == 1, f"{name} has one h1"
        text = page.locator("main").inner_text()
        for fact in facts(lang):
            assert fact in text, f"{name} ({lang}) should show {fact!r}"
        assert_accessible(page)
    assert hosts == {page.url.split("/")[2]}, f"requests to other hosts: {hosts}"


def test_spanish_pages_show_spanish_interface(page, model):
    page.goto(url("es", "meetings/"))
    assert page.get_by_role("heading", name="Próximas reuniones").is_visible()
    assert page.get_by_role("navigation", name="Principal").get_by_role("link", name="Escuelas").is_visible()
    when = page.locator(".card__when").first.inner_text()
    assert re.search(r"(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de [a-z]+ de 20\d\d", when)


def test_language_switcher_keeps_you_on_the_same_page(page, model):
    school = model.items["schools"]["lincoln-elementary"]
    page.goto(url("en", school.path))
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"/es/" + re.escape(school.path) + "$"))
    assert page.locator("h1").inner_text() == school.title("es")
    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/" + re.escape(school.path) + "$"))
    assert page.locator("h1").inner_text() == school.title("en")
    assert page.evaluate("localStorage.getItem('portal.language')") == "en"


def test_untranslated_item_is_marked_in_spanish(page, model):
    missing = [i for i in model.all_items() if not i.has_file("es")]
    assert missing, "the example keeps one item without Spanish"
    item = missing[0]
    page.goto(url("es", item.path))
    notice = page.get_by_role("note").filter(has_text="todavía no está traducida")
    assert notice.is_visible()
    assert "inglés" in notice.inner_text()
    assert page.locator("h1 [lang=en], h1[lang=en]").count() == 1
    assert page.locator(".prose[lang=en]").count() == 1
    assert_accessible(page)


def test_site_works_without_javascript(page_without_js, model):
    page = page_without_js
    page.goto(url("es", ""))
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Escuelas").click()
    page.wait_for_url(re.compile(r"/es/schools/$"))
    assert page.locator("h1").inner_text() == "Escuelas"
    page.get_by_role("link", name=str(model.schools[0].title("es"))).first.click()
    assert page.locator("h1").inner_text() == model.schools[0].title("es")


def test_skip_link_moves_focus_to_main(page):
    page.goto(url("en", ""))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
