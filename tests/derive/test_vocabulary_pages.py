"""A district's own vocabularies on its pages: meeting groups on meeting cards, meeting pages,
the meeting filter, body pages and calendars; grant kinds and milestone steps on grant pages,
school pages and the dashboard; each in the page's language, in the order portal.yml gives."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from generator.cli.main import main
from support import EXAMPLE_NOW, own_vocabulary_project, url

MEETING = "meetings/2026-12-12-alder-resources/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("vocabularies")
    project = own_vocabulary_project(work / "proj")
    # a label left untranslated: Spanish pages show the English one, marked
    yml = project.root / "portal.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace(
        ', es: "Práctica clave: participación familiar"}', "}"), encoding="utf-8")
    out = work / "site"
    result = CliRunner().invoke(main, ["build", "-p", str(project.root), "--now", EXAMPLE_NOW,
                                       "--site-dir", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(main, ["check", "-p", str(project.root), "--now", EXAMPLE_NOW])
    assert "the milestone step 'family_engagement' has no label in 'es'" in check.output
    return out


def html(site, lang, path):
    return (site / url(lang, path) / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, group, school", [("en", "Resource day", "Alder Elementary School"),
                                                 ("es", "Día de recursos", "Escuela Primaria Alder")])
def test_a_group_of_its_own_names_the_meeting_everywhere(site, lang, group, school):
    page = html(site, lang, MEETING)
    assert f"<title>{group} · {school}" in page
    card = html(site, lang, "meetings/").split('data-meeting-group="resource-day"')[1].split("</article>")[0]
    assert f"{group} · {school}" in card
    body = html(site, lang, "meetings/bodies/resource-day/")
    assert re.search(rf"<h1>[^<]*{group}", body)
    assert re.search(rf'data-value="resource-day"[^>]*>{group} <span class="filter__count">\(1\)', body)
    cal = Calendar.from_ical((site / url(lang, "calendar/meetings/2026-12-12-alder-resources.ics")).read_bytes())
    [event] = cal.walk("VEVENT")
    assert [str(c) for c in event.get("categories").cats] == [group]


def test_the_filter_lists_the_groups_in_the_order_of_the_settings(site):
    page = html(site, "es", "meetings/")
    bodies = re.findall(r'data-filter="body" data-value="([a-z_-]+)"', page)
    assert bodies == ["alder-elementary-site-advisory-council", "resource-day"]  # councils, then groups


@pytest.mark.parametrize("lang, kind, first", [
    ("en", "State implementation grant", "Key practice: shared leadership"),
    ("es", "Subvención estatal de implementación", "Práctica clave: liderazgo compartido")])
def test_grant_page_shows_its_kind_and_steps_in_the_settings_order(site, lang, kind, first):
    page = html(site, lang, "grants/state-grant/")
    assert f"<dd>{kind}</dd>" in page
    headings = re.findall(r"<h3>(.*?)</h3>", page)
    assert headings[0] == first and "family engagement" in headings[1]
    lanes = re.findall(r'<text class="grant-timeline__lane"[^>]*>([^<]+)</text>', page)
    assert lanes == [("Leadership" if lang == "en" else "Liderazgo"), "Key practice: family engagement"]
    assert "Step 1" not in page and "Paso 1" not in page


def test_an_untranslated_step_label_is_marked_with_its_language(site):
    page = html(site, "es", "grants/state-grant/")
    assert '<h3><span lang="en">Key practice: family engagement</span></h3>' in page
    assert "<h3>Práctica clave: liderazgo compartido</h3>" in page


@pytest.mark.parametrize("lang", ["en", "es"])
def test_dashboard_has_a_column_and_a_row_per_step_of_the_settings(site, lang):
    page = html(site, lang, "grants/dashboard/")
    schools = page.split('id="table-schools"')[1].split("</thead>")[0]
    short = "Leadership" if lang == "en" else "Liderazgo"
    assert re.findall(r'<th scope="col">([^<]*(?:<span lang="en">[^<]*</span>)?)</th>', schools)[1:3] == [
        short, ('Key practice: family engagement' if lang == "en"
                else '<span lang="en">Key practice: family engagement</span>')]
    steps = page.split('id="table-steps"')[1].split("</table>")[0]
    assert re.findall(r'<tr data-step="([a-z_]+)">', steps) == ["shared_leadership", "family_engagement",
                                                                "total"]
    row = re.search(r'<tr data-step="shared_leadership">(.*?)</tr>', steps, re.S).group(1)
    assert [int(v) for v in re.findall(r'data-value="(\d+)"', row)] == [1, 0, 1]
    assert "Step 1" not in page and "Paso 1" not in page and "Structures" not in page
    kinds = page.split('id="table-kind"')[1].split("</table>")[0]
    assert ("State implementation grant" if lang == "en" else "Subvención estatal de implementación") in kinds


def test_school_page_names_the_step_of_each_milestone(site):
    page = html(site, "es", "schools/alder-elementary/")
    item = page.split('data-milestone="leadership-team"')[1].split("</li>")[0]
    assert "Liderazgo ·" in item
