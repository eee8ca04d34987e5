"""The ``portal`` command (main) and the tools it offers staff: scaffolds, schema docs, marking translations."""
