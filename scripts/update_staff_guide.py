"""Rewrite the generated "Site settings" table of docs/staff-guide.md from the settings schema.

Run it after adding or changing a setting in generator/content/settings_schema.py:

    python scripts/update_staff_guide.py

tests/cli/test_settings_docs.py fails while the table is stale.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.cli.settings_docs import update_guide  # noqa: E402

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "staff-guide.md"

if __name__ == "__main__":
    changed = update_guide(GUIDE)
    print(f"{GUIDE.name}: {'updated' if changed else 'already up to date'}")
