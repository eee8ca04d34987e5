"""A meeting's one state (Meeting.state), computed once from its status and the build's "now",
and what a meeting in each state still offers (Meeting.invites), including in the words the
.ics calendars and JSON-LD carry."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from generator.content.pipeline import build_site
from generator.core.i18n import Messages
from generator.derive.meeting_text import Words
from support import EXAMPLE_NOW, REPO

LINCOLN_END = datetime(2026, 12, 9, 3, 0, tzinfo=timezone.utc)  # Dec 8, 19:00 in Valle Verde (UTC-8)


@pytest.fixture(scope="module")
def model():
    site, _ = build_site(REPO, now=EXAMPLE_NOW)
    return site


def meeting_at(now: datetime, slug: str):
    site, _ = build_site(REPO, now=now)
    return site.items["meetings"][slug]


def test_each_example_meeting_has_the_state_families_should_see(model):
    meetings = model.items["meetings"]
    assert meetings["2026-12-08-lincoln-sac"].state == "scheduled"
    assert meetings["2026-12-16-chavez-sac"].state == "cancelled"
    assert meetings["2026-12-03-las-palmas-sac"].state == "postponed"
    assert meetings["2026-12-10-sierra-vista-sac"].state == "rescheduled"
    assert meetings["2026-11-19-district-advisory-council"].state == "ended"
    assert {m.state for m in model.meetings} == {"scheduled", "cancelled", "postponed", "rescheduled", "ended"}


def test_a_meeting_ends_at_its_end_time_by_the_builds_clock():
    assert meeting_at(LINCOLN_END - timedelta(minutes=1), "2026-12-08-lincoln-sac").state == "scheduled"
    assert meeting_at(LINCOLN_END, "2026-12-08-lincoln-sac").state == "ended"


def test_a_moved_meeting_ends_at_its_new_time_not_its_old_one():
    # moved from December 10 to December 15, 17:30-19:00
    assert meeting_at(datetime(2026, 12, 12, tzinfo=timezone.utc), "2026-12-10-sierra-vista-sac").state == "rescheduled"
    assert meeting_at(datetime(2026, 12, 16, 3, 0, tzinfo=timezone.utc),
                      "2026-12-10-sierra-vista-sac").state == "ended"


def test_a_called_off_meeting_never_becomes_ended():
    later = datetime(2027, 6, 1, tzinfo=timezone.utc)
    assert meeting_at(later, "2026-12-16-chavez-sac").state == "cancelled"
    assert meeting_at(later, "2026-12-03-las-palmas-sac").state == "postponed"


def test_only_a_meeting_still_to_come_invites(model):
    invites = {m.slug: m.invites for m in model.meetings}
    assert invites["2026-12-08-lincoln-sac"] and invites["2026-12-10-sierra-vista-sac"]
    assert not invites["2026-12-16-chavez-sac"]
    assert not invites["2026-12-03-las-palmas-sac"]
    assert not invites["2026-11-19-district-advisory-council"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_calendar_words_of_a_cancelled_meeting_offer_no_way_to_join_and_no_supports(model, lang):
    words = Words(model, lang, Messages(lang, model.default))
    cancelled = words.description(model.items["meetings"]["2026-12-16-chavez-sac"])
    assert "meet.example.org" not in cancelled and "555 010 9016" not in cancelled
    assert ("Childcare" if lang == "en" else "Cuidado de niños") not in cancelled
    assert "Rosa Gutiérrez (" not in cancelled  # no accommodations contact or deadline
    assert words.summary(model.items["meetings"]["2026-12-16-chavez-sac"]).startswith(
        "Cancelled: " if lang == "en" else "Cancelada: ")
    scheduled = words.description(model.items["meetings"]["2026-12-08-lincoln-sac"])
    assert "meet.example.org" in scheduled
    assert ("Childcare" if lang == "en" else "Cuidado de niños") in scheduled
