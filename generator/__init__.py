"""portal: a static-site generator for bilingual public program portals.

The pipeline runs one way, and each stage is a package that imports only from
the stages before it (docs/architecture.md; ``lint-imports`` checks it):

    core      errors, values, interface text, sanitising: used by every stage
    content   portal.yml + content/<lang>/ -> load -> validate -> merge -> model (+ rules, images)
    derive    model -> the pages every language gets, and the views the theme shows
    outputs   model -> files published as they are: calendars, feeds, cards, vCards, images
    site      pages + outputs -> site_src/ -> MkDocs + mkdocs-static-i18n + themes/portal -> site/
    cli       the ``portal`` command and its authoring tools
"""

__version__ = "0.1.0"
