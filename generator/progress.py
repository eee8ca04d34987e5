"""Grant progress for the theme: milestones per school and per step, funding totals.

Everything here is computed from the model on each build: the dashboard
(/grants/dashboard/) and the school pages show the same numbers as the grant
files, and a milestone is late when it is past due on the build's "now".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .model import Grant, Item, Site
from .views import View, wrap

STEPS = (1, 2, 3, 4)


@dataclass
class Count:
    done: int = 0
    total: int = 0
    late: int = 0

    def add(self, state: str) -> None:
        self.total += 1
        self.done += state == "done"
        self.late += state == "late"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class ProgressRow:
    """One school (or the whole district): milestones done of total, per step and overall."""

    school: View | None
    steps: dict = field(default_factory=lambda: {s: Count() for s in (*STEPS, None)})
    total: Count = field(default_factory=Count)

    def add(self, milestone: dict, state: str) -> None:
        step = milestone.get("step")
        self.steps[step if step in STEPS else None].add(state)
        self.total.add(state)


@dataclass
class FundingRow:
    key: str
    label: object  # a programme code, or the funder's name (words) when a grant has no programme
    currency: str
    amount: Decimal = Decimal(0)
    grants: list = field(default_factory=list)


@dataclass
class Dashboard:
    schools: list[ProgressRow]
    district: ProgressRow
    has_other_steps: bool
    by_programme: list[FundingRow]
    by_kind: list[FundingRow]
    totals: list[FundingRow]  # one per currency
    grants: list[View]


def school_rows(site: Site, lang: str) -> list[ProgressRow]:
    rows = []
    for school in site.schools:
        row = ProgressRow(View(school, lang))
        for grant in school.grants:
            for m in grant.milestones_for(school, site.default):
                row.add(m, m["state"])
        rows.append(row)
    return rows


def district_row(site: Site) -> ProgressRow:
    row = ProgressRow(None)
    for grant in site.grants:
        for m in grant.get(site.default, "milestones", []):
            row.add(m, grant.milestone_state(m))
    return row


def _funding(site: Site, lang: str, key_of) -> list[FundingRow]:
    rows: dict[tuple, FundingRow] = {}
    for grant in site.grants:
        key, label = key_of(grant)
        currency = grant.get(site.default, "currency") or "USD"
        row = rows.setdefault((key, currency), FundingRow(key, label, currency))
        row.amount += grant.get(site.default, "amount") or Decimal(0)
        row.grants.append(View(grant, lang))
    return sorted(rows.values(), key=lambda r: (-r.amount, r.key))


def dashboard(site: Site, lang: str) -> Dashboard:
    def programme(g: Grant):
        code = g.get(site.default, "programme")
        if code:
            return f"programme:{code}", code
        return f"funder:{g.get(site.default, 'funder')}", g.get(lang, "funder")

    def kind(g: Grant):
        k = g.get(site.default, "kind")
        return k, k

    rows = school_rows(site, lang)
    district = district_row(site)
    return Dashboard(
        schools=rows,
        district=district,
        has_other_steps=district.steps[None].total > 0,
        by_programme=_funding(site, lang, programme),
        by_kind=_funding(site, lang, kind),
        totals=_funding(site, lang, lambda g: ("total", "")),
        grants=[View(g, lang) for g in site.grants],
    )


def school_milestones(school: Item, lang: str) -> list:
    """The milestones concerning a school, from every grant covering it, by step then due date.

    Each is a record (readable as attributes) with its ``state`` and its ``grant`` (a view)."""
    out = [m for grant in school.grants for m in grant.milestones_for(school, lang)]
    out.sort(key=lambda m: (m.get("step") or 99, m.get("due") or m.get("completed") or date.max, m["id"]))
    return [wrap(m, lang, school.site) for m in out]


def dashboard_pages(site: Site, messages_for) -> list:
    """The progress dashboard, /grants/dashboard/, in every language."""
    from .derive import PageSpec

    return [PageSpec(lang, "grants/dashboard.md", "dashboard.html",
                     messages_for(lang)("dashboard.title"), "dashboard", "grants")
            for lang in site.languages]
