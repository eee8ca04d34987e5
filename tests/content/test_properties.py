"""Property-based tests: whatever staff (or anyone) put in a file, the build stops with the
project's own content error, naming the file, or succeeds. Never another exception.

The examples are derandomised (the same ones on every run) and bounded, so the suite stays
quick and CI reproducible.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.pipeline import build_site
from generator.content.schema import CONTENT_TYPES
from generator.core import yamlish
from generator.core.errors import ContentErrors
from support import EXAMPLE_NOW, REPO

BOUNDED = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow])

# Values that have broken builds before, or sit at an edge of a field type.
ODD = ["NaN", "Infinity", "-Infinity", "1e999", "-1", "0", "0001-01-01", "9999-12-31",
       "2026-02-30", "2026-12-03 24:00", "2026-12-03 17:30 +99:99", "25:61", "no", "yes",
       "A" * 300, "a/../../etc/passwd", "javascript:alert(1)", "<script>x</script>", "? [a, b]",
       "line one\nline two", "tab\there", "\x0b", "\x00", "\x1b[31m", "\r", "\ud800", "\ufeff",
       "images/nowhere.jpg", "America/Nowhere", "99999999999999999999999999", ""]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.sampled_from(ODD),
    st.text(max_size=40), st.text(st.characters(max_codepoint=0x3000), min_size=100, max_size=400),
)
VALUES = st.recursive(
    st.sampled_from(ODD) | SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
RAW_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)


def _fails_only_with_content_errors(root: Path) -> None:
    """Build the project's model: success, or ContentErrors whose every problem names a file."""
    try:
        build_site(root, now=EXAMPLE_NOW)
    except ContentErrors as exc:
        assert exc.problems and all(p.file and p.message for p in exc.problems)


@pytest.fixture(scope="module")
def example_copy(tmp_path_factory) -> Path:
    """A copy of the example district, to spoil one file at a time."""
    root = tmp_path_factory.mktemp("prop") / "repo"
    root.mkdir()
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    shutil.copytree(REPO / "content", root / "content")
    return root


EXAMPLE_FILES = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "content").rglob("*.md"))


def _front_matter(text: str) -> dict:
    head = text.split("---\n", 2)[1]
    data, _ = yamlish.load(head)
    return data or {}


def _paths(data, prefix=()) -> list[tuple]:
    """Every key path in the front-matter, groups and list entries included."""
    out = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        out.append(prefix + (key,))
        out.extend(_paths(value, prefix + (key,)))
    return out


def _replace(data, path: tuple, value):
    if len(path) == 1:
        data[path[0]] = value
    else:
        _replace(data[path[0]], path[1:], value)


@BOUNDED
@given(rel=st.sampled_from(EXAMPLE_FILES + ["portal.yml"]), pick=st.integers(min_value=0),
       value=VALUES)
def test_one_field_of_the_example_replaced_by_anything(example_copy, rel, pick, value):
    path = example_copy / rel
    original = path.read_bytes()
    text = original.decode("utf-8")
    is_settings = rel == "portal.yml"
    data = yamlish.load(text)[0] if is_settings else _front_matter(text)
    paths = _paths(data)
    _replace(data, paths[pick % len(paths)], value)
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    body = "" if is_settings else text.split("---\n", 2)[2]
    try:
        path.write_text(front if is_settings else f"---\n{front}---\n{body}", encoding="utf-8")
        _fails_only_with_content_errors(example_copy)
    finally:
        path.write_bytes(original)


FILE_OF_KIND = {"schools": "content/en/schools/random.md", "people": "content/en/people/random.md",
                "meetings": "content/en/meetings/2026-12-09-random.md", "grants": "content/en/grants/random.md",
                "news": "content/en/news/random.md", "pages": "content/en/pages/random.md"}


def _front_matter_of_a_kind(collection: str):
    """A kind, and front-matter made of its own field names (and some others) with any values."""
    names = st.sampled_from(sorted(CONTENT_TYPES[collection].by_name)) | st.text(max_size=12)
    return st.tuples(st.just(collection), st.dictionaries(names, VALUES, max_size=8))


@BOUNDED
@given(kind_and_front=st.sampled_from(sorted(FILE_OF_KIND)).flatmap(_front_matter_of_a_kind))
def test_random_front_matter(project, kind_and_front):
    collection, front = kind_and_front
    path = project.root / FILE_OF_KIND[collection]
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\nText.\n",
                        encoding="utf-8")
        _fails_only_with_content_errors(project.root)
    finally:
        path.unlink()


# Pieces of YAML that once made the reader raise, hang or run out of memory.
HOSTILE = ["? [a, b]\n: c", "loop: &a [*a]", "deep: " + "[" * 500 + "]" * 500, "order: " + "9" * 5000,
           "laughs: &l0 [x, x, x, x, x, x, x, x, x]\n" + "\n".join(
               f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 7)),
           'title: "\\ud800"', "date: !!timestamp 0001-01-01", "amount: NaN", "timezone: " + "Z" * 300,
           "start: 9999-12-31 23:00", "title: a\rb", "summary: !!binary aGVsbG8=", "order: !!int ten",
           "draft: !!bool maybe", "amount: !!float lots"]


@BOUNDED
@given(pieces=st.lists(st.sampled_from(HOSTILE) | RAW_TEXT, min_size=1, max_size=4),
       collection=st.sampled_from(sorted(FILE_OF_KIND)))
def test_hostile_yaml_in_the_front_matter(project, pieces, collection):
    path = project.root / FILE_OF_KIND[collection]
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.write_text("---\n" + "\n".join(pieces) + "\n---\nText.\n", encoding="utf-8")
        _fails_only_with_content_errors(project.root)
    finally:
        path.unlink()


@BOUNDED
@given(raw=RAW_TEXT | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_random_text_between_the_front_matter_lines(project, raw):
    path = project.root / "content/en/news/random.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + raw + "\n---\nText.\n", encoding="utf-8")
    _fails_only_with_content_errors(project.root)


@BOUNDED
@given(raw=st.binary(max_size=400))
def test_random_bytes_as_a_content_file(project, raw):
    path = project.root / "content/en/people/random.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    _fails_only_with_content_errors(project.root)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(text=RAW_TEXT | st.text(st.sampled_from("[]{}&*!|>-?:,'\"#\\ \n\tabx01.~@%`"), max_size=200)
       | st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=3).map("\n".join)
       | st.tuples(st.sampled_from(["!!int", "!!float", "!!bool", "!!str", "!!null", "!!seq", "!!map",
                                    "!!timestamp", "!!binary", "!!set", "!local", "!!python/name:os.system"]),
                   st.sampled_from(ODD) | RAW_TEXT).map(lambda pair: f"a: {pair[0]} {pair[1]}"))
def test_the_yaml_reader_gives_data_or_its_own_error(text):
    try:
        data, lines = yamlish.load(text, first_line=2)
    except yamlish.YamlError as exc:
        assert exc.message and (exc.line is None or exc.line >= 2)
    else:
        assert all(isinstance(line, int) for line in lines.values())
