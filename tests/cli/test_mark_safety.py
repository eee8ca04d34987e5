"""`portal translations mark` edits the front-matter only, and keeps the file as staff wrote it."""
from __future__ import annotations

from click.testing import CliRunner

from generator.cli.main import main
from generator.cli.mark import with_hash
from generator.content.pipeline import build_site
from generator.content.tracking import source_hash
from generator.site.build import build

NOW = "2026-11-23 12:00"
ES_SCHOOL = "content/es/schools/alder-elementary.md"
BOM = "\ufeff"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def expected_hash(project) -> str:
    site, _ = build_site(project.root, now=NOW, drafts=True)
    return source_hash(site.items["schools"]["alder-elementary"])


def write_raw(project, rel: str, text: str) -> None:
    (project.root / rel).write_bytes(text.encode("utf-8"))


def read_raw(project, rel: str) -> str:
    return (project.root / rel).read_bytes().decode("utf-8")


def mark_school(project):
    result = run("translations", "-p", project.root, "mark", ES_SCHOOL)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def test_a_body_line_starting_with_source_hash_is_never_touched(project):
    body = "Una escuela pequeña.\n\nsource_hash: así se llama el campo\n"
    write_raw(project, ES_SCHOOL, "---\nname: Escuela Primaria Alder\n---\n" + body)
    value = expected_hash(project)

    assert f"marked {ES_SCHOOL}" in mark_school(project).output

    assert read_raw(project, ES_SCHOOL) == (f"---\nname: Escuela Primaria Alder\nsource_hash: {value}\n---\n"
                                           + body)


def test_a_file_with_a_byte_order_mark_and_a_rule_in_its_body_gets_the_hash_in_its_front_matter(
        project, tmp_path):
    body = "Una escuela pequeña.\n\n---\n\nOtra parte.\n"
    write_raw(project, ES_SCHOOL, BOM + "---\nname: Escuela Primaria Alder\n---\n" + body)
    value = expected_hash(project)

    mark_school(project)

    assert read_raw(project, ES_SCHOOL) == (BOM + f"---\nname: Escuela Primaria Alder\nsource_hash: {value}\n"
                                           "---\n" + body)
    site = build(project.root, site_dir=tmp_path / "out", now=NOW).site_dir
    page = (site / "es/schools/alder-elementary/index.html").read_text(encoding="utf-8")
    assert "source_hash" not in page and value not in page
    assert "Otra parte." in page


def test_a_file_with_a_byte_order_mark_is_marked(project):
    write_raw(project, ES_SCHOOL, BOM + "---\nname: Escuela Primaria Alder\n---\nUna escuela pequeña.\n")
    value = expected_hash(project)

    result = mark_school(project)

    assert f"marked {ES_SCHOOL}" in result.output and "already marked" not in result.output
    text = read_raw(project, ES_SCHOOL)
    assert text.startswith(BOM + "---\n") and f"\nsource_hash: {value}\n---\n" in text
    assert run("translations", "-p", project.root, "mark", ES_SCHOOL).output.count("already marked") == 1


def test_a_file_with_windows_line_ends_keeps_them():
    text = "---\r\nname: Escuela Primaria Alder\r\n---\r\nUna escuela.\r\n\r\nsource_hash: x\r\n"
    assert with_hash(text, "abc123") == ("---\r\nname: Escuela Primaria Alder\r\nsource_hash: abc123\r\n"
                                         "---\r\nUna escuela.\r\n\r\nsource_hash: x\r\n")
    assert with_hash(BOM + text, "abc123").startswith(BOM + "---\r\n")


def test_comments_and_the_order_of_fields_stay(project):
    head = ("---\n# Traducido por la oficina\nname: Escuela Primaria Alder   # nombre oficial\n\n"
            "# horario\nphone: (555) 010-3000\n")
    write_raw(project, ES_SCHOOL, head + "---\nUna escuela pequeña.\n")
    value = expected_hash(project)

    mark_school(project)

    assert read_raw(project, ES_SCHOOL) == head + f"source_hash: {value}\n---\nUna escuela pequeña.\n"


def test_an_existing_source_hash_is_replaced_where_it_is(project):
    write_raw(project, ES_SCHOOL, "---\nname: Escuela Primaria Alder\nsource_hash: 0123abcd\n"
                                  "phone: (555) 010-3000\n---\nUna escuela pequeña.\n")
    value = expected_hash(project)

    mark_school(project)

    assert read_raw(project, ES_SCHOOL) == (f"---\nname: Escuela Primaria Alder\nsource_hash: {value}\n"
                                           "phone: (555) 010-3000\n---\nUna escuela pequeña.\n")
