"""The second example project (examples/mesa-alta-high) in a real browser, in both languages:
its home page, its school page with everyone who serves it, its leadership team, its grants
with the pending application shown apart and New Mexico's key practices as milestone steps,
its clinics as gatherings of their own, and a meeting in Mountain Time. Each page also passes
axe."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]
BUILT = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)  # tests/support.py EXAMPLE_NOW
MEETING = "meetings/2026-12-10-mesa-alta-leadership-team/"
WORDS = {
    "en": {"district": "Mesa Alta Consolidated Schools", "zone": "Mountain Standard Time",
           "time": "5:30 PM", "day": "Thursday, December 10, 2026", "others": "Also serving this school",
           "coordinator": "Community school coordinator", "applied": "Applied for",
           "requested": "$120,000 requested", "awarded": "$375,000 awarded in 1 grant",
           "pending": "$120,000 requested in 1 grant application",
           "liaison": "Family Liaison", "manager": "Director of Student and Family Services"},
    "es": {"district": "Escuelas Consolidadas de Mesa Alta",
           "zone": "hora estándar de las Montañas Rocosas", "time": "5:30 p.m.",
           "day": "jueves, 10 de diciembre de 2026", "others": "También atienden esta escuela",
           "coordinator": "Coordinación de escuela comunitaria", "applied": "Solicitada",
           "requested": "$120,000 solicitados", "awarded": "$375,000 concedidos en 1 subvención",
           "pending": "$120,000 solicitados en 1 solicitud de subvención",
           "liaison": "Enlace con las Familias",
           "manager": "Director de Servicios para Alumnos y Familias"},
}


def plain(text: str) -> str:
    """Text as one line of words, Babel's narrow and no-break spaces ("5:30\u202fPM") too."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture
def page(second_page):
    """A phone-sized page on the second site, its clock at the moment the site was built."""
    second_page.clock.install(time=BUILT)
    return second_page


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_names_the_district_and_its_next_meeting_in_mountain_time(page, lang):
    w = WORDS[lang]
    page.goto(url(lang, ""))
    assert page.locator("html").get_attribute("lang") == lang
    assert w["district"] in page.locator("header").inner_text()
    card = page.locator("section", has=page.locator("#next-meeting")).locator(".meeting-card:visible").first
    text = plain(card.inner_text())
    assert w["day"] in text and w["time"] in text and w["zone"] in text
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGS)
def test_school_page_shows_its_coordinator_and_everyone_who_serves_it(page, lang):
    w = WORDS[lang]
    page.goto(url(lang, "schools/mesa-alta-high/"))
    coordinator = page.locator("section", has=page.locator("#coordinator"))
    assert coordinator.get_by_role("heading", name=w["coordinator"]).is_visible()
    assert coordinator.get_by_role("link", name="Inés Baca", exact=True).is_visible()
    mail = coordinator.get_by_role("link", name="ines.baca@mesaalta.example.org")
    assert mail.get_attribute("href") == "mailto:ines.baca@mesaalta.example.org"
    others = page.locator("section", has=page.locator("#people"))
    assert others.get_by_role("heading", name=w["others"], exact=True).is_visible()
    cards = others.locator(".person-card")
    assert cards.count() == 2
    assert "Tomás Quintana" in cards.nth(0).inner_text() and w["manager"] in cards.nth(0).inner_text()
    assert "Rafaela Montoya" in cards.nth(1).inner_text() and w["liaison"] in cards.nth(1).inner_text()
    phone = cards.nth(1).get_by_role("link", name="(555) 020-2020")
    assert phone.get_attribute("href") == "tel:+15550202020"
    assert page.locator("[data-coordinator-hiring]").count() == 0, "the post is filled"
    assert_accessible(page)
    cards.nth(1).get_by_role("link", name="Rafaela Montoya", exact=True).click()
    page.wait_for_url(re.compile(r"/people/rafaela-montoya/$"))
    schools = page.locator("main dl")
    assert schools.get_by_role("link", name=re.compile("Mesa Alta")).count() == 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_pending_application_is_shown_apart_from_the_money_awarded(page, lang):
    w = WORDS[lang]
    page.goto(url(lang, "grants/"))
    application = page.locator(".grant-card", has=page.locator('[data-grant-status="applied"]'))
    assert application.count() == 1
    card = plain(application.inner_text())
    assert w["applied"] in card and w["requested"] in card
    assert page.locator('[data-grant-status="active"]').count() == 1
    assert_accessible(page)
    page.goto(url(lang, "grants/dashboard/"))
    main = plain(page.locator("main").inner_text())
    assert w["awarded"] in main and w["pending"] in main
    assert "US$" not in main and "375.000" not in main, "money as families in the US write it"
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_meeting_page_gives_the_time_in_mountain_time(page, lang):
    w = WORDS[lang]
    page.goto(url(lang, MEETING))
    when = page.locator("time").first
    assert when.get_attribute("datetime") == "2026-12-10T17:30:00-07:00"
    main = plain(page.locator("main").inner_text())
    assert w["day"] in main and w["time"] in main and w["zone"] in main
    assert page.locator("[data-meeting-ended]").is_hidden(), "still to come when the site was built"
    assert_accessible(page)


def test_a_past_meeting_page_shows_its_minutes(page):
    page.goto("meetings/2026-11-12-mesa-alta-leadership-team/")
    assert page.get_by_role("heading", name="Minutes").is_visible()
    assert "Juniper Mesa Health Foundation" in page.locator("main").inner_text()


@pytest.mark.xdist_group("second-site-walk")  # long: started first, beside the first site's walk
def test_every_page_of_the_second_site_passes_axe_at_phone_and_desktop_width(second_page,
                                                                            second_example_site):
    """The gate of test_every_page.py, walked over the second site: its own data (one school,
    one application, its services) must not hide a violation either."""
    from test_every_page import axe_failures, every_page

    paths = every_page(second_example_site)
    assert {"index.html", "es/index.html", "schools/mesa-alta-high/index.html"} <= set(paths)
    failures = axe_failures(second_page, paths)
    assert not failures, f"{len(failures)} page views with violations:\n\n" + "\n\n".join(failures)


TEAM = "councils/mesa-alta-high-leadership-team/"
TEAM_WORDS = {
    "en": {"name": "Mesa Alta High Leadership Team", "kind": "Site leadership team",
           "members": ["Principal: Dolores Chacón", "Community school coordinator: Inés Baca",
                       "Family liaison: Rafaela Montoya", "Students (3 seats)"],
           "schedule": "Second Thursday of each month",
           "agenda": ["Present needs", "Problem solving", "Celebrations", "Partner updates"],
           "person_words": ["Office hours", "Save contact"]},
    "es": {"name": "Equipo de Liderazgo de Mesa Alta High", "kind": "Equipo de liderazgo escolar",
           "members": ["Directora: Dolores Chacón", "Coordinadora de la escuela comunitaria: Inés Baca",
                       "Enlace con las familias: Rafaela Montoya", "Alumnos (3 lugares)"],
           "schedule": "Segundo jueves de cada mes",
           "agenda": ["Necesidades", "Resolución de problemas", "Logros",
                      "Noticias de las organizaciones aliadas"],
           "person_words": ["Horario de atención", "Guardar contacto"]},
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_leadership_team_page_shows_a_body_with_members_schedule_agenda_and_meetings(page, lang):
    w = TEAM_WORDS[lang]
    page.goto(url(lang, TEAM))
    assert plain(page.locator("h1").inner_text()) == w["name"]
    main = page.locator("main")
    assert w["kind"] in plain(main.inner_text())
    members = [plain(m) for m in main.locator(".member-list li").all_inner_texts()]
    assert all(m in members for m in w["members"]), members
    coordinator = main.locator(".member-list").get_by_role("link", name="Inés Baca")
    assert re.search(r"/people/ines-baca/$", coordinator.get_attribute("href"))
    assert w["schedule"] in plain(main.locator("dl.facts").inner_text())
    agenda = main.locator("section", has=page.locator("#standing-agenda")).locator("li")
    assert [plain(a) for a in agenda.all_inner_texts()] == w["agenda"]
    upcoming = main.locator("section", has=page.locator("#upcoming")).locator(".meeting-card:visible")
    assert upcoming.count() == 1
    assert upcoming.first.locator("time").first.get_attribute("datetime") == "2026-12-10T17:30:00-07:00"
    minutes = main.locator("section", has=page.locator("#minutes")).get_by_role("link")
    assert [re.sub(r".*/meetings/", "", h) for h in
            (minutes.nth(i).get_attribute("href") for i in range(minutes.count()))] == [
        "2026-11-12-mesa-alta-leadership-team/#notes", "2026-10-15-mesa-alta-leadership-team/#notes"]
    # A body, not a person: no portrait or initials, no office hours, no contact card.
    assert page.locator(".person-head, .person-card, a[href$='.vcf']").count() == 0
    assert not any(word in main.inner_text() for word in w["person_words"])
    assert_accessible(page)


KEY_PRACTICES = {
    "en": ["Key practice 1: Integrated student supports", "Key practice 2: Family and community engagement",
           "Key practice 3: Expanded learning time and opportunities",
           "Key practice 4: Collaborative leadership and practices"],
    "es": ["Práctica clave 1: Apoyos integrados para los alumnos",
           "Práctica clave 2: Participación de las familias y la comunidad",
           "Práctica clave 3: Más tiempo y oportunidades de aprendizaje",
           "Práctica clave 4: Liderazgo y prácticas compartidas"],
}
SHORT_PRACTICES = {"en": ["Supports", "Families", "Learning time", "Leadership"],
                   "es": ["Apoyos", "Familias", "Aprendizaje", "Liderazgo"]}
# California's steps and their wording: none of it belongs on a New Mexico district's pages.
CALIFORNIA_STEPS = re.compile(r"Building structures|Coordinating and providing services|Training and "
                              r"support|New and expanded practices|Crear las estructuras|Coordinar y "
                              r"ofrecer servicios|Capacitación y apoyo|Prácticas nuevas o ampliadas|"
                              r"\b(Step|Paso) [1-4]\b|implementation steps?|pasos? de implementación")


@pytest.mark.parametrize("lang", LANGS)
def test_grant_and_dashboard_show_new_mexicos_key_practices_and_none_of_californias_steps(page, lang):
    page.goto(url(lang, "grants/state-community-schools-implementation/"))
    main = plain(page.locator("main").inner_text())
    assert {"en": "State implementation grant", "es": "Subvención estatal de implementación"}[lang] in main
    headings = [plain(h) for h in page.locator("main h3").all_inner_texts()]
    assert headings[:4] == KEY_PRACTICES[lang]
    assert not CALIFORNIA_STEPS.search(main), CALIFORNIA_STEPS.search(main).group(0)
    assert_accessible(page)
    page.goto(url(lang, "grants/dashboard/"))
    main = plain(page.locator("main").inner_text())
    rows = [plain(r) for r in page.locator("#table-steps tbody th").all_inner_texts()]
    assert rows[:4] == KEY_PRACTICES[lang]
    columns = [plain(c) for c in page.locator("#table-schools thead th").all_inner_texts()]
    assert columns[1:5] == SHORT_PRACTICES[lang]
    assert not CALIFORNIA_STEPS.search(main), CALIFORNIA_STEPS.search(main).group(0)
    assert_accessible(page)


# portal.yml meeting_groups: each id with its label; the filter names a group by its id in dashes.
CLINICS = {"en": {"mvd-clinic": "Driver's licence and ID clinic (MVD)",
                  "vital-records-clinic": "Birth certificate clinic"},
           "es": {"mvd-clinic": "Clínica de licencias e identificaciones (MVD)",
                  "vital-records-clinic": "Clínica de actas de nacimiento"}}


@pytest.mark.parametrize("lang", LANGS)
def test_the_clinics_are_gatherings_families_can_find_by_their_own_names(page, lang):
    page.goto(url(lang, "meetings/"))
    for group, label in CLINICS[lang].items():
        option = page.locator(f'.filter__option[data-filter="body"][data-value="{group}"]')
        assert plain(option.inner_text()) == f"{label} (1)"
    page.locator('.filter__option[data-filter="body"][data-value="vital-records-clinic"]').click()
    page.wait_for_url(re.compile(r"vital-records-clinic"))
    cards = page.locator("article.meeting-card:visible")
    assert cards.count() == 1
    assert CLINICS[lang]["vital-records-clinic"] in cards.first.inner_text()
    assert "Mesa Alta" in cards.first.inner_text()
    assert_accessible(page)
    page.goto(url(lang, "meetings/2027-01-08-mesa-alta-birth-certificate-clinic/"))
    assert CLINICS[lang]["vital-records-clinic"] in page.locator("h1").inner_text()
    # The body's link to the other clinic, written once as its file, leads to its page in this language.
    link = page.locator("main .prose a", has_text=re.compile(r"licen", re.I))
    assert link.count() == 1
    address = link.evaluate("a => new URL(a.href).pathname")
    assert address == "/" + url(lang, "meetings/2026-12-11-mesa-alta-mvd-clinic/")


@pytest.mark.parametrize("lang, other", [("en", "es"), ("es", "en")])
def test_a_meeting_lists_its_agenda_in_the_pages_language_first_and_marks_the_other(page, lang, other):
    page.goto(url(lang, MEETING))
    links = page.locator("main ul.documents a")
    assert links.count() == 2, "one agenda, in two languages"
    first, second = links.nth(0), links.nth(1)
    assert first.get_attribute("href").endswith(f"/files/2026-12-10-leadership-team-agenda-{lang}.pdf")
    assert first.get_attribute("hreflang") is None and first.locator("[lang]").count() == 0
    assert second.get_attribute("href").endswith(f"/files/2026-12-10-leadership-team-agenda-{other}.pdf")
    assert second.get_attribute("hreflang") == other
    assert second.locator(f'[lang="{other}"]').count() == 1
    named = {"en": "(English)", "es": "(Español)"}[other]
    assert named in page.locator("main ul.documents li").nth(1).inner_text()
    response = page.request.get(second.evaluate("a => a.href"))
    assert response.ok and response.body().startswith(b"%PDF")
