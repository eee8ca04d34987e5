"""Derived data made once per build, and shared by every page that shows it.

A district has hundreds of pages that each show a slice of the same lists (a school's
meetings, a body's, a month's, the filter's choices). Made per page, each slice scans every
meeting again, so a build's work grows with pages times meetings. :func:`per_build` keeps a
function's result for the site it was made from (by identity: a new build has a new site, so
nothing outlives the content it came from) and its other arguments.
"""
from __future__ import annotations

from functools import wraps
from typing import Callable, TypeVar
from weakref import WeakKeyDictionary

from generator.content.model import Site

T = TypeVar("T")

_MADE: WeakKeyDictionary = WeakKeyDictionary()  # site -> {(function, arguments): result}


def per_build(func: Callable[..., T]) -> Callable[..., T]:
    """``func(site, *args)``, made once per site and arguments (which must be hashable).
    Callers share the result, so they must not change it."""

    @wraps(func)
    def once(site: Site, *args) -> T:
        made = _MADE.setdefault(site, {})
        key = (func, args)
        if key not in made:
            made[key] = func(site, *args)
        return made[key]

    return once
