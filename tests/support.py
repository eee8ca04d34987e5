"""Helpers shared by the tests (importable from any test folder)."""
from __future__ import annotations

import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_NOW = "2026-11-23 12:00"  # the example content is written around this day
# The second example project: a one-school district in New Mexico, written around the same day.
SECOND_EXAMPLE = REPO / "examples" / "mesa-alta-high"


class Project:
    """A throwaway portal project in a temporary folder."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()


def url(lang: str, path: str) -> str:
    """A page's path below the site root in a language (the default, English, has no prefix)."""
    return ("" if lang == "en" else f"{lang}/") + path


_AXE = None
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def assert_accessible(page) -> None:
    """axe-core finds no WCAG 2.1 A/AA (or best-practice) violation on the page as it is now."""
    global _AXE
    if _AXE is None:
        from axe_playwright_python.sync_playwright import Axe
        _AXE = Axe()
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()


# A valid two-language project: a school, its coordinator, its council and a meeting of it
# (tests/conftest.py `project`).
MINIMAL = {
    "content/en/people/ana-ruiz.md": """
        ---
        name: Ana Ruiz
        role: coordinator
        email: ana.ruiz@example.org
        phone: (555) 010-2000
        languages: [en, es]
        ---
        Ana has coordinated Alder Elementary since 2023.
        """,
    "content/es/people/ana-ruiz.md": """
        ---
        office_hours: De lunes a jueves
        ---
        Ana coordina la Primaria Alder desde 2023.
        """,
    "content/en/schools/alder-elementary.md": """
        ---
        name: Alder Elementary School
        level: elementary
        grades: TK-5
        address:
          street: 10 Alder Street
          city: Valle Verde
          state: CA
          postal_code: "95301"
        coordinator: ana-ruiz
        services: [food_pantry, tutoring]
        ---
        A small school.
        """,
    "content/es/schools/alder-elementary.md": """
        ---
        name: Escuela Primaria Alder
        ---
        Una escuela pequeña.
        """,
    "content/en/councils/alder-elementary-site-advisory-council.md": """
        ---
        name: Site advisory council
        school: alder-elementary
        kind: site_advisory_council
        ---
        """,
    "content/es/councils/alder-elementary-site-advisory-council.md": """
        ---
        name: Consejo asesor escolar
        ---
        """,
    "content/en/meetings/2026-12-08-alder-sac.md": """
        ---
        body: alder-elementary-site-advisory-council
        start: 2026-12-08 17:30
        end: "19:00"
        location:
          place: Library
        agenda:
          - Welcome
        notice_posted: 2026-12-01 09:00
        ---
        """,
}


# portal.yml additions for a district with its own vocabularies (New Mexico style): a meeting
# group of its own next to a built-in one, a grant kind of its own, and key practices for
# milestone steps, given in an order that is not alphabetical.
OWN_VOCABULARIES = """
meeting_groups:
  family_workshop:
  resource_day:
    label: {en: Resource day, es: Día de recursos}
grant_kinds:
  state_implementation:
    label: {en: State implementation grant, es: Subvención estatal de implementación}
milestone_steps:
  shared_leadership:
    label: {en: "Key practice: shared leadership", es: "Práctica clave: liderazgo compartido"}
    short: {en: Leadership, es: Liderazgo}
  family_engagement:
    label: {en: "Key practice: family engagement", es: "Práctica clave: participación familiar"}
"""

# Content that uses them: a resource day at the school, and a grant with a milestone in each
# key practice (the later practice written first).
OWN_VOCABULARY_CONTENT = {
    "content/en/meetings/2026-12-12-alder-resources.md": """
        ---
        group: resource_day
        school: alder-elementary
        start: 2026-12-12 10:00
        end: "13:00"
        location:
          place: Gym
        notice_posted: 2026-12-01 09:00
        ---
        """,
    "content/en/grants/state-grant.md": """
        ---
        name: State Community Schools Grant
        funder: New Mexico Public Education Department
        kind: state_implementation
        amount: 150000
        schools: [alder-elementary]
        milestones:
          - id: family-nights
            title: Hold a family night each month
            step: family_engagement
            due: 2027-05-31
          - id: leadership-team
            title: Form the site leadership team
            step: shared_leadership
            due: 2026-10-01
            status: done
            completed: 2026-09-15
        ---
        """,
}


def own_vocabulary_project(root: Path) -> Project:
    """The small project (MINIMAL) with OWN_VOCABULARIES in portal.yml and content using them."""
    root.mkdir(parents=True)
    project = Project(root)
    (root / "portal.yml").write_text((REPO / "portal.yml").read_text(encoding="utf-8") + OWN_VOCABULARIES,
                                     encoding="utf-8")
    for rel, text in {**MINIMAL, **OWN_VOCABULARY_CONTENT}.items():
        project.write(rel, text)
    return project
