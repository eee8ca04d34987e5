"""`portal meeting move|cancel|postpone|reinstate|minutes` on a copy of the example district.

Each command changes a meeting in every language's file at once; after it,
`portal check` passes, the built pages show the new state in English and
Spanish, the calendar keeps the meeting's UID with a higher SEQUENCE, and the
Spanish page is not marked outdated. A refused command changes no file.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from generator.cli.main import main
from generator.site.build import build
from support import EXAMPLE_NOW, REPO, url

OUTDATED_ES = "esta traducción puede estar desactualizada"
OUTDATED_EN = "may be out of date"

# (command line, meeting, words its English and Spanish pages must show)
CHANGES = [
    (["cancel", "content/en/meetings/2026-12-08-lincoln-sac.md", "--note", "Cancelled for the snow."],
     "2026-12-08-lincoln-sac", "Cancelled", "Cancelada"),
    (["move", "content/es/meetings/2026-12-10-sierra-vista-sac.md", "--to", "2026-12-17 17:30",
      "--note", "Se cambió otra vez por la nieve."],
     "2026-12-10-sierra-vista-sac", "Rescheduled", "Cambio de fecha"),
    (["postpone", "2026-12-07-valle-verde-high-sac"], "2026-12-07-valle-verde-high-sac", "Postponed", "Aplazada"),
    (["reinstate", "2026-12-16-chavez-sac"], "2026-12-16-chavez-sac", None, None),
    (["minutes", "2026-10-15-community-presentation", "--file", "files/2026-12-08-lincoln-sac-agenda.pdf"],
     "2026-10-15-community-presentation", "Minutes", "Acta"),
]


def run(root: Path, *args):
    return CliRunner().invoke(main, ["meeting", *args, "-p", str(root), "--now", EXAMPLE_NOW],
                              catch_exceptions=False)


def copy_of_example(root: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    shutil.copytree(REPO / "content", root / "content")
    return root


def content_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "content").rglob("*.md")}


def event(site: Path, lang: str, slug: str):
    cal = icalendar.Calendar.from_ical((site / url(lang, f"calendar/meetings/{slug}.ics")).read_bytes())
    (ev,) = cal.walk("VEVENT")
    return ev


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """The example after every command of CHANGES, checked and built; and their outputs."""
    root = copy_of_example(tmp_path_factory.mktemp("meeting-commands") / "repo")
    outputs = [run(root, *args) for args, *_ in CHANGES]
    check = CliRunner().invoke(main, ["check", "-p", str(root), "--now", EXAMPLE_NOW])
    return root, outputs, check, build(root, now=EXAMPLE_NOW).site_dir


def test_every_command_succeeds_and_check_passes(changed):
    _, outputs, check, _ = changed
    for (args, *_), result in zip(CHANGES, outputs):
        assert result.exit_code == 0, (args, result.output)
        assert "Changed content/" in result.output
    assert check.exit_code == 0, check.output


@pytest.mark.parametrize("args,slug,en_word,es_word", CHANGES, ids=[c[0][0] for c in CHANGES])
def test_pages_show_the_new_state_and_spanish_is_not_outdated(changed, args, slug, en_word, es_word):
    site = changed[3]
    en = (site / url("en", f"meetings/{slug}/index.html")).read_text()
    es = (site / url("es", f"meetings/{slug}/index.html")).read_text()
    if en_word:
        assert en_word in en and es_word in es
    else:  # reinstated: no longer marked cancelled anywhere on the page
        assert "Cancelled" not in en and "Cancelada" not in es
    assert OUTDATED_ES not in es and OUTDATED_EN not in en


@pytest.mark.parametrize("args,slug", [(c[0], c[1]) for c in CHANGES if c[0][0] != "minutes"],
                         ids=[c[0][0] for c in CHANGES if c[0][0] != "minutes"])
def test_calendar_keeps_uid_and_sequence_rises(changed, example_site, args, slug):
    site = changed[3]
    for lang in ("en", "es"):
        before, after = event(example_site, lang, slug), event(site, lang, slug)
        assert str(after["UID"]) == str(before["UID"])
        assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_cancelled_calendar_and_moved_time(changed):
    site = changed[3]
    assert str(event(site, "en", "2026-12-08-lincoln-sac")["STATUS"]) == "CANCELLED"
    moved = event(site, "es", "2026-12-10-sierra-vista-sac")
    assert moved.decoded("DTSTART").strftime("%Y-%m-%d %H:%M") == "2026-12-17 17:30"
    assert moved.decoded("DTEND").strftime("%H:%M") == "19:00"  # as long as before


def test_files_change_only_in_the_lines_of_the_facts(changed):
    root = changed[0]
    en = (root / "content/en/meetings/2026-12-10-sierra-vista-sac.md").read_text()
    es = (root / "content/es/meetings/2026-12-10-sierra-vista-sac.md").read_text()
    old_en = (REPO / "content/en/meetings/2026-12-10-sierra-vista-sac.md").read_text()
    assert "start: 2026-12-17 17:30\n" in en
    assert "previous_start:\n  - 2026-12-10 17:30\n  - 2026-12-15 17:30\n" in en
    assert "status_note" not in en  # the old English reason no longer explains the new move
    assert "status_note: Se cambió otra vez por la nieve.\n" in es
    assert en.split("\n---\n", 1)[1] == old_en.split("\n---\n", 1)[1]  # the body is untouched
    kept = [line for line in old_en.splitlines() if not line.startswith(("start:", "previous_start:",
                                                                         "status_note:"))]
    assert [line for line in en.splitlines() if line in kept] == kept  # every other line, in order


def test_spanish_marked_before_a_note_is_not_outdated_after(tmp_path):
    root = copy_of_example(tmp_path / "repo")
    assert run(root, "cancel", "2026-12-08-lincoln-sac", "--note", "No heat in the library.").exit_code == 0
    report = CliRunner().invoke(main, ["translations", "-p", str(root), "--lang", "es"])
    assert "outdated   meetings/2026-12-08-lincoln-sac" not in report.output
    assert "meetings/2026-12-08-lincoln-sac (not yet translated: status_note)" in report.output


def test_comments_bom_and_crlf_stay(tmp_path):
    root = copy_of_example(tmp_path / "repo")
    rel = "content/en/meetings/2026-12-08-lincoln-sac.md"
    text = (root / rel).read_text().replace("school: lincoln-elementary\n",
                                            "school: lincoln-elementary\n# ask Ana before moving\n")
    (root / rel).write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode())
    result = run(root, "move", rel, "--to", "2026-12-09 17:30")
    assert result.exit_code == 0, result.output
    assert "end changed" not in result.output  # "19:00" is still right on the new day
    expected = ("\ufeff" + text.replace("start: 2026-12-08 17:30\n", "start: 2026-12-09 17:30\n").replace(
        'end: "19:00"\n', 'end: "19:00"\nstatus: rescheduled\nprevious_start: 2026-12-08 17:30\n')
    ).replace("\n", "\r\n")
    assert (root / rel).read_bytes().decode() == expected


@pytest.mark.parametrize("args,why", [
    (["cancel", "2026-12-16-chavez-sac"], "already cancelled"),
    (["move", "2026-12-08-lincoln-sac", "--to", "2026-11-20 17:30"], "in the past"),
    (["move", "2026-12-08-lincoln-sac", "--to", "next Tuesday"], "is not a date and time"),
    (["move", "2026-12-08-lincoln-sac", "--to", "2026-12-09 17:30", "--end", "16:00"], "is not after"),
    (["reinstate", "2026-12-08-lincoln-sac"], "nothing to put back"),
    (["minutes", "2026-12-08-lincoln-sac"], "after it has taken place"),
    (["minutes", "2026-11-10-lincoln-sac"], "already has 'minutes: true'"),
    (["minutes", "2026-11-10-lincoln-sac", "--file", "files/missing.pdf"], "put back as it was"),
    (["cancel", "2026-12-08-lincoln-sac", "--note", "Annulée.", "--lang", "fr"],
     "'fr' is not one of this site's languages (en, es)"),
    (["cancel", "2026-12-08-lincoln-sac", "--lang", "es"], "no --note was given"),
    (["move", "2026-12-08-lincoln-sac", "--to", "2026-12-09 03:30", "--end", "2026-12-11 10:00"],
     "put back as it was"),
    (["cancel", "2026-12-99-nowhere"], "is not a meeting of this project"),
])
def test_refused_command_changes_no_file(tmp_path, args, why):
    root = copy_of_example(tmp_path / "repo")
    before = content_bytes(root)
    result = run(root, *args)
    assert result.exit_code == 1
    assert why in result.output and "Traceback" not in result.output
    assert content_bytes(root) == before


def test_minutes_file_is_listed_in_both_languages(changed, example_site):
    slug = "2026-10-15-community-presentation"
    for lang in ("en", "es"):
        page = f"meetings/{slug}/index.html"
        assert "2026-12-08-lincoln-sac-agenda" not in (example_site / url(lang, page)).read_text()
        assert "2026-12-08-lincoln-sac-agenda" in (changed[3] / url(lang, page)).read_text()
    es = (changed[0] / f"content/es/meetings/{slug}.md").read_text()
    assert "documents:\n  - title: Acta\n" in es



def test_untranslated_note_is_shown_marked_in_its_own_language(changed):
    es = (changed[3] / url("es", "meetings/2026-12-08-lincoln-sac/index.html")).read_text()
    assert '<span lang="en">Cancelled for the snow.</span>' in es
    # visibly marked too, not only for screen readers: "en inglés" beside the note
    assert '<span lang="en">Cancelled for the snow.</span> <span class="badge badge--lang">en inglés</span>' in es
    moved_en = (changed[3] / url("en", "meetings/2026-12-10-sierra-vista-sac/index.html")).read_text()
    assert '<span lang="es">Se cambió otra vez por la nieve.</span>' in moved_en
    assert "winter concert" not in moved_en  # the old reason is gone


def test_a_new_notice_is_changed_in_place_of_its_blank_fields(tmp_path):
    root = copy_of_example(tmp_path / "repo")
    CliRunner().invoke(main, ["new", "meeting", "-p", str(root), "--school", "lincoln-elementary",
                              "--start", "2026-12-14 17:30"], catch_exceptions=False)
    rel = "content/%s/meetings/2026-12-14-lincoln-elementary-sac.md"
    result = run(root, "move", rel % "es", "--to", "2026-12-15 18:00", "--note", "Por el concierto.")
    assert result.exit_code == 0, result.output
    en, es = ((root / (rel % lang)).read_text() for lang in ("en", "es"))
    assert "or a list of those (lines starting with '- ')\nprevious_start: 2026-12-14 17:30\n" in en
    assert "\nstatus_note:\n" in en  # the blank field and its comment stay for the translation
    assert "\nstatus_note: Por el concierto.\n" in es
    assert "removed" not in result.output


def ics_sequence(site: Path, slug: str) -> dict[str, tuple[str, int, str]]:
    """(UID, SEQUENCE, STATUS) of a meeting's calendar file, by language."""
    out = {}
    for lang in ("en", "es"):
        ev = event(site, lang, slug)
        out[lang] = (str(ev["UID"]), int(ev["SEQUENCE"]), str(ev["STATUS"]))
    return out


@pytest.mark.parametrize("slug,command,status", [
    ("2026-12-03-las-palmas-sac", "cancel", "CANCELLED"),  # postponed in the example
    ("2026-12-16-chavez-sac", "postpone", "TENTATIVE"),  # cancelled in the example
])
def test_a_postponed_meeting_can_be_cancelled_and_a_cancelled_one_postponed(
        tmp_path, example_site, slug, command, status):
    root = copy_of_example(tmp_path / "repo")
    result = run(root, command, slug)
    assert result.exit_code == 0, result.output
    assert "revision set to 1" in result.output
    check = CliRunner().invoke(main, ["check", "-p", str(root), "--now", EXAMPLE_NOW])
    assert check.exit_code == 0, check.output
    before, after = ics_sequence(example_site, slug), ics_sequence(build(root, now=EXAMPLE_NOW).site_dir, slug)
    for lang in ("en", "es"):
        assert after[lang][0] == before[lang][0]
        assert after[lang][1] > before[lang][1], f"{lang}: calendars must take the change"
        assert after[lang][2] == status


def test_minutes_keep_the_uid_and_raise_the_sequence(changed, example_site):
    """The calendar's event now links to the minutes on its page: calendars refresh it."""
    slug = "2026-10-15-community-presentation"
    before, after = ics_sequence(example_site, slug), ics_sequence(changed[3], slug)
    for lang, label in (("en", "Minutes"), ("es", "Acta")):
        assert after[lang][0] == before[lang][0]
        assert after[lang][1] > before[lang][1]
        link = f"{label}: https://communityschools.valleverde.example.org/{url(lang, f'meetings/{slug}/')}#notes"
        assert link not in str(event(example_site, lang, slug)["DESCRIPTION"])
        assert link in str(event(changed[3], lang, slug)["DESCRIPTION"])


def test_lang_says_which_language_the_note_is_in(tmp_path):
    """Naming the English file, staff write the reason in Spanish: it goes into the Spanish file,
    and the English page shows it marked as Spanish, without any "out of date" notice."""
    root = copy_of_example(tmp_path / "repo")
    result = run(root, "cancel", "content/en/meetings/2026-12-08-lincoln-sac.md",
                 "--note", "No hay calefacción en la biblioteca.", "--lang", "es")
    assert result.exit_code == 0, result.output
    en = (root / "content/en/meetings/2026-12-08-lincoln-sac.md").read_text()
    es = (root / "content/es/meetings/2026-12-08-lincoln-sac.md").read_text()
    assert "calefacción" not in en and "status: cancelled\n" in en
    assert "status_note: No hay calefacción en la biblioteca.\n" in es
    site = build(root, now=EXAMPLE_NOW).site_dir
    en_page = (site / url("en", "meetings/2026-12-08-lincoln-sac/index.html")).read_text()
    es_page = (site / url("es", "meetings/2026-12-08-lincoln-sac/index.html")).read_text()
    assert '<span lang="es">No hay calefacción en la biblioteca.</span>' in en_page
    assert "No hay calefacción en la biblioteca." in es_page and '<span lang="es">' not in es_page
    assert OUTDATED_EN not in en_page and OUTDATED_ES not in es_page


def test_lang_of_a_language_the_meeting_has_no_file_in_is_refused(tmp_path):
    root = copy_of_example(tmp_path / "repo")
    (root / "content/es/meetings/2026-12-08-lincoln-sac.md").unlink()
    before = content_bytes(root)
    result = run(root, "cancel", "2026-12-08-lincoln-sac", "--note", "Cancelada.", "--lang", "es")
    assert result.exit_code == 1
    assert "has no file in 'es'" in result.output and "Traceback" not in result.output
    assert content_bytes(root) == before


def test_every_command_in_a_row_raises_the_sequence_at_each_step(tmp_path):
    """One meeting moved, cancelled, postponed, put back and given its minutes: after each step
    portal check passes, and the calendar keeps its UID and takes the change in both languages."""
    root = copy_of_example(tmp_path / "repo")
    slug, after_it = "2026-12-08-lincoln-sac", "2026-12-18 12:00"
    steps = [
        (["move", slug, "--to", "2026-12-17 17:30"], EXAMPLE_NOW, "CONFIRMED"),
        (["cancel", slug, "--note", "Cancelled for the snow."], EXAMPLE_NOW, "CANCELLED"),
        (["postpone", slug, "--note", "Se aplaza por la nieve.", "--lang", "es"], EXAMPLE_NOW, "TENTATIVE"),
        (["reinstate", slug], EXAMPLE_NOW, "CONFIRMED"),
        (["minutes", slug], after_it, "CONFIRMED"),
    ]
    seen = [ics_sequence(build(root, site_dir=tmp_path / "site", now=EXAMPLE_NOW).site_dir, slug)]
    for args, now, status in steps:
        result = CliRunner().invoke(main, ["meeting", *args, "-p", str(root), "--now", now],
                                    catch_exceptions=False)
        assert result.exit_code == 0, (args, result.output)
        check = CliRunner().invoke(main, ["check", "-p", str(root), "--now", now])
        assert check.exit_code == 0, (args, check.output)
        seen.append(ics_sequence(build(root, site_dir=tmp_path / "site", now=now).site_dir, slug))
        for lang in ("en", "es"):
            (uid0, seq0, _), (uid1, seq1, status1) = seen[-2][lang], seen[-1][lang]
            assert uid1 == uid0 and seq1 > seq0, (args, lang, seen)
            assert status1 == status, (args, lang)
    assert [s["en"][1] for s in seen] == [s["es"][1] for s in seen]
