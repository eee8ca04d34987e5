"""A meeting's name (generator/derive/meeting_text.py): who meets and the day, so that families
can tell meetings apart, in the page's language; the file's own title when it has one."""
from __future__ import annotations

import pytest

from generator.content.pipeline import build_site
from generator.core.i18n import Messages
from generator.derive.meeting_text import Words

NOW = "2026-11-23 12:00"

ALDER_EN = """
    ---
    name: Alder Elementary School
    short_name: Alder
    level: elementary
    grades: TK-5
    address:
      street: 10 Alder Street
      city: Valle Verde
      state: CA
      postal_code: "95301"
    coordinator: ana-ruiz
    ---
    A small school.
    """

ALDER_ES = """
    ---
    name: Escuela Primaria Alder
    short_name: Alder
    ---
    Una escuela pequeña.
    """


COUNCIL = "alder-elementary-site-advisory-council"  # tests/support.py MINIMAL's


def meeting(extra: str = "", group: str | None = None, school: str = "school: alder-elementary",
            body: str = COUNCIL) -> str:
    """A meeting of BODY, or (with GROUP) a gathering at SCHOOL that is not a body's meeting."""
    who = f"group: {group}\n        {school}" if group else f"body: {body}"
    return f"""
        ---
        {who}
        start: 2026-12-08 17:30
        end: "19:00"
        location:
          place: Library
        notice_posted: 2026-12-01 09:00
        {extra}
        ---
        """


def names(project, lang: str, slug: str = "2026-12-08-alder-sac") -> tuple[str, str]:
    """(who meets, the meeting's full name) in one language."""
    site, _ = build_site(project.root, now=NOW)
    words = Words(site, lang, Messages(lang, site.default))
    m = site.items["meetings"][slug]
    return words.name(m), words.title(m)


def councils(project, en: str | None, es: str | None, slug: str = COUNCIL,
             kind: str = "site_advisory_council", school: str = "school: alder-elementary") -> None:
    """Alder with its short name, and the council SLUG named EN and ES (None: MINIMAL's council,
    named by its kind, "Site advisory council")."""
    project.write("content/en/schools/alder-elementary.md", ALDER_EN)
    project.write("content/es/schools/alder-elementary.md", ALDER_ES)
    if en:
        project.write(f"content/en/councils/{slug}.md", f"---\nname: {en}\n{school}\nkind: {kind}\n---\n")
        project.write(f"content/es/councils/{slug}.md", f"---\nname: {es}\n---\n")


def test_the_school_councils_own_name_and_the_day_name_a_meeting_in_each_language(project):
    councils(project, "Alder Family Council", "Consejo de Familias de Alder")
    assert names(project, "en") == ("Alder Family Council", "Alder Family Council · Tue, Dec 8")
    assert names(project, "es") == ("Consejo de Familias de Alder", "Consejo de Familias de Alder · mar, 8 de dic")
    assert "Site advisory council" not in names(project, "en")[1]
    assert "Consejo asesor escolar" not in names(project, "es")[1]


def test_a_council_name_that_does_not_say_the_school_gets_its_short_name(project):
    councils(project, "Family Advisory Council", "Consejo Asesor de Familias")
    assert names(project, "en")[1] == "Family Advisory Council · Alder · Tue, Dec 8"
    assert names(project, "es")[1] == "Consejo Asesor de Familias · Alder · mar, 8 de dic"


def test_without_a_council_name_the_group_and_the_schools_short_name(project):
    councils(project, None, None)
    assert names(project, "en")[1] == "Site advisory council · Alder · Tue, Dec 8"
    assert names(project, "es")[1] == "Consejo asesor escolar · Alder · mar, 8 de dic"


def test_another_group_at_the_school_is_not_given_the_councils_name(project):
    councils(project, "Alder Family Council", "Consejo de Familias de Alder")
    project.write("content/en/meetings/2026-12-08-alder-sac.md", meeting(group="family_workshop"))
    assert names(project, "en")[1] == "Family workshop · Alder · Tue, Dec 8"
    assert names(project, "es")[1] == "Taller para familias · Alder · mar, 8 de dic"


def test_a_team_is_named_by_its_own_name_not_its_kind(project):
    councils(project, "Alder Leadership Team", "Equipo de Liderazgo de Alder",
             slug="alder-elementary-leadership-team", kind="site_leadership_team")
    project.write("content/en/meetings/2026-12-08-alder-sac.md",
                  meeting(body="alder-elementary-leadership-team"))
    assert names(project, "en")[1] == "Alder Leadership Team · Tue, Dec 8"
    assert names(project, "es")[1] == "Equipo de Liderazgo de Alder · mar, 8 de dic"


def test_a_district_meeting_is_named_by_its_body_and_the_day(project):
    councils(project, "District advisory council", "Consejo asesor del distrito",
             slug="district-advisory-council", kind="district_council", school="")
    project.write("content/en/meetings/2026-12-08-alder-sac.md", meeting(body="district-advisory-council"))
    assert names(project, "en") == ("District advisory council", "District advisory council · Tue, Dec 8")
    assert names(project, "es")[1] == "Consejo asesor del distrito · mar, 8 de dic"
    assert "Alder" not in names(project, "en")[1]


def test_an_explicit_title_stays_and_is_followed_by_who_meets(project):
    councils(project, "Alder Family Council", "Consejo de Familias de Alder")
    project.write("content/en/meetings/2026-12-08-alder-sac.md", meeting("title: Budget hearing"))
    project.write("content/es/meetings/2026-12-08-alder-sac.md", "---\ntitle: Audiencia del presupuesto\n---\n")
    assert names(project, "en")[1] == "Budget hearing (Alder Family Council)"
    assert names(project, "es")[1] == "Audiencia del presupuesto (Consejo de Familias de Alder)"


def test_a_postponed_meeting_is_not_named_by_a_day_it_no_longer_keeps(project):
    councils(project, "Alder Family Council", "Consejo de Familias de Alder")
    project.write("content/en/meetings/2026-12-08-alder-sac.md", meeting("status: postponed"))
    assert names(project, "en")[1] == "Alder Family Council"
    assert "Dec 8" not in names(project, "en")[1]


def test_a_district_gathering_without_a_body_is_named_by_its_group(project):
    project.write("content/en/meetings/2026-12-08-alder-sac.md",
                  meeting(group="community_presentation", school=""))
    assert names(project, "en")[1] == "Community presentation · Tue, Dec 8"
    assert names(project, "es")[1] == "Presentación comunitaria · mar, 8 de dic"


@pytest.mark.parametrize("lang, expected", [("en", "Tue, Dec 8"), ("es", "mar, 8 de dic")])
def test_the_name_gives_the_day_in_the_meetings_own_time_zone(project, lang, expected):
    # 23:30 in Los Angeles is already the 9th in UTC: the name keeps the local day.
    project.write("content/en/meetings/2026-12-08-alder-sac.md",
                  meeting("unusual_time: true").replace("start: 2026-12-08 17:30", "start: 2026-12-08 21:30")
                  .replace('end: "19:00"', 'end: "23:30"'))
    assert names(project, lang)[1].endswith(expected)
