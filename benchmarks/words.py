"""Fixed word lists and a seeded text maker for the synthetic district.

The words are ordinary school-community vocabulary in each language, so pages
wrap, hyphenate and compress like real ones. Everything is drawn from the
``random.Random`` passed in: the same seed gives the same text.
"""
from __future__ import annotations

import random

WORDS = {
    "en": (
        "the families school community council meeting students parents children teachers "
        "principal coordinator district programme services food pantry health clinic dental "
        "tutoring library afternoon evening morning week month year budget grant partners "
        "decide together open everyone welcome childcare dinner interpreter Spanish English "
        "classes homework reading math garden playground attendance survey results priorities "
        "volunteers coats winter spring summer field trip bus safety crossing guard city "
        "neighbourhood support counselling housing help legal aid career college nurse room "
        "cafeteria gym office phone email questions answers report plan goals steps progress "
        "training staff kindness learning ready every new last next first two three many most "
        "some all our their your with from about after before during because and but or so "
        "that this is are was were will can should must has have had asked agreed shared "
        "voted approved started finished improved added moved brought talked listened"
    ).split(),
    "es": (
        "las familias escuela comunidad consejo reunión alumnos padres niños maestros "
        "directora coordinadora distrito programa servicios comida despensa salud clínica "
        "dental tutorías biblioteca tarde noche mañana semana mes año presupuesto subvención "
        "aliados decidir juntos abierta todos bienvenidos cuidado cena intérprete español "
        "inglés clases tarea lectura matemáticas huerto patio asistencia encuesta resultados "
        "prioridades voluntarios abrigos invierno primavera verano excursión camión seguridad "
        "cruce ciudad barrio apoyo consejería vivienda ayuda asesoría legal carrera universidad "
        "enfermera salón cafetería gimnasio oficina teléfono correo preguntas respuestas "
        "informe plan metas pasos avances capacitación personal amabilidad aprendizaje listos "
        "cada nuevo último próximo primero dos tres muchos varios algunos nuestro su con desde "
        "sobre después antes durante porque y pero o así que este es son fue eran será puede "
        "debe tiene tenía pidieron acordaron compartieron votaron aprobaron empezaron "
        "terminaron mejoraron agregaron trajeron hablaron escucharon"
    ).split(),
}

FIRST_NAMES = ("Ana Luis María José Rosa Carlos Elena Miguel Sofía Javier Lucía Daniel Marta "
               "Jorge Carmen Pedro Laura Tomás Isabel Ramón Thao Minh Grace Marcus Aisha "
               "Samuel Priya Omar Hannah Diego").split()
LAST_NAMES = ("García Martínez López Hernández González Pérez Sánchez Ramírez Torres Flores "
              "Rivera Gómez Díaz Cruz Morales Reyes Nguyen Tran Bell Johnson Smith Lee Patel "
              "Kim Okafor Silva Romero Vargas Castillo Ortiz").split()
PLACES = ("Alder Birch Cedar Cypress Elm Juniper Laurel Madrone Maple Oak Olive Pine Redwood "
          "Sequoia Sycamore Walnut Willow Mission Orchard Ridgeview Riverside Sierra Vista "
          "Palmas Mesa Valley Canyon Harbor Meadow Summit").split()


def sentence(rng: random.Random, lang: str, n: int) -> str:
    """One sentence of ``n`` words, capitalised and ended with a full stop."""
    words = [rng.choice(WORDS[lang]) for _ in range(n)]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraphs(rng: random.Random, lang: str, total: int) -> list[str]:
    """About ``total`` words as paragraphs of four to six sentences."""
    out: list[str] = []
    count = 0
    while count < total:
        sentences = []
        for _ in range(rng.randint(4, 6)):
            n = rng.randint(8, 16)
            sentences.append(sentence(rng, lang, n))
            count += n
        out.append(" ".join(sentences))
    return out


def body(rng: random.Random, lang: str, total: int = 300, heading: str | None = None) -> str:
    """A Markdown body of about ``total`` words, with one ``###`` heading half-way if given."""
    paras = paragraphs(rng, lang, total)
    if heading:
        paras.insert(len(paras) // 2, f"### {heading}")
    return "\n\n".join(paras) + "\n"


def phrase(rng: random.Random, lang: str, lo: int = 3, hi: int = 7) -> str:
    """A short capitalised phrase with no full stop, for titles and agenda items."""
    return sentence(rng, lang, rng.randint(lo, hi))[:-1]


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
