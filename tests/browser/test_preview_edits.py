"""``portal serve`` after an edit: the edited meeting's page and the lists showing it are updated.

The preview renders again only the pages whose sources changed (MkDocs' dirty builds), so a
list page is updated only if its source's fingerprint took in the meeting it shows."""
from __future__ import annotations

import time
import urllib.request

MEETING = "content/en/meetings/2026-12-08-alder-sac.md"
PAGES = ("meetings/2026-12-08-alder-sac/", "meetings/", "schools/alder-elementary/",
         "es/schools/alder-elementary/")


def text_of(address: str) -> str:
    with urllib.request.urlopen(address, timeout=30) as response:
        return response.read().decode("utf-8")


def test_an_edited_meeting_is_served_on_its_page_and_on_the_lists_showing_it(editable_preview):
    url, project = editable_preview
    for path in PAGES:
        page = text_of(url + path)
        assert "Library" in page and "Cafeteria" not in page, path
    path = project.root / MEETING
    path.write_text(path.read_text(encoding="utf-8").replace("place: Library", "place: Cafeteria"),
                    encoding="utf-8")
    deadline = time.monotonic() + 120
    waiting = list(PAGES)
    while waiting and time.monotonic() < deadline:
        time.sleep(0.5)
        waiting = [p for p in waiting if "Cafeteria" not in text_of(url + p)]
    assert waiting == [], "still showing the old place"
    for path in PAGES:
        assert "Library" not in text_of(url + path), path
