"""The schools directory: find a school by grade level or by service.

It works without JavaScript: besides ``/schools/`` (every school), each
language gets server-rendered pages that the directory's filter links lead to:

* ``/schools/services/``: the services finder, every service with the schools
  that offer it;
* ``/schools/services/<service>/``: the schools offering one service
  (``food_pantry`` is ``/schools/services/food-pantry/``);
* ``/schools/levels/<band>/``: the schools teaching one band of grades.

With JavaScript, the same links filter ``/schools/`` in place, and grade
level and service combine (themes/portal/assets/portal.js, "school filter").

A school's grade bands come from its ``level``: a K-8 school teaches
elementary and middle grades, so it is listed under both.
"""
from __future__ import annotations

from generator.content.model import Site
from generator.derive.page import PageSpec

BAND_ORDER = ["early", "elementary", "middle", "high", "adult"]
LEVEL_BANDS = {
    "early": ["early"], "elementary": ["elementary"], "middle": ["middle"],
    "k8": ["elementary", "middle"], "high": ["high"], "k12": ["elementary", "middle", "high"],
    "adult": ["adult"],
}


def service_slug(service_id: str) -> str:
    """A service's name in web addresses: food_pantry -> food-pantry."""
    return service_id.replace("_", "-")


def service_path(service_id: str) -> str:
    return f"schools/services/{service_slug(service_id)}/"


def level_path(band: str) -> str:
    return f"schools/levels/{band}/"


def school_bands(school) -> list[str]:
    """The grade bands a school teaches, from its level."""
    return LEVEL_BANDS.get(school.get(school.site.default, "level"), [])


def schools_offering(site: Site, service_id: str) -> list:
    return [s for s in site.schools if service_id in s.service_ids()]


def schools_in_band(site: Site, band: str) -> list:
    return [s for s in site.schools if band in school_bands(s)]


def bands_in_use(site: Site) -> list[str]:
    """Grade bands that at least one school teaches, youngest first."""
    return [b for b in BAND_ORDER if schools_in_band(site, b)]


def services_in_use(site: Site) -> list[str]:
    """Services of the vocabulary that at least one school offers, in portal.yml's order."""
    return [sid for sid in site.settings.services if schools_offering(site, sid)]


def directory_pages(site: Site, messages_for) -> list[PageSpec]:
    """PAGE_PRODUCER: the services finder, a page per service and a page per grade band."""
    pages = []
    s = site.settings
    for lang in site.languages:
        t = messages_for(lang)
        pages.append(PageSpec(lang, "schools/services/index.md", "schools.html",
                              t("directory.services_title"), "directory", "schools",
                              params=(("view", "services"),), shows=("schools",)))
        for sid, service in s.services.items():
            label = s.localized(service.label, lang)
            pages.append(PageSpec(lang, f"schools/services/{service_slug(sid)}.md", "schools.html",
                                  t("directory.service_title", service=label), "directory",
                                  "schools", params=(("view", "service"), ("service", sid)),
                                  shows=("schools",)))
        for band in bands_in_use(site):
            pages.append(PageSpec(lang, f"schools/levels/{band}.md", "schools.html",
                                  t("directory.level_title", level=t(f"directory.bands.{band}")),
                                  "directory", "schools", params=(("view", "level"), ("level", band)),
                                  shows=("schools",)))
    return pages
