"""SVG drawings: accepted only when every part of them is on an allow-list of plain drawing.

``clean_svg(data)`` returns a copy without metadata, with its size, or raises ImageError.

A published SVG is opened directly by some visitors, and then it is a document of
the site's own origin: anything in it that runs script or loads another address
acts as the site. Looking for known attacks is a race the attacker wins (an
``<animate>`` can rewrite a harmless ``href`` into ``javascript:``, CSS can
load other hosts through ``image-set()`` or a backslash escape). So nothing is
looked for; everything must be known: every element and attribute is on the
lists below, a link goes only to a ``#part`` of the same drawing, and CSS holds
no function or rule that loads anything. A drawing that needs more is refused
with the advice to export it as PNG, which the photo pipeline handles safely.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.content.images.image import ImageError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
RULES = "2"  # part of the cache key of a checked drawing: change it when these rules change

# Elements that draw, group, describe or paint, and nothing else. Not allowed:
# <a> (a link can be made to run script), <image> and <feImage> (they load files),
# <switch> and <foreignObject> (they show HTML), <cursor>, <view>, fonts.
ELEMENTS = frozenset("""
    svg g defs symbol use title desc style
    path rect circle ellipse line polyline polygon
    text tspan textPath
    linearGradient radialGradient stop pattern clipPath mask marker
    filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix
    feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB
    feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight
    feSpecularLighting feSpotLight feTile feTurbulence
""".split())

RUNS_CODE = frozenset("script foreignObject iframe embed object handler listener".lower().split())
ANIMATION = frozenset("set animate animateTransform animateMotion animateColor mpath discard".lower().split())

# Geometry, presentation and filter attributes. No event handlers, no animation
# timing, and ``href`` only as a local ``#part`` (checked apart).
ATTRIBUTES = frozenset("""
    id class style lang tabindex role focusable aria-label aria-labelledby aria-describedby aria-hidden
    version baseProfile viewBox preserveAspectRatio width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr
    d points pathLength transform gradientTransform gradientUnits patternTransform patternUnits
    patternContentUnits spreadMethod offset clipPathUnits maskUnits maskContentUnits
    markerWidth markerHeight markerUnits orient refX refY
    dx dy rotate textLength lengthAdjust startOffset method spacing side
    filterUnits primitiveUnits result in in2 mode type values tableValues slope intercept amplitude
    exponent operator k1 k2 k3 k4 order kernelMatrix divisor bias targetX targetY edgeMode
    preserveAlpha surfaceScale diffuseConstant specularConstant specularExponent kernelUnitLength
    scale xChannelSelector yChannelSelector stdDeviation radius baseFrequency numOctaves seed
    stitchTiles azimuth elevation pointsAtX pointsAtY pointsAtZ limitingConeAngle z
    alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation
    color-interpolation-filters color-rendering cursor direction display dominant-baseline
    fill fill-opacity fill-rule filter flood-color flood-opacity font font-family font-size
    font-size-adjust font-stretch font-style font-variant font-weight image-rendering
    letter-spacing lighting-color marker-end marker-mid marker-start mask mask-type opacity
    overflow paint-order pointer-events shape-rendering stop-color stop-opacity stroke
    stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit
    stroke-opacity stroke-width text-anchor text-decoration text-rendering transform-origin
    unicode-bidi vector-effect visibility white-space word-spacing writing-mode
    enable-background isolation mix-blend-mode
""".split())
_DATA_ATTRIBUTE = re.compile(r"data-[a-z0-9_.-]+")  # labels drawing apps add (data-name="Layer 1")

_LOCAL_HREF = re.compile(r"#[A-Za-z_][A-Za-z0-9_.:-]*")
# url() is allowed only to a part of the same drawing (fill="url(#gradient)").
_URL = re.compile(r"url\(", re.I)
_LOCAL_URL = re.compile(r"""url\(\s*(['"]?)#[A-Za-z_][A-Za-z0-9_.:-]*\1\s*\)""", re.I)
# CSS that loads or runs something, or hides what it says behind an escape.
_CSS_LOADS = re.compile(r"\\|@import|image-set\(|image\(|src\(|expression\(|javascript:", re.I)

PNG_ADVICE = "export the drawing as PNG (or JPEG) and use that file instead"


def clean_svg(data: bytes) -> tuple[bytes, int, int]:
    """A safe copy of an SVG drawing, with its size; ImageError when it is not safe."""
    root = _parse(data)
    _strip_svg_metadata(root)
    for el in root.iter():
        _check_element(el)
    width, height = _svg_size(root)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=False), width, height


def _parse(data: bytes) -> ET.Element:
    """The drawing's root element; comments and processing instructions are dropped by the parser."""
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
    if _ns(root.tag) != SVG_NS:
        raise ImageError("the file does not say it is an SVG drawing, so browsers would not show it",
                         expected=f'<svg xmlns="{SVG_NS}">', found=f"<{_local(root.tag)}> without it",
                         suggestion="export it again from your drawing app as SVG")
    return root


def _check_element(el: ET.Element) -> None:
    """Refuse ``el`` unless it, its attributes and its CSS are all plain drawing."""
    tag = _local(el.tag)
    if tag.lower() in RUNS_CODE:
        _refuse(f"the SVG contains a <{tag}> element, which could run code on the site",
                f"<{tag}>", "remove it, or " + PNG_ADVICE)
    if tag.lower() in ANIMATION:
        _refuse(f"the SVG contains an animation (<{tag}>), which can turn a part of the drawing "
                "into a link that runs code", f"<{tag}>", "remove the animation, or " + PNG_ADVICE)
    for name, value in el.attrib.items():
        _check_attribute(tag, name, value)
    if tag not in ELEMENTS:
        _refuse(f"the SVG contains the element <{tag}>, which is not part of a plain drawing",
                f"<{tag}>", PNG_ADVICE)
    if tag == "style":  # its CSS is all the text inside, around any child element too
        _check_css("".join(el.itertext()), "<style>")


def _check_attribute(tag: str, name: str, value: str) -> None:
    local = _local(name)
    if local.lower().startswith("on"):
        _refuse(f"the SVG has an event handler ({local}=...), which could run code",
                f'{local}="{value[:40]}"', "remove the attribute, or " + PNG_ADVICE)
    if local == "href":
        _check_href(value)
        return
    if _ns(name) == XLINK_NS or (local not in ATTRIBUTES and not _DATA_ATTRIBUTE.fullmatch(local)):
        _refuse(f"the SVG's <{tag}> has an attribute ({local}=...) that is not part of a plain drawing",
                f'{local}="{value[:40]}"', PNG_ADVICE)
    if local == "style":
        _check_css(value, f'<{tag} style="...">')
    elif (_URL.search(value) and not _only_local_urls(value)) or "javascript:" in value.lower():
        _refuse("the SVG refers to another file or address, which browsers would load",
                f'{local}="{value[:60]}"', PNG_ADVICE)


def _check_href(value: str) -> None:
    """A link may only point at a part of the same drawing (``#id``)."""
    if _LOCAL_HREF.fullmatch(value):
        return
    if value.strip().lower().startswith("data:"):
        # A picture embedded in a drawing would be published with its hidden details
        # (where and when a photo was taken), which the photo pipeline removes.
        _refuse("the SVG has a picture embedded in it, which would be published with its "
                "hidden details (such as where a photo was taken)", f'href="{value[:40]}..."',
                "add the picture to content/images/ as its own file, or " + PNG_ADVICE)
    _refuse("the SVG refers to another file or address, which browsers would load",
            f'href="{value[:60]}"', "keep everything inside the drawing, or " + PNG_ADVICE)


def _check_css(css: str, where: str) -> None:
    """CSS may colour and size things; it may not load, import or escape anything."""
    found = _CSS_LOADS.search(css)
    if found or (_URL.search(css) and not _only_local_urls(css)):
        bad = found.group(0) if found else "url(...)"
        _refuse(f"the SVG's style ({where}) could load another file or address",
                f"{bad} in: {css.strip()[:60]}", PNG_ADVICE)


def _only_local_urls(text: str) -> bool:
    """True when every ``url(`` in ``text`` is a reference to a ``#part`` of the drawing."""
    return len(_URL.findall(text)) == len(_LOCAL_URL.findall(text))


def _refuse(message: str, found: str, suggestion: str) -> None:
    raise ImageError(message, expected="a plain drawing that runs nothing and loads nothing",
                     found=found, suggestion=suggestion)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1] if isinstance(name, str) else ""


def _ns(name: str) -> str:
    return name[1:].split("}", 1)[0] if name.startswith("{") else ""


def _strip_svg_metadata(root: ET.Element) -> None:
    """Drop <metadata> and anything an editor added in its own namespace (names, paths, GPS...).

    Elements of another namespace (an editor's, or HTML's) are never published, so
    an HTML <script> put in a drawing goes with them."""
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
