"""Load: read every content file into a :class:`~generator.content.merge.Source`.

Files live at ``content/<lang>/<collection>/[any/sub/folders/]<slug>.md``,
except a kind kept as one file per language (``content/<lang>/home.md``).
The slug (the file name without .md) is the item's identity: the same slug
in two languages is one item in two languages.
"""
from __future__ import annotations

import os
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter

from generator.content.merge import Source, dotted
from generator.content.schema import CONTENT_TYPES
from generator.content.settings import Settings
from generator.core import progress, yamlish
from generator.core.errors import Problems, did_you_mean, show

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SHARED_DIRS = {"images", "files"}  # content/images/, content/files/: shared by all languages
# The kinds kept as a folder of files per language, and those kept as one file (home.md).
FOLDERS = [c for c, t in CONTENT_TYPES.items() if not t.single]
SINGLE_FILES = {f"{c}.md": c for c, t in CONTENT_TYPES.items() if t.single}
# Files read without a problem, by path: with the file's size, times and inode, and the size
# limit, when they were read. ``portal serve`` reloads the content on every edit; the files
# that did not change are not read and parsed again. A file is reused only if it was read
# well after it was last written (as git does): a second save within the same tick of the
# file system's clock could keep the same size and times.
_PARSED: dict[str, tuple[tuple, Source]] = {}
SETTLED_NS = 2_000_000_000


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"


@dataclass
class Loaded:
    """Every source file, grouped by collection and slug, then language."""

    sources: dict[str, dict[str, dict[str, Source]]] = field(default_factory=dict)
    # (collection, slug) of items with a file that could not be read: their other files
    # are still checked, but not for what the unreadable file may have held.
    failed: set[tuple[str, str]] = field(default_factory=set)

    def items(self, collection: str) -> dict[str, dict[str, Source]]:
        return self.sources.setdefault(collection, {})


def load_content(settings: Settings, problems: Problems) -> Loaded:
    root = settings.root
    content = settings.content_dir
    loaded = Loaded()
    for collection in CONTENT_TYPES:
        loaded.items(collection)
    if not content.is_dir():
        problems.error("content/", "the content folder is missing",
                       suggestion="create content/<language>/ folders (see README)")
        return loaded
    links = _refuse_links(content, root, problems)
    codes = settings.language_codes
    for entry in sorted(content.iterdir()):
        if entry.name.startswith(".") or entry.name in SHARED_DIRS or entry in links:
            continue
        rel = entry.relative_to(root).as_posix()
        if not entry.is_dir():
            problems.error(rel, "files belong in a language folder",
                           suggestion=f"move it to content/{settings.default_language}/...")
        elif entry.name not in codes:
            problems.error(rel + "/", f"'{entry.name}' is not one of the site's languages",
                           expected="a folder per language in portal.yml: " + ", ".join(codes),
                           found=show(entry.name), suggestion=did_you_mean(entry.name, codes)
                           + " (or add the language to portal.yml)")
    for lang in codes:
        lang_dir = content / lang
        if not lang_dir.is_dir() or lang_dir in links:
            continue  # a language with no content yet: everything falls back
        for sub in sorted(lang_dir.iterdir()):
            rel = sub.relative_to(root).as_posix()
            if sub.name.startswith(".") or sub in links:
                continue
            single = SINGLE_FILES.get(sub.name)
            if single and not sub.is_dir():
                _load_file(sub, lang, single, settings, loaded, problems)
                continue
            if not sub.is_dir() or sub.name not in FOLDERS:
                _not_a_kind(sub, rel, problems)
                continue
            for path in sorted(sub.rglob("*")):
                if path in links or any(parent in links for parent in path.parents):
                    loaded.failed.add((sub.name, path.stem))
                    continue
                if path.is_dir() or any(p.startswith(".") for p in path.relative_to(sub).parts):
                    continue
                before = len(problems.errors)
                _load_file(path, lang, sub.name, settings, loaded, problems)
                progress.advance("load")
                if len(problems.errors) > before:
                    loaded.failed.add((sub.name, path.stem))
    return loaded


def _not_a_kind(sub: Path, rel: str, problems: Problems) -> None:
    """A file or folder in a language folder that is none of the kinds of content."""
    names = FOLDERS + list(SINGLE_FILES)
    problems.error(rel, f"'{sub.name}' is not a kind of content",
                   expected="a folder named one of: " + ", ".join(FOLDERS) + "; or the file "
                   + ", ".join(SINGLE_FILES),
                   found=show(sub.name) + (" (a folder)" if sub.is_dir() else ""),
                   suggestion=did_you_mean(sub.name.removesuffix(".md"), [
                       n.removesuffix(".md") for n in names]))


def _refuse_links(content: Path, root: Path, problems: Problems) -> set[Path]:
    """Report every link (symlink) among the content files and folders, and return them.

    A link could publish a file from anywhere on the computer (a password file, another
    project), and links to nowhere break builds, so none is followed. Hidden entries
    (an editor's lock files) are never read, so they are not checked. Inside
    content/images/ and content/files/ the photo and document checks refuse any
    link that leads out of content/ when a page names it.
    """
    if content.is_symlink():
        _report_link(content, root, problems)
        return {content}
    found: set[Path] = set()
    for folder, dirs, files in os.walk(content):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if not name.startswith(".") and path.is_symlink():
                found.add(path)
                _report_link(path, root, problems)
        top = Path(folder) == content
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (top and d in SHARED_DIRS))
    return found


def _report_link(path: Path, root: Path, problems: Problems) -> None:
    problems.error(path.relative_to(root).as_posix(),
                   "this is a link (a symlink) to another place, not a file or folder: "
                   "links are not followed, so it cannot be opened",
                   expected="files and folders kept inside content/",
                   found="a link to " + os.readlink(path),
                   suggestion="put a copy of the file itself in its place, then remove the link")


def _load_file(path: Path, lang: str, collection: str, settings: Settings, loaded: Loaded,
               problems: Problems) -> None:
    rel = path.relative_to(settings.root).as_posix()
    if path.suffix != ".md":
        problems.error(rel, "content files must end in .md",
                       suggestion="rename it to .md, or move images to content/images/")
        return
    slug = path.stem
    if not SLUG.fullmatch(slug):
        problems.error(rel, f"the file name '{path.name}' cannot be used in a web address",
                       expected="lower-case letters, digits and hyphens, like lincoln-elementary.md",
                       found=show(path.name), suggestion=f"rename it to {slugify(slug)}.md")
        return
    source = _parse(path, rel, lang, collection, settings, problems)
    if source is None:
        return
    items = loaded.items(collection)
    existing = items.setdefault(slug, {}).get(lang)
    if existing is not None:
        problems.error(rel, f"another {CONTENT_TYPES[collection].name} already has the name '{slug}'",
                       field="", expected="a different file name for every item of a kind",
                       found=f"{existing.path} and {rel}",
                       suggestion=f"rename one of them, like {slug}-2.md")
        return
    items[slug][lang] = source


def _parse(path: Path, rel: str, lang: str, collection: str, settings: Settings,
           problems: Problems) -> Source | None:
    """The file as a Source, or None with its problem reported; reused while the file is unchanged."""
    try:
        st = path.stat()
    except OSError:
        st = None
    key = st and (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, settings.max_file_bytes, lang)
    cached = _PARSED.get(str(path))
    if key and cached and cached[0] == key:
        return cached[1]
    source = _read(path, rel, lang, collection, settings, problems)
    if source is not None and key and time.time_ns() - st.st_mtime_ns > SETTLED_NS:
        _PARSED[str(path)] = (key, source)
    return source


def _read(path: Path, rel: str, lang: str, collection: str, settings: Settings,
          problems: Problems) -> Source | None:
    try:
        text = yamlish.read_text(path, settings.max_file_bytes)
    except yamlish.Unreadable as exc:
        problems.error(rel, exc.message, line=exc.line, found=exc.found,
                       suggestion=exc.suggestion or "save it as UTF-8 in your editor, or remove it "
                       "if it is a broken link")
        return None
    if not text.startswith("---"):
        problems.error(rel, "the file has no front-matter", line=1,
                       expected="a first line '---', then 'field: value' lines, then '---'",
                       suggestion="copy the top of a similar file, or run 'portal new'")
        return None
    if not re.search(r"\A---[^\n]*\n(?:.*\n)?---[ \t]*(?:\n|\Z)", text, re.S):
        problems.error(rel, "the front-matter is not closed", line=1,
                       expected="a line '---' after the last 'field: value' line",
                       found="no closing '---'",
                       suggestion="add a line with three hyphens (---) between the fields and the text")
        return None
    head, body = frontmatter.YAMLHandler().split(text)
    first_line = text[: text.find(head)].count("\n") + 1 if head.strip() else 2
    if _body_has_bad_character(text, text.find(head) + len(head), rel, problems):
        return None
    try:
        data, lines = yamlish.load(head, first_line=first_line)
    except yamlish.YamlError as exc:
        problems.error(rel, f"the front-matter cannot be read: {exc.message}", line=exc.line,
                       field=dotted(exc.path), suggestion=exc.suggestion)
        return None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.error(rel, "the front-matter must be 'field: value' lines", line=2,
                       expected="lines like 'title: ...'", found=show(data),
                       suggestion=f"see 'portal schema {CONTENT_TYPES[collection].name}' for the fields")
        return None
    return Source(path=rel, lang=lang, data=data, lines=lines, body=body.strip())


def _body_has_bad_character(text: str, start: int, rel: str, problems: Problems) -> bool:
    """Report a control character in the text below the front-matter (tabs and new lines are fine)."""
    bad = yamlish.forbidden_character(text[start:])
    if not bad:
        return False
    line = text[: start + bad.start()].count("\n") + 1
    problems.error(rel, "the text below the front-matter contains the invisible character "
                   f"{yamlish.describe_character(bad.group())}", line=line,
                   suggestion=yamlish.CHARACTER_SUGGESTION)
    return True
