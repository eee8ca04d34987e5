"""Photos: processed at build time, published without metadata, bad files refused clearly, cached."""
from __future__ import annotations

import io
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import ExifTags, Image

from generator.cli.main import main
from generator.content.images import process as images
from generator.content.settings import ImageSettings
from support import REPO

NOW = ["--now", "2026-11-23 12:00"]
LEAKS = [b"Exif\x00\x00", b"SN-EP12", b"Examplephone", b"ns.adobe.com", b"parent volunteer", b"GPS"]


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def noise_jpeg(size=(300, 200), **save) -> bytes:
    im = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90, **save)
    return buf.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG file that claims to be width x height pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) \
        + chunk(b"IEND", b"")


def school_with_photo(project, photo_yaml: str) -> None:
    project.write("content/en/schools/alder-elementary.md", f"""
        ---
        name: Alder Elementary School
        level: elementary
        grades: TK-5
        address: {{street: 10 Alder Street, city: Valle Verde, state: CA, postal_code: "95301"}}
        coordinator: ana-ruiz
        services: [food_pantry, tutoring]
        {photo_yaml}
        ---
        A small school.
        """)


# -- the example site ----------------------------------------------------------------------------


def published_variants(site: Path, stem: str) -> list[Path]:
    return sorted((site / "images").glob(f"{stem}-*.*"))


def test_the_example_photo_really_carries_gps_and_camera_data():
    """Guard for the next test: the source photo is a real leak if published as is."""
    source = REPO / "content" / "images" / "lincoln-elementary.jpg"
    with Image.open(source) as im:
        exif = im.getexif()
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert gps[ExifTags.GPS.GPSLatitudeRef] == "N" and gps[ExifTags.GPS.GPSLatitude]
        assert "xmp" in im.info and "comment" in im.info
    data = source.read_bytes()
    assert all(leak in data for leak in LEAKS)


def test_published_photos_carry_no_metadata_at_all(example_site):
    lincoln = published_variants(example_site, "lincoln-elementary")
    assert {p.suffix for p in lincoln} == {".webp", ".jpg"}, lincoln
    every = sorted((example_site / "images").iterdir())
    assert len(every) > len(lincoln)  # other photos and the avatars too
    for path in every:
        with Image.open(path) as im:
            assert len(im.getexif()) == 0, f"{path.name} has EXIF"
            for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile", "photoshop"):
                assert key not in im.info, f"{path.name} carries {key}"
        data = path.read_bytes()
        for leak in LEAKS:
            assert leak not in data, f"{path.name} contains {leak!r}"


def test_school_page_shows_a_responsive_picture_with_size_and_alt(example_site):
    html = (example_site / "schools" / "lincoln-elementary" / "index.html").read_text(encoding="utf-8")
    picture = re.search(r"<picture[^>]*>.*?</picture>", html, re.S).group(0)
    webp = re.search(r'<source type="image/webp" sizes="[^"]+" srcset="([^"]+)"', picture).group(1)
    img = re.search(r"<img [^>]*>", picture).group(0)
    assert re.search(r'\swidth="\d+"', img) and re.search(r'\sheight="\d+"', img)
    assert 'alt="Lincoln&#39;s two-storey red-brick building' in img or "alt=\"Lincoln's two-storey" in img
    jpeg = re.search(r'srcset="([^"]+)"', img).group(1)
    for srcset in (webp, jpeg):
        entries = [e.strip().split() for e in srcset.split(",")]
        assert len(entries) >= 2, srcset
        for url, width in entries:
            file = (example_site / "schools" / "lincoln-elementary" / url).resolve()
            assert file.is_file(), url
            with Image.open(file) as im:
                assert f"{im.width}w" == width
    es = (example_site / "es" / "schools" / "lincoln-elementary" / "index.html").read_text(encoding="utf-8")
    assert 'alt="El edificio de ladrillo rojo' in es


def test_width_and_height_match_the_image_they_describe(example_site):
    html = (example_site / "people" / "maria-elena-vargas" / "index.html").read_text(encoding="utf-8")
    img = re.search(r'<img src="([^"]+)"[^>]*width="(\d+)" height="(\d+)"', html)
    with Image.open((example_site / "people" / "maria-elena-vargas" / img.group(1)).resolve()) as im:
        assert (im.width, im.height) == (int(img.group(2)), int(img.group(3)))


# -- processing -------------------------------------------------------------------------------------


def test_orientation_is_applied_and_widths_never_exceed_the_original(tmp_path):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # stored sideways: rotate 90 degrees clockwise to view
    im = Image.new("RGB", (400, 200), (200, 30, 30))
    im.paste((30, 30, 200), (0, 0, 200, 200))  # left half blue
    path = tmp_path / "sideways.jpg"
    im.save(path, "JPEG", exif=exif)
    done = images.process_file(path, ImageSettings(widths=(100, 150, 800)), tmp_path / "cache")
    assert (done.width, done.height) == (200, 400)
    assert [v.width for v in done.sources("webp")] == [100, 150, 200]
    with Image.open(done.largest("jpeg").path) as out:
        assert out.size == (200, 400)
        top = out.getpixel((100, 20))
        assert top[2] > top[0], "after rotating clockwise the blue (left) half is on top"


def test_transparent_images_keep_transparency(tmp_path):
    im = Image.new("RGBA", (300, 120), (0, 0, 0, 0))
    im.paste((11, 93, 91, 255), (0, 0, 150, 120))
    path = tmp_path / "logo.png"
    im.save(path)
    done = images.process_file(path, ImageSettings(), tmp_path / "cache")
    assert done.fallback_format == "png"
    with Image.open(done.largest("webp").path) as out:
        assert out.mode == "RGBA" and out.getpixel((299, 60))[3] == 0


def test_a_safe_svg_is_published_cleaned(project, tmp_path):
    project.write("content/images/plan.svg", """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
             width="400" height="200" inkscape:export-filename="/home/ana/Desktop/plan.png">
          <!-- drawn by Ana at home -->
          <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
          <rect width="400" height="200" fill="#0b5d5b"/>
        </svg>
        """)
    school_with_photo(project, "photo: {src: images/plan.svg, alt: Site plan}")
    out = tmp_path / "out"
    result = run("build", "-p", str(project.root), "--site-dir", str(out), *NOW)
    assert result.exit_code == 0, result.output
    published = list((out / "images").glob("plan-*.svg"))
    assert len(published) == 1
    text = published[0].read_text(encoding="utf-8")
    assert "<rect" in text and "metadata" not in text and "Desktop" not in text and "Ana" not in text
    html = (out / "schools" / "alder-elementary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img[^>]*src="[^"]*plan-[0-9a-f]+-400\.svg" width="400" height="200" alt="Site plan"', html)


# -- bad images: a clear error naming both files, never a traceback ------------------------------

BAD = {
    "not an image": ("images/notes.jpg", b"These are my notes, not a photo.\n" * 20,
                     "not a picture that can be published"),
    "truncated": ("images/cut.jpg", None, "truncated"),
    "decompression bomb": ("images/huge.png", png_header(20000, 20000), "decompression bomb"),
    "just over Pillow's limit": ("images/big.png", png_header(10000, 10000), "decompression bomb"),
    "svg with script": ("images/logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                        b'<script>alert(1)</script></svg>', "<script> element"),
    "svg with a handler": ("images/logo2.svg", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9" '
                           b'onload="alert(1)"><rect width="9" height="9"/></svg>', "event handler"),
    "svg loading another file": ("images/logo3.svg", b'<svg xmlns="http://www.w3.org/2000/svg" '
                                 b'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9"><image '
                                 b'xlink:href="https://tracker.example.com/p.png"/></svg>', "another file"),
    "too large a file": ("images/large.jpg", "large", "more than the limit"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_images_stop_the_build_with_the_file_named(project, tmp_path, case):
    rel, data, words = BAD[case]
    if case == "truncated":
        whole = noise_jpeg()
        data = whole[: len(whole) * 2 // 3]
    if data == "large":
        data = noise_jpeg((400, 400))
        settings = (project.root / "portal.yml").read_text(encoding="utf-8")
        settings = settings.replace("  max_bytes: 15000000\n", "  max_bytes: 20000\n") if "\nimages:" in settings \
            else settings + "images:\n  max_bytes: 20000\n"
        (project.root / "portal.yml").write_text(settings, encoding="utf-8")
    path = project.root / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    school_with_photo(project, f"photo: {{src: {rel}, alt: A photo of the school}}")
    out = tmp_path / "out"
    result = run("build", "-p", str(project.root), "--site-dir", str(out), *NOW)
    assert result.exit_code == 1, result.output
    assert "content/en/schools/alder-elementary.md" in result.output
    assert "field 'photo.src'" in result.output
    assert f"content/{rel}" in result.output
    assert words in result.output
    assert "Traceback" not in result.output
    assert not out.exists(), "nothing is published"


@pytest.mark.parametrize("src, words", [
    ("../portal.yml", "outside the content/ folder"),
    ("/etc/passwd", "not from the disk's root"),
    ("images/../../portal.yml", "outside the content/ folder"),
    ("images/link.jpg", "outside the content/ folder"),
    ("https://example.com/photo.jpg", "not a web address"),
    ("images/lincon.jpg", 'did you mean "images/lincoln.jpg"?'),
])
def test_paths_cannot_leave_content(project, src, words):
    (project.root / "content" / "images").mkdir(parents=True)
    (project.root / "content" / "images" / "lincoln.jpg").write_bytes(noise_jpeg())
    (project.root / "content" / "images" / "link.jpg").symlink_to(project.root / "portal.yml")
    school_with_photo(project, f'photo: {{src: "{src}", alt: A photo}}')
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1, result.output
    assert "content/en/schools/alder-elementary.md" in result.output and words in result.output
    assert "Traceback" not in result.output


def test_alt_text_is_required_unless_decorative(project, tmp_path):
    (project.root / "content" / "images").mkdir(parents=True)
    (project.root / "content" / "images" / "front.jpg").write_bytes(noise_jpeg())
    school_with_photo(project, "photo: images/front.jpg")
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1
    assert "field 'photo.alt'" in result.output and "has no alt text" in result.output
    assert "decorative: true" in result.output

    school_with_photo(project, "photo: {src: images/front.jpg, decorative: true}")
    result = run("build", "-p", str(project.root), "--site-dir", str(tmp_path / "out"), *NOW)
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "schools" / "alder-elementary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="[^"]*front-[^"]+\.jpg"[^>]*alt=""', html)


def test_markdown_images_are_processed_and_need_alt(project, tmp_path):
    (project.root / "content" / "images").mkdir(parents=True)
    (project.root / "content" / "images" / "garden.jpg").write_bytes(noise_jpeg(exif=b"Exif\x00\x00MM\x00*"))
    project.write("content/en/schools/alder-elementary.md", """
        ---
        name: Alder Elementary School
        level: elementary
        grades: TK-5
        address: {street: 10 Alder Street, city: Valle Verde, state: CA, postal_code: "95301"}
        ---
        Our garden:

        ![](images/garden.jpg)
        """)
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1
    assert "content/en/schools/alder-elementary.md, line 9" in result.output
    assert "![a short description](images/garden.jpg)" in result.output

    path = project.root / "content/en/schools/alder-elementary.md"
    path.write_text(path.read_text().replace("![](", "![Children planting tomatoes in the garden]("))
    out = tmp_path / "out"
    result = run("build", "-p", str(project.root), "--site-dir", str(out), *NOW)
    assert result.exit_code == 0, result.output
    html = (out / "schools" / "alder-elementary" / "index.html").read_text(encoding="utf-8")
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'alt="Children planting tomatoes in the garden"' in picture and "image/webp" in picture
    for url in re.findall(r'(?:src|srcset)="([^" ]+)', picture):
        assert (out / "schools" / "alder-elementary" / url).resolve().is_file(), url


# -- avatars -----------------------------------------------------------------------------------------


def test_every_avatar_colour_has_accessible_contrast_with_white():
    from generator.content.images import avatars as imaging

    for colour in imaging.AVATAR_COLOURS:
        assert imaging.contrast(imaging._rgb(colour), (255, 255, 255)) >= 4.5, colour


def test_people_without_a_photo_get_an_initials_avatar(example_site):
    from generator.content.images import avatars as imaging

    html = (example_site / "people" / "leticia-ramirez" / "index.html").read_text(encoding="utf-8")
    src = re.search(r'<img src="([^"]*avatar-leticia-ramirez-[^"]+)"[^>]*alt=""', html).group(1)
    with Image.open((example_site / "people" / "leticia-ramirez" / src).resolve()) as im:
        rgb = im.convert("RGB")
        background = rgb.getpixel((3, 3))
        lightest = max((c for _, c in rgb.getcolors(1 << 20)), key=sum)
        assert sum(lightest) > 700, "white letters are drawn"
        assert imaging.contrast(background, lightest) >= 4.5
    assert imaging.initials("María Elena Vargas") == "MV"
    assert imaging.initials("Thao Nguyen") == "TN"


# -- the cache ------------------------------------------------------------------------------------------


def test_rebuilding_without_changes_processes_no_image(project, tmp_path):
    from generator.site import project as proj

    (project.root / "content" / "images").mkdir(parents=True)
    for name in ("a", "b", "c"):
        (project.root / "content" / "images" / f"{name}.jpg").write_bytes(noise_jpeg())
    school_with_photo(project, "photo: {src: images/a.jpg, alt: Front of the school}")
    project.write("content/en/pages/garden.md", """
        ---
        title: Garden
        ---
        ![The garden](images/b.jpg) ![The gym](images/c.jpg)
        """)
    before = images.stats["processed"]
    out = tmp_path / "out"
    assert run("build", "-p", str(project.root), "--site-dir", str(out), *NOW).exit_code == 0
    made = images.stats["processed"] - before
    assert made == 3 + 1, "three photos and the one avatar (Ana has no photo)"
    cache = project.root / ".cache" / "images"
    stamps = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}

    # A text edit: everything is generated again, but no photo is decoded or written.
    page = project.root / "content/en/pages/garden.md"
    page.write_text(page.read_text() + "\nMore words.\n")
    proj._CACHE.clear()
    before, cached_before = images.stats["processed"], images.stats["cached"]
    result = run("build", "-p", str(project.root), "--site-dir", str(out), *NOW)
    assert result.exit_code == 0
    assert "Images: 0 processed, 4 unchanged" in result.output
    assert images.stats["processed"] == before
    assert images.stats["cached"] - cached_before == 4
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == stamps
    assert len(list((out / "images").iterdir())) == len([p for p in stamps if not p.endswith(".json")])

    # A changed photo is processed again, and only that one.
    (project.root / "content" / "images" / "b.jpg").write_bytes(noise_jpeg())
    proj._CACHE.clear()
    before = images.stats["processed"]
    assert run("build", "-p", str(project.root), "--site-dir", str(out), *NOW).exit_code == 0
    assert images.stats["processed"] - before == 1


def test_processing_uses_a_pool_of_all_cores(tmp_path, monkeypatch):
    from generator.content.images import process as imaging
    from generator.core import parallel

    seen = {}

    class Recording(parallel.ProcessPoolExecutor):
        def __init__(self, max_workers=None, **options):
            seen["workers"] = max_workers
            super().__init__(max_workers=max_workers, **options)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Recording)
    monkeypatch.delenv("PORTAL_JOBS", raising=False)
    monkeypatch.setattr(imaging.os, "cpu_count", lambda: 3)
    jobs = [imaging._Job(f"{i:064x}", "raster", noise_jpeg((64, 64))) for i in range(5)]
    results = imaging._run_all(jobs, tmp_path, ImageSettings(widths=(32,)))
    assert seen["workers"] == 3
    assert all(isinstance(r, dict) for r in results.values())


def test_a_draft_posts_photo_is_not_published_until_the_post_is(project, tmp_path):
    (project.root / "content" / "images").mkdir(parents=True)
    (project.root / "content" / "images" / "award-ceremony.jpg").write_bytes(noise_jpeg())
    project.write("content/en/news/grant-award.md", """
        ---
        title: A new grant
        date: 2026-11-20
        summary: Not announced yet.
        image: {src: images/award-ceremony.jpg, alt: The award ceremony}
        draft: true
        ---
        Soon.
        """)
    out = tmp_path / "out"
    assert run("build", "-p", str(project.root), "--site-dir", str(out), *NOW).exit_code == 0
    assert not list((out / "images").glob("award-ceremony-*")), "an embargoed photo must not be online"
    assert run("build", "-p", str(project.root), "--site-dir", str(out), "--drafts", *NOW).exit_code == 0
    assert list((out / "images").glob("award-ceremony-*"))


# -- every form of image in a body goes through the pipeline, or is refused ----------------------------


def garden_page(project, body: str) -> None:
    """A page whose body (from line 6 of its file) is ``body``."""
    project.write("content/en/pages/garden.md", "---\ntitle: Garden\n---\nOur garden.\n\n" + body)


def test_reference_and_html_images_in_a_body_are_processed_like_the_others(project, tmp_path):
    (project.root / "content" / "images").mkdir(parents=True)
    (project.root / "content" / "images" / "garden.jpg").write_bytes(noise_jpeg(exif=b"Exif\x00\x00MM\x00*"))
    (project.root / "content" / "images" / "gym.jpg").write_bytes(noise_jpeg(exif=b"Exif\x00\x00MM\x00*"))
    garden_page(project, "Planting day: ![Children planting tomatoes][planting]\n\n"
                         '<img src="images/gym.jpg" alt="The gym after the repairs">\n\n'
                         "[planting]: images/garden.jpg\n")
    out = tmp_path / "out"
    result = run("build", "-p", str(project.root), "--site-dir", str(out), *NOW)
    assert result.exit_code == 0, result.output
    html = (out / "garden" / "index.html").read_text(encoding="utf-8")
    assert "images/garden.jpg" not in html and "images/gym.jpg" not in html, "no original is linked"
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 2, html
    for stem, alt, picture in zip(("garden", "gym"), ("Children planting tomatoes", "The gym after the repairs"),
                                  pictures):
        assert f'alt="{alt}"' in picture and "image/webp" in picture
        img = re.search(r"<img [^>]*>", picture).group(0)
        assert re.search(r'\swidth="300" height="200"', img), img
        urls = re.findall(r'(?:src|srcset)="([^" ]+)', picture)
        assert urls and all(re.search(rf"images/{stem}-[0-9a-f]{{10}}-\d+\.(webp|jpg)$", u) for u in urls), urls
        for url in urls:
            file = (out / "garden" / url).resolve()
            assert file.is_file(), url
            assert b"Exif" not in file.read_bytes(), f"{url} carries the original's metadata"


@pytest.mark.parametrize("body, line, words", [
    ("![A photo of the beds][beds]\n\n[beds]: images/nothere.jpg\n", 8, "there is no file content/images/nothere.jpg"),
    ('<img src="images/nothere.jpg" alt="The beds">\n', 6, "there is no file content/images/nothere.jpg"),
    ("Look: ![The beds](https://tracker.example.com/beds.jpg)\n", 6, "not a web address"),
    ('<p>Look:</p>\n\n<img alt="The beds" src="https://tracker.example.com/beds.jpg">\n', 8, "not a web address"),
    ("![The beds][beds]\n\n[beds]: //tracker.example.com/beds.jpg\n", 8, "not a web address"),
    ('<img src="images/garden.jpg">\n', 6, "has no alt text"),
])
def test_body_images_that_would_bypass_the_pipeline_are_refused(project, tmp_path, body, line, words):
    (project.root / "content" / "images").mkdir(parents=True)
    (project.root / "content" / "images" / "garden.jpg").write_bytes(noise_jpeg())
    garden_page(project, body)
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1, result.output
    assert f"content/en/pages/garden.md, line {line}" in result.output
    assert words in result.output
    assert "Traceback" not in result.output
    out = tmp_path / "out"
    assert run("build", "-p", str(project.root), "--site-dir", str(out), *NOW).exit_code == 1
    assert not out.exists()


def test_an_image_from_another_site_is_refused_with_the_reason(project):
    garden_page(project, "![The beds](https://tracker.example.com/beds.jpg)\n")
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1
    assert "tracker.example.com" in result.output
    assert "content/images/" in result.output  # what to do instead
    assert "every visitor" in result.output  # why: the other site would see who reads the page


# -- clear words for files that are not accepted -------------------------------------------------------


def tiff_bytes(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 90, 90)).save(buf, fmt)
    return buf.getvalue()


@pytest.mark.parametrize("rel, data, words, never", [
    ("images/notes.jpg", b"Just some notes.", ["16 bytes", "not a picture"], ["0 KB"]),
    ("images/scan.tif", tiff_bytes("TIFF"), ["TIFF", "not accepted", "JPEG, PNG, WebP or GIF"], ["Pillow cannot read"]),
    ("images/paint.bmp", tiff_bytes("BMP"), ["BMP", "not accepted", "JPEG, PNG, WebP or GIF"], ["Pillow cannot read"]),
])
def test_files_that_are_not_accepted_are_named_plainly(project, rel, data, words, never):
    path = project.root / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    school_with_photo(project, f"photo: {{src: {rel}, alt: A photo of the school}}")
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1, result.output
    for w in words:
        assert w in result.output, (w, result.output)
    for w in never:
        assert w not in result.output, (w, result.output)


def test_a_link_leaving_content_names_the_link_and_its_target(project):
    (project.root / "content" / "images").mkdir(parents=True)
    (project.root / "content" / "images" / "link.jpg").symlink_to(project.root / "portal.yml")
    school_with_photo(project, 'photo: {src: "images/link.jpg", alt: A photo}')
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1, result.output
    assert "content/images/link.jpg" in result.output
    assert str(project.root / "portal.yml") in result.output
    assert "outside the content/ folder" in result.output


# -- the cache keeps what the last good build used, and nothing else ------------------------------------


def test_a_successful_build_prunes_what_it_no_longer_uses_from_the_cache(project, tmp_path):
    import hashlib

    images_dir = project.root / "content" / "images"
    images_dir.mkdir(parents=True)
    (images_dir / "a.jpg").write_bytes(noise_jpeg())
    old_b = noise_jpeg()
    (images_dir / "b.jpg").write_bytes(old_b)
    school_with_photo(project, "photo: {src: images/a.jpg, alt: Front of the school}")
    garden_page(project, "![The garden](images/b.jpg)\n")
    out = tmp_path / "out"
    assert run("build", "-p", str(project.root), "--site-dir", str(out), *NOW).exit_code == 0
    cache = project.root / ".cache"
    old_digest = hashlib.sha256(old_b).hexdigest()
    assert list((cache / "images").glob(f"{old_digest}*"))
    cards_before = {p.name for p in (cache / "cards").iterdir()}
    assert len(cards_before) >= 4  # the site and the school, in each language
    (cache / "images" / "notes.txt").write_text("not ours")  # not a cache entry: left alone
    (cache / "other").mkdir()
    (cache / "other" / "x.bin").write_bytes(b"x")

    # The photo and the school's name change; a failed build first prunes nothing.
    (images_dir / "b.jpg").write_bytes(noise_jpeg())
    path = project.root / "content/en/schools/alder-elementary.md"
    path.write_text(path.read_text().replace("name: Alder Elementary School", "name: Alder Community School"))
    broken = project.write("content/en/pages/broken.md", "---\ntitle: Broken\n---\n![A photo](images/none.jpg)\n")
    assert run("build", "-p", str(project.root), "--site-dir", str(out), *NOW).exit_code == 1
    assert list((cache / "images").glob(f"{old_digest}*")), "a failed build leaves the cache alone"
    assert cards_before <= {p.name for p in (cache / "cards").iterdir()}

    broken.unlink()
    assert run("build", "-p", str(project.root), "--site-dir", str(out), *NOW).exit_code == 0
    assert not list((cache / "images").glob(f"{old_digest}*")), "the replaced photo's entries are gone"
    cards_after = {p.name for p in (cache / "cards").iterdir()}
    assert len(cards_before - cards_after) == 1 and len(cards_after - cards_before) == 1, \
        "the renamed school's old card is gone, its new one is there, the others are kept"
    # what is left is exactly what the site uses
    published = {p.read_bytes() for p in (out / "cards").rglob("*.png")}
    assert {p.read_bytes() for p in (cache / "cards").iterdir()} == published
    variants = [p for p in (cache / "images").iterdir() if p.suffix in (".jpg", ".webp", ".png")]
    assert len(variants) == len(list((out / "images").iterdir()))
    assert (cache / "images" / "notes.txt").exists() and (cache / "other" / "x.bin").exists()
