"""schema.org Event data (JSON-LD) for a meeting page, so search engines show the right status."""
from __future__ import annotations

import json
import re

from markupsafe import Markup

from generator.content.model import Meeting
from generator.derive.meeting_text import Words, page_url
from generator.derive.views import lang_prefix

STATUS = {"scheduled": "EventScheduled", "cancelled": "EventCancelled",
          "rescheduled": "EventRescheduled", "postponed": "EventPostponed"}
MODE = {"offline": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
        "mixed": "MixedEventAttendanceMode"}
_ADDRESS = re.compile(r"\s*(?P<street>[^,]+),\s*(?P<city>[^,]+),\s*(?P<region>[A-Z]{2})\s+(?P<zip>\d{5}(?:-\d{4})?)\s*")


def postal_address(m: Meeting) -> dict | str | None:
    """A PostalAddress: the school's, or the meeting's "street, city, ST 12345" when it parses."""
    loc = m.get(m.site.default, "location") or {}
    if not loc.get("address") and m.school is not None:
        a = m.school.get(m.site.default, "address")
        street, city, region, zip_ = a["street"], a["city"], a["state"], a["postal_code"]
    else:
        text = m.address
        match = _ADDRESS.fullmatch(text or "")
        if not match:
            return text
        street, city, region, zip_ = match["street"], match["city"], match["region"], match["zip"]
    return {"@type": "PostalAddress", "streetAddress": street, "addressLocality": city,
            "addressRegion": region, "postalCode": zip_, "addressCountry": "US"}


def join_url(m: Meeting, online: dict, lang: str) -> str:
    """Where the online meeting is: its join link, or once cancelled or postponed the notice
    page, which says so (as the description then gives no join details either). The
    VirtualLocation stays, so the attendance mode (online or mixed) still matches the locations,
    as schema.org and search engines expect, but no search result offers a link to join a
    meeting that will not be held."""
    return page_url(m.site, m, lang) if m.is_called_off else online["url"]


def event(m: Meeting, words: Words) -> dict:
    site, lang = m.site, words.lang
    title = m.get(lang, "title")
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": words.title(m),
        "description": words.description(m).split("\n\n" + page_url(site, m, lang))[0],
        "startDate": m.start.isoformat(),
        "endDate": m.end.isoformat(),
        "eventStatus": "https://schema.org/" + STATUS[m.status],
        "eventAttendanceMode": "https://schema.org/" + MODE[m.attendance_mode],
        "inLanguage": getattr(title, "lang", None) or lang,
        "url": page_url(site, m, lang),
        "isAccessibleForFree": True,
    }
    if m.status == "rescheduled" and m.previous_start:
        data["previousStartDate"] = m.previous_start.isoformat()
    places = []
    loc = m.get(lang, "location")
    if loc is not None:
        place = {"@type": "Place", "name": ", ".join(str(loc[k]) for k in ("place", "room") if loc.get(k))
                 or words.name(m)}
        address = postal_address(m)
        if address:
            place["address"] = address
        places.append(place)
    online = m.get(lang, "online")
    if online:
        places.append({"@type": "VirtualLocation", "url": join_url(m, online, lang)})
    data["location"] = places[0] if len(places) == 1 else places
    settings = site.settings
    district = {"@type": "Organization", "name": settings.localized(settings.district_name, lang),
                "url": settings.site_url + lang_prefix(site, lang)}
    if m.school is not None:
        s = m.school
        data["organizer"] = {"@type": "Organization", "name": str(s.title(lang)),
                             "url": settings.site_url + lang_prefix(site, lang) + s.path,
                             "parentOrganization": district}
    else:
        data["organizer"] = district
    return data


def script_json(data: dict) -> Markup:
    """JSON safe inside <script type="application/ld+json">: no "</script>" can end it early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
