"""Shared fixtures: small projects made on the fly, and the built example site."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import EXAMPLE_NOW, REPO, Project

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
    "content/en/meetings/2026-12-08-alder-sac.md": """
        ---
        group: site_advisory_council
        school: alder-elementary
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


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A valid two-language project with a school, a person and a meeting."""
    p = Project(tmp_path / "proj")
    p.root.mkdir()
    shutil.copy(REPO / "portal.yml", p.root / "portal.yml")
    for rel, text in MINIMAL.items():
        p.write(rel, text)
    return p


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example district, built once per test session with a fixed "now"."""
    from generator.build import build

    work = tmp_path_factory.mktemp("example")
    root = work / "repo"
    root.mkdir()
    for name in ("portal.yml", "content"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    result = build(root, now=EXAMPLE_NOW)
    return result.site_dir
