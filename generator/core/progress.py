"""Progress of long work, for the bars ``portal build`` and ``portal serve`` show.

The stages say what they are doing (``start("write", total)``, ``advance("write")``,
or ``each("write", pages)``); whoever shows progress installs a reporter with
``report_to()``. Without one (tests, ``portal check``, output that is not a
terminal) these calls do nothing. A reporter receives plain tuples,
``("start", name, total)``, ``("advance", name, count)`` and
``("done", "", None)``, so a child
process can send them to its parent through a queue unchanged.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sized
from typing import TypeVar

Event = tuple[str, str, int | None]
T = TypeVar("T")

_reporter: list[Callable[[Event], None]] = []


def report_to(reporter: Callable[[Event], None] | None) -> None:
    """Send every event to ``reporter`` from now on (None: to nobody)."""
    _reporter[:] = [reporter] if reporter else []


def current() -> Callable[[Event], None] | None:
    """The reporter installed, if any (to forward a child process's events to it)."""
    return _reporter[0] if _reporter else None


def start(name: str, total: int | None = None) -> None:
    if _reporter:
        _reporter[0](("start", name, total))


def advance(name: str, count: int = 1) -> None:
    if _reporter:
        _reporter[0](("advance", name, count))


def done() -> None:
    """The long work is over (``portal serve``'s first build): whoever shows progress stops."""
    if _reporter:
        _reporter[0](("done", "", None))


def each(name: str, items: Iterable[T]) -> Iterator[T]:
    """The items, one at a time, reporting each as done once the loop moves past it."""
    if not _reporter:
        yield from items
        return
    start(name, len(items) if isinstance(items, Sized) else None)
    for item in items:
        yield item
        advance(name)
