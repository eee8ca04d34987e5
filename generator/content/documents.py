"""Documents that items list to download (a meeting's agenda, minutes, presentations).

A document is one file for every language (``file: files/agenda.pdf``), one file in one
language (``lang: es``), or one file per language (``file: {en: ..., es: ...}``). Every
file named is checked here: a web link, or a file inside content/files/ that exists.
"""
from __future__ import annotations

import re
from pathlib import Path

from generator.content.model import Site
from generator.core.errors import Problems, did_you_mean

_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.I)


def document_files(doc: dict) -> list[tuple[str | None, str]]:
    """(language, file) for each file of a document; the language is None for a document in
    every language (a bilingual agenda)."""
    file = doc.get("file")
    if isinstance(file, dict):
        return [(lang, str(value)) for lang, value in file.items()]
    return [(doc.get("lang"), str(file or ""))]


def document_path(site: Site, file: str) -> Path | None:
    """The local file a document names (a path inside content/), or None for a link."""
    if _SCHEME.match(file):
        return None
    rel = file.strip()
    while rel.startswith("./"):
        rel = rel[2:]
    return site.settings.content_dir / rel.removeprefix("content/")


def items_with_documents(site: Site):
    """Every item of a kind that has a ``documents`` field (meetings, and any other kind)."""
    return [item for item in site.all_items() if "documents" in item.ctype.by_name]


def check_documents(site: Site, problems: Problems) -> None:
    """Every file of every document is a web link or a file in content/files/ that exists; a
    document gives its language either with ``lang`` or with a file per language, not both."""
    for item in items_with_documents(site):
        for i, doc in enumerate(item.get(site.default, "documents", [])):
            if isinstance(doc.get("file"), dict) and doc.get("lang"):
                path, line = _where(item, i, "lang")
                problems.error(path, "the document has a file per language and a 'lang' too",
                               field=f"documents[{i + 1}].lang", line=line,
                               expected="either 'lang:' (one file, in one language) or a file per "
                                        "language under 'file:'",
                               found=f"lang: {doc['lang']}",
                               suggestion="remove the 'lang:' line: each file's language is given "
                                          "under 'file:'")
            for lang, file in document_files(doc):
                _check_file(site, problems, item, i, lang if isinstance(doc.get("file"), dict) else None, file)


def _where(item, index: int, *names: str) -> tuple[str, int | None]:
    """The file and line of a document's field (or of the document, or of 'documents:')."""
    for src in item.sources.values():
        key = ("documents", index, *names)
        if key in src.lines:
            return src.path, src.lines[key]
    for src in item.sources.values():
        docs = src.data.get("documents")
        if isinstance(docs, list) and index < len(docs) and isinstance(docs[index], dict) \
                and docs[index].get(names[0]) is not None:
            return src.path, src.line(("documents", index, *names))
    return item.locate("documents")


def _check_file(site: Site, problems: Problems, item, i: int, lang: str | None, file: str) -> None:
    field = f"documents[{i + 1}].file" + (f".{lang}" if lang else "")
    path, line = _where(item, i, "file", *([lang] if lang else []))
    if _SCHEME.match(file):
        if not re.match(r"https?://", file, re.I):
            problems.error(path, "a document must be a web link or a file in content/files/",
                           field=field, line=line, expected="https://... or files/<name>", found=file)
        return
    content = site.settings.content_dir.resolve()
    files_dir = content / "files"
    target = document_path(site, file)
    try:
        target.resolve().relative_to(files_dir)
        inside = True
    except ValueError:
        inside = False
    if file.startswith("/") or not inside:
        problems.error(path, "the document is not inside content/files/", field=field, line=line,
                       expected="a path inside content/, like files/agenda.pdf", found=file,
                       suggestion="put the file in content/files/ and write files/<name>")
    elif not target.is_file():
        known = [p.relative_to(content).as_posix() for p in files_dir.rglob("*") if p.is_file()] \
            if files_dir.is_dir() else []
        problems.error(path, "the document file does not exist", field=field, line=line,
                       expected="a file inside content/files/", found=file,
                       suggestion=did_you_mean(file.removeprefix("content/"), known)
                       or "put the file in content/files/")
