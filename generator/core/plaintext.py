"""Text made safe for line-based file formats (calendars, contact cards).

Calendar (.ics) and contact (.vcf) files are lines of ``NAME:value``. Their
libraries escape a newline in a value, but a bare carriage return or another
control character goes through as it is, and some readers then start a new
line there: a title could add a property of its own. Content is checked for
such characters when it is read, but each output must be safe on its own, so
every text value goes through ``line_safe_text`` before it is escaped.
"""
from __future__ import annotations

import re

# CRLF, a bare CR, and the Unicode line and paragraph separators are all one line end.
_LINE_ENDS = re.compile(r"\r\n|[\r\u2028\u2029\x85]")
# Other control characters (C0 but tab and newline, DEL, C1) and lone surrogates,
# which cannot even be written as UTF-8.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def line_safe_text(value: object) -> str:
    """``value`` as text whose only line end is ``\\n`` and that has no other control character."""
    return _UNPRINTABLE.sub("", _LINE_ENDS.sub("\n", str(value)))
