"""SVG drawings are published only when every part is plain drawing: crafted ones are refused."""
from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET

import pytest

from generator.content.images import process
from generator.content.images.image import ImageError
from generator.content.images.svg import clean_svg
from generator.content.settings import ImageSettings
from support import REPO

HEAD = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 100 100">')

# Each drawing, opened directly from the site, would run script or load another host.
ATTACKS = {
    "set rewrites a link into script": '<a href="#x"><set attributeName="href" '
                                       'to="java&#9;script:alert(1)"/><rect width="9" height="9"/></a>',
    "animate rewrites a link": '<a href="#x"><animate attributeName="href" values="javascript:alert(1)"/>'
                               '<rect width="9" height="9"/></a>',
    "animate rewrites xlink:href": '<a xlink:href="#x"><animate attributeName="xlink:href" '
                                   'values="javascript:alert(1)"/><rect width="9" height="9"/></a>',
    "a link to script": '<a href="javascript:alert(1)"><rect width="9" height="9"/></a>',
    "a link with a tab in javascript": '<a xlink:href="java&#9;script:alert(1)"><text>hi</text></a>',
    "animateTransform": '<rect width="9" height="9"><animateTransform attributeName="transform"/></rect>',
    "style loads through image-set": '<style>rect { fill: red; background: image-set("https://t.example/x.png" 1x) }'
                                     '</style><rect width="9" height="9"/>',
    "style hides url behind an escape": '<style>rect { background: u\\72l(https://t.example/x.png) }</style>'
                                        '<rect width="9" height="9"/>',
    "style imports a sheet": '<style>@import "https://t.example/x.css";</style><rect width="9" height="9"/>',
    "style continued after a child": '<style>rect { fill: red }<g/>@import "https://t.example/x.css";</style>',
    "style with expression": '<style>rect { width: expression(alert(1)) }</style><rect width="9" height="9"/>',
    "style url to another host": '<style>rect { cursor: url(https://t.example/c.cur), auto }</style>'
                                 '<rect width="9" height="9"/>',
    "style attribute loads a url": '<rect width="9" height="9" style="fill:url(https://t.example/p.svg#g)"/>',
    "style attribute with an escape": '<rect width="9" height="9" style="fill:\\72 ed"/>',
    "presentation attribute loads a url": '<rect width="9" height="9" fill="url(https://t.example/p.svg#g)"/>',
    "use of another file": '<use href="https://t.example/sprite.svg#icon"/>',
    "use of a relative file": '<use xlink:href="other.svg#icon"/>',
    "an embedded picture": '<image href="data:image/png;base64,iVBORw0KGgo=" width="9" height="9"/>',
    "an embedded svg": '<image href="data:image/svg+xml;base64,PHN2Zy8+" width="9" height="9"/>',
    "feImage loads a file": '<filter id="f"><feImage href="https://t.example/x.png"/></filter>',
    "html script in its namespace": '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">'
                                    '<script>alert(1)</script></div></foreignObject>',
    "script": '<script>alert(1)</script>',
    "event handler on a shape": '<rect width="9" height="9" onclick="alert(1)"/>',
    "an unknown element": '<cursor xlink:href="#c"/>',
    "an unknown attribute": '<rect width="9" height="9" begin="0s"/>',
}


@pytest.mark.parametrize("case", list(ATTACKS))
def test_crafted_svgs_are_refused_in_plain_words(case):
    with pytest.raises(ImageError) as refused:
        clean_svg((HEAD + ATTACKS[case] + "</svg>").encode())
    err = refused.value
    assert err.found, "the message says what was found"
    assert "PNG" in err.suggestion, "and what to do instead"
    assert "Traceback" not in err.message


def test_a_drawing_without_the_svg_namespace_is_refused():
    with pytest.raises(ImageError, match="does not say it is an SVG"):
        clean_svg(b'<svg viewBox="0 0 9 9"><rect width="9" height="9"/></svg>')


# Drawings as editors write them: gradients, clip paths, masks, patterns, markers,
# text, reuse of a local part, styles that only colour things.
NORMAL = HEAD + """
  <title>Site plan</title><desc>The school buildings and the garden</desc>
  <style>.wall { fill: url(#g); stroke: #333; stroke-width: 2 } text { font: 12px sans-serif }</style>
  <defs>
    <linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#0b5d5b"/><stop offset="1" stop-color="#fff"/></linearGradient>
    <radialGradient id="r" href="#g"/>
    <clipPath id="c"><circle cx="50" cy="50" r="40"/></clipPath>
    <mask id="m"><rect width="100" height="100" fill="white"/></mask>
    <pattern id="p" width="4" height="4" patternUnits="userSpaceOnUse"><path d="M0 0h2v2H0z"/></pattern>
    <marker id="arrow" markerWidth="4" markerHeight="4" refX="2" refY="2" orient="auto"><path d="M0 0L4 2L0 4z"/></marker>
    <symbol id="tree" viewBox="0 0 10 10"><polygon points="5,0 10,10 0,10"/></symbol>
    <filter id="f"><feGaussianBlur stdDeviation="1"/><feOffset dx="1" dy="1"/></filter>
  </defs>
  <g clip-path="url(#c)" mask="url('#m')" filter="url(#f)">
    <rect class="wall" data-name="Layer 1" x="10" y="10" width="50" height="30" style="fill: url(#p); opacity: .8"/>
    <line x1="0" y1="90" x2="90" y2="90" stroke="#000" marker-end="url(#arrow)"/>
    <use href="#tree" x="70" y="60" width="20" height="20"/>
    <use xlink:href="#tree" x="80" y="60" width="20" height="20"/>
    <text x="10" y="80">Garden <tspan font-weight="bold">here</tspan></text>
  </g>
</svg>"""


def test_a_normal_drawing_is_accepted_and_keeps_its_parts():
    cleaned, width, height = clean_svg(NORMAL.encode())
    assert (width, height) == (100, 100)
    root = ET.fromstring(cleaned)
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert {"linearGradient", "clipPath", "mask", "pattern", "marker", "use", "text", "style"} <= tags


@pytest.mark.parametrize("drawing", sorted((REPO / "themes" / "portal").glob("**/*.svg")),
                         ids=lambda p: p.name)
def test_the_projects_own_drawings_are_accepted(drawing):
    cleaned, width, height = clean_svg(drawing.read_bytes())
    assert width > 0 and height > 0
    assert b"<path" in cleaned or b"<rect" in cleaned


def test_a_drawing_cached_under_older_rules_is_checked_again(tmp_path):
    """A drawing the old checks let through must not be published from the cache."""
    attack = (HEAD + ATTACKS["set rewrites a link into script"] + "</svg>").encode()
    path = tmp_path / "plan.svg"
    path.write_bytes(attack)
    cache = tmp_path / "cache"
    cache.mkdir()
    digest = hashlib.sha256(attack).hexdigest()
    settings = ImageSettings()
    (cache / f"{digest}-100.svg").write_bytes(attack)
    old_key = f"v1-w{','.join(map(str, settings.widths))}-q{settings.quality}"
    (cache / f"{digest}.json").write_text(json.dumps(
        {"key": old_key, "width": 100, "height": 100,
         "variants": [{"width": 100, "height": 100, "format": "svg"}]}), encoding="utf-8")
    with pytest.raises(ImageError, match="not part of a plain drawing"):
        process.process_file(path, settings, cache)
