"""Meeting documents published with the site (agendas, minutes, presentations)."""
from __future__ import annotations

from generator.content.model import Site
from generator.derive.meetings import published_path
from generator.outputs.file import OutputFile


def document_files(site: Site, messages_for) -> list[OutputFile]:
    out, seen = [], set()
    for m in site.meetings:
        for doc in m.get(site.default, "documents", []):
            rel = published_path(site, str(doc["file"]))
            if rel and rel not in seen:
                seen.add(rel)
                out.append(OutputFile(rel, (site.settings.content_dir / rel).read_bytes(), None,
                                      f"meetings/{m.slug} documents"))
    return out
