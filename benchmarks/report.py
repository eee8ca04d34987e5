"""The benchmark's tables, as aligned text for a terminal or as Markdown for the README."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

STAGES = ("load", "derive", "write", "mkdocs:en", "mkdocs:es", "images", "cards", "calendars",
          "feeds")
DASH = "–"


@dataclass
class Row:
    """One measured run: what it was and its figures (None where it does not apply)."""

    size: str
    run: str
    seconds: float | None
    peak_mb: float | None = None
    pages: int | None = None
    stages: dict[str, float] = field(default_factory=dict)
    note: str = ""


def _number(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else f"{value:,.{digits}f}"


def _ratio(row: Row, hugo: dict[str, float]) -> str:
    """Portal's time as a multiple of Hugo's cold build of the same size."""
    base = hugo.get(row.size)
    if row.seconds is None or not base or row.run.startswith("serve"):
        return DASH
    return f"{row.seconds / base:.1f}×"


def line(row: Row) -> str:
    """One run's figures on a line, for the progress shown while the benchmark works."""
    figures = [f"{_number(row.seconds, 2)} s"]
    if row.peak_mb is not None:
        figures.append(f"peak {_number(row.peak_mb, 0)} MB")
    if row.pages is not None:
        figures.append(f"{row.pages:,} pages")
    return f"{row.size}: {row.run}: " + ", ".join(figures) + (f" ({row.note})" if row.note else "")


def main_table(rows: list[Row]) -> tuple[list[str], list[list[str]]]:
    hugo = {r.size: r.seconds for r in rows if r.run == "Hugo cold" and r.seconds}
    head = ["size", "run", "wall s", "× Hugo", "peak MB", "pages", "pages/s", "note"]
    body = []
    for r in rows:
        rate = r.pages / r.seconds if r.pages and r.seconds else None
        body.append([r.size, r.run, _number(r.seconds, 2), _ratio(r, hugo), _number(r.peak_mb, 0),
                     DASH if r.pages is None else f"{r.pages:,}", _number(rate, 0), r.note])
    return head, body


def stage_table(rows: list[Row]) -> tuple[list[str], list[list[str]]]:
    """Seconds per stage of each portal build, from ``portal build --times-json``."""
    extra = sorted({s for r in rows for s in r.stages} - set(STAGES))
    names = [*STAGES, *extra]
    body = [[r.size, r.run, *(_number(r.stages.get(s), 2) for s in names)]
            for r in rows if r.run.startswith("portal ")]
    return ["size", "run", *names], body


def _markdown(head: list[str], body: Iterable[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def _text(head: list[str], body: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
                     for row in [head, *body])


def render(rows: list[Row], machine: dict[str, str], markdown: bool = False) -> str:
    """Both tables and the machine they were measured on."""
    fmt = _markdown if markdown else _text
    about = (f"{machine['date']}; {machine['cpu']}, {machine['cores']} cores, {machine['ram']} RAM; "
             f"Python {machine['python']}; Hugo {machine['hugo']}; load average at the end "
             f"{machine['load']}")
    memory = ("peak MB: the highest total resident memory of the command's whole process tree, "
              "sampled every 0.1 s (benchmarks/measure.py)")
    stages = ("seconds per stage, from portal build --times-json (– where this portal does not "
              "record the stage)")
    return "\n\n".join([about, fmt(*main_table(rows)), memory, fmt(*stage_table(rows)), stages])
