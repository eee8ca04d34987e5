"""Errors that staff read.

Every problem found in content or settings becomes a :class:`Problem` naming
the file, the line where known, the field, what was expected, what was found
and a suggestion. Problems are collected (never raised one by one) so that
``portal check`` can report everything wrong in one go.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable


class PortalError(Exception):
    """Base class for errors that end a command with a clear message."""


class ContentErrors(PortalError):
    """Raised once, after validation, carrying every problem found."""

    def __init__(self, problems: list["Problem"]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the content")


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    field: str = ""
    line: int | None = None
    expected: str = ""
    found: str = ""
    suggestion: str = ""
    severity: str = "error"  # "error" or "warning"

    def location(self) -> str:
        where = self.file
        if self.line:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{self.field}'"
        return where

    def format(self) -> str:
        label = "Error" if self.severity == "error" else "Warning"
        lines = [f"{label}: {self.location()}", f"  {self.message}"]
        if self.expected:
            lines.append(f"  Expected: {self.expected}")
        if self.found:
            lines.append(f"  Found:    {self.found}")
        if self.suggestion:
            lines.append(f"  Suggestion: {self.suggestion}")
        return "\n".join(lines)


@dataclass
class Problems:
    """A collector of problems, shared by every validation step."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        if problem not in self.items:
            self.items.append(problem)

    def error(self, file: str | Path, message: str, **kw) -> None:
        self.add(Problem(file=str(file), message=message, **kw))

    def warning(self, file: str | Path, message: str, **kw) -> None:
        self.add(Problem(file=str(file), message=message, severity="warning", **kw))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ContentErrors(sorted(self.errors, key=_sort_key))


def _sort_key(p: Problem):
    return (p.file, p.line or 0, p.field)


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """'did you mean "x"?' for the closest choice, or a list of the choices."""
    choices = sorted(set(choices))
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    if not choices:
        return ""
    if len(choices) <= 12:
        return "use one of: " + ", ".join(choices)
    return "use one of: " + ", ".join(choices[:12]) + ", ..."


def show(value: object) -> str:
    """How a found value is quoted in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f'"{value}"' if len(value) < 80 else f'"{value[:77]}..."'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a group of fields (" + ", ".join(map(str, value)) + ")"
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    return str(value)
