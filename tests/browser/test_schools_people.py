"""The schools directory, coordinator cards and person pages in a real browser, with and without JavaScript."""
from __future__ import annotations

import re

import pytest
import vobject

from support import assert_accessible, url

pytestmark = pytest.mark.browser

SERVICES = ["clothing", "dental_vision", "legal_aid"]  # offered by some schools, not all




def visible_schools(page) -> set[str]:
    cards = page.locator(".school-card")
    return {cards.nth(i).locator(".card__title").inner_text().strip()
            for i in range(cards.count()) if cards.nth(i).is_visible()}


def offering(model, service_id: str, lang: str) -> set[str]:
    return {str(s.title(lang)) for s in model.schools if service_id in s.service_ids()}


def label(model, service_id: str, lang: str) -> str:
    return model.settings.services[service_id].label[lang]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_choosing_a_service_filters_in_place_with_javascript(page, model, lang):
    page.goto(url(lang, "schools/"))
    assert visible_schools(page) == {str(s.title(lang)) for s in model.schools}
    services = page.get_by_role("navigation", name="Service" if lang == "en" else "Servicio")
    for sid in SERVICES:
        expected = offering(model, sid, lang)
        assert 0 < len(expected) < len(model.schools)
        services.get_by_role("link", name=label(model, sid, lang)).click()
        assert visible_schools(page) == expected, sid
        assert page.url.endswith(f"/schools/?service={sid}"), "the page stays; the choice is in the address"
        assert services.get_by_role("link", name=label(model, sid, lang)).get_attribute("aria-current") == "true"
        status = page.get_by_role("status").inner_text()
        assert str(len(expected)) in status and str(len(model.schools)) in status
    assert_accessible(page)

    # Grade level and service combine; "All" undoes a filter.
    levels = page.get_by_role("navigation", name="Grade level" if lang == "en" else "Nivel de grados")
    services.get_by_role("link", name=label(model, "after_school", lang)).click()
    levels.locator("a[data-value=elementary]").click()
    both = {str(s.title(lang)) for s in model.schools if "after_school" in s.service_ids()
            and s.get(lang, "level") in ("elementary", "k8", "k12")}
    assert visible_schools(page) == both and both
    services.locator('a[data-value=""]').click()
    assert visible_schools(page) == {str(s.title(lang)) for s in model.schools
                                     if s.get(lang, "level") in ("elementary", "k8", "k12")}

    # The address keeps the choice: a reload shows the same list.
    page.reload()
    assert visible_schools(page) == {str(s.title(lang)) for s in model.schools
                                     if s.get(lang, "level") in ("elementary", "k8", "k12")}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_choosing_a_service_works_without_javascript(page_without_js, model, lang):
    page = page_without_js
    for sid in SERVICES:
        page.goto(url(lang, "schools/"))
        services = page.get_by_role("navigation", name="Service" if lang == "en" else "Servicio")
        services.get_by_role("link", name=label(model, sid, lang)).click()
        page.wait_for_url(re.compile(rf"/schools/services/{sid.replace('_', '-')}/$"))
        assert visible_schools(page) == offering(model, sid, lang), sid
        assert label(model, sid, lang) in page.locator("h1").inner_text()
    page.goto(url(lang, "schools/"))
    page.get_by_role("navigation", name="Grade level" if lang == "en" else "Nivel de grados") \
        .locator("a[data-value=high]").click()
    page.wait_for_url(re.compile(r"/schools/levels/high/$"))
    assert visible_schools(page) == {str(s.title(lang)) for s in model.schools if s.get(lang, "level") == "high"}


def test_filter_pages_and_services_finder_pass_axe(page, model):
    for path in ("schools/services/", "schools/services/clothing/", "schools/levels/middle/"):
        for lang in ("en", "es"):
            response = page.goto(url(lang, path))
            assert response.ok, path
            assert page.locator("h1").count() == 1
            assert_accessible(page)


def test_spanish_pages_show_spanish_service_labels(page, model):
    page.goto(url("es", "schools/"))
    main = page.locator("main")
    for sid in ("food_pantry", "health_clinic", "tutoring"):
        assert main.get_by_text(label(model, sid, "es"), exact=True).first.is_visible()
        assert main.get_by_text(label(model, sid, "en"), exact=True).count() == 0
    page.goto(url("es", "schools/lincoln-elementary/"))
    services = page.locator("section", has=page.get_by_role("heading", name="Servicios en esta escuela"))
    text = services.inner_text()
    assert "Despensa de alimentos" in text and "Tutorías" in text
    assert "Food pantry" not in text and "Tutoring" not in text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_coordinator_card_has_working_mailto_and_tel_links(page, model, lang):
    school = model.items["schools"]["lincoln-elementary"]
    person = school.coordinator
    page.goto(url(lang, school.path))
    card = page.locator("section", has=page.locator("#coordinator")).locator(".person-card")
    assert person.title(lang) in card.inner_text()
    assert person.get(lang, "office_hours")[:20] in card.inner_text()
    mail = card.get_by_role("link", name=person.get(lang, "email"))
    assert mail.get_attribute("href") == f"mailto:{person.get(lang, 'email')}"
    phone = card.get_by_role("link", name=person.get(lang, "phone"))
    digits = re.sub(r"\D", "", person.get(lang, "phone"))
    assert phone.get_attribute("href") == f"tel:+1{digits}"
    photo = card.locator("img")
    assert photo.get_attribute("alt")
    photo.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
    # The links are well-formed URIs the browser routes to the mail and phone apps.
    for link in (mail, phone):
        parsed = link.evaluate("a => ({protocol: a.protocol, path: a.pathname})")
        assert parsed["protocol"] in ("mailto:", "tel:") and parsed["path"]
    save = card.get_by_role("link", name=re.compile("Save contact|Guardar contacto"))
    response = page.request.get(save.evaluate("a => a.href"))
    assert response.ok
    contact = vobject.readOne(response.text())
    assert contact.fn.value == person.title(lang)
    assert contact.email.value == person.get(lang, "email")


def test_person_page_shows_role_schools_contact_and_photo_or_avatar(page, model):
    for person in model.people:
        page.goto(url("en", person.path))
        main = page.locator("main")
        text = main.inner_text()
        assert person.title("en") in text
        for school in person.schools_served:
            assert main.get_by_role("link", name=str(school.title("en"))).count() >= 1
        img = main.locator(".person-head img")
        assert img.evaluate("img => img.complete && img.naturalWidth > 0"), person.slug
        box = img.bounding_box()
        assert box["width"] == box["height"] > 0
    assert_accessible(page)
