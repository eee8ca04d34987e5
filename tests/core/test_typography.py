"""Text details families notice: no doubled full stops after '5:30 p. m.' anywhere."""
from __future__ import annotations

import re


def test_no_doubled_full_stop_after_a_time(example_site):
    bad = []
    for f in example_site.rglob("*"):
        if f.suffix not in (".html", ".ics", ".xml", ".vcf") or not f.is_file():
            continue
        text = f.read_text(encoding="utf-8")
        if re.search(r"[ap]\.[\u202f\u00a0 ]?m\.(?:<[^>]+>|\s)*\.(?!\.)", text):
            bad.append(f.relative_to(example_site).as_posix())
    assert not bad, f"'m..' in {bad[:5]}"
