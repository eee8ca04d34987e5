"""Documents per language: a file per language, or a document in one language, listed on every
language's page in the right order, each file checked and published."""
from __future__ import annotations

from click.testing import CliRunner

from generator.cli.main import main
from generator.content.pipeline import build_site
from generator.derive.meetings import documents
from generator.outputs.documents import document_files
from support import EXAMPLE_NOW

MEETING = "content/en/meetings/2026-12-08-alder-sac.md"
MEETING_ES = "content/es/meetings/2026-12-08-alder-sac.md"
SLUG = "2026-12-08-alder-sac"

PER_LANGUAGE = ("documents:\n  - title: Agenda (both languages)\n    file: files/agenda.pdf\n"
                "  - title: Slides\n    file:\n      en: files/slides-en.pdf\n      es: files/slides-es.pdf\n"
                "    kind: presentation\n"
                "  - title: Budget in Spanish\n    file: files/budget-es.pdf\n    lang: es\n")
SPANISH = ("---\nlocation:\n  place: Biblioteca\nagenda:\n  - Bienvenida\ndocuments:\n"
           "  - title: Agenda (en los dos idiomas)\n  - title: Diapositivas\n  - title: Presupuesto\n---\n")


def with_documents(project, docs: str = PER_LANGUAGE, spanish: str = SPANISH) -> None:
    files = project.root / "content/files"
    files.mkdir(parents=True, exist_ok=True)
    for name in ("agenda.pdf", "slides-en.pdf", "slides-es.pdf", "budget-es.pdf"):
        (files / name).write_bytes(b"%PDF-1.4\n% " + name.encode() + b"\n%%EOF\n")
    text = (project.root / MEETING).read_text()
    project.write(MEETING, text.replace("notice_posted:", docs + "notice_posted:"))
    project.write(MEETING_ES, spanish)


def check(project):
    return CliRunner().invoke(main, ["check", "-p", str(project.root), "--now", EXAMPLE_NOW],
                              catch_exceptions=False)


def listed(project, lang):
    site, _ = build_site(project.root, now=EXAMPLE_NOW)
    return [(str(d.title), d.href, d.lang) for d in documents(site.items["meetings"][SLUG], lang)]


def test_each_page_lists_its_own_language_first_and_the_others_marked(project):
    with_documents(project)
    # a document only in Spanish comes after those in English on the English page
    assert listed(project, "en") == [
        ("Agenda (both languages)", "files/agenda.pdf", None),
        ("Slides", "files/slides-en.pdf", None),
        ("Diapositivas", "files/slides-es.pdf", "es"),
        ("Presupuesto", "files/budget-es.pdf", "es"),
    ]
    assert listed(project, "es") == [
        ("Agenda (en los dos idiomas)", "files/agenda.pdf", None),
        ("Diapositivas", "files/slides-es.pdf", None),
        ("Slides", "files/slides-en.pdf", "en"),  # each document's versions stay together
        ("Presupuesto", "files/budget-es.pdf", None),
    ]


def test_every_file_of_every_language_is_published_once(project):
    with_documents(project)
    site, _ = build_site(project.root, now=EXAMPLE_NOW)
    published = sorted(f.rel for f in document_files(site, None))
    assert published == ["files/agenda.pdf", "files/budget-es.pdf", "files/slides-en.pdf", "files/slides-es.pdf"]


def test_a_missing_file_in_one_language_names_the_language_and_its_line(project):
    with_documents(project, PER_LANGUAGE.replace("slides-es.pdf", "slides-sp.pdf"))
    result = check(project)
    assert result.exit_code == 1
    line = (project.root / MEETING).read_text().splitlines().index("      es: files/slides-sp.pdf") + 1
    assert f"{MEETING}, line {line}, field 'documents[2].file.es'" in result.output
    assert 'did you mean "files/slides-es.pdf"?' in result.output
    assert "Traceback" not in result.output


def test_a_file_per_language_and_a_lang_is_refused(project):
    with_documents(project, PER_LANGUAGE.replace("    kind: presentation\n", "    lang: en\n"))
    result = check(project)
    assert result.exit_code == 1
    assert "field 'documents[2].lang'" in result.output
    assert "a file per language and a 'lang' too" in result.output


def test_a_file_for_something_that_is_not_a_language_is_refused(project):
    with_documents(project, PER_LANGUAGE.replace("      es: files/slides-es.pdf", "      spanish: files/slides-es.pdf"))
    result = check(project)
    assert result.exit_code == 1
    assert "'spanish' is not a language code" in result.output


def test_minutes_are_added_after_documents_in_several_languages(project):
    with_documents(project)
    (project.root / "content/files/minutes.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = CliRunner().invoke(main, ["meeting", "minutes", MEETING, "--file", "files/minutes.pdf",
                                       "-p", str(project.root), "--now", "2026-12-09 12:00"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    en = listed(project, "en")
    assert en[-2:] == [("Minutes", "files/minutes.pdf", None), ("Presupuesto", "files/budget-es.pdf", "es")]
    assert ("Diapositivas", "files/slides-es.pdf", "es") in en
    assert listed(project, "es")[-1] == ("Acta", "files/minutes.pdf", None)
