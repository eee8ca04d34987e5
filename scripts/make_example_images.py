"""Draw the example district's photos (content/images/) with Pillow.

The example site needs a few real picture files, but no real school's photo:
these are drawings. One of them, lincoln-elementary.jpg, deliberately carries
what a phone photo carries - EXIF with a GPS position, the camera's make,
model and serial number, an XMP packet and a JPEG comment - so the tests can
check that none of it reaches the published site.

Run from the repository root: .venv/bin/python scripts/make_example_images.py
"""
from __future__ import annotations

from pathlib import Path

from PIL import ExifTags, Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "content" / "images"

SKY = (205, 230, 240)
GRASS = (120, 170, 95)
BRICK = (168, 74, 52)
STUCCO = (236, 214, 170)
WINDOW = (250, 246, 225)
TRIM = (245, 245, 240)
DARK = (40, 48, 56)
BRAND = (11, 93, 91)


def sky_and_ground(draw: ImageDraw.ImageDraw, w: int, h: int, horizon: int) -> None:
    for y in range(horizon):
        t = y / horizon
        draw.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip((150, 200, 230), SKY)))
    draw.rectangle([0, horizon, w, h], fill=GRASS)
    draw.ellipse([w - 190, 50, w - 90, 150], fill=(255, 214, 102))


def tree(draw: ImageDraw.ImageDraw, x: int, ground: int, size: int) -> None:
    draw.rectangle([x - size // 10, ground - size, x + size // 10, ground], fill=(110, 80, 50))
    draw.ellipse([x - size // 2, ground - size * 2, x + size // 2, ground - size + size // 4], fill=(60, 120, 70))


def windows(draw: ImageDraw.ImageDraw, left: int, top: int, cols: int, rows: int, w: int, h: int, gap: int) -> None:
    for r in range(rows):
        for c in range(cols):
            x, y = left + c * (w + gap), top + r * (h + gap)
            draw.rectangle([x, y, x + w, y + h], fill=WINDOW, outline=TRIM, width=4)
            draw.line([(x + w // 2, y), (x + w // 2, y + h)], fill=TRIM, width=3)


def lincoln() -> Image.Image:
    """A two-storey 1928 brick school with a flag and a gate."""
    w, h = 1200, 760
    im = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(im)
    ground = 600
    sky_and_ground(d, w, h, ground)
    d.rectangle([220, 260, 980, ground], fill=BRICK)
    d.polygon([(200, 265), (600, 140), (1000, 265)], fill=(110, 50, 40))
    d.rectangle([520, 200, 680, 265], fill=BRICK)
    d.ellipse([570, 205, 630, 255], fill=TRIM)
    windows(d, 250, 300, 3, 2, 60, 90, 30)
    windows(d, 710, 300, 3, 2, 60, 90, 30)
    d.rectangle([540, 420, 660, ground], fill=DARK)
    d.rectangle([525, 405, 675, 425], fill=TRIM)
    d.line([(1060, ground), (1060, 230)], fill=(120, 120, 120), width=8)
    d.rectangle([1064, 235, 1150, 290], fill=BRAND)
    d.rectangle([0, ground + 40, w, ground + 48], fill=(190, 190, 185))
    for x in range(0, w, 36):
        d.line([(x, ground + 10), (x, ground + 60)], fill=(70, 70, 70), width=4)
    d.line([(0, ground + 18), (w, ground + 18)], fill=(70, 70, 70), width=4)
    tree(d, 110, ground, 170)
    return im


def valle_verde_high() -> Image.Image:
    """A low stucco campus with a tower, palm trees and a sports field."""
    w, h = 1200, 700
    im = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(im)
    ground = 520
    sky_and_ground(d, w, h, ground)
    d.rectangle([120, 330, 1080, ground], fill=STUCCO)
    d.rectangle([120, 315, 1080, 335], fill=(180, 90, 60))
    d.rectangle([520, 180, 680, ground], fill=STUCCO)
    d.polygon([(505, 185), (600, 110), (695, 185)], fill=(180, 90, 60))
    windows(d, 160, 370, 4, 1, 60, 70, 30)
    windows(d, 730, 370, 4, 1, 60, 70, 30)
    d.rectangle([560, 400, 640, ground], fill=BRAND)
    d.ellipse([565, 220, 635, 290], fill=TRIM, outline=DARK, width=4)
    d.line([(600, 255), (600, 232)], fill=DARK, width=4)
    d.line([(600, 255), (618, 262)], fill=DARK, width=4)
    for x in (60, 1140):
        d.line([(x, ground), (x + 10, ground - 230)], fill=(120, 90, 60), width=12)
        for dx, dy in ((-70, 20), (70, 20), (-50, -30), (50, -30)):
            d.line([(x + 10, ground - 230), (x + 10 + dx, ground - 230 + dy)], fill=(60, 120, 70), width=14)
    d.rectangle([0, ground + 60, w, h], fill=(100, 155, 80))
    d.line([(0, ground + 120), (w, ground + 120)], fill=TRIM, width=5)
    return im


def portrait() -> Image.Image:
    """A simple drawn portrait (a coordinator's photo in the example)."""
    w, h = 600, 600
    im = Image.new("RGB", (w, h), (222, 236, 233))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 420, w, h], fill=(200, 222, 218))
    d.ellipse([120, 380, 480, 760], fill=BRAND)
    d.polygon([(260, 400), (300, 470), (340, 400)], fill=TRIM)
    d.rectangle([265, 330, 335, 410], fill=(176, 122, 92))
    d.ellipse([185, 120, 415, 370], fill=(60, 40, 35))
    d.ellipse([205, 150, 395, 360], fill=(190, 134, 102))
    d.chord([195, 110, 405, 260], 180, 360, fill=(60, 40, 35))
    d.ellipse([250, 235, 268, 253], fill=DARK)
    d.ellipse([332, 235, 350, 253], fill=DARK)
    d.arc([260, 270, 340, 320], 20, 160, fill=(120, 50, 50), width=6)
    return im


def phone_metadata() -> tuple[Image.Exif, bytes, bytes]:
    """What a phone writes into a photo: where, when, with which camera."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Examplephone"
    exif[ExifTags.Base.Model] = "EP-12 Pro"
    exif[ExifTags.Base.Software] = "Camera 4.2"
    exif[ExifTags.Base.Artist] = "Parent volunteer"
    exif[ExifTags.Base.DateTime] = "2026:09:14 08:12:40"
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[ExifTags.Base.DateTimeOriginal] = "2026:09:14 08:12:40"
    sub[ExifTags.Base.BodySerialNumber] = "SN-EP12-4815162342"
    sub[ExifTags.Base.LensSerialNumber] = "LENS-2342"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSVersionID] = b"\x02\x02\x00\x00"
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (36.0, 44.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (119.0, 47.0, 6.25)
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="36,44.2083N" '
           b'exif:GPSLongitude="119,47.1042W"/></rdf:RDF></x:xmpmeta>')
    comment = b"Photographed outside Room 12 by a parent volunteer"
    return exif, xmp, comment


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    exif, xmp, comment = phone_metadata()
    lincoln().save(OUT / "lincoln-elementary.jpg", "JPEG", quality=72, optimize=True, exif=exif,
                   xmp=xmp, comment=comment)
    valle_verde_high().save(OUT / "valle-verde-high.jpg", "JPEG", quality=72, optimize=True)
    portrait().save(OUT / "maria-elena-vargas.jpg", "JPEG", quality=75, optimize=True)
    for path in sorted(OUT.glob("*.jpg")):
        print(f"{path.relative_to(OUT.parent.parent)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
