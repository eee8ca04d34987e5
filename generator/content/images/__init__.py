"""Images: every photo named in content is checked, cleaned and resized at build time.

Content names a photo by its path inside ``content/``: in an image field
(``photo:``, ``image:``, schema ``IMAGE``) or in a Markdown body. Body images
are found in the body's rendered HTML, so every form counts: inline
``![What it shows](images/lincoln.jpg)``, reference-style ``![alt][x]`` with
``[x]: images/lincoln.jpg``, and raw ``<img src="images/lincoln.jpg" alt="...">``.
A body image must be a file in ``content/`` too: a picture from another site
would make every visitor's browser contact that site, so it is an error. On
pages and in feeds every ``<img>`` of a body is drawn from the processed
image; one that is not (which the check has already refused) is left out. For
each image:

* **check** (``portal check`` too): the path stays inside ``content/``; the file
  exists and is not larger than ``images.max_bytes``; it is a JPEG, PNG, WebP
  or GIF that Pillow reads in full (not truncated, not a decompression bomb
  by Pillow's ``Image.MAX_IMAGE_PIXELS``), or an SVG made only of plain drawing
  (``svg.py``'s allow-list: nothing that runs or loads); it has alt text unless marked
  ``decorative: true``. Each problem names the content file, the field and
  the image file.
* **process**: orientation applied (EXIF), colours converted to sRGB, resized
  to every width of ``images.widths`` up to the photo's own, saved as WebP
  plus a JPEG fallback (PNG when the picture has transparency). Nothing of
  the original's metadata is written: no EXIF (so no GPS position, no camera
  serial numbers), no XMP, no ICC profile, no comments.
* **cache**: results go to ``.cache/images/<sha256>-<width>.<format>`` with a
  ``<sha256>.json`` manifest, keyed by the file's content hash. A photo whose
  bytes and settings have not changed is not decoded again; new photos are
  processed in a thread pool (Pillow releases the GIL while decoding,
  resizing and encoding, so every core is used).
* **publish**: once for all languages, at
  ``/images/<name>-<hash>-<width>.<format>`` (the hash makes every address
  safe to cache for ever).

People without a photo get an initials avatar drawn with Pillow (white
letters on a dark colour, contrast at least 4.5:1), cached the same way.

The package's modules: references (what content names), library (the check,
and ``site.images``), inspect and svg (one file's safety), process (Pillow,
the cache, the pool), avatars, image (the results). Publishing is in
generator.outputs.images, body images on pages in generator.outputs.body_images.

API for the rest of the generator (news images, social cards):

* ``image_for(site, src)`` -> :class:`ProcessedImage` or None, for a path as
  written in content (``images/lincoln.jpg``);
* ``avatar_for(site, person)`` -> :class:`ProcessedImage` (photo-less people);
* :class:`ProcessedImage`: ``width``, ``height``, ``variants`` (each with
  ``width``, ``height``, ``format``, ``rel`` - the published path - and
  ``path`` - the processed file in the cache, metadata-free, readable with
  Pillow), ``sources(fmt)``, ``fallback``, ``largest(fmt)``;
* ``process_file(path, settings, cache_dir)`` -> :class:`ProcessedImage`
  for a file outside any site (raises :class:`ImageError`);
* ``stats``: how many images were processed and how many came from the cache
  in this process (tests use it).
"""
