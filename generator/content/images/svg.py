"""SVG drawings: accepted only when they cannot run anything or load anything.

``clean_svg(data)`` returns a copy without metadata, with its size, or raises ImageError.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.content.images.image import ImageError

# ---------------------------------------------------------------------------
# SVG: accepted only when it cannot run anything or load anything

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_ALLOWED_DATA = re.compile(r"data:image/(png|jpeg|gif|webp);base64,", re.I)


def clean_svg(data: bytes) -> tuple[bytes, int, int]:
    """A safe copy of an SVG drawing, with its size; ImageError when it is not safe."""
    if re.search(r"<!DOCTYPE|<!ENTITY", data.decode("utf-8", "replace"), re.I):
        raise ImageError("the SVG declares a DOCTYPE or entities, which can hide content",
                         expected="a plain SVG drawing", found="<!DOCTYPE ...> or <!ENTITY ...>",
                         suggestion="export it again as plain SVG (in Inkscape: Save as > Optimized SVG)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ImageError("the SVG file cannot be read", expected="a well-formed SVG drawing",
                         found=str(exc), suggestion="export it again from your drawing app") from None
    if _local(root.tag) != "svg":
        raise ImageError("the file is not an SVG drawing", expected="an <svg> file",
                         found=f"<{_local(root.tag)}>")
    for el in root.iter():
        tag = _local(el.tag) if isinstance(el.tag, str) else ""
        if tag.lower() in ("script", "foreignobject", "iframe", "embed", "object", "handler"):
            raise ImageError(f"the SVG contains a <{tag}> element, which could run code on the site",
                             expected="a drawing without scripts", found=f"<{tag}>",
                             suggestion="remove the script, or export the drawing as PNG")
        for name, value in el.attrib.items():
            local = _local(name)
            if local.lower().startswith("on"):
                raise ImageError(f"the SVG has an event handler ({local}=...), which could run code",
                                 expected="a drawing without scripts", found=f'{local}="{value[:40]}"',
                                 suggestion="remove the attribute, or export the drawing as PNG")
            if local == "href" and not (value.startswith("#") or _ALLOWED_DATA.match(value)):
                raise ImageError("the SVG refers to another file or address, which browsers would load",
                                 expected="a drawing that contains everything it shows",
                                 found=f'href="{value[:60]}"',
                                 suggestion="embed the picture in the drawing, or export it as PNG")
            if re.search(r"javascript:|url\(\s*['\"]?(?!#)|@import", value, re.I):
                raise ImageError("the SVG refers to another file or to script in a style",
                                 expected="a drawing that contains everything it shows",
                                 found=f'{local}="{value[:60]}"', suggestion="export it again as plain SVG")
        if tag == "style" and re.search(r"javascript:|url\(\s*['\"]?(?!#)|@import", el.text or "", re.I):
            raise ImageError("the SVG's style loads another file", expected="a self-contained drawing",
                             found=(el.text or "")[:60].strip(), suggestion="export it again as plain SVG")
    _strip_svg_metadata(root)
    width, height = _svg_size(root)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=False), width, height


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _ns(name: str) -> str:
    return name[1:].split("}", 1)[0] if name.startswith("{") else ""


def _strip_svg_metadata(root: ET.Element) -> None:
    """Drop <metadata> and anything an editor added in its own namespace (names, paths, GPS...)."""
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str) or _local(child.tag) == "metadata" or \
                    _ns(child.tag) not in ("", SVG_NS):
                parent.remove(child)
        for name in list(parent.attrib):
            if _ns(name) not in ("", SVG_NS, XLINK_NS):
                del parent.attrib[name]


def _svg_size(root: ET.Element) -> tuple[int, int]:
    def number(value):
        m = re.fullmatch(r"\s*([0-9.]+)\s*(px)?\s*", value or "")
        return float(m.group(1)) if m else None

    w, h = number(root.get("width")), number(root.get("height"))
    if w and h:
        return round(w), round(h)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return round(float(box[2])), round(float(box[3]))
        except ValueError:
            pass
    raise ImageError("the SVG has no size", expected="width and height, or a viewBox",
                     suggestion='add viewBox="0 0 800 600" (its drawing area) to the <svg> element')
