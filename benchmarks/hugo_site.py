"""The same items with the same words as a Hugo site, to time Hugo on the same content.

    .venv/bin/python benchmarks/hugo_site.py PROJECT OUT_DIR

reads a portal project's content/<lang>/<collection>/*.md and writes OUT_DIR as a
multilingual Hugo site (English and Spanish, one content folder per language): every
file becomes a page of its section with the same Markdown body, its front-matter kept under
``portal`` and a title and date Hugo understands; the home file becomes each language's home
page. Minimal layouts show a single page's title, agenda and text and a list page's items,
which is roughly what portal's pages show. Hugo does not fall back to the other language
for an untranslated item, so it writes fewer pages than portal; the benchmark says so.
"""
from __future__ import annotations

import argparse
import shutil
from datetime import date, datetime
from pathlib import Path

import yaml

LANGUAGES = ("en", "es")
SECTION_TITLES = {
    "en": {"schools": "Schools", "people": "People", "councils": "Councils", "meetings": "Meetings",
           "grants": "Grants", "news": "News", "pages": "Pages"},
    "es": {"schools": "Escuelas", "people": "Personal", "councils": "Consejos", "meetings": "Reuniones",
           "grants": "Subvenciones", "news": "Noticias", "pages": "Páginas"},
}

CONFIG = """baseURL = "https://bench.example.org/"
defaultContentLanguage = "en"
buildFuture = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[languages.en]
  weight = 1
  languageName = "English"
  contentDir = "content/en"
[languages.es]
  weight = 2
  languageName = "Español"
  contentDir = "content/es"
"""

LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body><nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ with .Params.portal.photo }}<img src="/{{ .src }}" alt="{{ .alt }}">{{ end }}
{{ with .Params.portal.image }}<img src="/{{ .src }}" alt="{{ .alt }}">{{ end }}
{{ with .Params.portal.agenda }}<ol>{{ range . }}<li>{{ . }}</li>{{ end }}</ol>{{ end }}
{{ .Content }}{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time>{{ .Date.Format "2006-01-02" }}</time> {{ .Summary }}</li>{{ end }}</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}


def read_item(path: Path) -> tuple[dict, str]:
    """A portal content file's front-matter and body."""
    text = path.read_text(encoding="utf-8-sig")
    head, body = text[text.index("\n") + 1:].split("\n---", 1)
    return yaml.safe_load(head) or {}, body.split("\n", 1)[1] if "\n" in body else ""


def load(project: Path) -> dict[str, dict[str, dict[str, tuple[dict, str]]]]:
    """{lang: {collection: {slug: (front-matter, body)}}} of a portal project."""
    out: dict = {}
    for lang in LANGUAGES:
        out[lang] = {}
        base = project / "content" / lang
        for path in sorted(base.glob("*/*.md")):
            out[lang].setdefault(path.parent.name, {})[path.stem] = read_item(path)
        if (base / "home.md").exists():
            out[lang]["home"] = {"home": read_item(base / "home.md")}
    return out


def title(collection: str, data: dict, councils: dict[str, dict]) -> str:
    """The page title portal would show (a regular meeting: its council's name and start)."""
    if collection == "home":
        return str(data.get("heading") or "Community schools")
    if collection == "meetings" and not data.get("title"):
        council = councils.get(str(data.get("body")), {})
        return f"{council.get('name', data.get('group', ''))} · {data.get('start')}"
    return str(data.get("name") or data.get("title"))


def when(collection: str, data: dict) -> str | None:
    """The page's date for Hugo: a news item's date or a meeting's start."""
    value = data.get("date") if collection == "news" else data.get("start")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return datetime.strptime(value, "%Y-%m-%d %H:%M").isoformat()
    return None


def front(collection: str, data: dict, councils: dict[str, dict]) -> str:
    meta: dict = {"title": title(collection, data, councils)}
    if (stamp := when(collection, data)) is not None:
        meta["date"] = stamp
    meta["portal"] = data
    return yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)


def write_site(project: Path, out: Path) -> dict[str, dict[str, int]]:
    """Write the Hugo site; returns the number of items per language and section."""
    items = load(Path(project))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for rel, text in LAYOUTS.items():
        (out / "layouts" / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / "layouts" / rel).write_text(text, encoding="utf-8")
    images = Path(project) / "content" / "images"
    if images.is_dir():
        shutil.copytree(images, out / "static" / "images", dirs_exist_ok=True)
    counts: dict[str, dict[str, int]] = {}
    source = items["en"]
    for lang in LANGUAGES:
        councils = {slug: {**source.get("councils", {}).get(slug, ({}, ""))[0], **data}
                    for slug, (data, _) in items[lang].get("councils", {}).items()}
        counts[lang] = {}
        for collection, entries in items[lang].items():
            counts[lang][collection] = len(entries)
            for slug, (data, text) in entries.items():
                merged = {**source.get(collection, {}).get(slug, ({}, ""))[0], **data}
                if collection == "home":
                    path = out / "content" / lang / "_index.md"
                else:
                    path = out / "content" / lang / collection / f"{slug}.md"
                    section = path.parent / "_index.md"
                    if not section.exists():
                        path.parent.mkdir(parents=True, exist_ok=True)
                        section.write_text(f"---\ntitle: {SECTION_TITLES[lang][collection]}\n---\n",
                                           encoding="utf-8")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(f"---\n{front(collection, merged, councils)}---\n{text}", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="a portal project (with portal.yml and content/)")
    parser.add_argument("out", type=Path, help="the folder for the Hugo site")
    args = parser.parse_args(argv)
    write_site(args.project, args.out)


if __name__ == "__main__":
    main()
