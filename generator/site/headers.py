"""The site's HTTP headers, read from the project's ``netlify.toml``.

Netlify sends the headers of ``[[headers]]`` in ``netlify.toml``; ``portal serve``
and the browser tests send the same ones, read from the same file, so the
preview and the tests cannot drift from what is deployed.

Matching follows Netlify's rules for the patterns the file uses: ``*`` matches
the rest of the path (slashes included), ``:name`` matches one path segment,
anything else matches itself. Every rule that matches a path applies, in the
order of the file; a header given again by a later rule replaces the earlier
value.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import PortalError

NETLIFY_TOML = "netlify.toml"


@dataclass(frozen=True)
class HeaderRule:
    """One ``[[headers]]`` table: a path pattern and the headers it adds."""

    pattern: str
    values: tuple[tuple[str, str], ...]

    def matches(self, path: str) -> bool:
        return _pattern_regex(self.pattern).fullmatch(path) is not None


def load_rules(project: Path) -> tuple[HeaderRule, ...]:
    """The header rules of ``<project>/netlify.toml``; none when the project has no such file."""
    path = Path(project) / NETLIFY_TOML
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PortalError(f"{NETLIFY_TOML} cannot be read ({exc}); fix it or remove it, "
                          "then run the command again.") from None
    rules = []
    for number, table in enumerate(config.get("headers", []), start=1):
        if not isinstance(table, dict) or not isinstance(table.get("for"), str) \
                or not isinstance(table.get("values", {}), dict):
            raise PortalError(f"{NETLIFY_TOML}: [[headers]] number {number} needs for = \"/path\" "
                              "and a [headers.values] table.")
        values = tuple((str(name), _one_line(value)) for name, value in table.get("values", {}).items())
        rules.append(HeaderRule(table["for"], values))
    return tuple(rules)


def headers_for(rules: tuple[HeaderRule, ...], path: str) -> dict[str, str]:
    """The headers Netlify sends for a URL path such as ``/es/schools/`` (no query string)."""
    out: dict[str, str] = {}
    for rule in rules:
        if rule.matches(path):
            for name, value in rule.values:
                for known in [k for k in out if k.lower() == name.lower()]:
                    del out[known]
                out[name] = value
    return out


def _one_line(value: object) -> str:
    """A header value; a list or a multi-line string becomes one line, as Netlify sends it."""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return re.sub(r"\s*\n\s*", " ", str(value)).strip()


def _pattern_regex(pattern: str) -> re.Pattern:
    parts = re.split(r"(\*|:[A-Za-z_][A-Za-z0-9_]*)", pattern)
    regex = "".join(".*" if p == "*" else "[^/]+" if p.startswith(":") else re.escape(p) for p in parts)
    return re.compile(regex)
