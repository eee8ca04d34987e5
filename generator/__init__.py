"""portal: a static-site generator for bilingual public program portals.

The pipeline runs one way (see README, "Pipeline"):

    settings + content/{lang}/  -> load      (generator.loader)
                                -> validate  (generator.schema, generator.merge)
                                -> model     (generator.model)
                                -> derive    (generator.derive)
                                -> write     (generator.writer)  -> site_src/
    site_src/ -> MkDocs + mkdocs-static-i18n + themes/portal -> site/
"""

__version__ = "0.1.0"
