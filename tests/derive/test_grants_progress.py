"""Grant milestones and the progress dashboard: late is computed against "now", and every number
on the dashboard adds up to what the grant files say."""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import frontmatter
import pytest

from support import REPO

GRANTS = sorted((REPO / "content" / "en" / "grants").glob("*.md"))


def grant_files() -> list[dict]:
    return [frontmatter.load(p).metadata | {"slug": p.stem} for p in GRANTS]


def page(site, lang, path):
    return (site / ("" if lang == "en" else f"{lang}/") / path / "index.html").read_text(encoding="utf-8")


def milestone_state(html: str, milestone_id: str) -> str:
    m = re.search(rf'data-milestone="{milestone_id}" data-state="([a-z_]+)"', html)
    assert m, f"milestone {milestone_id} is not on the page"
    return m.group(1)


# -- late milestones -----------------------------------------------------------------------


GRANT = """
    ---
    name: Alder Garden Grant
    funder: Valle Verde Garden Club
    kind: other
    amount: 5000
    schools: [alder-elementary]
    milestones:
      - id: plant-the-garden
        title: Plant the school garden
        step: 2
        due: 2026-08-15
        status: in_progress
      - id: build-the-beds
        title: Build the raised beds
        step: 1
        due: 2026-03-01
        status: done
        completed: 2026-02-20
    ---
    """


@pytest.mark.parametrize("now, expected", [
    ("2026-08-14 12:00", "in_progress"),  # before the due date
    ("2026-08-16 03:00", "in_progress"),  # 20:00 on August 15 in Valle Verde: still the due day
    ("2026-08-16 08:00", "late"),  # 01:00 on August 16 in Valle Verde: past due, not done
])
def test_milestone_past_due_and_not_done_is_late_against_now(project, tmp_path, now, expected):
    from click.testing import CliRunner

    from generator.cli.main import main

    project.write("content/en/grants/alder-garden.md", GRANT)
    site = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-p", str(project.root), "--now", now, "--site-dir", str(site)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for lang, late_word in (("en", "Late"), ("es", "Atrasada")):
        grant = page(site, lang, "grants/alder-garden/")
        assert milestone_state(grant, "plant-the-garden") == expected
        assert milestone_state(grant, "build-the-beds") == "done", "done is never late"
        school = page(site, lang, "schools/alder-elementary/")
        assert milestone_state(school, "plant-the-garden") == expected
        badge = re.search(r'data-milestone="plant-the-garden"[^>]*>\s*<span class="badge badge--(\w+)">([^<]+)<',
                          grant)
        assert badge.group(1) == expected
        assert (badge.group(2) == late_word) == (expected == "late")
        # the picture marks it the same way (a diamond for late)
        picture = re.search(r'<svg class="grant-timeline__svg".*?</svg>', grant, re.S).group(0)
        assert ('class="mark mark--late"' in picture) == (expected == "late")


def test_example_grant_shows_its_late_milestone(example_site):
    for lang in ("en", "es"):
        html = page(example_site, lang, "grants/ccspp-implementation-2024/")
        assert milestone_state(html, "step-1-mission-creek-coordinator") == "late"
        assert milestone_state(html, "step-1-hire-coordinators") == "done"
        assert milestone_state(html, "step-4-summer-programmes") == "planned"
        assert milestone_state(html, "step-3-trauma-informed-training") == "in_progress"
        # on the school it concerns, and not on other schools
        assert milestone_state(page(example_site, lang, "schools/mission-creek-high/"),
                               "step-1-mission-creek-coordinator") == "late"
        assert 'data-milestone="step-1-mission-creek-coordinator"' not in page(
            example_site, lang, "schools/lincoln-elementary/")


def test_grant_page_timeline_is_a_picture_with_a_text_equivalent(example_site):
    html = page(example_site, "es", "grants/ccspp-implementation-2024/")
    svg = re.search(r'<svg class="grant-timeline__svg"[^>]*>(.*?)</svg>', html, re.S)
    assert svg and 'role="img"' in svg.group(0) and 'aria-labelledby="timeline-title timeline-desc"' in svg.group(0)
    assert re.search(r'<title id="timeline-title">Cronología', svg.group(1))
    desc = re.search(r'<desc id="timeline-desc">([^<]+)</desc>', svg.group(1)).group(1)
    assert "14 metas" in desc and "1 atrasada " in desc and "1 atrasadas" not in desc
    # one mark per milestone, and every milestone in the list below
    assert len(re.findall(r'class="mark mark--', svg.group(1))) == 14
    assert len(re.findall(r'data-milestone="', html)) == 14


def test_school_page_shows_its_progress_and_milestones(example_site):
    files = {g["slug"]: g for g in grant_files()}
    for slug in ("mission-creek-high", "lincoln-elementary"):
        mine = [m for g in files.values() if slug in g.get("schools", [])
                for m in g.get("milestones", []) if m.get("school") in (None, slug)]
        done = sum(1 for m in mine if m.get("status") == "done")
        html = page(example_site, "en", f"schools/{slug}/")
        bar = re.search(r'<progress class="progress__bar" max="(\d+)" value="(\d+)" aria-labelledby="school-progress"', html)
        assert bar and (int(bar.group(1)), int(bar.group(2))) == (len(mine), done)
        assert f"{done} of {len(mine)} milestones done" in html
        ids = re.findall(r'data-milestone="([^"]+)"', html.split('id="school-milestones"')[1])
        assert sorted(ids) == sorted(m["id"] for m in mine)


# -- the dashboard -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_dashboard_totals_equal_the_sums_of_the_grant_files(example_site, lang):
    # the grants awarded: an application is shown apart (test_dashboard_shows_applications_apart)
    grants = [g for g in grant_files() if g.get("status", "awarded") in ("awarded", "active", "completed")]
    html = page(example_site, lang, "grants/dashboard/")

    total = sum(Decimal(str(g["amount"])) for g in grants)
    amounts = re.findall(r'<tr data-key="total">.*?data-amount="([0-9.]+)"', html, re.S)
    assert amounts and all(Decimal(a) == total for a in amounts), (amounts, total)
    assert re.search(rf'data-stat="funding"><strong class="stat__value" data-amount="{total}"', html)
    assert "$8,790,000" in html  # Spanish as written in the US (es_US), like English

    by_programme = Counter()
    for g in grants:
        by_programme[g.get("programme") or f"funder:{g['funder']}"] += Decimal(str(g["amount"]))
    table = html.split('id="table-programme"')[1].split("</table>")[0]
    for key, amount in by_programme.items():
        row_key = key if key.startswith("funder:") else f"programme:{key}"
        row = re.search(rf'<tr data-key="{re.escape(row_key)}">.*?data-amount="([0-9.]+)"', table, re.S)
        assert row and Decimal(row.group(1)) == amount, key

    by_kind = Counter()
    for g in grants:
        by_kind[g["kind"]] += Decimal(str(g["amount"]))
    table = html.split('id="table-kind"')[1].split("</table>")[0]
    for kind, amount in by_kind.items():
        row = re.search(rf'<tr data-key="{kind}">.*?data-amount="([0-9.]+)"', table, re.S)
        assert row and Decimal(row.group(1)) == amount, kind

    milestones = [m for g in grants for m in g.get("milestones", [])]
    done = sum(1 for m in milestones if m.get("status") == "done")
    steps = html.split('id="table-steps"')[1].split("</table>")[0]
    total_row = re.search(r'<tr data-step="total">(.*?)</tr>', steps, re.S).group(1)
    assert [int(v) for v in re.findall(r'data-value="(\d+)"', total_row)] == [done, 1, len(milestones)]
    for step in (1, 2, 3, 4):
        row = re.search(rf'<tr data-step="{step}">(.*?)</tr>', steps, re.S).group(1)
        values = [int(v) for v in re.findall(r'data-value="(\d+)"', row)]
        in_step = [m for m in milestones if m.get("step") == step]
        assert values[0] == sum(1 for m in in_step if m.get("status") == "done")
        assert values[2] == len(in_step)

    schools = html.split('id="table-schools"')[1].split("</table>")[0]
    for slug in ("lincoln-elementary", "mission-creek-high", "sierra-vista-middle"):
        mine = [m for g in grants if slug in g.get("schools", []) for m in g.get("milestones", [])
                if m.get("school") in (None, slug)]
        row = re.search(rf'<tr data-school="{slug}">(.*?)</tr>', schools, re.S).group(1)
        cell = re.search(r'data-table__cell--total" data-done="(\d+)" data-total="(\d+)"', row)
        assert (int(cell.group(1)), int(cell.group(2))) == (
            sum(1 for m in mine if m.get("status") == "done"), len(mine)), slug
    district = re.search(r'<tr data-school="">(.*?)</tr>', schools, re.S).group(1)
    cell = re.search(r'data-table__cell--total" data-done="(\d+)" data-total="(\d+)"', district)
    assert (int(cell.group(1)), int(cell.group(2))) == (done, len(milestones))


def test_dashboard_charts_are_described_and_match_their_tables(example_site):
    html = page(example_site, "en", "grants/dashboard/")
    charts = re.findall(r'<svg class="chart__svg"[^>]*role="img" aria-labelledby="([\w-]+)-title \1-desc"[^>]*>'
                        r'\s*<title id="\1-title">[^<]+</title>\s*<desc id="\1-desc">[^<]+</desc>(.*?)</svg>',
                        html, re.S)
    assert [c[0] for c in charts] == ["chart-schools", "chart-steps", "chart-funding"]
    schools = dict(charts)["chart-schools"]
    assert len(re.findall(r'class="chart__label"', schools)) == 6
    assert "8 of 12" in schools  # Lincoln, as in the table
    assert re.search(r'<caption id="table-schools-caption">', html)
    assert html.count('scope="col"') >= 12 and html.count('scope="row"') >= 10
    assert "@media print" in (example_site / "assets" / "portal.css").read_text()


def test_milestone_for_a_school_the_grant_does_not_cover_is_an_error(project):
    from generator.content.pipeline import build_site
    from generator.core.errors import ContentErrors

    project.write("content/en/schools/birch-middle.md", """
        ---
        name: Birch Middle School
        level: middle
        grades: 6-8
        address: {street: 1 Birch Road, city: Valle Verde, state: CA, postal_code: "95301"}
        ---
        """)
    project.write("content/en/grants/alder-garden.md", GRANT.replace(
        "status: in_progress\n", "status: in_progress\n        school: birch-middle\n"))
    with pytest.raises(ContentErrors) as exc:
        build_site(project.root, now="2026-11-23 12:00")
    text = "\n".join(p.format() for p in exc.value.problems)
    assert "milestone 'plant-the-garden' is for birch-middle, which the grant does not cover" in text
    assert "alder-garden.md, line 13" in text


# -- counts of one are singular; a grant of kind "other" has no kind row -------------------------------


ONE_LATE = GRANT.split("      - id: build-the-beds")[0].replace("status: in_progress", "status: planned") + "    ---\n"


def visible(html: str) -> str:
    """The words a reader meets: text, and the descriptions read out by screen readers."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    # each attribute is read out on its own: "Table 1" and the next link's name are not one phrase
    attrs = " | ".join(re.findall(r'(?:aria-label|title|alt|content)="([^"]*)"', html))
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html) + " " + attrs)


def plural_slips(text: str, lang: str) -> list[str]:
    if lang == "en":
        return re.findall(r"(?<![\d.,:/$-])\b1 [a-z]+s\b", text)
    return re.findall(r"(?<![\d.,:/$-])\b1 [a-záéíóúñ]+(?:das|dos|as|os|es)\b", text)


def test_counts_of_one_are_singular_and_other_grants_have_no_kind_row(project, tmp_path):
    from click.testing import CliRunner

    from generator.cli.main import main
    from generator.core.i18n import catalogue

    project.write("content/en/grants/alder-garden.md", ONE_LATE)
    site = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-p", str(project.root), "--now", "2026-11-23 12:00",
                                       "--site-dir", str(site)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    words = {
        "en": ["1 milestone placed", "1 late", "0 of 1 milestone done", "awarded in 1 grant",
               "milestone late (past due and not done)"],
        "es": ["1 meta situada", "1 atrasada", "0 de 1 meta cumplida", "concedidos en 1 subvención",
               "meta atrasada (vencida y sin cumplir)"],
    }
    for lang in ("en", "es"):
        grant = page(site, lang, "grants/alder-garden/")
        desc = re.search(r'<desc id="timeline-desc">([^<]+)</desc>', grant).group(1)
        text = visible(grant) + " " + visible(page(site, lang, "grants/dashboard/"))
        for w in words[lang]:
            assert w in text, (lang, w, desc)
        assert plural_slips(text, lang) == [], lang
        # kind "other" is labelled just "Grant": no "Kind of grant: Grant" row
        kind = catalogue(lang)["grants.kind"]
        assert f"<dt>{kind}</dt>" not in grant


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_count_of_one_with_a_plural_anywhere_in_the_example(example_site, lang):
    root = example_site if lang == "en" else example_site / lang
    slips = {}
    for path in root.rglob("index.html"):
        if lang == "en" and path.relative_to(example_site).parts[0] in ("es", "vi"):
            continue
        found = plural_slips(visible(path.read_text(encoding="utf-8")), lang)
        if found:
            slips[path.relative_to(example_site).as_posix()] = found
    assert not slips, slips


def test_an_implementation_grant_still_shows_its_kind(example_site):
    from generator.core.i18n import catalogue

    for lang in ("en", "es"):
        c = catalogue(lang)
        html = page(example_site, lang, "grants/ccspp-implementation-2024/")
        assert f"<dt>{c['grants.kind']}</dt><dd>{c['grant_kinds.implementation']}</dd>" in html
        other = page(example_site, lang, "grants/friday-programmes-foundation-grant/")
        assert f"<dt>{c['grants.kind']}</dt>" not in other


APPLICATION = "full-service-community-schools-application"


@pytest.mark.parametrize("lang, awarded, requested, label", [
    ("en", "$8,790,000", "$2,500,000", "requested in 1 grant application, not awarded yet"),
    ("es", "$8,790,000", "$2,500,000", "solicitados en 1 solicitud de subvención, aún no otorgados"),
])
def test_dashboard_shows_applications_apart(example_site, lang, awarded, requested, label):
    html = page(example_site, lang, "grants/dashboard/")
    funding = re.search(r'data-stat="funding">(.*?)</li>', html, re.S).group(1)
    assert awarded in funding and requested not in funding
    assert 'data-amount="8790000"' in funding and "11290000" not in html, "the application is not in the total"
    applied = re.search(r'data-stat="applied">(.*?)</li>', html, re.S).group(1)
    assert 'data-amount="2500000"' in applied and label in applied
    for table in ("table-programme", "table-kind"):
        rows = html.split(f'id="{table}"')[1].split("</table>")[0]
        assert "FSCS" not in rows and 'data-value="3"' not in rows, f"{table} counts the two grants awarded"
    listed = re.search(rf'<li data-grant="{APPLICATION}">(.*?)</li>', html, re.S).group(1)
    assert 'data-grant-status="applied"' in listed and requested in listed


def test_application_page_and_card_say_applied_and_never_awarded(example_site):
    for lang, status, amount_label, not_said in (("en", "Applied for", "Amount requested", "Awarded"),
                                                 ("es", "Solicitada", "Monto solicitado", "Fecha de otorgamiento")):
        html = page(example_site, lang, f"grants/{APPLICATION}/")
        facts = re.search(r'<dl class="facts">(.*?)</dl>', html, re.S).group(1)
        assert f'data-grant-status="applied">{status}<' in facts
        assert f"<dt>{amount_label}</dt>" in facts
        assert not_said not in facts and 'data-grant-status="awarded"' not in facts, "no award claimed"
        listing = page(example_site, lang, "grants/")
        card = listing.split(f'href="{APPLICATION}/"')[1].split("</article>")[0]
        assert 'data-grant-status="applied"' in card
        ccspp = page(example_site, lang, "grants/ccspp-implementation-2024/")
        assert 'data-grant-status="awarded"' in ccspp, "grants written before status stay awarded"


def test_a_district_with_only_an_application_claims_no_award(project, tmp_path):
    """A district in its planning year has applied but won nothing yet: the dashboard shows the
    application and no "awarded in 0 grants" figure."""
    from click.testing import CliRunner

    from generator.cli.main import main

    project.write("content/en/grants/alder-garden.md",
                  GRANT.replace("    amount: 5000\n", "    status: applied\n    amount: 5000\n"))
    site = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-p", str(project.root), "--now", "2026-11-23 12:00",
                                       "--site-dir", str(site)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for lang, applied, awarded in (("en", "requested in 1 grant application", "awarded in"),
                                   ("es", "solicitados en 1 solicitud", "concedidos en")):
        dashboard = page(site, lang, "grants/dashboard/")
        assert applied in visible(dashboard), lang
        assert awarded not in visible(dashboard), lang
        assert 'data-stat="funding"' not in dashboard, lang
        assert 'id="chart-funding"' not in dashboard and 'id="table-programme"' not in dashboard, lang
