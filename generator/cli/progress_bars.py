"""What ``portal build`` and ``portal serve`` print while they work, and the stage times after.

In a terminal, a bar per stage (rich): items loaded, pages written, pages
rendered in each language, images and cards made. When the output is not a
terminal, or ``CI`` is set, nothing is drawn: no bars and no escape codes, only
the lines the command prints anyway. Both end with the stage times.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from generator.core import progress
from generator.site import engine

LABELS = {"load": "Loading items", "write": "Writing pages", "images": "Processing images",
          "cards": "Drawing sharing cards"}
ORDER = ("load", "derive", "write", "mkdocs:", "images", "cards", "calendars", "feeds")


def wanted() -> bool:
    """Bars only for a person at a terminal: both outputs terminals, and not in CI."""
    return sys.stdout.isatty() and sys.stderr.isatty() and not os.environ.get("CI")


class Bars:
    """A rich display fed with generator.core.progress events."""

    def __init__(self) -> None:
        self.display = Progress(TextColumn("{task.description:<28}"), BarColumn(),
                                MofNCompleteColumn(), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=False)
        self.tasks: dict[str, int] = {}  # stage name -> its bar (rich's task id: its index)
        self.counted: set[str] = set()  # stages without a known total: a count, not a bar
        self.running = False
        self.streams: list[tuple[logging.StreamHandler, object]] = []

    def __call__(self, event: progress.Event) -> None:
        kind, name, value = event
        if kind == "done":
            self.stop()
            progress.report_to(None)
            return
        if not self.running:
            return
        if kind == "start" or name not in self.tasks:
            self._task(name, value if kind == "start" else None)
        if kind == "advance":
            task = self.tasks[name]
            self.display.advance(task, value or 1)
            if name in self.counted and self.display.tasks[task].total is not None:
                self.display.update(task, total=self.display.tasks[task].completed)  # more, later

    def _task(self, name: str, total: int | None) -> None:
        self._finish_counts()
        if name in self.tasks:  # a stage that runs again: each language of a preview's rebuild
            self.display.reset(self.tasks[name], total=total)
            return
        self.tasks[name] = self.display.add_task(label(name), total=total)
        if total is None:
            self.counted.add(name)

    def _finish_counts(self) -> None:
        """Stages counted without a total (items loaded) are over once the next one starts."""
        for task in self.display.tasks:
            if task.total is None:
                self.display.update(task.id, total=task.completed)

    def start(self) -> None:
        self.display.start()  # from now on sys.stderr prints above the bars
        self.running = True
        self.streams = [(h, h.setStream(sys.stderr)) for h in _log_handlers()]  # MkDocs' messages too

    def stop(self) -> None:
        if self.running:
            self.running = False
            self._finish_counts()
            self.display.stop()
            for handler, stream in self.streams:
                handler.setStream(stream)


def _log_handlers() -> list[logging.StreamHandler]:
    """The handlers printing MkDocs' messages (generator.site.build.quiet_mkdocs)."""
    return [h for h in logging.getLogger(engine.NAME).handlers if type(h) is logging.StreamHandler]


def label(name: str) -> str:
    if name.startswith("mkdocs:"):
        return f"Rendering pages ({name.removeprefix('mkdocs:')})"
    return LABELS.get(name, name)


def start_bars() -> None:
    """Show progress bars from now on, if a person is watching (``wanted()``), until
    ``progress.done()``."""
    if wanted():
        bars = Bars()
        bars.start()
        progress.report_to(bars)


@contextmanager
def shown():
    """Show progress bars while the block runs, if a person is watching."""
    start_bars()
    try:
        yield
    finally:
        progress.done()


def stage_lines(stages: dict[str, float]) -> list[str]:
    """The stage times, one plain line each, in the order the build runs them."""
    def rank(name: str) -> tuple[int, str]:
        for i, prefix in enumerate(ORDER):
            if name == prefix or (prefix.endswith(":") and name.startswith(prefix)):
                return i, name
        return len(ORDER), name

    width = max((len(name) for name in stages), default=0)
    return [f"  {name:<{width}}  {stages[name]:6.2f} s" for name in sorted(stages, key=rank)]


def echo_stage_times(stages: dict[str, float]) -> None:
    click.echo("Stage times:")
    for line in stage_lines(stages):
        click.echo(line)


def write_times_json(path: Path, result) -> None:
    """The build's figures for tools (the benchmark): pages, wall seconds, stages, MkDocs skipped."""
    data = {"pages": result.pages, "seconds": round(result.seconds, 3),
            "stages": {name: round(s, 3) for name, s in result.stages.items()},
            "mkdocs_skipped": "skipped" in result.stages}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
