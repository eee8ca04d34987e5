"""The MkDocs plugin: runs the generator and gives the theme its context.

Kept thin on purpose; the work happens in plain modules. mkdocs-static-i18n
runs the whole MkDocs build once per language, so every hook here may run
several times per ``portal build``: generation is cached on the content's
fingerprint (generator.site.project.generate).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from generator.site import engine  # noqa: F401  (first: lets ProperDocs stand in for MkDocs)
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url

from generator.core import progress, timing
from generator.core.body_blocks import finish_body
from generator.core.errors import ContentErrors
from generator.core.sanitize import sanitize
from generator.outputs.body_images import expand_body_images
from generator.outputs.body_links import expand_body_links
from generator.site.project import SITE_SRC, generate
from generator.site.theme import FILTERS, GLOBALS, PageContext


def _copy_changed(src: str, dst: str) -> None:
    """Copy ``src`` with its times, unless ``dst`` is already that copy (same size and time);
    into a new file, since ``dst`` may be a link to the last site's (generator.site.languages)."""
    try:
        there, here = os.stat(dst), os.stat(src)
        if there.st_size == here.st_size and there.st_mtime_ns == here.st_mtime_ns:
            return
        os.unlink(dst)
    except OSError:
        pass
    shutil.copy2(src, dst)


class PortalConfig(base.Config):
    project_dir = c.Type(str, default="..")
    now = c.Optional(c.Type(str))
    drafts = c.Type(bool, default=False)


class PortalPlugin(BasePlugin[PortalConfig]):
    supports_multiple_instances = False

    def on_startup(self, command, dirty):
        # Every file this run of MkDocs makes or keeps, as a path below the site folder, for
        # every language it builds: after a dirty build, the rest of the last site is stale
        # (generator.site.languages).
        self.made: set[str] = set()

    def on_config(self, config):
        self.root = (Path(config.config_file_path).parent / self.config.project_dir).resolve()
        if not hasattr(self, "made"):  # a build started without on_startup
            self.made = set()
        self.contexts: dict[str, PageContext] = {}
        self.started = time.perf_counter()  # this language's MkDocs build (its stage time)
        return config

    @event_priority(100)  # before mkdocs-static-i18n reads the docs folder
    def on_pre_build(self, config):
        try:
            generated = generate(self.root, now=self.config.now, drafts=self.config.drafts)
        except ContentErrors as exc:
            raise PluginError("The content has errors:\n" + "\n".join(p.format() for p in exc.problems))
        if getattr(self, "site", None) is not generated.site:
            self.contexts = {}
        self.site = generated.site
        self.paths = generated.paths
        self.gallery = generated.gallery

    def _context(self, lang: str) -> PageContext:
        if lang not in self.contexts:
            self.contexts[lang] = PageContext(self.site, lang)
        return self.contexts[lang]

    def on_files(self, files, config):
        # The theme's message catalogues, the card font, the icons, the parts the stylesheet is
        # assembled from (generator.outputs.stylesheet) and the component examples
        # (generator.site.examples) are read by the generator, not published.
        for file in list(files):
            if file.src_uri.startswith(("messages/", "fonts/", "icons/", "styles/", "components/",
                                        "examples/")) and not file.abs_src_path.startswith(config.docs_dir):
                files.remove(file)
        return files

    def on_env(self, env, config, files):
        self.made.update(f.dest_uri for f in files if f.inclusion.is_included())
        # MkDocs leaves autoescaping off; content is text, so escape everything the theme
        # prints unless it is marked safe (the sanitised page body, Markup from our filters).
        env.autoescape = True
        env.filters.update(FILTERS)
        env.globals.update(GLOBALS)
        env.trim_blocks = True
        env.lstrip_blocks = True
        return env

    def on_nav(self, nav, config, files):
        progress.start(self._stage(config), len(files.documentation_pages()))
        return nav

    def on_post_page(self, output, page, config):
        progress.advance(self._stage(config))
        return output

    def on_post_build(self, config):
        # Language-independent outputs (images, cards) are published once, at the root.
        # A preview's rebuild copies only what changed since it was last copied.
        static = self.root / SITE_SRC / "static"
        if static.is_dir():
            shutil.copytree(static, config.site_dir, dirs_exist_ok=True, copy_function=_copy_changed)
            self.made.update(p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file())
        timing.add(self._stage(config), time.perf_counter() - self.started)

    def on_serve(self, server, config, builder):
        progress.done()  # the preview's first build is over: its progress bars end
        return server

    def _stage(self, config) -> str:
        """This language's stage name (generator.core.timing, generator.core.progress)."""
        return f"mkdocs:{self._current_language(config)}"

    def on_page_content(self, html, page, config, files):
        # Every <img> of a body is drawn from its processed image, and every link to an item or
        # file points at its page in this page's language (generator.outputs.body_images and
        # body_links; their Markdown extensions marked them while rendering).
        meta = page.meta.get("portal") or {}
        lang = meta.get("lang") or self._current_language(config)
        url = lambda rel: get_relative_url(rel, page.url or ".")  # noqa: E731
        html = expand_body_images(self.site, sanitize(html), url)
        # Callouts' default titles and tables' names in the body's own language.
        html = finish_body(html, self._context(self._body_language(meta, lang)).t)
        return expand_body_links(self.site, html, meta.get("collection") or "pages", lang, url)

    def _body_language(self, meta: dict, lang: str) -> str:
        """The language the body is written in: the page's, or the source's if not translated."""
        if meta.get("kind") != "item":
            return lang
        body = self.site.items[meta["collection"]][meta["slug"]].body.get(lang)
        return body.lang if body else lang

    def on_page_context(self, context, page, config, nav):
        meta = page.meta.get("portal") or {}
        lang = meta.get("lang") or self._current_language(config)
        context.update(self._context(lang).for_page(meta))
        if meta.get("kind") == "components":
            context["gallery"] = self.gallery  # the examples it shows (generator.site.examples)
        return context

    def on_template_context(self, context, template_name, config):
        # Static templates (404.html) have no page: use the language being built.
        lang = self._current_language(config)
        context.update(self._context(lang).for_page({"kind": "static"}))
        if template_name == "sitemap.xml":
            context["sitemap"] = self._context(self.site.default).sitemap(self.paths)
        return context

    def on_post_template(self, output, template_name, config):
        """Each language gets its own 404 page: /404.html and /<lang>/404.html.

        MkDocs writes static templates at the root in every language build, so the
        last language built would win; keep the default language's at the root and
        write the others into their folders."""
        if template_name != "404.html":
            return output
        lang = self._current_language(config)
        if lang == self.site.default:
            self._default_404 = output
            return output
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # a new file: it may be a link to the last site's
        target.write_text(output, encoding="utf-8")
        return getattr(self, "_default_404", output)

    def _current_language(self, config) -> str:
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or self.site.default
