"""Councils and teams (content/<lang>/councils/): their own files, which their meetings name with
``body:``; the old ``council:`` block on a school and the old council groups are refused with the
file to write instead."""
from __future__ import annotations

import pytest

from generator.content.pipeline import build_site
from generator.core.errors import ContentErrors

NOW = "2026-11-23 12:00"
COUNCIL = "content/en/councils/alder-elementary-site-advisory-council.md"  # tests/support.py MINIMAL
MEETING = "content/en/meetings/2026-12-08-alder-sac.md"
SCHOOL = "content/en/schools/alder-elementary.md"

TEAM_EN = """
    ---
    name: Alder Leadership Team
    school: alder-elementary
    kind: site_leadership_team
    members:
      - role: Principal
        names: [Dana Park]
      - role: Coordinator
        person: ana-ruiz
      - role: Family members
        count: 4
    schedule: Second Monday of each month, 3:30 pm
    how_to_join: Ask the coordinator.
    agenda: [Present needs, Problem solving, Celebrations, Partner updates]
    ---
    The team runs the community school from month to month.
    """
TEAM_ES = """
    ---
    name: Equipo de Liderazgo de Alder
    members:
      - role: Directora
      - role: Coordinadora
      - role: Familias
    agenda: [Necesidades, Resolver problemas, Logros, Noticias de los aliados]
    ---
    El equipo dirige la escuela comunitaria mes a mes.
    """


def problems_of(project) -> list:
    with pytest.raises(ContentErrors) as info:
        build_site(project.root, now=NOW)
    return info.value.problems


def meeting_of(project, who: str) -> None:
    project.write(MEETING, f"""
        ---
        {who}
        start: 2026-12-08 17:30
        end: "19:00"
        location:
          place: Library
        notice_posted: 2026-12-01 09:00
        ---
        """)


def test_a_team_has_members_by_role_in_each_language_with_their_facts_shared(project):
    project.write("content/en/councils/alder-leadership-team.md", TEAM_EN)
    project.write("content/es/councils/alder-leadership-team.md", TEAM_ES)
    site, _ = build_site(project.root, now=NOW)
    team = site.items["councils"]["alder-leadership-team"]
    assert team.school is site.items["schools"]["alder-elementary"]
    members = team.get("es", "members")
    assert [str(m["role"]) for m in members] == ["Directora", "Coordinadora", "Familias"]
    assert members[0]["names"] == ["Dana Park"] and members[2]["count"] == 4  # facts from English
    assert site.resolve(members[1]["person"]) is site.items["people"]["ana-ruiz"]
    assert [str(a) for a in team.get("es", "agenda")][0] == "Necesidades"


def test_a_meeting_takes_its_school_kind_and_calendar_from_its_body(project):
    site, _ = build_site(project.root, now=NOW)
    m = site.items["meetings"]["2026-12-08-alder-sac"]
    council = site.items["councils"]["alder-elementary-site-advisory-council"]
    assert m.council is council
    assert m.school is site.items["schools"]["alder-elementary"]
    assert m.group == "site_advisory_council"  # the body's kind, written once, in the body's file
    assert m.body_key == "alder-elementary-site-advisory-council"  # its calendar's file name
    assert m.uid.startswith("2026-12-08-alder-sac@")


def test_a_gathering_without_a_body_keeps_its_group_and_school(project):
    meeting_of(project, "group: family_workshop\n        school: alder-elementary")
    site, _ = build_site(project.root, now=NOW)
    m = site.items["meetings"]["2026-12-08-alder-sac"]
    assert m.council is None and m.group == "family_workshop"
    assert m.body_key == "alder-elementary-family-workshop"


def test_a_meeting_that_names_no_one_who_meets_is_an_error(project):
    meeting_of(project, "kind: regular")
    [p] = [p for p in problems_of(project) if p.file == MEETING]
    assert p.message == "the meeting does not say who meets" and p.field == "body"
    assert "body: lincoln-elementary-site-advisory-council" in p.suggestion


def test_a_body_and_a_group_both_is_an_error_on_the_group_line(project):
    meeting_of(project, "body: alder-elementary-site-advisory-council\n        group: family_workshop")
    [p] = [p for p in problems_of(project) if p.file == MEETING]
    assert (p.field, p.line) == ("group", 3)
    assert "takes its kind from the body" in p.message and p.suggestion == "remove the 'group:' line"


def test_a_school_that_contradicts_the_body_is_an_error_and_the_bodys_own_school_is_fine(project):
    project.write("content/en/councils/district-council.md",
                  "---\nname: District Council\nkind: district_council\n---\n")
    meeting_of(project, "body: district-council\n        school: alder-elementary")
    [p] = [p for p in problems_of(project) if p.file == MEETING]
    assert (p.field, p.line) == ("school", 3)
    assert "district-council is for the whole district" in p.message
    meeting_of(project, "body: alder-elementary-site-advisory-council\n        school: alder-elementary")
    build_site(project.root, now=NOW)  # saying the body's own school again is no contradiction


def test_a_council_cannot_take_the_name_of_a_gatherings_page_and_calendar(project):
    project.write("content/en/councils/family-workshop.md",
                  "---\nname: Workshop Council\nkind: family_council\n---\n")
    [p] = problems_of(project)
    assert p.file == "content/en/councils/family-workshop.md"
    assert "already the name of another group's meetings and calendar" in p.message


def test_an_old_council_block_is_refused_with_the_council_file_to_write(project):
    school = (project.root / SCHOOL).read_text()
    project.write(SCHOOL, school.replace("services:", "council:\n  name: Alder Family Council\n"
                                         "  schedule: First Monday, 6:00 pm\n"
                                         "  how_to_join: Come to a meeting.\nservices:"))
    [p] = problems_of(project)
    assert (p.file, p.field) == (SCHOOL, "council")
    assert p.line == school.splitlines().index("services: [food_pantry, tutoring]") + 1
    assert "councils are now their own files under content/<language>/councils/" in p.message
    for words in ("write content/en/councils/alder-elementary-site-advisory-council.md",
                  'name: "Alder Family Council"', "school: alder-elementary",
                  "kind: site_advisory_council", 'schedule: "First Monday, 6:00 pm"',
                  'how_to_join: "Come to a meeting."', "remove the council: block"):
        assert words in p.suggestion, words
    assert "is not a field" not in p.format()


def test_an_old_leadership_team_block_becomes_a_team_file(project):
    school = (project.root / SCHOOL).read_text()
    project.write(SCHOOL, school.replace("services:", "council:\n  name: Alder Leadership Team\nservices:"))
    [p] = problems_of(project)
    assert "content/en/councils/alder-elementary-leadership-team.md" in p.suggestion
    assert "kind: site_leadership_team" in p.suggestion


@pytest.mark.parametrize("group, body", [
    ("site_advisory_council", "alder-elementary-site-advisory-council"),
    ("leadership_team", "alder-elementary-leadership-team"),
    ("district_advisory_council", "district-advisory-council"),
])
def test_an_old_council_group_is_refused_with_the_body_to_name(project, group, body):
    meeting_of(project, f"group: {group}\n        school: alder-elementary")
    [p] = [p for p in problems_of(project) if p.file == MEETING]
    assert (p.field, p.line) == ("group", 2)
    assert "now names its body" in p.message
    assert f"replace 'group: {group}' with 'body: {body}'" in p.suggestion
    assert f"content/en/councils/{body}.md" in p.suggestion
