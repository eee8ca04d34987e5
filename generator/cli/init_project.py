"""``portal init DIR``: a new project that builds, for a district to make its own.

It writes a commented ``portal.yml`` (every setting, from generator.content.settings_schema)
and one example of each kind of content in each language, written from the schema by the
same code as ``portal new`` (generator.cli.scaffold). It only ever writes into an empty or new
folder, so it cannot overwrite or lose a file.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from generator.cli.mark import mark
from generator.cli.scaffold import ScaffoldError, front_matter
from generator.content.pipeline import build_site
from generator.cli.settings_docs import commented_settings
from generator.content.schema import CONTENT_TYPES
from generator.content.settings_schema import SETTINGS

EXAMPLE_SCHOOL = "example-school"


EXAMPLE_COUNCIL = f"{EXAMPLE_SCHOOL}-site-advisory-council"


def _examples(today: date) -> dict[str, dict[str, dict]]:
    """For each kind: the file name, the facts, and the words in each language (en, es)."""
    start = datetime(today.year + 1, 1, 14, 17, 30)
    return {
        "school": {"name": EXAMPLE_SCHOOL, "facts": {
            "level": "elementary", "grades": "TK-5", "coordinator": "example-coordinator",
            "phone": "(555) 010-0000", "services": [{"id": "food_pantry"}],
            "address": {"street": "REPLACE 100 Main Street", "city": "REPLACE", "state": "CA",
                        "postal_code": "95301"}},
            "en": {"name": "REPLACE Example Elementary School", "short_name": "Example"},
            "es": {"name": "REEMPLACE Escuela Primaria de Ejemplo", "short_name": "Ejemplo"}},
        "person": {"name": "example-coordinator", "facts": {
            "name": "REPLACE Coordinator Name", "role": "coordinator", "email": "replace-me@example.org",
            "languages": ["en", "es"], "schools": [EXAMPLE_SCHOOL]},
            "en": {"job_title": "Community School Coordinator"},
            "es": {"job_title": "Coordinadora de escuela comunitaria"}},
        "council": {"name": EXAMPLE_COUNCIL, "facts": {
            "school": EXAMPLE_SCHOOL, "kind": "site_advisory_council"},
            "en": {"name": "REPLACE Example Site Advisory Council",
                   "schedule": "REPLACE Second Tuesday of each month, 5:30 to 7:00 pm",
                   "how_to_join": "REPLACE Any parent or caregiver can join: tell the coordinator."},
            "es": {"name": "REEMPLACE Consejo Asesor Escolar de Ejemplo",
                   "schedule": "REEMPLACE Segundo martes de cada mes, de 5:30 a 7:00 p. m.",
                   "how_to_join": "REEMPLACE Cualquier madre, padre o cuidador puede participar: "
                                  "dígaselo a la coordinadora."}},
        "meeting": {"name": f"{start:%Y-%m-%d}-{EXAMPLE_SCHOOL}-sac", "facts": {
            "body": EXAMPLE_COUNCIL, "kind": "regular",
            "start": start, "end": datetime(start.year, 1, 14, 19, 0), "status": "scheduled",
            "notice_posted": datetime(today.year, today.month, today.day, 9, 0),
            "location": {"address": "REPLACE 100 Main Street"}},
            "en": {"location": {"place": "REPLACE Library"}},
            "es": {"location": {"place": "REEMPLACE Biblioteca"}}},
        "grant": {"name": "example-grant", "facts": {
            "kind": "planning", "status": "applied", "amount": 200000,
            "schools": [EXAMPLE_SCHOOL]},
            "en": {"name": "REPLACE Example Planning Grant", "funder": "REPLACE Funder"},
            "es": {"name": "REEMPLACE Subvención de planificación de ejemplo",
                   "funder": "REEMPLACE Entidad financiadora"}},
        "news": {"name": "welcome", "facts": {"date": today, "schools": [EXAMPLE_SCHOOL]},
                 "en": {"title": "REPLACE Welcome to our community schools",
                        "summary": "REPLACE One or two sentences for lists and sharing."},
                 "es": {"title": "REEMPLACE Bienvenidos a nuestras escuelas comunitarias",
                        "summary": "REEMPLACE Una o dos frases para listas y redes."}},
        "home": {"name": "home", "facts": {"sections": ["next_meeting", "schools", "news", "pages"]},
                 "en": {"heading": "REPLACE Welcome to our schools",
                        "description": "REPLACE One or two sentences about the site, for search "
                                       "engines and sharing."},
                 "es": {"heading": "REEMPLACE Bienvenidos a nuestras escuelas",
                        "description": "REEMPLACE Una o dos frases sobre el sitio, para buscadores "
                                       "y redes."}},
        "page": {"name": "about", "facts": {"order": 10},
                 "en": {"title": "REPLACE About this site"},
                 "es": {"title": "REEMPLACE Acerca de este sitio"}},
    }


BODIES = {"en": "REPLACE this text with your own.\n", "es": "REEMPLACE este texto con el suyo.\n"}


def _merge(facts: dict, words: dict) -> dict:
    """A default-language file's values: the facts with the words of that language."""
    out = dict(facts)
    for name, value in words.items():
        out[name] = {**out.get(name, {}), **value} if isinstance(value, dict) else value
    return out


def init_project(folder: Path, today: date | None = None) -> list[Path]:
    """Write a new project into ``folder`` (new or empty); return the files written."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(f"{folder} is not an empty folder: 'portal init' writes only into a new "
                            "or empty folder, so that no file is overwritten; give a new folder")
    examples = _examples(today or date.today())
    missing = [t.name for t in CONTENT_TYPES.values() if t.name not in examples]
    if missing:  # a kind of content added without an example: the new project would lack it
        raise ScaffoldError("portal init has no example for: " + ", ".join(missing))
    languages = [l["code"] for l in next(s for s in SETTINGS if s.name == "languages").example]
    files = {folder / "portal.yml": commented_settings()}
    for ctype in CONTENT_TYPES.values():
        example = examples[ctype.name]
        default_rel = ctype.file_path(languages[0], example["name"])
        for lang in languages:
            if lang == languages[0]:
                text = front_matter(ctype, _merge(example["facts"], example[lang]), intro=[
                    f"An example {ctype.name} file: replace each value marked REPLACE, or delete the file."])
            else:
                text = front_matter(ctype, example[lang], facts_in=default_rel, intro=[
                    f"The {lang} words of {default_rel}."])
            path = folder / ctype.file_path(lang, example["name"])
            files[path] = text + BODIES.get(lang, BODIES["en"])
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as out:  # "x": never replaces a file
            out.write(text)
    _mark_translations(folder, languages[0])
    return list(files)


def _mark_translations(folder: Path, default: str) -> None:
    """Record that the example translations follow their source (as 'portal translations mark'
    would), so a change to the English text later flags them as outdated."""
    site, _ = build_site(folder.resolve(), drafts=True)
    translations = [folder.resolve() / src.path for item in site.all_items()
                    for lang, src in item.sources.items() if lang != default]
    mark(site, translations)
