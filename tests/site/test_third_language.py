"""A third language is configuration plus content: no Python, no template changes."""
from __future__ import annotations

import re
import shutil

import yaml

from generator.core.i18n import MESSAGES_DIR, catalogue
from generator.site.build import build
from support import EXAMPLE_NOW, REPO


def test_a_third_language_with_a_catalogue_and_no_content_gets_every_page(tmp_path):
    assert (MESSAGES_DIR / "vi.yml").exists(), "the theme ships a Vietnamese catalogue"
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    settings = yaml.safe_load((REPO / "portal.yml").read_text(encoding="utf-8"))
    settings["languages"].append({"code": "vi", "name": "Tiếng Việt"})
    (root / "portal.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")

    site = build(root, now=EXAMPLE_NOW).site_dir
    default_pages = {p.relative_to(site) for p in site.rglob("index.html")
                     if p.relative_to(site).parts[0] not in ("es", "vi")}
    assert len(default_pages) > 50
    missing = [str(p) for p in default_pages if not (site / "vi" / p).exists()]
    assert not missing, f"pages missing in Vietnamese: {missing[:5]}"

    vi = catalogue("vi")
    home = (site / "vi/index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in home
    assert f">{vi['nav.schools']}</a>" in home and f">{vi['nav.meetings']}</a>" in home
    assert vi["nav.schools"] != catalogue("en")["nav.schools"]
    # The district's name has no Vietnamese text in settings: shown in English, marked as English.
    assert '<span lang="en">Valle Verde Unified School District</span></a>' in home

    school = (site / "vi/schools/lincoln-elementary/index.html").read_text(encoding="utf-8")
    notice = vi["translation.missing"].split("{")[0].strip()
    assert notice and notice in school
    assert '<div class="prose" lang="en">' in school
    assert re.search(r'<h1 lang="en">Lincoln Elementary School</h1>', school)
    # Dates are in Vietnamese too: Babel's month names.
    meetings = (site / "vi/meetings/index.html").read_text(encoding="utf-8")
    assert re.search(r"tháng \d+", meetings)
    # Every page links to all three languages.
    for lang in ("en", "es", "vi", "x-default"):
        assert f'hreflang="{lang}"' in school
