"""Work spread over the machine's cores, or done in turn on request.

A build uses every core: the languages are rendered side by side
(generator.site.build), and images and sharing cards are made in a pool of
processes. ``PORTAL_JOBS=1`` (or ``build(jobs=1)``) does everything in turn in
one process, which gives the same site byte for byte; the tests compare both.

The pools fork, so each worker starts with everything the build has loaded
instead of loading it again. Forking is safe only from the main thread (a
thread holding a lock at that moment would leave it held in the child), so
work started from another thread, such as a rebuild of ``portal serve``, runs
in threads instead, with the same results.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager

from generator.core import progress
from generator.core.errors import PortalError

_chosen: list[int] = []  # set by jobs(): the innermost build's choice


def workers() -> int:
    """How many processes a build may run at once: build(jobs=), else PORTAL_JOBS, else the cores."""
    if _chosen:
        return _chosen[-1]
    value = os.environ.get("PORTAL_JOBS", "").strip()
    if not value:
        return os.cpu_count() or 1
    if not value.isdigit() or int(value) < 1:
        raise PortalError(f"PORTAL_JOBS must be a whole number of 1 or more, but it is '{value}'. "
                          "Set PORTAL_JOBS=1 to build in one process, or leave it out to use every core.")
    return int(value)


@contextmanager
def jobs(count: int | None) -> Iterator[None]:
    """Use ``count`` processes inside the block (None: leave the choice to PORTAL_JOBS)."""
    if count is None:
        yield
        return
    if count < 1:
        raise PortalError(f"the number of jobs must be 1 or more, not {count}")
    _chosen.append(count)
    try:
        yield
    finally:
        _chosen.pop()


def can_fork() -> bool:
    """Whether worker processes may be forked from here (see the module's notes)."""
    return ("fork" in multiprocessing.get_all_start_methods()
            and threading.current_thread() is threading.main_thread())


def pool(count: int, **options) -> Executor:
    """A pool of ``count`` forked processes, or of threads where forking is not safe."""
    if can_fork():
        return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"), **options)
    return ThreadPoolExecutor(count)


def parallel_map(function: Callable, items: Iterable, report: str | None = None) -> list:
    """``[function(x) for x in items]``, on every core allowed; ``function`` and the items must
    pickle (a function defined at a module's top level, plain data). ``report`` names the
    progress (generator.core.progress) advanced as each result comes in."""
    items = list(items)
    if report and items:
        progress.start(report, len(items))
    count = min(workers(), len(items))
    if count <= 1:
        return [_reported(function(x), report) for x in items]
    with pool(count) as executor:
        results = executor.map(function, items, chunksize=max(1, len(items) // (count * 4)))
        return [_reported(result, report) for result in results]


def _reported(result, report: str | None):
    if report:
        progress.advance(report)
    return result
