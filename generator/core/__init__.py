"""Core: helpers every stage may use, at the bottom of the pipeline.

Errors staff read, small value objects, interface text and formatting per
language, HTML sanitising, inline Markdown, the build cache and the theme's
icons. Nothing here knows about content kinds, pages or MkDocs.
"""
