"""The benchmark's inputs: the synthetic district and its Hugo twin (no time is measured here).

The synthetic district must be the same bytes for the same seed (or figures from two runs
would not compare), valid content with current translations (or the benchmark would time
error pages and warnings), and the Hugo site must hold the same items in each language (or
the ratio to Hugo would compare different work).
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import EXAMPLE_NOW, REPO

sys.path.insert(0, str(REPO))  # benchmarks/ sits beside generator/, outside the package

from benchmarks import hugo_site, report, synth  # noqa: E402
from benchmarks.report import Row  # noqa: E402
from generator.content.pipeline import check_content  # noqa: E402
from generator.content.tracking import HASH_FIELD, is_current  # noqa: E402


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def md_files(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.md") if p.name != "_index.md")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth") / "tiny"
    synth.write_project(root, "tiny")
    return root


def test_the_same_seed_and_size_write_the_same_bytes(tiny, tmp_path):
    again, other = tmp_path / "again", tmp_path / "other"
    synth.write_project(again, "tiny")
    synth.write_project(other, "tiny", seed=synth.SEED + 1)
    assert tree_hash(again) == tree_hash(tiny)
    assert tree_hash(other) != tree_hash(tiny), "the seed decides the words"


def test_the_synthetic_district_is_valid_content_in_both_languages(tiny):
    checked = check_content(tiny, now=EXAMPLE_NOW)
    site = checked.site
    size = synth.SIZES["tiny"]
    assert len(site.items["schools"]) == size.schools
    assert len(site.items["news"]) == size.news
    assert len(site.items["meetings"]) > size.schools * size.meetings_per_school
    assert [str(p) for p in checked.problems.warnings] == []
    assert len(list((tiny / "content" / "images").glob("*.jpg"))) == size.photos
    untranslated = translated = 0
    for item in site.all_items():
        es = item.sources.get("es")
        if es is None:
            untranslated += 1
        else:
            translated += 1
            assert is_current(item, es.data[HASH_FIELD]), f"{es.path} is marked out of date"
    assert untranslated and translated > untranslated, "mostly translated, some items not"


def test_small_is_the_example_district(tmp_path):
    synth.write_project(tmp_path / "small", "small")
    assert tree_hash(tmp_path / "small" / "content") == tree_hash(REPO / "content")
    assert (tmp_path / "small" / "portal.yml").read_bytes() == (REPO / "portal.yml").read_bytes()


def test_the_synthetic_district_refuses_a_folder_that_holds_files(tiny):
    with pytest.raises(SystemExit, match="not empty"):
        synth.write_project(tiny, "tiny")


def test_the_hugo_site_holds_the_same_items_with_the_same_words(tiny, tmp_path):
    out = tmp_path / "hugo"
    hugo_site.write_site(tiny, out)
    for lang in ("en", "es"):
        sections = sorted(p.name for p in (tiny / "content" / lang).iterdir() if p.is_dir())
        assert sections == sorted(p.name for p in (out / "content" / lang).iterdir() if p.is_dir())
        for section in sections:
            assert md_files(out / "content" / lang / section) == md_files(tiny / "content" / lang / section)
        assert (out / "content" / lang / "_index.md").exists(), "the home file is the home page"
    slug = md_files(tiny / "content" / "es" / "meetings")[0]
    portal_body = hugo_site.read_item(tiny / "content" / "es" / "meetings" / f"{slug}.md")[1]
    meta, hugo_body = hugo_site.read_item(out / "content" / "es" / "meetings" / f"{slug}.md")
    assert hugo_body == portal_body and len(portal_body.split()) > 250
    assert meta["title"].startswith("Consejo Asesor"), "a regular meeting is named from its council"
    assert meta["portal"]["start"], "facts come from the English file"


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is installed by scripts/setup.sh --bench")
def test_hugo_builds_a_page_for_every_item(tiny, tmp_path):
    out = tmp_path / "hugo"
    hugo_site.write_site(tiny, out)
    subprocess.run(["hugo", "--quiet", "-d", str(out / "public")], cwd=out, check=True)
    for lang, prefix in (("en", ""), ("es", "es/")):
        for slug in md_files(tiny / "content" / lang / "meetings"):
            assert (out / "public" / f"{prefix}meetings" / slug / "index.html").exists()


def test_the_table_gives_portal_as_a_multiple_of_hugo_and_a_dash_for_what_was_not_recorded():
    rows = [Row("district", "portal cold", 50.0, 900.0, 5000, {"load": 4.0, "mkdocs:en": 20.0}),
            Row("district", "serve: edit to visible", 0.8, 700.0),
            Row("district", "Hugo cold", 2.0, 300.0, 3000)]
    machine = {"date": "2026-11-23 12:00 UTC", "cpu": "x", "cores": "2", "ram": "8 GB",
               "python": "3.11", "hugo": "v0.111.3", "load": "1.0"}
    lines = report.render(rows, machine, markdown=True).splitlines()
    cold = next(line for line in lines if line.startswith("| district | portal cold | 50.00 |"))
    assert "| 25.0× |" in cold and "| 5,000 | 100 |" in cold
    serve = next(line for line in lines if "serve: edit to visible | 0.80 |" in line)
    assert "×" not in serve, "a preview is not compared with a Hugo build"
    stages = [line for line in lines if line.startswith("| district | portal cold | 4.00 |")]
    assert stages and stages[0].count("| – ") == len(report.STAGES) - 2


def test_the_benchmark_runs_the_three_sizes_unless_told_and_names_the_sizes_it_knows(capsys):
    run = pytest.importorskip("benchmarks.run", reason="psutil is installed by scripts/setup.sh --bench")
    assert run.arguments([]).sizes == ["small", "district", "state"]
    assert run.arguments(["district", "--markdown"]).sizes == ["district"]
    with pytest.raises(SystemExit):
        run.arguments(["city"])
    assert "no size called city: choose from tiny, small, district, state" in capsys.readouterr().err
