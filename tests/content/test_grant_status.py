"""Grants that are not (yet) awarded, and dates known only to the month: the model, the rule on
amounts, and the totals the dashboard counts."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from textwrap import dedent

import pytest

from generator.content.pipeline import check_content
from generator.core.errors import ContentErrors
from generator.core.i18n import Formatter, Messages
from generator.core.values import Month
from generator.derive.progress import dashboard

NOW = "2026-11-23 12:00"


def grant(slug: str, body: str) -> tuple[str, str]:
    return f"content/en/grants/{slug}.md", dedent(body).lstrip("\n")


OLD_STYLE = grant("garden", """
    ---
    name: Garden Grant
    funder: Garden Club
    kind: other
    amount: 5000
    awarded: 2026-02-10
    ---
    """)

APPLIED = grant("federal", """
    ---
    name: Federal Grant
    funder: U.S. Department of Education
    kind: implementation
    status: applied
    amount: 6200000
    period: {start: 2027-01, end: 2031-12}
    ---
    """)


def site_with(project, *files):
    for rel, text in files:
        project.write(rel, text)
    return check_content(project.root, now=NOW).site


def test_a_grant_without_status_is_awarded_as_before(project):
    site = site_with(project, OLD_STYLE)
    garden = site.items["grants"]["garden"]
    assert garden.status == "awarded" and garden.is_awarded
    assert garden.get("es", "status") == "awarded", "a fact: the same in every language"


def test_an_application_may_give_no_amount(project):
    site = site_with(project, grant("secret", """
        ---
        name: Secret Grant
        funder: State
        kind: planning
        status: applied
        ---
        """))
    assert site.items["grants"]["secret"].get("en", "amount") is None


@pytest.mark.parametrize("status", ["awarded", "active", "completed"])
def test_an_awarded_grant_must_give_its_amount(project, status):
    project.write(*grant("no-amount", f"""
        ---
        name: No Amount Grant
        funder: State
        kind: planning
        status: {status}
        ---
        """))
    with pytest.raises(ContentErrors) as err:
        check_content(project.root, now=NOW)
    [problem] = [p for p in err.value.problems if p.field == "amount"]
    assert problem.file.endswith("content/en/grants/no-amount.md")
    assert problem.line == 5, "the line of the status"
    assert f"the grant is {status} but gives no amount" in problem.message
    assert problem.expected and problem.found == "no amount" and "status: applied" in problem.suggestion


def test_a_grant_not_awarded_has_no_award_date(project):
    project.write(*grant("early", """
        ---
        name: Early Grant
        funder: State
        kind: planning
        status: applied
        awarded: 2026-05
        ---
        """))
    with pytest.raises(ContentErrors) as err:
        check_content(project.root, now=NOW)
    [problem] = [p for p in err.value.problems if p.field == "awarded"]
    assert "applied but has an award date" in problem.message and problem.line == 6


def test_dates_may_be_a_month_shown_as_the_month_and_sorted_among_days(project):
    site = site_with(project, OLD_STYLE, APPLIED, grant("may", """
        ---
        name: May Grant
        funder: State
        kind: planning
        amount: 100
        awarded: 2024-05
        period: {start: 2024-07-01, end: 2025-06}
        ---
        """))
    may = site.items["grants"]["may"]
    awarded = may.get("en", "awarded")
    assert isinstance(awarded, Month) and awarded.isoformat() == "2024-05"
    assert may.get("en", "period")["end"] > may.get("en", "period")["start"]
    # newest award first; the application (no award date) last
    assert [g.slug for g in site.grants] == ["garden", "may", "federal"]
    for lang, shown in (("en", "May 2024"), ("es", "mayo de 2024")):
        fmt = Formatter(lang, None, Messages(lang, "en"))
        assert fmt.date(awarded, "long") == shown
        assert fmt.date(date(2024, 5, 20), "long") != shown, "full dates keep their day"


def test_a_month_that_is_not_real_is_refused(project):
    project.write(*grant("bad-month", """
        ---
        name: Bad Month Grant
        funder: State
        kind: planning
        amount: 100
        awarded: 2024-13
        ---
        """))
    with pytest.raises(ContentErrors) as err:
        check_content(project.root, now=NOW)
    [problem] = [p for p in err.value.problems if p.field == "awarded"]
    assert "2024-13 is not a real month" in problem.message and problem.line == 6


def test_a_milestone_due_in_a_month_is_late_only_after_that_month(project):
    project.write(*grant("monthly", """
        ---
        name: Monthly Grant
        funder: State
        kind: planning
        amount: 100
        milestones:
          - {id: this-month, title: This month, due: 2026-11}
          - {id: last-month, title: Last month, due: 2026-10}
        ---
        """))
    site = check_content(project.root, now=NOW).site
    g = site.items["grants"]["monthly"]
    states = {m["id"]: g.milestone_state(m) for m in g.get("en", "milestones")}
    assert states == {"this-month": "planned", "last-month": "late"}


def test_dashboard_totals_count_awarded_money_only(project):
    declined = grant("declined", """
        ---
        name: Declined Grant
        funder: Foundation
        kind: other
        status: declined
        amount: 90000
        ---
        """)
    site = site_with(project, OLD_STYLE, APPLIED, declined)
    dash = dashboard(site, "en")
    assert [(r.amount, r.currency) for r in dash.totals] == [(Decimal(5000), "USD")]
    assert dash.awarded_count == 1
    assert [(r.amount, [g.slug for g in r.grants]) for r in dash.applications] == \
        [(Decimal(6200000), ["federal"])]
    assert sum(r.amount for r in dash.by_programme) == sum(r.amount for r in dash.by_kind) == Decimal(5000)
    assert {g.slug for g in dash.grants} == {"garden", "federal", "declined"}, "listed, each with its status"
