"""What staff run into: late notices in `portal check`, document paths, and `portal new meeting`."""
from __future__ import annotations

import re

from click.testing import CliRunner

from generator.cli.main import main
from generator.content.fieldtypes import Obj
from generator.content.pipeline import build_site
from generator.content.schema import MEETING
from support import EXAMPLE_NOW

MEETING_FILE = "content/en/meetings/2026-12-08-alder-sac.md"  # starts 2026-12-08 17:30


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def check(project, *extra, now=EXAMPLE_NOW):
    return run("check", "-p", project.root, "--now", now, *extra)


def spanish(project, notice_posted: str | None = None):
    """A Spanish file for the fixture's meeting, with its own notice time (or none)."""
    line = f"notice_posted: {notice_posted}\n" if notice_posted else ""
    project.write("content/es/meetings/2026-12-08-alder-sac.md",
                  f"---\nagenda:\n  - Bienvenida\n{line}---\n")


def late_warnings(output: str) -> list[str]:
    return [block for block in output.split("\n\n") if "notice is late" in block]


def test_notice_in_time_in_both_languages_passes_strict(project):
    spanish(project, "2026-12-01 10:00")
    run("translations", "-p", project.root, "mark", "--all")  # only notice rules can warn here
    result = check(project, "--strict")
    assert result.exit_code == 0, result.output
    assert not late_warnings(result.output)


def test_late_notice_is_reported_with_file_and_hours_and_strict_fails(project):
    text = (project.root / MEETING_FILE).read_text()
    project.write(MEETING_FILE, text.replace("notice_posted: 2026-12-01 09:00", "notice_posted: 2026-12-06 09:30"))
    spanish(project, "2026-12-01 10:00")
    result = check(project)
    assert result.exit_code == 0, "a late notice is a warning"
    (warning,) = late_warnings(result.output)
    assert warning.startswith(f"Warning: {MEETING_FILE}, line ")
    assert "field 'notice_posted'" in warning
    assert "posted 56 hours before the start, 16 hours short of the 72 hours a regular meeting needs" in warning
    assert "2026-12-05 17:30" in warning  # the deadline
    strict = check(project, "--strict")
    assert strict.exit_code == 1
    assert late_warnings(strict.output) and "failing because of --strict" in strict.output


def test_special_meetings_need_24_hours_from_settings(project):
    text = (project.root / MEETING_FILE).read_text()
    project.write(MEETING_FILE, text.replace("notice_posted: 2026-12-01 09:00",
                                             "notice_posted: 2026-12-07 09:30\nkind: special"))
    assert not late_warnings(check(project).output), "32 hours is enough for a special meeting"
    settings = (project.root / "portal.yml").read_text()
    (project.root / "portal.yml").write_text(re.sub(r"special: \d+", "special: 48", settings))
    (warning,) = late_warnings(check(project).output)
    assert "posted 32 hours before the start, 16 hours short of the 48 hours a special meeting needs" in warning


def test_a_notice_late_in_spanish_only_is_late(project):
    spanish(project, "2026-12-07 11:30")  # English went out on the 1st
    (warning,) = late_warnings(check(project).output)
    assert warning.startswith("Warning: content/es/meetings/2026-12-08-alder-sac.md, line 4")
    assert "the Spanish notice is late: posted 30 hours before the start, 42 hours short" in warning


def test_a_spanish_file_without_its_own_time_shares_the_english_one(project):
    spanish(project, None)
    assert not late_warnings(check(project).output)


def test_no_spanish_notice_counts_as_late_once_the_deadline_has_passed(project):
    # The fixture has no Spanish file for the meeting: in time while the deadline is ahead...
    assert not late_warnings(check(project, now="2026-12-04 12:00").output)
    # ...late once it has passed, counted from now (it could at best be posted now).
    (warning,) = late_warnings(check(project, now="2026-12-07 17:30-08:00").output)
    assert "content/es/meetings/2026-12-08-alder-sac.md" in warning
    assert "not posted yet 24 hours before the start, 48 hours short" in warning
    assert "no Spanish notice yet" in warning
    # Meetings that have ended are history: not reported.
    assert not late_warnings(check(project, now="2026-12-09 12:00").output)


def test_cancelled_meetings_are_not_checked_for_notice(project):
    text = (project.root / MEETING_FILE).read_text()
    project.write(MEETING_FILE, text.replace("notice_posted: 2026-12-01 09:00",
                                             "notice_posted: 2026-12-08 09:00\nstatus: cancelled"))
    assert not late_warnings(check(project).output)


def test_document_paths_must_exist_inside_content_files(project):
    text = (project.root / MEETING_FILE).read_text()
    (project.root / "content/files").mkdir(parents=True)
    (project.root / "content/files/agenda.pdf").write_bytes(b"%PDF-1.4\n")
    docs = ("documents:\n  - title: Agenda\n    file: files/agenda.pdf\n"
            "  - title: Missing\n    file: files/agneda.pdf\n"
            "  - title: Outside\n    file: ../portal.yml\n"
            "  - title: Slides\n    file: https://example.org/slides.pdf\n"
            "  - title: Sneaky\n    file: ../files/agenda.pdf\n")
    project.write(MEETING_FILE, text.replace("notice_posted:", docs + "notice_posted:"))
    result = check(project)
    assert result.exit_code == 1
    out = result.output
    assert "field 'documents[2].file'" in out and "the document file does not exist" in out
    assert 'did you mean "files/agenda.pdf"?' in out
    assert "field 'documents[3].file'" in out and "not inside content/files/" in out
    assert "field 'documents[5].file'" in out
    assert "documents[1]" not in out and "documents[4]" not in out
    assert "Traceback" not in out


# -- portal new meeting -------------------------------------------------------------


def all_field_paths(fields, prefix="") -> list[str]:
    out = []
    for f in fields:
        out.append(prefix + f.name)
        sub = f.type.item if hasattr(f.type, "item") and isinstance(getattr(f.type, "item"), Obj) else f.type
        if isinstance(sub, Obj):
            out.extend(all_field_paths(sub.fields.values(), prefix + f.name + "."))
    return out


def test_new_meeting_writes_every_field_explained_in_each_language(project):
    result = run("new", "meeting", "-p", project.root, "--school", "alder-elementary",
                 "--start", "2027-01-12 17:30")
    assert result.exit_code == 0, result.output
    en = project.root / "content/en/meetings/2027-01-12-alder-elementary-sac.md"
    es = project.root / "content/es/meetings/2027-01-12-alder-elementary-sac.md"
    assert f"Created {en.relative_to(project.root)}" in result.output and es.exists()
    text = en.read_text()
    for f in MEETING.fields:  # every field, with its help as a comment above it
        if f.name == "source_hash":
            assert "source_hash" not in text  # written by 'portal translations mark' only
            continue
        assert re.search(rf"^# {f.name}( \(required\))?: {re.escape(f.help)}$", text, re.M), f.name
        assert re.search(rf"^#? ?{f.name}:", text, re.M), f.name
    for sub in MEETING.by_name["online"].type.fields:  # groups list their fields too
        assert f"# {sub}:" in text
    assert "start: 2027-01-12 17:30" in text and 'end: "19:00"' in text
    assert "body: alder-elementary-site-advisory-council" in text  # the school's council
    assert 'name: "Ana Ruiz"' in text  # the school's coordinator, for accommodations
    spanish_text = es.read_text()
    assert "# start: a fact, written once in content/en/meetings/2027-01-12-alder-elementary-sac.md" in spanish_text
    assert re.search(r"^title:$", spanish_text, re.M) and re.search(r"^agenda:$", spanish_text, re.M)
    assert re.search(r"^notice_posted:$", spanish_text, re.M)

    # The files are valid as written: the meeting exists in both languages.
    site, _ = build_site(project.root, now=EXAMPLE_NOW)
    meeting = site.items["meetings"]["2027-01-12-alder-elementary-sac"]
    assert meeting.school.slug == "alder-elementary" and meeting.has_file("es")
    assert meeting.address == "10 Alder Street, Valle Verde, CA 95301"


def test_new_meeting_never_overwrites_and_suggests_schools(project):
    args = ["new", "meeting", "-p", project.root, "--start", "2027-01-12 17:30"]
    first = run(*args, "--school", "alder-elementary")
    assert first.exit_code == 0
    en = project.root / "content/en/meetings/2027-01-12-alder-elementary-sac.md"
    en.write_text(en.read_text().replace("title:", "title: January"))
    again = run(*args, "--school", "alder-elementary")
    assert again.exit_code == 1 and "not overwriting" in again.output
    assert "title: January" in en.read_text()
    typo = run(*args, "--school", "alder-elementry")
    assert typo.exit_code == 1 and 'did you mean "alder-elementary"?' in typo.output
    bad = run(*args[:-2], "--start", "2027-01-12 5:30 pm", "--school", "alder-elementary", "--name", "x-2")
    assert bad.exit_code == 1 and "24-hour clock" in bad.output
    assert not (project.root / "content/en/meetings/x-2.md").exists()


def test_new_district_meeting_must_be_given_a_place_before_it_builds(project):
    project.write("content/en/councils/district-advisory-council.md",
                  "---\nname: District Advisory Council\nkind: district_council\n---\n")
    result = run("new", "meeting", "-p", project.root, "--start", "2027-02-25 18:00")
    assert result.exit_code == 0, result.output
    path = project.root / "content/en/meetings/2027-02-25-district-advisory-council.md"
    assert "body: district-advisory-council" in path.read_text()
    out = check(project).output
    assert "has no place and no address" in out
    path.write_text(path.read_text().replace("  place:\n", "  place: District Office\n", 1)
                    .replace("  address:\n", '  address: "400 Mission Avenue, Valle Verde, CA 95301"\n', 1))
    assert check(project).exit_code == 0


# -- daylight saving time: notice hours are real hours ----------------------------------


def meeting_at(project, start: str, notice: str, end: str = '"19:00"'):
    """The fixture's meeting (tests/conftest.py), at another time."""
    text = project.__dict__.setdefault("original_meeting", (project.root / MEETING_FILE).read_text())
    text = text.replace("start: 2026-12-08 17:30", f"start: {start}").replace('end: "19:00"', f"end: {end}")
    project.write(MEETING_FILE, text.replace("notice_posted: 2026-12-01 09:00", f"notice_posted: {notice}"))


def test_notice_hours_across_the_spring_change_are_real_hours(project):
    # Clocks go forward on 2027-03-14: from Saturday 16:45 to Tuesday 17:30 is 71.75 real hours.
    meeting_at(project, "2027-03-16 17:30", "2027-03-13 16:45")
    (warning,) = late_warnings(check(project, now="2027-03-13 12:00").output)
    assert "posted 71.75 hours before the start, 0.25 hours short of the 72 hours" in warning
    assert "by 2027-03-13 16:30" in warning  # the deadline, on the local clock
    meeting_at(project, "2027-03-16 17:30", "2027-03-13 16:30")  # exactly 72 real hours
    assert not late_warnings(check(project, now="2027-03-13 12:00").output)


def test_notice_hours_across_the_autumn_change_are_real_hours(project):
    # Clocks go back on 2026-11-01: from Saturday 18:00 to Tuesday 17:30 is 72.5 real hours.
    meeting_at(project, "2026-11-03 17:30", "2026-10-31 18:00")
    assert not late_warnings(check(project, now="2026-10-31 12:00").output)
    meeting_at(project, "2026-11-03 17:30", "2026-10-31 19:00")  # 71.5 real hours
    (warning,) = late_warnings(check(project, now="2026-10-31 12:00").output)
    assert "posted 71.5 hours before the start, 0.5 hours short" in warning
    assert "by 2026-10-31 18:30" in warning


def test_a_meeting_over_the_autumn_night_lasting_more_than_a_day_is_an_error(project):
    # 2026-10-31 20:00 to 2026-11-01 19:30: 24.5 real hours (the wall clock says 23.5).
    meeting_at(project, "2026-10-31 20:00", "2026-10-20 09:00", end="2026-11-01 19:30")
    result = check(project, now="2026-10-20 12:00")
    assert result.exit_code == 1 and "the meeting lasts more than a day" in result.output
    meeting_at(project, "2027-03-13 20:00", "2027-03-01 09:00", end="2027-03-14 20:30")  # 23.5 real hours
    result = check(project, now="2027-03-01 12:00")
    assert "lasts more than a day" not in result.output


# -- following the staff guide on the example ---------------------------------------------


def example_copy(tmp_path):
    import shutil

    from support import REPO, Project

    root = tmp_path / "example"
    root.mkdir()
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    shutil.copytree(REPO / "content", root / "content")
    return Project(root)


def test_moving_or_cancelling_an_example_meeting_is_one_edit_in_the_english_file(tmp_path):
    """docs/staff-guide.md: "Move a meeting" and "Cancel a meeting" are one edit of the facts in
    the English file; the Spanish files hold words only, so nothing disagrees."""
    example = example_copy(tmp_path)
    edits = {
        "2026-12-08-lincoln-sac": ("start: 2026-12-08 17:30",
                                   "start: 2026-12-15 17:30\nstatus: rescheduled\nprevious_start: 2026-12-08 17:30"),
        "2026-12-03-las-palmas-sac": ("status: postponed",
                                      "start: 2026-12-10 08:30\nstatus: rescheduled\nprevious_start: 2026-12-03 08:30"),
        "2026-12-10-sierra-vista-sac": ("status: rescheduled", "status: cancelled"),
        "2026-12-16-chavez-sac": ("status: cancelled", "status: scheduled\nreinstated: 1"),
        "2026-10-28-sierra-vista-sac-special": ("kind: special", "kind: regular"),
        "2026-08-27-district-advisory-council": ("start: 2026-08-27 18:00", "start: 2026-08-27 18:30"),
    }
    for slug, (old, new) in edits.items():
        path = example.root / f"content/en/meetings/{slug}.md"
        text = path.read_text()
        assert old in text, slug
        if slug == "2026-12-03-las-palmas-sac":  # its start moves too
            text = text.replace("start: 2026-12-03 08:30\n", "")
        path.write_text(text.replace(old, new, 1))
    result = check(example, now="2026-11-23 12:00")
    assert result.exit_code == 0, result.output
    assert "differ" not in result.output


def test_moving_a_meeting_earlier_is_allowed(project):
    text = (project.root / MEETING_FILE).read_text()
    project.write(MEETING_FILE, text.replace("start: 2026-12-08 17:30",
                                             "start: 2026-12-07 17:30\nstatus: rescheduled\n"
                                             "previous_start: 2026-12-08 17:30"))
    result = check(project)
    assert result.exit_code == 0, result.output
    assert "previous_start" not in result.output


def test_moving_a_meeting_back_to_an_earlier_time_is_allowed(project):
    text = (project.root / MEETING_FILE).read_text()
    project.write(MEETING_FILE, text.replace("start: 2026-12-08 17:30",
                                             "start: 2026-12-08 17:30\nstatus: rescheduled\n"
                                             "previous_start:\n  - 2026-12-08 17:30\n  - 2026-12-10 17:30"))
    result = check(project)
    assert result.exit_code == 0, result.output


def test_new_meeting_refuses_an_end_before_the_start(project):
    args = ["new", "meeting", "-p", project.root, "--school", "alder-elementary", "--start", "2027-01-12 17:30"]
    for end, message in (("17:00", "--end: the meeting would end (2027-01-12 17:00) before it starts (2027-01-12 17:30)"),
                         ("17:30", "before it starts"),
                         ("2027-01-13 18:00", "--end: the meeting would last more than a day")):
        result = run(*args, "--end", end)
        assert result.exit_code == 1, end
        assert message in result.output, result.output
        assert not list((project.root / "content/en/meetings").glob("2027-01-12-*")), "nothing written"
    assert run(*args, "--end", "2027-01-13 01:00").exit_code == 0  # ending after midnight is fine


def test_new_meeting_explains_the_minutes_field(project):
    result = run("new", "meeting", "-p", project.root, "--school", "alder-elementary", "--start", "2027-01-12 17:30")
    assert result.exit_code == 0, result.output
    text = (project.root / "content/en/meetings/2027-01-12-alder-elementary-sac.md").read_text()
    assert re.search(r"^# minutes: true once the text below the front-matter holds the minutes", text, re.M)
    assert re.search(r"^minutes:$", text, re.M)
    spanish_text = (project.root / "content/es/meetings/2027-01-12-alder-elementary-sac.md").read_text()
    assert "# minutes: a fact, written once in content/en/meetings/" in spanish_text
