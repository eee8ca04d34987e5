"""A synthetic district of a chosen size, written as a portal project, from a fixed seed.

    .venv/bin/python benchmarks/synth.py --size district OUT_DIR

writes OUT_DIR/portal.yml and OUT_DIR/content/ in English and Spanish: schools with a
coordinator and a site advisory council each, a district council, monthly meetings over two
years around the benchmark's "now" (some cancelled or moved, past ones with minutes), grants
with milestones, news, pages, a home page and small JPEG photos. About 300 words an item from
fixed word lists; a few items (old meetings, some news, one page) stay untranslated. Only
``random.Random(seed)`` decides anything, never the clock: the same size and seed give the
same bytes. ``small`` is the repository's own example district, copied.
"""
from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import yaml
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.words import PLACES, body, person_name, phrase  # noqa: E402
from generator.content.schema import CONTENT_TYPES  # noqa: E402
from generator.content.tracking import HASH_FIELD, source_hash  # noqa: E402
from generator.core import yamlish  # noqa: E402

NOW = "2026-11-23 12:00"  # every benchmark build runs with --now NOW
FIRST_MONTH = date(2025, 12, 1)  # meetings run monthly from here, for meetings_per_school months
SEED = 14


@dataclass(frozen=True)
class Size:
    schools: int
    meetings_per_school: int
    news: int
    photos: int
    grants: int


SIZES: dict[str, Size | None] = {
    "tiny": Size(schools=3, meetings_per_school=4, news=4, photos=2, grants=1),  # for tests
    "small": None,  # the example district itself
    "district": Size(schools=50, meetings_per_school=24, news=60, photos=50, grants=5),
    "state": Size(schools=500, meetings_per_school=24, news=600, photos=500, grants=50),
}

LEVELS = (("elementary", "Elementary", "Primaria", "TK-5"), ("middle", "Middle", "Secundaria", "6-8"),
          ("high", "High", "Preparatoria", "9-12"), ("k8", "K-8", "Academia K-8", "K-8"))
SERVICES = ("food_pantry", "health_clinic", "dental_vision", "mental_health", "tutoring",
            "after_school", "childcare", "family_classes", "housing_help", "clothing",
            "legal_aid", "career")


class Writer:
    """Writes one project's files; translations get the source_hash of the English they follow."""

    def __init__(self, root: Path, rng: random.Random):
        self.root = root
        self.rng = rng

    def item(self, collection: str, slug: str, en: dict, en_body: str,
             es: dict | None = None, es_body: str | None = None) -> None:
        """content/en/<collection>/<slug>.md and, if ``es`` is given, its Spanish translation."""
        en_text = self._write("en", collection, slug, en, en_body)
        if es is None:
            return
        head, _ = en_text[4:].split("\n---\n", 1)
        data, _ = yamlish.load(head)
        source = SimpleNamespace(
            sources={"en": SimpleNamespace(data=data, body=en_body)},
            source_lang=lambda: "en", ctype=CONTENT_TYPES[collection])
        self._write("es", collection, slug, {**es, HASH_FIELD: source_hash(source)}, es_body or "")

    def _write(self, lang: str, collection: str, slug: str, data: dict, text: str) -> str:
        single = CONTENT_TYPES[collection].single
        path = self.root / "content" / lang / (f"{collection}.md" if single else f"{collection}/{slug}.md")
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
        out = f"---\n{front}---\n{text}"
        path.write_text(out, encoding="utf-8")
        return out

    def photo(self, name: str) -> str:
        """A small deterministic JPEG under content/images/; returns its path from content/."""
        rng = self.rng
        img = Image.new("RGB", (960, 600), tuple(rng.randrange(60, 200) for _ in range(3)))
        draw = ImageDraw.Draw(img)
        for _ in range(12):
            x, y = rng.randrange(0, 900), rng.randrange(0, 540)
            draw.rectangle((x, y, x + rng.randrange(40, 300), y + rng.randrange(40, 200)),
                           fill=tuple(rng.randrange(0, 256) for _ in range(3)))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=80)
        rel = f"images/{name}.jpg"
        path = self.root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(buf.getvalue())
        return rel


def settings(size_name: str) -> str:
    """The example's portal.yml with the synthetic district's name."""
    text = (REPO / "portal.yml").read_text(encoding="utf-8")
    text = text.replace("  en: Valle Verde Unified School District",
                        f"  en: Synthetic {size_name.title()} Unified School District")
    return text.replace("  es: Distrito Escolar Unificado de Valle Verde",
                        f"  es: Distrito Escolar Unificado Sintético {size_name.title()}")


def make_schools(w: Writer, size: Size) -> list[dict]:
    """Schools, their coordinators and councils; returns what meetings and news need of each."""
    rng = w.rng
    pairs = [(a, b) for a in PLACES for b in PLACES if a != b]
    rng.shuffle(pairs)
    school_photos = size.photos - size.photos // 5 if size.photos > 1 else size.photos
    schools = []
    for i in range(size.schools):
        level, en_level, es_level, grades = LEVELS[i % len(LEVELS)]
        short = f"{pairs[i][0]} {pairs[i][1]}"
        slug = f"{short} {level}".lower().replace(" ", "-")
        person = f"coordinator-{i:04d}"
        coordinator = person_name(rng)
        email = f"{person}@district.example.org"
        w.item("people", person, {
            "name": coordinator, "role": "coordinator",
            "job_title": f"Community School Coordinator, {short} {en_level}",
            "email": email, "phone": f"(555) 010-{i:04d}", "languages": ["en", "es"],
            "office_hours": "Monday to Friday, 8:00 am to 4:30 pm, in the family room.",
        }, body(rng, "en", 150), {
            "job_title": f"Coordinación de Escuela Comunitaria, {es_level} {short}",
            "office_hours": "De lunes a viernes, de 8:00 a. m. a 4:30 p. m., en el salón de familias.",
        }, body(rng, "es", 150))
        services = rng.sample(SERVICES, rng.randint(3, 6))
        en = {"name": f"{short} {en_level} School", "short_name": short, "level": level,
              "grades": grades,
              "address": {"street": f"{100 + i} {pairs[i][0]} Street", "city": "Valle Verde",
                          "state": "CA", "postal_code": "95301"},
              "phone": f"(555) 020-{i:04d}", "principal": person_name(rng), "coordinator": person,
              "services": [{"id": s, "details": phrase(rng, "en", 6, 12) + "."} for s in services]}
        es = {"name": f"Escuela {es_level} {short}", "short_name": short,
              "services": [{"id": s, "details": phrase(rng, "es", 6, 12) + "."} for s in services]}
        if i < school_photos:
            en["photo"] = {"src": w.photo(slug), "alt": f"The front of {short} {en_level} School"}
            es["photo"] = {"alt": f"La entrada de la Escuela {es_level} {short}"}
        w.item("schools", slug, en, body(rng, "en"), es, body(rng, "es"))
        council = f"{slug}-site-advisory-council"
        w.item("councils", council, {
            "name": f"{short} Site Advisory Council", "school": slug, "kind": "site_advisory_council",
            "schedule": "Once a month, 5:30 to 7:00 pm, in the school library",
            "how_to_join": f"Any family of a {short} student can join. Tell {coordinator} or come to a meeting.",
        }, body(rng, "en", 150), {
            "name": f"Consejo Asesor Escolar de {short}",
            "schedule": "Una vez al mes, de 5:30 a 7:00 p. m., en la biblioteca de la escuela",
            "how_to_join": f"Cualquier familia de {short} puede participar. Avísele a {coordinator}.",
        }, body(rng, "es", 150))
        schools.append({"slug": slug, "council": council, "coordinator": coordinator,
                        "email": email, "phone": f"(555) 010-{i:04d}"})
    return schools


def make_district_council(w: Writer) -> None:
    rng = w.rng
    w.item("people", "district-manager", {
        "name": person_name(rng), "role": "manager", "email": "manager@district.example.org",
        "phone": "(555) 010-1000", "languages": ["en", "es"],
    }, body(rng, "en", 150), {}, body(rng, "es", 150))
    w.item("councils", "district-advisory-council", {
        "name": "District Advisory Council", "kind": "district_council",
        "members": [{"role": "Chair", "person": "district-manager"}, {"role": "Parents and caregivers"}],
        "schedule": "Four times a year, 6:00 to 7:30 pm, at the District Office",
        "agenda": ["Grant spending and milestones", "Reports from each school's council"],
    }, body(rng, "en"), {
        "name": "Consejo Asesor del Distrito", "members": [{"role": "Presidencia"}, {"role": "Familias"}],
        "schedule": "Cuatro veces al año, de 6:00 a 7:30 p. m., en la Oficina del Distrito",
        "agenda": ["Gastos de la subvención y metas", "Informes del consejo de cada escuela"],
    }, body(rng, "es"))


def make_meetings(w: Writer, schools: list[dict], months: int) -> None:
    """Monthly meetings of every school's council, and the district council's every quarter."""
    now = datetime.strptime(NOW, "%Y-%m-%d %H:%M")
    bodies = [(s["council"], s, (i * 7) % 24 + 3) for i, s in enumerate(schools)]
    bodies.append(("district-advisory-council", None, 20))
    for council, school, day in bodies:
        for k in range(months):
            if school is None and k % 3:
                continue
            month = FIRST_MONTH.month - 1 + k
            start = datetime(FIRST_MONTH.year + month // 12, month % 12 + 1, day, 17, 30)
            meeting(w, council, school, start, k, now)


def meeting(w: Writer, council: str, school: dict | None, start: datetime, k: int,
            now: datetime) -> None:
    rng = w.rng
    slug = f"{start:%Y-%m-%d}-{council.removesuffix('-site-advisory-council')}"
    en: dict = {"body": council, "start": f"{start:%Y-%m-%d %H:%M}", "end": "19:00"}
    es: dict = {}
    if k % 11 == 5:
        en["status"] = "cancelled"
        en["status_note"] = "Cancelled because of the school holiday."
        es["status_note"] = "Se cancela por el día festivo de la escuela."
    elif k % 13 == 7:
        en["status"] = "rescheduled"
        en["previous_start"] = f"{start - timedelta(days=1):%Y-%m-%d %H:%M}"
    en["location"] = {"place": "School library"}
    es["location"] = {"place": "Biblioteca de la escuela"}
    if rng.random() < 0.3:
        en["online"] = {"url": f"https://meet.example.org/{slug}", "meeting_id": f"812 555 {k:04d}"}
    agenda = [rng.randint(3, 7) for _ in range(rng.randint(3, 6))]
    en["agenda"] = [phrase(rng, "en", n, n + 3) for n in agenda]
    es["agenda"] = [phrase(rng, "es", n, n + 3) for n in agenda]
    contact = school or {"coordinator": "District office", "email": "manager@district.example.org",
                         "phone": "(555) 010-1000"}
    en["supports"] = {"interpretation": ["es"], "childcare": rng.random() < 0.6,
                      "food": rng.random() < 0.5,
                      "accessibility_contact": {"name": contact["coordinator"], "email": contact["email"],
                                                "phone": contact["phone"]},
                      "request_days": 2}
    posted = f"{start - timedelta(days=14):%Y-%m-%d} 15:00"
    en["notice_posted"] = posted
    es["notice_posted"] = posted
    held = start + timedelta(hours=2) < now and en.get("status") != "cancelled"
    if held:
        en["minutes"] = True
    heading = ("Decisions", "Decisiones") if held else ("Before the meeting", "Antes de la reunión")
    en_body = body(rng, "en", heading=heading[0])
    es_body = body(rng, "es", heading=heading[1])
    translated = not (held and k % 8 == 3)  # a few old meetings never got their Spanish file
    w.item("meetings", slug, en, en_body, es if translated else None, es_body)


def make_grants(w: Writer, schools: list[dict], count: int) -> None:
    rng = w.rng
    per = max(1, len(schools) // count)
    for g in range(count):
        covered = [s["slug"] for s in schools[g * per:(g + 1) * per]] or [schools[0]["slug"]]
        milestones_en, milestones_es = [], []
        for j in range(8):
            due = date(2025 + j // 3, (j * 4) % 12 + 1, 28)
            ms = {"id": f"step-{j % 4 + 1}-milestone-{j + 1}", "title": phrase(rng, "en", 5, 10),
                  "step": j % 4 + 1, "due": due}
            if due < date(2026, 11, 1):
                ms |= {"status": "done", "completed": due - timedelta(days=5)}
            else:
                ms["status"] = "in_progress" if j % 2 else "planned"
            if j % 3 == 1:
                ms["school"] = covered[j % len(covered)]
            milestones_en.append(ms)
            milestones_es.append({"id": ms["id"], "title": phrase(rng, "es", 5, 10)})
        w.item("grants", f"community-schools-grant-{g + 1:03d}", {
            "name": f"Community Schools Grant {g + 1}", "funder": "State Department of Education",
            "programme": "CCSPP", "kind": "implementation", "status": "active",
            "amount": 500000 + 25000 * g, "currency": "USD", "awarded": date(2024, 5, 20),
            "period": {"start": date(2024, 7, 1), "end": date(2029, 6, 30)},
            "summary": phrase(rng, "en", 15, 25) + ".", "schools": covered,
            "milestones": milestones_en,
        }, body(rng, "en"), {
            "name": f"Subvención de Escuelas Comunitarias {g + 1}",
            "funder": "Departamento de Educación del Estado",
            "summary": phrase(rng, "es", 15, 25) + ".", "milestones": milestones_es,
        }, body(rng, "es"))


def make_news(w: Writer, schools: list[dict], size: Size) -> None:
    rng = w.rng
    first = date(2024, 9, 1)
    span = (date(2026, 11, 20) - first).days
    photos = size.photos // 5 if size.photos > 1 else 0
    for j in range(size.news):
        day = first + timedelta(days=span * j // max(1, size.news - 1))
        slug = f"{day:%Y-%m-%d}-news-{j + 1:04d}"
        en = {"title": phrase(rng, "en", 5, 9), "date": day, "author": person_name(rng),
              "summary": phrase(rng, "en", 15, 25) + ".",
              "schools": sorted({rng.choice(schools)["slug"] for _ in range(rng.randint(1, 3))})}
        es = {"title": phrase(rng, "es", 5, 9), "summary": phrase(rng, "es", 15, 25) + "."}
        if j < photos:
            en["image"] = {"src": w.photo(f"news-{j + 1:04d}"), "alt": "Families at a school event"}
            es["image"] = {"alt": "Familias en un evento de la escuela"}
        translated = j % 5 != 4
        w.item("news", slug, en, body(rng, "en"), es if translated else None, body(rng, "es"))


def make_pages(w: Writer) -> None:
    rng = w.rng
    pages = (("about", "About this site", "Acerca de este sitio"),
             ("how-to-join", "How to join a council", "Cómo unirse a un consejo"),
             ("four-pillars", "The four pillars", "Los cuatro pilares"),
             ("advisory-councils", "Advisory councils", None))
    for order, (slug, en_title, es_title) in enumerate(pages):
        w.item("pages", slug, {"title": en_title, "summary": phrase(rng, "en", 10, 15) + ".",
                               "order": 10 * (order + 1)}, body(rng, "en"),
               {"title": es_title, "summary": phrase(rng, "es", 10, 15) + "."} if es_title else None,
               body(rng, "es"))
    w.item("home", "home", {
        "heading": "Community schools in the district",
        "description": "Schools, coordinators, services, meetings, grants and news of the district.",
        "sections": ["next_meeting", "schools", "news", "pages"],
    }, body(rng, "en", 80), {
        "heading": "Escuelas comunitarias del distrito",
        "description": "Escuelas, coordinadores, servicios, reuniones, subvenciones y noticias del distrito.",
    }, body(rng, "es", 80))


def write_project(out: Path, size_name: str, seed: int = SEED) -> None:
    """Write the whole project for ``size_name`` into the empty (or missing) folder ``out``."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"synth: {out} is not empty; give a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    size = SIZES[size_name]
    if size is None:
        shutil.copy(REPO / "portal.yml", out / "portal.yml")
        shutil.copytree(REPO / "content", out / "content")
        return
    (out / "portal.yml").write_text(settings(size_name), encoding="utf-8")
    w = Writer(out, random.Random(seed))
    schools = make_schools(w, size)
    make_district_council(w)
    make_meetings(w, schools, size.meetings_per_school)
    make_grants(w, schools, size.grants)
    make_news(w, schools, size)
    make_pages(w)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=list(SIZES), default="district")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("out", type=Path, help="a new or empty folder")
    args = parser.parse_args(argv)
    write_project(args.out, args.size, args.seed)


if __name__ == "__main__":
    main()
