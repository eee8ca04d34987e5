"""Building on every core gives the same site as building in one process, byte for byte.

``jobs=1`` (``PORTAL_JOBS=1``) is mkdocs-static-i18n's own way, every language
one after the other in one process; any other number renders each language
in a process of its own and puts the parts together (generator.site.languages).
"""
from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

import pytest
from jinja2 import TemplateRuntimeError

from generator.site import languages, last_build
from generator.site.build import BuildFailed, build
from generator.site.theme import FILTERS
from support import EXAMPLE_NOW, REPO, SECOND_EXAMPLE


def copy_project(source: Path, root: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copy(source / "portal.yml", root / "portal.yml")
    shutil.copytree(source / "content", root / "content")
    return root


def files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


@pytest.fixture
def pools(monkeypatch) -> list[int]:
    """How many processes each build's languages were rendered by (none: in this process)."""
    seen: list[int] = []
    real = languages.pool

    def recording(count, **options):
        seen.append(count)
        return real(count, **options)

    monkeypatch.setattr(languages, "pool", recording)
    return seen


@pytest.mark.parametrize("source", [REPO, SECOND_EXAMPLE], ids=["example", "second-example"])
def test_every_core_gives_the_same_site_as_one_process(source, tmp_path, pools):
    one = build(copy_project(source, tmp_path / "one"), now=EXAMPLE_NOW, jobs=1)
    assert pools == [], "jobs=1 renders every language in this process"
    both = build(copy_project(source, tmp_path / "both"), now=EXAMPLE_NOW, jobs=2)
    assert pools == [2], "each language in a process of its own"
    assert files(both.site_dir) == files(one.site_dir)
    differ = [rel for rel in files(one.site_dir)
              if not filecmp.cmp(one.site_dir / rel, both.site_dir / rel, shallow=False)]
    assert differ == [], f"these files differ: {differ[:10]}"
    assert not list(both.site_dir.rglob(languages.PARTS)), "no part of the languages is left over"
    for result in (one, both):
        assert {"load", "derive", "write", "mkdocs:en", "mkdocs:es", "calendars", "feeds",
                "cards"} <= set(result.stages)


def test_a_failing_template_in_a_language_process_is_reported_as_in_one_process(project, tmp_path,
                                                                                 monkeypatch):
    site = tmp_path / "site"
    build(project.root, site_dir=site, now=EXAMPLE_NOW, jobs=2)
    before = {rel: (site / rel).read_bytes() for rel in files(site)}

    def broken(*args, **kwargs):
        raise TemplateRuntimeError("the school's name cannot be shown")

    monkeypatch.setitem(FILTERS, "lang_attr", broken)
    # A helper changed in memory is seen by no fingerprint: make the builds render again.
    monkeypatch.setattr(last_build, "unchanged", lambda *args: None)
    monkeypatch.setattr(last_build, "is_current", lambda *args: False)
    monkeypatch.setattr(last_build, "renders_on", lambda *args: False)
    messages = []
    for jobs in (1, 2):
        with pytest.raises(BuildFailed) as failed:
            build(project.root, site_dir=site, now=EXAMPLE_NOW, jobs=jobs)
        messages.append(str(failed.value))
    assert messages[0] == messages[1]
    assert "a theme template failed" in messages[1]
    assert "the school's name cannot be shown" in messages[1]
    assert {rel: (site / rel).read_bytes() for rel in files(site)} == before, "the last good site stays"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.tmp")] == []


def stop_at_once(*args):
    """A language's process that ends without a word (killed, or out of memory)."""
    os._exit(1)


def test_a_language_process_that_dies_is_reported_in_plain_words(project, tmp_path, monkeypatch):
    monkeypatch.setattr(languages, "_render_language", stop_at_once)
    site = tmp_path / "site"
    with pytest.raises(BuildFailed, match="stopped unexpectedly.*PORTAL_JOBS=1"):
        build(project.root, site_dir=site, now=EXAMPLE_NOW, jobs=2)
    assert not site.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.tmp")] == []
