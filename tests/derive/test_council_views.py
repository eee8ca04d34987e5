"""What the site derives from councils: the meeting filter's "who meets" (each council and team,
then the gatherings that are not a body's), a body's minutes, a school's councils, and the body
calendars, on the example district."""
from __future__ import annotations

import pytest

from generator.content.pipeline import build_site
from generator.core.i18n import Messages
from generator.derive import derive_pages
from generator.derive.councils import council_minutes, school_councils
from generator.derive.meeting_filter import meeting_choices
from generator.outputs.calendars import bodies
from support import EXAMPLE_NOW, REPO

SITE_COUNCILS = {"cesar-chavez-k8-site-advisory-council", "las-palmas-elementary-site-advisory-council",
                 "lincoln-elementary-site-advisory-council", "sierra-vista-middle-site-advisory-council",
                 "valle-verde-high-site-advisory-council"}


@pytest.fixture(scope="module")
def model():
    site, _ = build_site(REPO, now=EXAMPLE_NOW)
    return site


def test_the_filter_offers_each_council_and_team_then_the_other_gatherings(model):
    choices = meeting_choices(model, "es")
    ids = [c.id for c in choices.bodies]
    assert ids[0] == "district-advisory-council"  # the district's body first
    assert SITE_COUNCILS | {"mission-creek-high-leadership-team"} <= set(ids)
    assert ids[-2:] == ["family-workshop", "community-presentation"]  # in the schema's order
    assert "site-advisory-council" not in ids, "no kind that lumps every school's council together"
    labels = {c.id: str(c.label) for c in choices.bodies}
    assert labels["lincoln-elementary-site-advisory-council"] == "Consejo Asesor Escolar de Lincoln"
    assert labels["family-workshop"] == "Taller para familias"
    assert sum(c.count for c in choices.bodies) == len(model.meetings)  # every meeting once


def test_every_council_has_a_page_in_every_language_and_a_filter_page_if_it_meets(model):
    paths = {(p.lang, p.src) for p in derive_pages(model, lambda lang: Messages(lang, "en"))}
    for lang in ("en", "es"):
        assert (lang, "councils/index.md") in paths
        for slug in SITE_COUNCILS | {"district-advisory-council", "mission-creek-high-leadership-team"}:
            assert (lang, f"councils/{slug}.md") in paths
            assert (lang, f"meetings/bodies/{slug}.md") in paths


def test_a_bodys_minutes_are_its_past_meetings_with_minutes_latest_first(model):
    lincoln = model.items["councils"]["lincoln-elementary-site-advisory-council"]
    minutes = [v.slug for v in council_minutes(lincoln, "en")]
    assert minutes == [m.slug for m in reversed(model.meetings)
                       if m.council is lincoln and m.has_ended and m.has_minutes]
    assert minutes and "2026-12-08-lincoln-sac" not in minutes  # still to come on "now"
    assert all(model.items["meetings"][s].start < model.now for s in minutes)


def test_a_school_lists_its_own_councils_only(model):
    mission = model.items["schools"]["mission-creek-high"]
    assert [v.slug for v in school_councils(model, mission, "en")] == ["mission-creek-high-leadership-team"]
    district = model.items["councils"]["district-advisory-council"]
    assert all(v.item is not district for s in model.schools for v in school_councils(model, s, "en"))


def test_body_calendars_keep_the_addresses_subscribers_have(model):
    keys = {b.key for b in bodies(model)}
    assert {"district-advisory-council", "mission-creek-high-leadership-team"} | SITE_COUNCILS <= keys
    assert "cesar-chavez-k8-family-workshop" in keys and "community-presentation" in keys
