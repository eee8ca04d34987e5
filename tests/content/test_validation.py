"""Loading and validation: every problem is reported with file, line, field and a suggestion."""
from __future__ import annotations

import pytest

from generator.content.pipeline import build_site
from generator.core.errors import ContentErrors


def problems_of(project) -> list:
    with pytest.raises(ContentErrors) as info:
        build_site(project.root, now="2026-11-23 12:00")
    return info.value.problems


def only(problems, **match):
    found = [p for p in problems if all(getattr(p, k) == v for k, v in match.items())]
    assert found, f"no problem matching {match} in:\n" + "\n".join(p.format() for p in problems)
    return found[0]


def test_valid_project_loads_both_languages(project):
    site, problems = build_site(project.root, now="2026-11-23 12:00")
    school = site.items["schools"]["alder-elementary"]
    assert school.title("en") == "Alder Elementary School"
    assert school.title("es") == "Escuela Primaria Alder"
    # Facts written once (in English) reach the Spanish version.
    assert school.get("es", "grades") == "TK-5"
    assert school.coordinator is site.items["people"]["ana-ruiz"]
    assert site.items["people"]["ana-ruiz"].schools_served == [school]
    assert site.items["meetings"]["2026-12-08-alder-sac"].school is school


def test_words_missing_in_one_language_fall_back_marked_with_their_language(project):
    site, _ = build_site(project.root, now="2026-11-23 12:00")
    person = site.items["people"]["ana-ruiz"]
    hours = person.get("en", "office_hours")
    assert hours == "De lunes a jueves" and hours.lang == "es"
    meeting = site.items["meetings"]["2026-12-08-alder-sac"]
    assert meeting.get("es", "agenda")[0].lang == "en"
    assert not meeting.has_file("es")


def test_malformed_yaml_names_file_and_line(project):
    project.write("content/en/people/bad.md", """
        ---
        name: Bad
        role: [coordinator
        ---
        """)
    p = only(problems_of(project), file="content/en/people/bad.md")
    assert "cannot be read" in p.message
    assert p.line in (3, 4)


def test_missing_required_field(project):
    project.write("content/en/people/no-role.md", """
        ---
        name: No Role
        ---
        """)
    p = only(problems_of(project), file="content/en/people/no-role.md", field="role")
    assert "required" in p.message
    assert "role" in p.suggestion


def test_wrong_type_says_expected_and_found(project):
    project.write("content/en/people/bad-mail.md", """
        ---
        name: Bad Mail
        role: staff
        email: not-an-address
        ---
        """)
    p = only(problems_of(project), field="email")
    assert p.line == 4
    assert "e-mail" in p.expected
    assert "not-an-address" in p.found


def test_unknown_reference_suggests_the_closest_slug(project):
    project.write("content/en/meetings/2026-12-09-typo.md", """
        ---
        group: family_workshop
        school: alder-elementry
        start: 2026-12-09 17:30
        end: "19:00"
        location: {place: Library}
        ---
        """)
    p = only(problems_of(project), field="school")
    assert p.file == "content/en/meetings/2026-12-09-typo.md"
    assert p.line == 3
    assert 'did you mean "alder-elementary"' in p.suggestion


def test_duplicate_slug_names_both_files(project):
    project.write("content/en/meetings/2026/2026-12-08-alder-sac.md", """
        ---
        group: community_presentation
        start: 2026-12-08 17:30
        end: "19:00"
        location: {place: Library}
        ---
        """)
    problems = [p for p in problems_of(project) if "already has the name" in p.message]
    assert len(problems) == 1
    both = problems[0].found + problems[0].file
    assert "content/en/meetings/2026/2026-12-08-alder-sac.md" in both
    assert "content/en/meetings/2026-12-08-alder-sac.md" in both


def test_impossible_date(project):
    project.write("content/en/news/leap.md", """
        ---
        title: Leap
        date: 2026-02-30
        summary: Not a day.
        ---
        """)
    p = only(problems_of(project), field="date")
    assert "not a real calendar date" in p.message


def test_facts_that_disagree_name_both_files(project):
    project.write("content/es/schools/alder-elementary.md", """
        ---
        name: Escuela Primaria Alder
        grades: K-5
        ---
        """)
    p = only(problems_of(project), field="grades")
    assert "content/en/schools/alder-elementary.md" in p.message
    assert p.file == "content/es/schools/alder-elementary.md"


def test_unknown_field_suggests_the_right_name(project):
    project.write("content/en/people/typo.md", """
        ---
        name: Typo
        role: staff
        emial: typo@example.org
        ---
        """)
    p = only(problems_of(project), field="emial")
    assert 'did you mean "email"' in p.suggestion


def test_unknown_service_suggests_one(project):
    project.write("content/es/schools/alder-elementary.md", """
        ---
        services: [food_pantry, tutorng]
        ---
        """)
    p = only(problems_of(project), field="services[2].id")
    assert 'did you mean "tutoring"' in p.suggestion


def test_every_problem_is_reported_not_only_the_first(project):
    project.write("content/en/people/a.md", "---\nname: A\n---\n")
    project.write("content/en/people/b.md", "---\nname: B\nrole: chief\n---\n")
    project.write("content/en/news/c.md", "---\ntitle: C\ndate: soon\nsummary: x\n---\n")
    files = {p.file for p in problems_of(project)}
    assert {"content/en/people/a.md", "content/en/people/b.md", "content/en/news/c.md"} <= files


def test_spanish_no_is_text_not_false(project):
    # YAML 1.1 would read "No" as false; staff writing Spanish must not be surprised.
    project.write("content/es/pages/no.md", "---\ntitle: No\n---\n")
    site, _ = build_site(project.root, now="2026-11-23 12:00")
    assert site.items["pages"]["no"].title("es") == "No"


def test_meeting_end_before_start(project):
    project.write("content/en/meetings/2026-12-10-x.md", """
        ---
        group: family_workshop
        school: alder-elementary
        start: 2026-12-10 17:30
        end: "07:00"
        location: {place: Office}
        ---
        """)
    p = only(problems_of(project), field="end")
    assert "ends before it starts" in p.message


def test_rescheduled_meeting_needs_previous_start(project):
    project.write("content/en/meetings/2026-12-11-x.md", """
        ---
        group: community_presentation
        start: 2026-12-11 17:30
        end: "19:00"
        status: rescheduled
        location: {place: Office}
        ---
        """)
    only(problems_of(project), field="previous_start")


def test_page_name_clashing_with_a_section(project):
    project.write("content/en/pages/schools.md", "---\ntitle: Schools\n---\n")
    p = only(problems_of(project), file="content/en/pages/schools.md")
    assert "already used" in p.message


def test_file_name_that_cannot_be_a_web_address(project):
    project.write("content/en/pages/About Us.md", "---\ntitle: About\n---\n")
    p = only(problems_of(project), file="content/en/pages/About Us.md")
    assert "about-us.md" in p.suggestion


@pytest.mark.parametrize("raw, message", [
    (b"", "has no front-matter"),
    (b"---\ntitle: Only the top\n", "front-matter is not closed"),
    (b"---\ntitle:\tTabbed\n\tsummary: x\n---\n", "cannot be read"),
    (b"---\ntitle: caf\xe9\n---\n", "not UTF-8"),
    (b"---\n- a list\n- not fields\n---\n", "must be 'field: value' lines"),
])
def test_broken_files_are_reported_not_raised(project, raw, message):
    path = project.root / "content/en/pages/broken.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    p = only(problems_of(project), file="content/en/pages/broken.md")
    assert message in p.message
    assert p.suggestion or p.expected


def test_byte_order_mark_is_accepted(project):
    (project.root / "content/en/pages").mkdir(parents=True, exist_ok=True)
    (project.root / "content/en/pages/bom.md").write_bytes("\ufeff---\ntitle: BOM\n---\nText.\n".encode())
    site, _ = build_site(project.root, now="2026-11-23 12:00")
    assert site.items["pages"]["bom"].title("en") == "BOM"


def test_a_field_written_twice_is_an_error_naming_both_lines(project):
    project.write("content/en/meetings/2026-12-09-twice.md", """
        ---
        group: community_presentation
        start: 2026-12-09 17:30
        end: "19:00"
        start: 2026-12-10 17:30
        location: {place: Office}
        ---
        """)
    p = only(problems_of(project), file="content/en/meetings/2026-12-09-twice.md")
    assert "'start' is written twice (first on line 3)" in p.message
    assert p.line == 5


def test_one_broken_file_gives_one_error_not_false_ones_in_its_translation(project):
    (project.root / "content/en/schools/alder-elementary.md").write_text(
        "---\nname: Alder\nlevel: [elementary\n---\n", encoding="utf-8")
    problems = problems_of(project)
    assert [p.file for p in problems] == ["content/en/schools/alder-elementary.md"], \
        "\n".join(p.format() for p in problems)


def test_settings_that_are_not_utf8_are_reported(project):
    path = project.root / "portal.yml"
    path.write_bytes(path.read_bytes().replace("Español".encode(), "Español".encode("latin-1")))
    p = only(problems_of(project), file="portal.yml")
    assert "not UTF-8" in p.message and p.line and "UTF-8" in p.suggestion


def test_a_broken_link_in_content_is_reported(project):
    (project.root / "content/en/pages").mkdir(parents=True, exist_ok=True)
    (project.root / "content/en/pages/gone.md").symlink_to(project.root / "nowhere.md")
    p = only(problems_of(project), file="content/en/pages/gone.md")
    assert "cannot be opened" in p.message


@pytest.mark.parametrize("front, line, message, suggestion", [
    ("title: Tabs\n\tsummary: x\n", 3, "a tab is used to indent", "two spaces"),
    ('title: "Open quote\nsummary: x\n', 2, "quote", "closing quote"),
    ("title: Budget: first reading\n", 2, "contains ': '", "double quotes"),
    ("title: List\nsummary: [a, b\norder: 3\n", 3, "list in [ ] is opened here", "closing ]"),
])
def test_yaml_mistakes_are_explained_at_the_line_where_they_start(project, front, line, message, suggestion):
    project.write("content/en/pages/oops.md", "---\n" + front + "---\n")
    p = only(problems_of(project), file="content/en/pages/oops.md")
    assert message in p.message and suggestion in p.suggestion
    assert p.line == line, p.format()


@pytest.mark.parametrize("url, words", [
    ("javascript:alert(1)", "only http:// and https:// links are allowed"),
    ("ftp://files.example.org/notice.pdf", "only http:// and https:// links are allowed"),
    ("zoom.us/j/123", 'add "https://" in front: "https://zoom.us/j/123"'),
])
def test_a_link_with_another_scheme_is_not_told_to_add_https(project, url, words):
    project.write("content/en/meetings/2026-12-10-online.md", f"""
        ---
        body: alder-elementary-site-advisory-council
        start: 2026-12-10 17:30
        end: "19:00"
        online:
          url: "{url}"
        ---
        """)
    p = only(problems_of(project), field="online.url")
    assert words in p.message + " " + p.suggestion
    if ":" in url:
        assert "https://" + url not in p.suggestion
