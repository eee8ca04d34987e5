"""Publishing images: every variant of every published image, once, at /images/."""
from __future__ import annotations

from generator.content.images.library import published_images
from generator.outputs.file import OutputFile


def image_files(site, messages_for) -> list[OutputFile]:
    """FILE_PRODUCER: every variant of every published image, once, at /images/."""
    out, seen = [], set()
    for image in published_images(site):
        for v in image.variants:
            if v.rel not in seen:
                seen.add(v.rel)
                out.append(OutputFile(v.rel, v.path.read_bytes(), None, f"image {image.src or v.rel}"))
    return out
