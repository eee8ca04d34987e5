"""Links staff write in body text to other items and to files: what they mean, the messages
for links that point nowhere, and the addresses each language's page gets."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from generator.content.links import Target, body_links, linked_files, resolve
from generator.content.pipeline import build_site
from generator.outputs.body_links import expand_body_links, marked_body_html
from generator.site.build import build
from support import EXAMPLE_NOW

POST = "content/en/news/fair.md"
POST_ES = "content/es/news/fair.md"


def check(project):
    return CliRunner().invoke(main, ["check", "-p", str(project.root), "--now", EXAMPLE_NOW],
                              catch_exceptions=False)


def add_post(project, body: str, spanish_body: str | None = None) -> None:
    project.write(POST, "---\ntitle: Fall fair\ndate: 2026-11-01\nsummary: The fair.\n---\n" + body)
    if spanish_body is not None:
        project.write(POST_ES, "---\ntitle: Feria de otoño\nsummary: La feria.\n---\n" + spanish_body)


def add_flyer(project) -> None:
    (project.root / "content/files").mkdir(parents=True, exist_ok=True)
    (project.root / "content/files/fair-flyer.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")


@pytest.mark.parametrize("href", [
    "../schools/alder-elementary.md",            # relative to the news post's file
    "../../en/schools/alder-elementary.md",      # through the language folder
    "../../es/schools/alder-elementary.md",      # the Spanish file means the same school
    "/schools/alder-elementary.md",              # from content/
    "/en/schools/alder-elementary.md",
    "schools/alder-elementary.md",               # as if from content/
    "content/en/schools/alder-elementary.md",
])
def test_every_natural_way_to_name_a_school_means_the_school(project, href):
    add_post(project, "x")
    site, _ = build_site(project.root, now=EXAMPLE_NOW)
    link = resolve(site, "news", href + "#services")
    assert link.target == Target("schools", "alder-elementary", "#services")


@pytest.mark.parametrize("href, target", [
    ("/files/fair-flyer.pdf", Target(None, "files/fair-flyer.pdf")),
    ("../../files/fair-flyer.pdf", Target(None, "files/fair-flyer.pdf")),
    ("files/fair-flyer.pdf", Target(None, "files/fair-flyer.pdf")),
    ("../schools/index.md", Target("schools", None)),
    ("fair.md", Target("news", "fair")),
])
def test_files_lists_and_items_of_the_same_kind(project, href, target):
    add_flyer(project)
    add_post(project, "x")
    site, _ = build_site(project.root, now=EXAMPLE_NOW)
    assert resolve(site, "news", href).target == target


@pytest.mark.parametrize("href", ["https://example.org/x.md", "#top", "mailto:a@example.org",
                                  "/meetings/", "//example.org/files/x.pdf", "tel:+15550100"])
def test_addresses_and_anchors_are_not_touched(project, href):
    site, _ = build_site(project.root, now=EXAMPLE_NOW)
    assert resolve(site, "news", href) is None


def test_only_markdown_links_are_found_not_code(project):
    body = ("See [a](../schools/a.md) and [b][ref].\n\n    [c](../schools/c.md)\n\n"
            "`[d](../schools/d.md)`\n\n[ref]: ../people/b.md\n")
    assert body_links(body) == ["../schools/a.md", "../people/b.md"]


def test_a_missing_item_names_the_file_line_and_the_closest_name(project):
    add_post(project, "Come.\n\nIt is at [Alder](../schools/alder-elementry.md).\n")
    result = check(project)
    assert result.exit_code == 1
    assert f"{POST}, line 8, field 'text'" in result.output
    assert "the link goes to a school that does not exist" in result.output
    assert 'did you mean "../schools/alder-elementary.md"?' in result.output
    assert "Traceback" not in result.output


def test_a_missing_file_names_the_file_line_and_the_closest_file(project):
    add_flyer(project)
    add_post(project, "x", spanish_body="Lea [el volante](../../files/fair-fliers.pdf).\n")
    result = check(project)
    assert result.exit_code == 1
    assert f"{POST_ES}, line 5, field 'text'" in result.output
    assert "the link goes to a file that does not exist" in result.output
    assert 'did you mean "/files/fair-flyer.pdf"?' in result.output


def test_a_link_to_a_kind_that_does_not_exist_says_how_to_write_one(project):
    add_post(project, "See [this](../gramts/x.md).\n")
    result = check(project)
    assert result.exit_code == 1
    assert "../grants/<name>.md" in result.output


def test_a_link_to_a_draft_post_is_refused_until_it_is_published(project):
    project.write("content/en/news/later.md", "---\ntitle: Later\ndate: 2026-11-01\nsummary: x\n"
                                              "draft: true\n---\nLater.\n")
    add_post(project, "Read [later](later.md).\n")
    result = check(project)
    assert result.exit_code == 1
    assert "a news post that is not published yet" in result.output


def test_each_language_links_to_its_own_page_and_files_are_listed_once(project):
    add_flyer(project)
    add_post(project, "[Alder](../schools/alder-elementary.md) [flyer](/files/fair-flyer.pdf)\n",
             spanish_body="[Alder](../schools/alder-elementary.md#servicios) [volante](/files/fair-flyer.pdf)\n")
    site, _ = build_site(project.root, now=EXAMPLE_NOW)
    assert linked_files(site) == ["files/fair-flyer.pdf"]
    html = marked_body_html("[Alder](../schools/alder-elementary.md#servicios)")
    assert "../schools" not in html
    es = expand_body_links(site, html, "news", "es", lambda rel: "https://x.example/" + rel)
    en = expand_body_links(site, html, "news", "en", lambda rel: "https://x.example/" + rel)
    assert 'href="https://x.example/es/schools/alder-elementary/#servicios"' in es
    assert 'href="https://x.example/schools/alder-elementary/#servicios"' in en


def test_the_built_pages_link_to_their_language_and_publish_the_file(project, tmp_path):
    add_flyer(project)
    add_post(project, "[Alder](../schools/alder-elementary.md) and [the flyer](/files/fair-flyer.pdf).\n",
             spanish_body="[Alder](../schools/alder-elementary.md) y [el volante](../../files/fair-flyer.pdf).\n")
    site_dir = build(project.root, now=EXAMPLE_NOW, site_dir=tmp_path / "site").site_dir
    en = (site_dir / "news/fair/index.html").read_text(encoding="utf-8")
    es = (site_dir / "es/news/fair/index.html").read_text(encoding="utf-8")
    assert 'href="../../schools/alder-elementary/"' in en and 'href="../../files/fair-flyer.pdf"' in en
    assert 'href="../../schools/alder-elementary/"' in es  # from /es/news/fair/: /es/schools/...
    assert 'href="../../../files/fair-flyer.pdf"' in es
    assert "__portal_link__" not in en + es and ".md" not in en.split("<main", 1)[-1]
    assert (site_dir / "files/fair-flyer.pdf").read_bytes() == b"%PDF-1.4\n%%EOF\n"
