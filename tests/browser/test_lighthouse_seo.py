"""Lighthouse's SEO audits on the home page, in each language: a score of 100 (1.0).

Lighthouse (pinned, installed under .venv/lighthouse/ by scripts/setup.sh --test) runs with
the same Chromium as the other browser tests against the example site served on localhost
(base_url), with netlify.toml's headers. Nothing is relaxed for localhost: the pages' canonical and hreflang
addresses are the site's own https addresses (site_url), as on Netlify, and the site has no
robots.txt, which Lighthouse, like crawlers, reads as "crawl everything". Lighthouse fetches
robots.txt from inside the page, which is why the Content-Security-Policy allows connect-src
'self' (under 'none' the audit fails, on Netlify as here). It is slow (about half a
minute a run), so it runs once per language."""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from support import REPO, url

pytestmark = pytest.mark.browser

LIGHTHOUSE = REPO / ".venv" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"


def failing_audits(report: dict) -> list[str]:
    """Each SEO audit that did not pass, with what Lighthouse found."""
    out = []
    for ref in report["categories"]["seo"]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            out.append(f"{ref['id']}: {audit['title']} {json.dumps(items, ensure_ascii=False)[:800]}")
    return out


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_home_page_scores_100_for_seo(base_url, chromium, tmp_path, lang):
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is not installed: run bash scripts/setup.sh --test")
    path, flags = chromium
    env = dict(os.environ, **({"CHROME_PATH": path} if path else {}))
    out = tmp_path / "report.json"
    subprocess.run([str(LIGHTHOUSE), base_url + url(lang, ""), "--only-categories=seo",
                    "--output=json", f"--output-path={out}", "--quiet",
                    "--chrome-flags=" + " ".join(["--headless=new", *flags])],
                   env=env, check=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["categories"]["seo"]["score"] == 1.0, "\n".join(failing_audits(report))
