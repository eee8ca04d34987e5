"""The ``portal`` command: check, build, serve, and help for writing content."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import ContentErrors, PortalError

PROJECT = click.option("--project", "-p", type=click.Path(file_okay=False, path_type=Path),
                       default=".", show_default=True, help="The project folder (with portal.yml).")
NOW = click.option("--now", metavar="'YYYY-MM-DD HH:MM'",
                   help="Build as if it were this moment (UTC unless an offset is given). "
                        "Default: SOURCE_DATE_EPOCH if set, else the clock.")
DRAFTS = click.option("--drafts", is_flag=True, help="Include drafts and future posts (previews).")


def _report(problems, out=None) -> None:
    for p in problems:
        click.echo(p.format() + "\n", err=True)


def _fail_on_content(exc: ContentErrors) -> None:
    _report(exc.problems)
    n = len(exc.problems)
    click.secho(f"{n} problem{'s' if n != 1 else ''} found; nothing was built. "
                "Fix them and run the command again.", fg="red", err=True)
    sys.exit(1)


class PortalGroup(click.Group):
    """Turns expected failures into a short message and exit code 1, not a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PortalError as exc:
            click.secho(f"Error: {exc}", fg="red", err=True)
            sys.exit(1)


@click.group(cls=PortalGroup)
@click.version_option(package_name="portal")
def main() -> None:
    """Build a bilingual program portal from Markdown files in content/."""


@main.command()
@PROJECT
@NOW
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(project: Path, now, strict: bool) -> None:
    """Check all content and settings; list every problem found."""
    from .pipeline import build_site

    try:
        site, problems = build_site(project, now=now)
    except ContentErrors as exc:
        _fail_on_content(exc)
    except ValueError as exc:
        raise click.UsageError(str(exc))
    _report(problems.warnings)
    counts = {k: len(v) for k, v in site.items.items()}
    summary = ", ".join(f"{n} {k}" for k, n in counts.items())
    if problems.warnings and strict:
        click.secho(f"{len(problems.warnings)} warning(s); failing because of --strict.", fg="red",
                    err=True)
        sys.exit(1)
    click.secho(f"Content is valid: {summary}, in {len(site.languages)} languages.", fg="green")


@main.command()
@PROJECT
@NOW
@DRAFTS
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the site (default: site/ in the project).")
@click.option("--verbose", "-v", is_flag=True, help="Show MkDocs' progress.")
def build(project: Path, now, drafts: bool, site_dir: Path | None, verbose: bool) -> None:
    """Build the site into site/ (the previous site stays until this succeeds)."""
    from .build import build as run_build, quiet_mkdocs

    quiet_mkdocs(verbose)
    try:
        result = run_build(project, site_dir=site_dir, now=now, drafts=drafts)
    except ContentErrors as exc:
        _fail_on_content(exc)
    except ValueError as exc:
        raise click.UsageError(str(exc))
    click.secho(f"Built {result.pages} pages into {result.site_dir} in {result.seconds:.1f} s.",
                fg="green")


@main.command()
@PROJECT
@NOW
@DRAFTS
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(project: Path, now, drafts: bool, host: str, port: int) -> None:
    """Preview the site at http://127.0.0.1:8000/, rebuilding when content changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .build import quiet_mkdocs
    from .project import SITE_SRC, generate

    quiet_mkdocs(verbose=True)
    try:
        generate(project, now=now, drafts=drafts)
    except ContentErrors as exc:
        _fail_on_content(exc)
    click.secho(f"Serving on http://{host}:{port}/ (Ctrl+C to stop). Edits to content/ "
                "rebuild the preview.", fg="green")
    mkdocs_serve(config_file=str(Path(project).resolve() / SITE_SRC / "mkdocs.yml"),
                 livereload=True, dev_addr=f"{host}:{port}", watch_theme=True)


@main.command()
@click.argument("kind", required=False)
@click.option("--json", "as_json", is_flag=True, help="JSON Schema (for editors) instead of text.")
def schema(kind: str | None, as_json: bool) -> None:
    """Show the fields of each kind of content (or of one: school, meeting...)."""
    from .docs import schema_text, schema_json

    try:
        click.echo(json.dumps(schema_json(kind), indent=2, ensure_ascii=False) if as_json
                   else schema_text(kind))
    except KeyError as exc:
        raise click.UsageError(str(exc.args[0]))


if __name__ == "__main__":  # pragma: no cover
    main()
