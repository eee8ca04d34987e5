"""Site: from the derived pages and outputs to ``site/``.

Writes ``site_src/`` (project, writer), runs MkDocs with mkdocs-static-i18n
and the portal plugin (plugin), gives the theme its context (theme/), and
swaps the finished build into ``site/`` (build).
"""
