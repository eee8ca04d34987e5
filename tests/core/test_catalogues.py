"""Interface text: every key in every language, and no literal text in templates."""
from __future__ import annotations

import re

import pytest

from generator.core import yamlish
from generator.core.i18n import MESSAGES_DIR, THEME_DIR, catalogue
from support import REPO

LANGS = [entry["code"] for entry in yamlish.load((REPO / "portal.yml").read_text())[0]["languages"]]
TEMPLATES = sorted(p for p in THEME_DIR.rglob("*.html"))


def keys(lang):
    return set(catalogue(lang, MESSAGES_DIR))


def test_every_site_language_has_a_catalogue():
    for lang in LANGS:
        assert (MESSAGES_DIR / f"{lang}.yml").exists(), f"missing themes/portal/messages/{lang}.yml"


@pytest.mark.parametrize("lang", [p.stem for p in sorted(MESSAGES_DIR.glob("*.yml"))])
def test_catalogue_has_every_key_of_every_other(lang):
    mine = keys(lang)
    for other in MESSAGES_DIR.glob("*.yml"):
        missing = keys(other.stem) - mine
        assert not missing, f"{lang}.yml lacks {sorted(missing)} (present in {other.name})"
        empty = [k for k, v in catalogue(lang, MESSAGES_DIR).items() if not v.strip()]
        assert not empty, f"{lang}.yml has empty messages: {empty}"


def test_placeholders_match_across_languages():
    base = catalogue("en", MESSAGES_DIR)
    for path in MESSAGES_DIR.glob("*.yml"):
        for key, text in catalogue(path.stem, MESSAGES_DIR).items():
            if key.startswith("format."):
                continue
            want = set(re.findall(r"{(\w+)}", base.get(key, "")))
            got = set(re.findall(r"{(\w+)}", text))
            assert got == want, f"{path.name} {key}: placeholders {got} but en has {want}"


def test_every_key_used_by_templates_exists():
    used = set()
    for tpl in TEMPLATES:
        used |= set(re.findall(r"""\btn?\(\s*['"]([a-z0-9_.]+)['"]""", tpl.read_text()))
    used = {k for k in used if not k.endswith(".")}  # dynamic keys: see the next test
    assert used
    for lang in LANGS:
        missing = used - keys(lang)
        assert not missing, f"{lang}.yml lacks keys used in templates: {sorted(missing)}"


def test_every_choice_in_the_schema_has_a_label_in_every_language():
    from generator.content import schema

    families = {
        "levels": schema.SCHOOL_LEVELS, "roles": schema.PERSON_ROLES,
        "groups": schema.MEETING_GROUPS, "status": schema.MEETING_STATUSES,
        "document_kinds": schema.DOCUMENT_KINDS, "grant_kinds": schema.GRANT_KINDS,
        "milestone_status": schema.MILESTONE_STATUSES + ["late"], "steps": ["1", "2", "3", "4"],
        "nav": ["schools", "meetings", "people", "grants", "news"],
    }
    for lang in LANGS:
        for prefix, choices in families.items():
            missing = {f"{prefix}.{c}" for c in choices} - keys(lang)
            assert not missing, f"{lang}.yml lacks {sorted(missing)}"


def visible_text(template: str) -> str:
    """What a template would print besides Jinja output: its literal text."""
    text = re.sub(r"{#.*?#}", " ", template, flags=re.S)
    text = re.sub(r"{%.*?%}", " ", text, flags=re.S)
    text = re.sub(r"{{.*?}}", " ", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text, flags=re.S)
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    return text


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.relative_to(THEME_DIR).as_posix())
def test_templates_hold_no_literal_text(template):
    leftovers = re.findall(r"[^\W\d_]{2,}", visible_text(template.read_text()))
    assert not leftovers, f"literal text in {template.name}: {leftovers[:10]} (use t('...'))"


def test_templates_hold_no_literal_text_in_attributes():
    for tpl in TEMPLATES:
        for attr, value in re.findall(r'\s(aria-label|title|alt|placeholder)="([^"]*)"', tpl.read_text()):
            assert "{{" in value or not re.search(r"[^\W\d_]{2,}", value), f"{tpl.name}: {attr}={value!r}"


def test_the_literal_text_check_can_fail():
    assert re.findall(r"[^\W\d_]{2,}", visible_text("<p>{{ t('x') }} Hello</p>")) == ["Hello"]


def test_every_singular_message_has_its_plural_and_is_chosen_by_count():
    from generator.core.i18n import Messages

    for path in MESSAGES_DIR.glob("*.yml"):
        cat = catalogue(path.stem, MESSAGES_DIR)
        lonely = [k for k in cat if k.endswith("_one") and k[:-4] not in cat]
        assert not lonely, f"{path.name}: {lonely} have no plural form (the key without _one)"
    es = Messages("es", "en")
    assert es.plural("milestones.timeline_planned", 1) == "1 planificada"
    assert es.plural("milestones.timeline_planned", 2) == "2 planificadas"
    assert es.plural("milestones.timeline_planned", 0) == "0 planificadas"
    assert Messages("en", "en").plural("dashboard.total_funding", 1) == "awarded in 1 grant"
