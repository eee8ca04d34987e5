"""Stage times: how long each part of one build took.

``build()`` opens a table with ``recording()``; the code doing a part of the
work wraps it in ``with stage("calendars"):``, which adds its seconds to that
table. Outside a build (tests, ``portal check``) ``stage`` only runs its code.
Stages may nest (``write`` holds the time of what it writes); each name keeps
its own total. A child process records into its own table and returns it, and
the parent adds it with ``merge()``, so the languages built side by side each
keep their ``mkdocs:<lang>`` time.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

_tables: list[dict[str, float]] = []  # the open tables, innermost last


@contextmanager
def recording() -> Iterator[dict[str, float]]:
    """A fresh table of stage times, filled while the block runs."""
    table: dict[str, float] = {}
    _tables.append(table)
    try:
        yield table
    finally:
        _tables.remove(table)


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the block's wall time to ``name`` in the current table (if a build records one)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        add(name, time.perf_counter() - started)


def add(name: str, seconds: float) -> None:
    if _tables:
        table = _tables[-1]
        table[name] = table.get(name, 0.0) + seconds


def merge(times: dict[str, float]) -> None:
    """Add a child process's table to the current one."""
    for name, seconds in times.items():
        add(name, seconds)
