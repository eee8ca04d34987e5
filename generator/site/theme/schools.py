"""Template helpers for schools, people and pictures (registered in generator.site.theme).

* ``image_data(image)``: what ``ui.picture`` needs to draw a processed photo
  (``<picture>`` with WebP and JPEG ``srcset``, width and height, alt text);
* ``portrait(person)``: a person's photo, or their initials avatar;
* ``vcard_url(person)``: the contact card offered on pages in this language;
* ``icon(name)`` / ``service_icon(service_id)``: inline SVG icons;
* ``directory()`` / ``directory_schools(params)`` / ``school_filters(school)``:
  the schools directory's filters and lists (generator.derive.directory);
* ``school_jsonld(school)``: schema.org data for a school page;
* ``meeting_contact(meeting)``: whom the school page's next-meeting card offers to call.
"""
from __future__ import annotations

from jinja2 import pass_context

from generator.content.images.image import ProcessedImage
from generator.content.images.library import avatar_for, image_for
from generator.content.model import Site
from generator.core.icons import render as render_icon
from generator.derive import directory as d
from generator.derive.views import View, lang_prefix
from generator.outputs.meeting_jsonld import script_json
from generator.outputs.vcard import card_path

SCHEMA_TYPES = {
    "early": "Preschool", "elementary": "ElementarySchool", "middle": "MiddleSchool",
    "k8": ["ElementarySchool", "MiddleSchool"], "high": "HighSchool",
    "k12": ["ElementarySchool", "MiddleSchool", "HighSchool"], "adult": "EducationalOrganization",
}


def picture_data(image: ProcessedImage, alt="", decorative: bool = False) -> dict:
    fallback = image.fallback
    return {
        "src": fallback.rel, "width": fallback.width, "height": fallback.height,
        "alt": "" if decorative else (alt or ""), "decorative": decorative or not alt,
        "type": fallback.media_type,
        "webp": [{"rel": v.rel, "width": v.width} for v in image.sources("webp")],
        "fallback": [{"rel": v.rel, "width": v.width} for v in image.sources(image.fallback_format)],
        "svg": image.fallback_format == "svg",
    }


def picture(site: Site, value) -> dict | None:
    """A content image field's value (src, alt, decorative), ready for ``ui.picture``."""
    if not value or not getattr(value, "get", None) or not value.get("src"):
        return None
    image = image_for(site, str(value["src"]))
    if image is None:
        return None
    return picture_data(image, value.get("alt"), bool(value.get("decorative")))


def portrait(site: Site, person) -> dict | None:
    """A person's photo, or their initials avatar (decorative: their name is beside it)."""
    item = person.item if isinstance(person, View) else person
    photo = person.photo if isinstance(person, View) else None
    if photo:
        data = picture(site, photo)
        if data:
            return data
    avatar = avatar_for(site, item)
    return picture_data(avatar, "", True) if avatar else None


def directory(site: Site, lang: str) -> dict:
    s = site.settings
    return {
        "total": len(site.schools),
        "bands": [{"id": b, "path": d.level_path(b), "count": len(d.schools_in_band(site, b))}
                  for b in d.bands_in_use(site)],
        "services": [{"id": sid, "label": s.localized(s.services[sid].label, lang),
                      "icon": s.services[sid].icon, "path": d.service_path(sid),
                      "count": len(d.schools_offering(site, sid))}
                     for sid in d.services_in_use(site)],
        "all_services": [{"id": sid, "label": s.localized(svc.label, lang), "icon": svc.icon,
                          "path": d.service_path(sid),
                          "schools": [View(x, lang) for x in d.schools_offering(site, sid)]}
                         for sid, svc in s.services.items()],
    }


def directory_schools(site: Site, lang: str, params: dict) -> list[View]:
    view = (params or {}).get("view")
    if view == "service":
        schools = d.schools_offering(site, params["service"])
    elif view == "level":
        schools = d.schools_in_band(site, params["level"])
    else:
        schools = site.schools
    return [View(x, lang) for x in schools]


def school_filters(school: View) -> dict:
    item = school.item
    return {"levels": " ".join(d.school_bands(item)), "services": " ".join(item.service_ids())}


def school_jsonld(site: Site, lang: str, t, school: View) -> dict:
    """schema.org ElementarySchool / MiddleSchool / HighSchool with the coordinator as contactPoint."""
    item = school.item
    s = site.settings
    base = s.site_url + lang_prefix(site, lang)
    address = item.get(lang, "address") or {}
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(item.get(lang, "level"), "School"),
        "@id": base + item.path + "#school",
        "name": str(item.get(lang, "name")),
        "url": base + item.path,
        "address": {"@type": "PostalAddress", "streetAddress": address.get("street"),
                    "addressLocality": address.get("city"), "addressRegion": address.get("state"),
                    "postalCode": address.get("postal_code"), "addressCountry": "US"},
        "parentOrganization": {"@type": "Organization", "name": s.localized(s.district_name, lang),
                               "url": base},
    }
    if item.get(lang, "phone"):
        data["telephone"] = item.get(lang, "phone")
    if item.get(lang, "website"):
        data["sameAs"] = item.get(lang, "website")
    photo = item.get(lang, "photo")
    image = image_for(site, str(photo["src"])) if photo else None
    if image is not None:
        data["image"] = s.site_url + image.largest().rel
    c = item.coordinator
    if c is not None:
        role = c.get(lang, "role")
        point = {"@type": "ContactPoint", "contactType": t(f"roles.{role}"),
                 "name": str(c.get(lang, "name")), "url": base + c.path}
        if c.get(lang, "email"):
            point["email"] = c.get(lang, "email")
        if c.get(lang, "phone"):
            point["telephone"] = c.get(lang, "phone")
        if c.get(lang, "languages"):
            point["availableLanguage"] = list(c.get(lang, "languages"))
        data["contactPoint"] = point
    return data


def meeting_contact(meeting: View) -> dict | None:
    """Whom a family calls about a meeting, as {name, phone}: the person named for
    accommodations, who can arrange interpretation or childcare; failing a phone number for
    them, the school's coordinator, who knows every meeting; failing that, the school office.
    None if nobody has a phone number, so the card offers no call at all."""
    supports = meeting.supports or {}
    ask = supports.get("accessibility_contact") or {}
    if ask.get("phone"):
        return {"name": ask["name"], "phone": ask["phone"]}
    school = meeting.school
    if school is None:
        return None
    for who in (school.coordinator, school):
        if who is not None and who.phone:
            return {"name": who.name, "phone": who.phone}
    return None


# -- Jinja wrappers: the page's site and language come from the template context ----------


def _site(ctx) -> Site:
    return ctx["portal"].site


@pass_context
def picture_global(ctx, value):
    return picture(_site(ctx), value)


@pass_context
def portrait_global(ctx, person):
    return portrait(_site(ctx), person)


@pass_context
def vcard_url(ctx, person):
    return card_path(_site(ctx), person.item, ctx["lang"])


@pass_context
def service_icon(ctx, service_id):
    return render_icon(_site(ctx).settings.services[service_id].icon)


@pass_context
def service_url(ctx, service_id):
    return lang_prefix(_site(ctx), ctx["lang"]) + d.service_path(service_id)


@pass_context
def directory_global(ctx):
    return directory(_site(ctx), ctx["lang"])


@pass_context
def directory_schools_global(ctx, params):
    return directory_schools(_site(ctx), ctx["lang"], params)


@pass_context
def school_jsonld_global(ctx, school):
    return script_json(school_jsonld(_site(ctx), ctx["lang"], ctx["portal"].t, school))


TEMPLATE_GLOBALS = {
    "image_data": picture_global, "portrait": portrait_global, "vcard_url": vcard_url,
    "icon": render_icon, "service_icon": service_icon, "service_url": service_url,
    "directory": directory_global, "directory_schools": directory_schools_global,
    "school_filters": school_filters, "school_jsonld": school_jsonld_global,
    "meeting_contact": meeting_contact,
}
