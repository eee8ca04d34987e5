"""Which MkDocs 1.x runs the build: MkDocs itself, or ProperDocs, its maintained fork.

MkDocs 1.6.1 is the last 1.x release. ProperDocs 1.6 is the same program under the package
name ``properdocs``; it ships ``properdocs.replacement``, which answers every ``mkdocs.*``
import with the ``properdocs.*`` module. Importing this module before anything from MkDocs
makes portal's own ``mkdocs.*`` imports, and mkdocs-static-i18n's, work with either engine.
MkDocs is used whenever it is installed (the default in pyproject.toml); ProperDocs only
where MkDocs is not (README, "Switching to ProperDocs").
"""
from __future__ import annotations

import importlib.util

if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs") is not None:
    import properdocs.replacement  # noqa: F401  (mkdocs.* imports now load properdocs.*)

import mkdocs  # noqa: E402

# The engine's own name ("mkdocs" or "properdocs"): the root of the loggers it writes to.
NAME = mkdocs.__name__
