"""Language alternates over the whole built site: complete, reciprocal, in the sitemap and for Netlify."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from generator.core import yamlish
from support import REPO

SETTINGS = yamlish.load((REPO / "portal.yml").read_text())[0]
SITE_URL = SETTINGS["site_url"].rstrip("/") + "/"
LANGS = [l["code"] for l in SETTINGS["languages"]]
DEFAULT = SETTINGS.get("default_language") or LANGS[0]


def local_file(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    rel = url[len(SITE_URL):]
    return site / rel / "index.html" if not rel.endswith(".html") else site / rel


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def pages(site: Path):
    for f in sorted(site.rglob("index.html")):
        yield f


def test_every_page_has_a_complete_reciprocal_hreflang_set(example_site):
    checked = 0
    for f in pages(example_site):
        html = f.read_text(encoding="utf-8")
        alts = hreflangs(html)
        rel = f.relative_to(example_site).as_posix()
        assert set(alts) == set(LANGS) | {"x-default"}, f"{rel}: {sorted(alts)}"
        assert alts["x-default"] == alts[DEFAULT]
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert canonical in alts.values(), f"{rel} does not list itself"
        assert local_file(example_site, canonical) == f
        for lang, url in alts.items():
            target = local_file(example_site, url)
            assert target.exists(), f"{rel} -> {url} does not exist"
            other = target.read_text(encoding="utf-8")
            assert hreflangs(other) == alts, f"{rel} and {url} disagree about their alternates"
            if lang != "x-default":
                assert f'<html lang="{lang}"' in other
        checked += 1
    assert checked > 50


def test_sitemap_lists_every_page_with_its_alternates(example_site):
    xml = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>(.*?)</url>", xml, re.S)
    locs = {re.search(r"<loc>(.*?)</loc>", e).group(1) for e in entries}
    # every page on disk that search engines may index (not the component library, /components/)
    on_disk = {SITE_URL + f.relative_to(example_site).parent.as_posix().removeprefix(".") + "/"
               for f in pages(example_site)
               if '<meta name="robots" content="noindex">' not in f.read_text(encoding="utf-8")}
    on_disk = {u.replace(SITE_URL + "/", SITE_URL) for u in on_disk}
    assert locs == on_disk
    for e in entries:
        links = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', e))
        assert set(links) == set(LANGS) | {"x-default"}


def test_netlify_sends_the_root_to_each_language():
    config = tomllib.loads((REPO / "netlify.toml").read_text())
    redirects = {tuple(r["conditions"]["Language"]): r for r in config.get("redirects", [])
                 if r.get("from") == "/" and "Language" in r.get("conditions", {})}
    for lang in LANGS:
        if lang == DEFAULT:
            continue
        rule = redirects.get((lang,))
        assert rule, f"netlify.toml needs a redirect from / to /{lang}/ with conditions.Language = ['{lang}']"
        assert rule["to"] == f"/{lang}/" and rule["status"] == 302
        assert rule.get("force") is True, "/ exists, so the language redirect must be forced"
        not_found = [r for r in config.get("redirects", []) if r.get("from") == f"/{lang}/*"]
        assert not_found and not_found[0]["to"] == f"/{lang}/404.html" and not_found[0]["status"] == 404
