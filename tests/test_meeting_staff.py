"""What staff run into: late notices in `portal check`, document paths, and `portal new meeting`."""
from __future__ import annotations

import re

from click.testing import CliRunner

from generator.cli import main
from generator.pipeline import build_site
from generator.schema import MEETING, Obj
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
    assert "school: alder-elementary" in text and "group: site_advisory_council" in text
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
    result = run("new", "meeting", "-p", project.root, "--start", "2027-02-25 18:00")
    assert result.exit_code == 0, result.output
    path = project.root / "content/en/meetings/2027-02-25-district-advisory-council.md"
    assert "group: district_advisory_council" in path.read_text()
    out = check(project).output
    assert "has no place and no address" in out
    path.write_text(path.read_text().replace("  place:\n", "  place: District Office\n", 1)
                    .replace("  address:\n", '  address: "400 Mission Avenue, Valle Verde, CA 95301"\n', 1))
    assert check(project).exit_code == 0
