"""Meeting pages in the built site: upcoming and past at a fixed "now", status marks, the next
meeting, JSON-LD, month calendars, flyers and documents."""
from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib
import pytest

from generator.content.pipeline import build_site
from generator.site.build import build
from support import EXAMPLE_NOW, REPO

LANGS = ["en", "es"]
HOST = "https://communityschools.valleverde.example.org/"


@pytest.fixture(scope="module")
def model():
    site, _ = build_site(REPO, now=EXAMPLE_NOW)
    return site


def html(site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


def parse(text: str):
    return html5lib.parse(text, namespaceHTMLElements=False)


def section(doc, data_value: str):
    return doc.find(f".//*[@data-meetings='{data_value}']")


def card_links(element) -> list[str]:
    """The meeting slugs of the cards in an element, in order."""
    out = []
    for card in element.iter("article"):
        if "meeting-card" in card.get("class", ""):
            href = card.find(".//a").get("href")
            out.append(href.rstrip("/").split("/")[-1])
    return out


def test_upcoming_then_past_by_month_on_the_district_page(example_site, model):
    upcoming = [m.slug for m in model.meetings if not m.is_past]
    past = [m for m in reversed(model.meetings) if m.is_past]
    assert upcoming and past
    for lang in LANGS:
        doc = parse(html(example_site, lang, "meetings/"))
        assert card_links(section(doc, "upcoming")) == upcoming
        months = section(doc, "past").findall("./section")
        assert [s.get("data-month") for s in months] == ["2026-11", "2026-10", "2026-09", "2026-08"]
        assert card_links(section(doc, "past")) == [m.slug for m in past]
    es = parse(html(example_site, "es", "meetings/"))
    assert "".join(section(es, "past").find("./section/h3").itertext()) == "noviembre de 2026"


def test_school_page_lists_only_its_meetings_upcoming_then_past(example_site, model):
    school = model.items["schools"]["lincoln-elementary"]
    mine = [m for m in model.meetings if m.school is school]
    for lang in LANGS:
        doc = parse(html(example_site, lang, "schools/lincoln-elementary/meetings/"))
        assert card_links(section(doc, "upcoming")) == [m.slug for m in mine if not m.is_past] \
            == ["2026-12-08-lincoln-sac"]
        assert card_links(section(doc, "past")) == [m.slug for m in reversed(mine) if m.is_past] == [
            "2026-11-10-lincoln-sac", "2026-10-13-lincoln-sac", "2026-09-08-lincoln-sac"]


def test_a_later_now_moves_meetings_to_past(tmp_path):
    """The same content built on two days: what has ended is listed under past."""
    root = tmp_path / "repo"
    root.mkdir()
    import shutil
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    shutil.copytree(REPO / "content", root / "content")
    site = build(root, site_dir=tmp_path / "later", now="2026-12-09 12:00").site_dir
    doc = parse(html(site, "en", "meetings/"))
    upcoming = card_links(section(doc, "upcoming"))
    assert upcoming[0] == "2026-12-10-sierra-vista-sac"  # moved to the 15th: still ahead
    assert "2026-12-08-lincoln-sac" not in upcoming
    past = section(doc, "past")
    assert past.find("./section").get("data-month") == "2026-12"
    assert card_links(past)[:3] == ["2026-12-08-lincoln-sac", "2026-12-07-valle-verde-high-sac",
                                    "2026-12-03-las-palmas-sac"]
    school = parse(html(site, "en", "schools/lincoln-elementary/meetings/"))
    assert card_links(section(school, "upcoming")) == []
    assert "No meetings are scheduled" in "".join(school.find(".//*[@data-meetings-none]").itertext())
    assert school.find(".//*[@data-meetings-none]").get("hidden") is None


def test_cancelled_rescheduled_and_postponed_stay_listed_and_marked(example_site):
    page = html(example_site, "en", "meetings/")
    doc = parse(page)
    cards = {c.find(".//a").get("href").rstrip("/").split("/")[-1]: c for c in doc.iter("article")
             if "meeting-card" in c.get("class", "")}
    cancelled = cards["2026-12-16-chavez-sac"]
    assert "meeting-card--cancelled" in cancelled.get("class")
    assert "Cancelled" in "".join(cancelled.find(".//span[@class='badge badge--cancelled']").itertext())
    assert cancelled.find(".//s/time") is not None  # the old time, struck through
    moved = "".join(cards["2026-12-10-sierra-vista-sac"].itertext())
    assert "Rescheduled" in moved and "New time:" in moved
    assert "Tuesday, December 15, 2026, 5:30" in moved and "Moved from Thursday, December 10, 2026" in moved
    assert "Postponed" in "".join(cards["2026-12-03-las-palmas-sac"].itertext())
    es = html(example_site, "es", "meetings/2026-12-10-sierra-vista-sac/")
    assert "Nueva fecha: martes, 15 de diciembre de 2026" in es


def test_home_and_school_pages_show_the_next_meeting_with_its_agenda(example_site, model):
    nxt = model.next_meeting()
    assert nxt.slug == "2026-12-07-valle-verde-high-sac"  # 12-03 is postponed: not "next"
    for lang in LANGS:
        doc = parse(html(example_site, lang, ""))
        box = doc.find(".//*[@data-next-meeting]")
        first = box.find("./div")
        assert first.get("hidden") is None
        assert card_links(first) == [nxt.slug]
        button = first.find(".//a[@class='button']")
        assert button.get("href").endswith(f"meetings/{nxt.slug}/")
        assert ("See the current agenda" if lang == "en" else "Ver la agenda") in "".join(button.itertext())
        later = box.findall("./div")[1:]
        assert later and all(d.get("hidden") is not None for d in later)
    doc = parse(html(example_site, "en", "schools/lincoln-elementary/"))
    box = doc.find(".//*[@data-next-meeting]")
    assert card_links(box.find("./div")) == ["2026-12-08-lincoln-sac"]
    assert box.find("./div//a[@class='button']") is not None


EXPECTED_STATUS = {"scheduled": "EventScheduled", "cancelled": "EventCancelled",
                   "rescheduled": "EventRescheduled", "postponed": "EventPostponed"}


def jsonld(page: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    events = [json.loads(b) for b in blocks]
    events = [e for e in events if e.get("@type") == "Event"]
    assert len(events) == 1
    return events[0]


def test_every_meeting_page_has_valid_event_json_ld(example_site, model):
    for m in model.meetings:
        for lang in LANGS:
            data = jsonld(html(example_site, lang, f"meetings/{m.slug}/"))
            assert data["@context"] == "https://schema.org"
            assert data["name"] and data["description"]
            assert data["startDate"] == m.start.isoformat() and data["endDate"] == m.end.isoformat()
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", data["startDate"])
            assert data["eventStatus"] == "https://schema.org/" + EXPECTED_STATUS[m.status]
            here, online = m.get(lang, "location") is not None, m.get(lang, "online") is not None
            mode = "Mixed" if here and online else ("Online" if online else "Offline")
            assert data["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
            locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
            types = [loc["@type"] for loc in locations]
            assert types == (["Place"] if here else []) + (["VirtualLocation"] if online else [])
            if here:
                address = locations[0]["address"]
                assert address["@type"] == "PostalAddress" and address["postalCode"].startswith("953")
            if online:
                assert locations[-1]["url"].startswith("https://")
            assert data["inLanguage"] == lang
            assert data["organizer"]["@type"] == "Organization" and data["organizer"]["name"]
            assert data["url"] == HOST + ("" if lang == "en" else "es/") + f"meetings/{m.slug}/"
            if m.status == "rescheduled":
                assert data["previousStartDate"] == m.previous_start.isoformat()
            else:
                assert "previousStartDate" not in data


def test_json_ld_of_a_called_off_meeting_gives_no_way_to_join(example_site, model):
    """Cancelled or postponed: search results must not offer the join link. The online location
    points to the notice page instead, so the attendance mode still matches it."""
    called_off_online = 0
    for m in model.meetings:
        for lang in LANGS:
            page = html(example_site, lang, f"meetings/{m.slug}/")
            data, online = jsonld(page), m.get(lang, "online")
            if not m.is_called_off or not online:
                continue
            called_off_online += 1
            assert online["url"] not in json.dumps(data), f"{m.slug} {lang}"
            (virtual,) = [loc for loc in (data["location"] if isinstance(data["location"], list)
                                          else [data["location"]]) if loc["@type"] == "VirtualLocation"]
            assert virtual["url"] == data["url"] == HOST + ("" if lang == "en" else "es/") + f"meetings/{m.slug}/"
            assert data["eventStatus"] == "https://schema.org/" + EXPECTED_STATUS[m.status]
    assert called_off_online, "the example has a cancelled meeting that could have been joined online"


def test_json_ld_cannot_be_broken_out_of(project, tmp_path):
    project.write("content/en/meetings/2026-12-08-alder-sac.md", """
        ---
        title: "Budget </script><script>alert(1)</script>"
        body: alder-elementary-site-advisory-council
        start: 2026-12-08 17:30
        end: "19:00"
        location:
          place: Library
        notice_posted: 2026-12-01 09:00
        ---
        """)
    site = build(project.root, site_dir=tmp_path / "out", now=EXAMPLE_NOW).site_dir
    page = html(site, "en", "meetings/2026-12-08-alder-sac/")
    assert "<script>alert" not in page
    assert jsonld(page)["name"].startswith("Budget </script>")


def test_month_calendars_exist_for_months_with_meetings_and_this_month_only(example_site, model):
    months = sorted({m.month_key for m in model.meetings} | {"2026-11"})
    for lang in LANGS:
        prefix = "" if lang == "en" else f"{lang}/"
        found = sorted(p.name for p in (example_site / prefix / "meetings/calendar").iterdir() if p.is_dir())
        assert found == months
    page = html(example_site, "es", "meetings/calendar/2026-12/")
    doc = parse(page)
    table = doc.find(".//table")
    assert "".join(table.find("caption").itertext()).startswith("diciembre de 2026")
    heads = table.findall("./thead/tr/th")
    assert len(heads) == 7 and all(th.get("scope") == "col" for th in heads)
    assert "".join(heads[0].itertext()) == "dom"  # a US district: weeks start on Sunday
    links = [a.get("href") for a in table.iter("a")]
    assert "../../2026-12-16-chavez-sac/" in links  # cancelled meetings stay on the calendar
    assert len(links) == 6  # 5 meetings, and where the Sierra Vista meeting was (see below)
    nav = doc.find(".//nav[@class='month-nav']")
    assert [a.get("rel") for a in nav.iter("a") if a.get("rel")] == ["prev", "next"]
    assert "noviembre de 2026" in "".join(nav.itertext()) and "enero de 2027" in "".join(nav.itertext())
    first = parse(html(example_site, "en", f"meetings/calendar/{months[0]}/"))
    assert [a.get("rel") for a in first.find(".//nav[@class='month-nav']").iter("a") if a.get("rel")] == ["next"]
    index = html(example_site, "en", "meetings/calendar/")
    assert 'aria-current="date"' in index and "November 2026" in index


def test_flyer_has_every_language_side_by_side_with_its_lang(example_site):
    for lang, other in (("en", "es"), ("es", "en")):
        doc = parse(html(example_site, lang, "meetings/2026-12-08-lincoln-sac/flyer/"))
        halves = doc.findall(".//section[@class='flyer__half']")
        assert [h.get("lang") for h in halves] == [lang, other]
        text = {h.get("lang"): "".join(h.itertext()) for h in halves}
        assert "Tuesday, December 8, 2026" in text["en"] and "Agenda" in text["en"]
        assert "martes, 8 de diciembre de 2026" in text["es"] and "Biblioteca de la escuela" in text["es"]
        assert "Cuándo" in text["es"] and "When" in text["en"]


def test_documents_show_type_and_size_and_local_files_are_published(example_site):
    page = html(example_site, "es", "meetings/2026-12-08-lincoln-sac/")
    pdf = example_site / "files/2026-12-08-lincoln-sac-agenda.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    size = round(pdf.stat().st_size / 1000)
    assert 'href="../../../files/2026-12-08-lincoln-sac-agenda.pdf"' in page
    assert f"(agenda, PDF, {size} kB)" in page
    external = html(example_site, "en", "meetings/2026-11-19-district-advisory-council/")
    assert 'href="https://www.cde.ca.gov/ci/gs/hs/ccspp.asp"' in external
    assert "(document, on another website)" in external


def test_meeting_page_gives_place_map_link_supports_and_accommodation_deadline(example_site):
    page = html(example_site, "en", "meetings/2026-12-08-lincoln-sac/")
    assert "1200 Alder Street, Valle Verde, CA 95301" in page
    assert 'href="https://www.openstreetmap.org/search?query=1200%20Alder%20Street' in page
    assert "<script src=" in page and "openstreetmap.org/" not in "".join(re.findall(r"<script[^>]*>", page))
    assert "contact María Elena Vargas by Friday, December 4, 2026" in page
    assert "Childcare provided" in page and "Food provided" in page and "Interpretation: Spanish" in page
    assert '<time datetime="2026-12-08T17:30:00-08:00">' in page
    assert "Pacific Standard Time" in page


def text_of(element) -> str:
    return "".join(element.itertext())


def test_a_moved_meetings_old_date_says_where_it_went(example_site):
    """Sierra Vista's December 10 meeting moved to the 15th: the 10th says so, with a link."""
    for lang, short, words in (("en", "Moved to Dec 15, 2026, 5:30", "Moved to Tuesday, December 15, 2026, 5:30"),
                               ("es", "Se cambió al 15 dic 2026, 5:30", "Se cambió al martes, 15 de diciembre de 2026, 5:30")):
        doc = parse(html(example_site, lang, "meetings/calendar/2026-12/"))
        cells = {text_of(td.find("./span")): td for td in doc.iter("td") if td.find("./span") is not None}
        old = cells["10"]
        (link,) = old.findall(".//a")
        assert link.get("href") == "../../2026-12-10-sierra-vista-sac/"
        assert short in text_of(link) and "Sierra Vista" in text_of(link)
        assert "month-grid__day--busy" in old.get("class")
        new = cells["15"]
        assert [a.get("href") for a in new.iter("a")] == ["../../2026-12-10-sierra-vista-sac/"]
        assert "Moved to" not in text_of(new) and "Se cambió" not in text_of(new)
        # The list of days (phones) has the 10th too.
        days = {d.find("./h3/time").get("datetime"): d for d in doc.findall(".//ol[@class='month-list__days']/li")}
        assert words in text_of(days["2026-12-10"])
        assert days["2026-12-10"].find(".//a").get("href") == "../../2026-12-10-sierra-vista-sac/"


def test_meeting_headings_have_no_trailing_space(example_site, model):
    for m in model.meetings:
        for lang in LANGS:
            doc = parse(html(example_site, lang, f"meetings/{m.slug}/"))
            h1 = text_of(doc.find(".//h1"))
            assert h1 == h1.strip(), f"{lang} {m.slug}: {h1!r}"
    doc = parse(html(example_site, "en", "meetings/"))
    for title in doc.iter("h3"):
        if "card__title" in (title.get("class") or ""):
            assert text_of(title) == text_of(title).strip()


def test_minutes_are_headed_once_and_only_when_staff_say_so(example_site, model):
    held = [m for m in model.meetings if m.is_past]
    assert held
    for m in held:
        for lang in LANGS:
            doc = parse(html(example_site, lang, f"meetings/{m.slug}/"))
            notes = doc.find(".//section[@aria-labelledby='notes']")
            heading = text_of(notes.find("./h2"))
            minutes = {"en": "Minutes", "es": "Acta"}[lang]
            assert heading == (minutes if m.get("en", "minutes") else {"en": "Notes", "es": "Notas"}[lang])
            inner = [text_of(h) for h in notes.iter() if h.tag in ("h2", "h3", "h4")][1:]
            assert heading not in inner and minutes not in inner, f"{lang} {m.slug} repeats its heading"
    assert model.items["meetings"]["2026-11-10-lincoln-sac"].get("en", "minutes") is True
    assert not model.items["meetings"]["2026-10-15-community-presentation"].get("en", "minutes")


def later_site(project, tmp_path, now: str, name: str = "out") -> Path:
    return build(project.root, site_dir=tmp_path / name, now=now).site_dir


def test_ended_notice_and_minutes_heading_after_the_date(project, tmp_path):
    path = "content/en/meetings/2026-12-08-alder-sac.md"
    text = (project.root / path).read_text()
    # Notes written before the meeting are not minutes just because the day has passed.
    assert text.endswith("---\n")
    project.write(path, text + "Bring a neighbour.\n")
    site = later_site(project, tmp_path, "2026-12-09 12:00", "held")
    doc = parse(html(site, "en", "meetings/2026-12-08-alder-sac/"))
    ended = doc.find(".//*[@data-meeting-ended]")
    assert ended is not None and ended.get("hidden") is None
    assert "This meeting has ended." in text_of(ended)
    assert text_of(doc.find(".//h2[@id='notes']")) == "Notes"

    project.write(path, (project.root / path).read_text().replace("notice_posted:", "minutes: true\nnotice_posted:"))
    site = later_site(project, tmp_path, "2026-12-09 12:00", "minutes")
    assert text_of(parse(html(site, "es", "meetings/2026-12-08-alder-sac/")).find(".//h2[@id='notes']")) == "Acta"

    for status in ("cancelled", "postponed"):
        project.write(path, text.replace("start:", f"status: {status}\nstart:") + "We will meet in January.\n")
        site = later_site(project, tmp_path, "2026-12-09 12:00", status)
        for lang in LANGS:
            page = html(site, lang, "meetings/2026-12-08-alder-sac/")
            assert "data-meeting-ended" not in page, f"a {status} meeting never 'ended'"
            assert "This meeting has ended." not in page and "Esta reunión ya terminó." not in page
            heading = text_of(parse(page).find(".//h2[@id='notes']"))
            assert heading == {"en": "Notes", "es": "Notas"}[lang]


def test_agenda_items_are_inline_markdown_sanitised_and_marked_untranslated(project, tmp_path):
    path = "content/en/meetings/2026-12-08-alder-sac.md"
    text = (project.root / path).read_text()
    project.write(path, text.replace(
        "  - Welcome\n",
        "  - Welcome\n  - \"**Vote** on the [budget](https://example.org/budget.pdf)\"\n"
        "  - \"Safety <script>alert(1)</script> *walk*\"\n"))
    site = later_site(project, tmp_path, EXAMPLE_NOW)
    for lang in LANGS:
        for page_path in ("meetings/2026-12-08-alder-sac/", "meetings/2026-12-08-alder-sac/flyer/"):
            page = html(site, lang, page_path)
            agendas = parse(page).findall(".//ol[@class='agenda']")
            assert agendas, page_path
            for agenda in agendas:
                items = agenda.findall("./li")
                assert text_of(items[1]) == "Vote on the budget"
                assert text_of(items[1].find("./strong")) == "Vote"
                link = items[1].find("./a")
                assert link.get("href") == "https://example.org/budget.pdf" and text_of(link) == "budget"
                assert text_of(items[2].find("./em")) == "walk"
            assert "<script>alert" not in page and "**" not in text_of(agendas[0])
    # The Spanish file has no agenda of its own: the English one is shown, marked as English.
    es = parse(html(site, "es", "meetings/2026-12-08-alder-sac/"))
    assert es.find(".//ol[@class='agenda']").get("lang") == "en"


def test_school_page_lists_more_upcoming_meetings_after_the_next(project, tmp_path):
    """The school page shows the next meeting and up to three more upcoming ones."""
    base = (project.root / "content/en/meetings/2026-12-08-alder-sac.md").read_text()
    for day in ("2027-01-12", "2027-02-09", "2027-03-09", "2027-04-13", "2027-05-11"):
        project.write(f"content/en/meetings/{day}-alder-sac.md",
                      base.replace("2026-12-08", day).replace("2026-12-01", day[:8] + "01"))
    site = later_site(project, tmp_path, EXAMPLE_NOW)
    for lang in LANGS:
        doc = parse(html(site, lang, "schools/alder-elementary/"))
        box = doc.find(".//*[@data-next-meeting]")
        candidates = box.findall("./div")
        assert card_links(candidates[0]) == ["2026-12-08-alder-sac"]
        assert len(candidates) == 6, "every upcoming meeting, for the browser to fall back on"
        later = doc.find(".//*[@data-next-later]")
        assert later.get("hidden") is None
        assert text_of(later.find("./h3")) == {"en": "More upcoming meetings", "es": "Más reuniones próximas"}[lang]
        shown = [d for d in later.findall(".//div[@data-later-candidate]") if d.get("hidden") is None]
        assert [card_links(d)[0] for d in shown] == ["2027-01-12-alder-sac", "2027-02-09-alder-sac",
                                                     "2027-03-09-alder-sac"]


def test_the_preview_on_the_clock_catches_up_every_hour(project, monkeypatch):
    """`portal serve` without --now: the same content generated an hour later uses the new
    time (a meeting that has ended is past), while a fixed --now is cached exactly."""
    from datetime import datetime, timezone

    import generator.site.project as gp

    clock = [datetime(2026, 12, 8, 10, 5, tzinfo=timezone.utc)]
    real = gp.resolve_now
    import os

    def fake_now(now=None):  # the clock, unless --now or SOURCE_DATE_EPOCH fix it
        return real(now) if now is not None or os.environ.get("SOURCE_DATE_EPOCH") else clock[0]

    monkeypatch.setattr(gp, "resolve_now", fake_now)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    slug = "2026-12-08-alder-sac"  # ends 2026-12-08 19:00 in Valle Verde: 2026-12-09 03:00 UTC
    first = gp.generate(project.root)
    assert not first.site.items["meetings"][slug].is_past
    clock[0] = datetime(2026, 12, 8, 10, 55, tzinfo=timezone.utc)
    assert gp.generate(project.root).site is first.site, "within the hour: cached"
    clock[0] = datetime(2026, 12, 9, 4, 1, tzinfo=timezone.utc)
    later = gp.generate(project.root)
    assert later.site is not first.site and later.site.items["meetings"][slug].is_past
    fixed = gp.generate(project.root, now="2026-12-01 12:00")
    assert gp.generate(project.root, now="2026-12-01 12:00").site is fixed.site
    assert gp.generate(project.root, now="2026-12-01 12:01").site is not fixed.site
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000000")
    epoch = gp.generate(project.root)
    assert gp.generate(project.root).site is epoch.site
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000060")
    assert gp.generate(project.root).site is not epoch.site, "another SOURCE_DATE_EPOCH is another build"
