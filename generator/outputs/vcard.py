"""Contact cards: a vCard (.vcf) per person, to save a coordinator's contact on a phone.

Published at ``/people/<slug>.vcf`` for the default language and at
``/<lang>/people/<slug>.vcf`` for another language when its card says
something different (the job title, role, office hours or notes are
written in that language); otherwise that language's pages link to the
default language's card.

vCard 3.0 (RFC 2426), the version every phone imports: CRLF line ends, lines
folded at 75 octets, ``\\ , ; newline`` escaped.
"""
from __future__ import annotations

import uuid
import weakref

from generator.content.model import Item, Site
from generator.core.i18n import Formatter, Messages
from generator.core.plaintext import line_safe_text
from generator.derive.views import lang_prefix
from generator.outputs.file import OutputFile

_CARDS: "weakref.WeakKeyDictionary[Site, dict]" = weakref.WeakKeyDictionary()


def card_rel(person: Item) -> str:
    return f"people/{person.slug}.vcf"


def escape(text: str) -> str:
    """A TEXT value of RFC 2426, complete by construction: ``line_safe_text`` leaves no line end
    but ``\\n`` and no control character but tab (allowed in vCard text), and the four
    characters with a meaning in a value (``\\ , ; newline``) are then escaped."""
    return (line_safe_text(text).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def phone_uri(value: str) -> str:
    digits = "".join(ch for ch in str(value) if ch.isdigit() or ch == "+")
    if not digits.startswith("+") and len(digits) == 10:
        digits = "+1" + digits  # a North American number written without the country code
    return digits


def _name_parts(name: str) -> tuple[str, str]:
    """(family, given) for the N property: the last word, and the words before it."""
    words = name.split()
    if len(words) < 2:
        return name, ""
    return words[-1], " ".join(words[:-1])


def render(site: Site, person: Item, lang: str, with_url: bool = True) -> str:
    """The person's card in one language."""
    t = Messages(lang, site.default)
    fmt = Formatter(lang, None, t, **site.settings.formatting(lang))
    s = site.settings
    name = str(person.get(lang, "name"))
    role = person.get(lang, "role")
    role_label = t(f"roles.{role}") if t.has(f"roles.{role}") else role
    title = person.get(lang, "job_title") or role_label
    family, given = _name_parts(name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, s.site_url + 'people/' + person.slug)}",
        f"N:{escape(family)};{escape(given)};;;",
        f"FN:{escape(name)}",
        f"TITLE:{escape(title)}",
        f"ROLE:{escape(role_label)}",
        f"ORG:{escape(s.localized(s.district_name, lang))}",
    ]
    if person.get(lang, "email"):
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{escape(person.get(lang, 'email'))}")
    if person.get(lang, "phone"):
        lines.append(f"TEL;TYPE=WORK,VOICE:{escape(phone_uri(person.get(lang, 'phone')))}")
    notes = []
    schools = [str(sc.get(lang, "name")) for sc in person.schools_served]
    if schools:
        notes.append(f"{t('people.schools')}: {', '.join(schools)}")
    if person.get(lang, "office_hours"):
        notes.append(f"{t('people.office_hours')}: {person.get(lang, 'office_hours')}")
    languages = person.get(lang, "languages") or []
    if languages:
        notes.append(f"{t('people.languages')}: {', '.join(fmt.language_name(c) for c in languages)}")
    if notes:
        lines.append(f"NOTE:{escape(chr(10).join(notes))}")
    if with_url:
        lines.append(f"URL:{line_safe_text(s.site_url + lang_prefix(site, lang) + person.path)}")
    lines.append("END:VCARD")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def cards(site: Site) -> dict[tuple[str, str], str]:
    """(slug, lang) -> the language whose card that language's pages offer."""
    cached = _CARDS.get(site)
    if cached is not None:
        return cached
    out = {}
    for person in site.items.get("people", {}).values():
        base = render(site, person, site.default, with_url=False)
        for lang in site.languages:
            same = lang == site.default or render(site, person, lang, with_url=False) == base
            out[(person.slug, lang)] = site.default if same else lang
    _CARDS[site] = out
    return out


def card_path(site: Site, person: Item, lang: str) -> str:
    """The card's path from the site root, for a page in ``lang``, e.g. es/people/ana.vcf."""
    used = cards(site).get((person.slug, lang), site.default)
    return lang_prefix(site, used) + card_rel(person)


def vcard_files(site: Site, messages_for) -> list[OutputFile]:
    """FILE_PRODUCER: one card per person, plus one per language whose card differs."""
    out = []
    chosen = cards(site)
    for person in site.items.get("people", {}).values():
        for lang in site.languages:
            if chosen[(person.slug, lang)] == lang:
                out.append(OutputFile(card_rel(person), render(site, person, lang), lang,
                                      f"vcard {person.slug}"))
    return out
