"""Files published with the site from content/files/: the documents items list (agendas,
minutes, presentations, in every language they come in) and the files bodies link to."""
from __future__ import annotations

from generator.content.documents import document_files as files_of, items_with_documents
from generator.content.links import linked_files
from generator.content.model import Site
from generator.derive.meetings import published_path
from generator.outputs.file import OutputFile


def document_files(site: Site, messages_for) -> list[OutputFile]:
    out, seen = [], set()

    def publish(rel: str, what: str) -> None:
        if rel not in seen:
            seen.add(rel)
            out.append(OutputFile(rel, (site.settings.content_dir / rel).read_bytes(), None, what))

    for item in items_with_documents(site):
        for doc in item.get(site.default, "documents", []):
            for _, file in files_of(doc):
                rel = published_path(site, file)
                if rel:
                    publish(rel, f"{item.collection}/{item.slug} documents")
    for rel in linked_files(site):
        publish(rel, "linked from a page")
    return out
