"""Content: from ``portal.yml`` and ``content/<lang>/`` to one checked model of the site.

Settings are read (settings), files loaded (loader), each field
checked against the schema (schema, fieldtypes, datetypes), each item's
languages merged into one record (merge), cross-references resolved into the
model (model), then the rules that involve several items run (rules,
tracking, images). ``pipeline.build_site`` runs it all and raises
ContentErrors with every problem found. Nothing here writes the site.
"""
