"""The theme's texts say nothing about a district that only its own content can say, and read
well with any district's name: "Escuelas Consolidadas de Socorro" takes no article or
preposition glued before it ("del Escuelas...", "de Escuelas..." would need "las")."""
from __future__ import annotations

import re

import pytest

from generator.core.i18n import MESSAGES_DIR, catalogue

LANGS = [p.stem for p in sorted(MESSAGES_DIR.glob("*.yml"))]
# What the old texts claimed of every district: every school a community school with a coordinator.
CLAIMS = re.compile(r"every school in|is a community school|has a community school coordinator|"
                    r"our community schools|todas las escuelas de|son escuelas comunitarias|"
                    r"nuestras escuelas comunitarias|mọi trường trong", re.I)
GLUED = re.compile(r"\b(de|del|el|la|las|los|en)\s+\{district\}", re.I)


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_claims_anything_of_every_school(lang):
    claims = {key: text for key, text in catalogue(lang, MESSAGES_DIR).items()
              if isinstance(text, str) and CLAIMS.search(text)}
    assert claims == {}


@pytest.mark.parametrize("lang", ["es"])
def test_no_spanish_text_puts_a_word_before_the_districts_name(lang):
    glued = {key: text for key, text in catalogue(lang, MESSAGES_DIR).items()
             if isinstance(text, str) and GLUED.search(text)}
    assert glued == {}
