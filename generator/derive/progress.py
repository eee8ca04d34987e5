"""Grant progress for the theme: milestones per school and per step, funding totals.

Everything here is computed from the model on each build: the dashboard
(/grants/dashboard/) and the school pages show the same numbers as the grant
files, and a milestone is late when it is past due on the build's "now".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from generator.content.model import Grant, Item, Site
from generator.derive.page import PageSpec
from generator.derive.views import View, wrap


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
    steps: dict  # step id (None: no step) -> Count, in the order of portal.yml's milestone_steps
    total: Count = field(default_factory=Count)

    @classmethod
    def empty(cls, school: View | None, site: Site) -> "ProgressRow":
        return cls(school, {s: Count() for s in (*site.settings.milestone_steps.ids, None)})

    def add(self, milestone: dict, state: str) -> None:
        step = milestone.get("step")
        self.steps[step if step in self.steps else None].add(state)
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
    steps: list[str]  # the milestone steps of portal.yml, in order
    schools: list[ProgressRow]
    district: ProgressRow
    has_other_steps: bool
    by_programme: list[FundingRow]
    by_kind: list[FundingRow]
    totals: list[FundingRow]  # one per currency: awarded money only (awarded, active, completed)
    applications: list[FundingRow]  # one per currency: grants applied for, with the amount asked
    awarded_count: int  # grants counted in the totals
    grants: list[View]  # every grant, each with its status; declined ones too, counted nowhere


def school_rows(site: Site, lang: str) -> list[ProgressRow]:
    rows = []
    for school in site.schools:
        row = ProgressRow.empty(View(school, lang), site)
        for grant in school.grants:
            for m in grant.milestones_for(school, site.default):
                row.add(m, m["state"])
        rows.append(row)
    return rows


def district_row(site: Site) -> ProgressRow:
    """Every milestone of the grants awarded, once (a plan in an application is not counted)."""
    row = ProgressRow.empty(None, site)
    for grant in (g for g in site.grants if g.is_awarded):
        for m in grant.get(site.default, "milestones", []):
            row.add(m, grant.milestone_state(m))
    return row


def _funding(grants: list[Grant], site: Site, lang: str, key_of) -> list[FundingRow]:
    rows: dict[tuple, FundingRow] = {}
    for grant in grants:
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
    awarded = [g for g in site.grants if g.is_awarded]
    applied = [g for g in site.grants if g.status == "applied"]
    return Dashboard(
        steps=site.settings.milestone_steps.ids,
        schools=rows,
        district=district,
        has_other_steps=district.steps[None].total > 0,
        by_programme=_funding(awarded, site, lang, programme),
        by_kind=_funding(awarded, site, lang, kind),
        totals=_funding(awarded, site, lang, lambda g: ("total", "")),
        applications=_funding(applied, site, lang, lambda g: ("applied", "")),
        awarded_count=len(awarded),
        grants=[View(g, lang) for g in site.grants],
    )


def school_milestones(school: Item, lang: str) -> list:
    """The milestones concerning a school, from every grant covering it, by step then due date.

    Each is a record (readable as attributes) with its ``state`` and its ``grant`` (a view)."""
    out = [m for grant in school.grants for m in grant.milestones_for(school, lang)]
    position = school.site.settings.milestone_steps.position
    out.sort(key=lambda m: (position(m.get("step")), m.get("due") or m.get("completed") or date.max, m["id"]))
    return [wrap(m, lang, school.site) for m in out]


def dashboard_pages(site: Site, messages_for) -> list:
    """The progress dashboard, /grants/dashboard/, in every language."""
    return [PageSpec(lang, "grants/dashboard.md", "dashboard.html",
                     messages_for(lang)("dashboard.title"), "dashboard", "grants",
                     shows=("grants", "schools"))
            for lang in site.languages]


# -- the grant page: milestones by step, and the timeline picture ---------------------


def milestone_groups(grant: Grant, lang: str) -> list[tuple]:
    """(step or None, [milestone records with state, and school as a view]) in step order."""
    return [(step, [wrap(m, lang, grant.site) for m in ms]) for step, ms in grant.milestones_by_step(lang)]


@dataclass
class Timeline:
    """Positions for the grant timeline picture (an SVG drawn by the theme)."""

    width: int
    height: int
    x0: int  # left edge of the time axis (after the lane labels)
    x1: int
    axis_y: int
    start: date
    end: date
    lanes: list[dict]  # step, y
    dots: list[dict]  # id, x, y, state, date, title
    ticks: list[dict]  # x, year
    today_x: int | None
    counts: dict  # state -> how many
    today: date

    @property
    def in_date_order(self) -> list[dict]:
        """The placed milestones, earliest first: the rows of the picture drawn down a phone's
        screen, where a line across is too narrow for its lanes."""
        return sorted(self.dots, key=lambda d: (d["date"], d["id"]))

    @property
    def before_today(self) -> int | None:
        """How many of those rows come before today's mark (None when today is outside the
        picture's period)."""
        if self.today_x is None:
            return None
        return sum(d["date"] <= self.today for d in self.dots)


def timeline(grant: Grant, lang: str) -> Timeline | None:
    """Where each milestone sits on a line from the grant's start to its end (or the first and
    last milestone dates): one lane per step (portal.yml's order), a tick per year, and today."""
    milestones = grant.get(lang, "milestones", [])
    if not milestones:
        return None
    when = [(m, m.get("completed") if m.get("status") == "done" and m.get("completed") else m.get("due"))
            for m in milestones]
    dated = [d for _, d in when if d]
    period = grant.get(grant.site.default, "period")
    start = period["start"] if period else (min(dated) if dated else None)
    end = period["end"] if period else (max(dated) if dated else None)
    if dated:
        start, end = min([start, *dated]), max([end, *dated])
    if start is None or end is None:
        return None
    if end <= start:
        end = date(start.year + 1, start.month, 1)
    steps = sorted({m.get("step") for m in milestones}, key=grant.site.settings.milestone_steps.position)
    width, x0, x1, lane_h, top = 720, 130, 700, 34, 26
    lanes = [{"step": s, "y": top + i * lane_h + lane_h // 2} for i, s in enumerate(steps)]
    lane_y = {lane["step"]: lane["y"] for lane in lanes}
    axis_y = top + len(steps) * lane_h + 6
    span = (end - start).days

    def x(d: date) -> int:
        return round(x0 + (x1 - x0) * min(max((d - start).days, 0), span) / span)

    dots, counts = [], {}
    for m, d in when:
        state = grant.milestone_state(m)
        counts[state] = counts.get(state, 0) + 1
        if d:
            dots.append({"id": m["id"], "x": x(d), "y": lane_y[m.get("step")], "state": state, "step": m.get("step"),
                         "date": d, "title": m.get("title")})
    ticks = [{"x": x(date(year, 1, 1)), "year": year} for year in range(start.year + 1, end.year + 1)]
    today = grant.site.today
    today_x = x(today) if start <= today <= end else None
    return Timeline(width, axis_y + 30, x0, x1, axis_y, start, end, lanes, dots, ticks, today_x, counts, today)
