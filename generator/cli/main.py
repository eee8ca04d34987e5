"""The ``portal`` command: check, build, serve, and help for writing content."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from generator.cli.meeting_cli import meeting
from generator.core.errors import ContentErrors, PortalError

PROJECT = click.option("--project", "-p", type=click.Path(file_okay=False, path_type=Path),
                       default=".", show_default=True, help="The project folder (with portal.yml).")


def _check_now(ctx, param, value):
    from generator.content.pipeline import BadTime, resolve_now

    if value is not None:
        try:
            resolve_now(value)
        except BadTime as exc:
            raise click.BadParameter(str(exc).removeprefix("--now: "))
    return value


NOW = click.option("--now", metavar="'YYYY-MM-DD HH:MM'", callback=_check_now,
                   help="Build as if it were this moment (UTC unless an offset is given). "
                        "Default: SOURCE_DATE_EPOCH if set, else the clock.")
DRAFTS = click.option("--drafts", is_flag=True, help="Include drafts and future posts (previews).")


def _report(problems, out=None) -> None:
    for p in problems:
        click.echo(p.format() + "\n", err=True)


def _report_held_back(held_back) -> None:
    """List the news that is not on the site: information, never a reason to fail."""
    if not held_back:
        return
    click.echo(f"Held back, not on the site ({len(held_back)} news post{'s' if len(held_back) != 1 else ''}):")
    for item in held_back:
        click.echo(f"  {item.describe()}")


def _fail_on_content(exc: ContentErrors, built: bool = True) -> None:
    """Print every problem and stop; ``built``: say that the site was left as it was."""
    _report(exc.problems)
    n = len(exc.problems)
    found = f"{n} problem{'s' if n != 1 else ''} found"
    outcome = "; nothing was built (the last good site is unchanged)" if built else ""
    fix = "Fix it" if n == 1 else "Fix them"
    click.secho(f"{found}{outcome}. {fix} and run the command again.", fg="red", err=True)
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
@click.pass_context
def main(ctx: click.Context) -> None:
    """Build a bilingual program portal from Markdown files in content/."""
    if os.environ.get("CI"):
        ctx.color = False  # logs in CI get plain text, even where they look like a terminal


@main.command()
@PROJECT
@NOW
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(project: Path, now, strict: bool) -> None:
    """Check all content and settings; list every problem found."""
    from generator.content.pipeline import check_content
    from generator.content.schema import CONTENT_TYPES

    try:
        checked = check_content(project, now=now)
    except ContentErrors as exc:
        _fail_on_content(exc, built=False)
    site, problems = checked.site, checked.problems
    _report(problems.warnings)
    _report_held_back(checked.held_back)
    counts = {k: len(v) for k, v in site.items.items()}
    summary = ", ".join(f"{n} {CONTENT_TYPES[k].name if n == 1 else k}" for k, n in counts.items())
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
@click.option("--times-json", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the build's figures (pages, seconds, stage times) to this JSON file.")
def build(project: Path, now, drafts: bool, site_dir: Path | None, verbose: bool,
          times_json: Path | None) -> None:
    """Build the site into site/ (the previous site stays until this succeeds).

    It uses every core; set PORTAL_JOBS=1 to build in one process (the same site)."""
    from generator.cli.progress_bars import echo_stage_times, shown, write_times_json
    from generator.content.images.process import stats as image_stats
    from generator.site.build import build as run_build
    from generator.site.build import quiet_mkdocs

    quiet_mkdocs(verbose)
    before = dict(image_stats)
    try:
        with shown():
            result = run_build(project, site_dir=site_dir, now=now, drafts=drafts)
    except ContentErrors as exc:
        _fail_on_content(exc)
    if result.mkdocs_skipped:
        click.secho(f"The site in {result.site_dir} is current: the content is valid and nothing "
                    f"changed since the last build (checked in {result.seconds:.1f} s).", fg="green")
    else:
        click.secho(f"Built {result.pages} pages into {result.site_dir} in {result.seconds:.1f} s.",
                    fg="green")
    made, kept = (image_stats[k] - before.get(k, 0) for k in ("processed", "cached"))
    if made or kept:
        click.echo(f"Images: {made} processed, {kept} unchanged (from .cache/images/).")
    _report_held_back(result.held_back)
    if drafts:
        click.secho(f"Warning: {result.site_dir} is a preview with drafts and future posts (every page "
                    "marked noindex): do not deploy it. Run 'portal build' without --drafts to publish.",
                    fg="yellow", err=True)
    if times_json:
        try:
            write_times_json(times_json, result)
        except OSError as exc:
            raise PortalError(f"the build succeeded, but its times could not be written to {times_json}: "
                              f"{exc.strerror}. Give a file in a folder that exists.") from None
    echo_stage_times(result.stages)


@main.command()
@PROJECT
@NOW
@DRAFTS
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(project: Path, now, drafts: bool, host: str, port: int) -> None:
    """Preview the site at http://127.0.0.1:8000/, rebuilding when content changes."""
    from generator.cli.progress_bars import start_bars
    from generator.core import progress
    from generator.site.build import quiet_mkdocs
    from generator.site.preview import serve as preview
    from generator.site.project import SITE_SRC, generate, rebuild_hourly

    quiet_mkdocs(verbose=True)
    start_bars()  # for the first build, until it is served (the plugin's on_serve ends them)
    try:
        try:
            generate(project, now=now, drafts=drafts)
        except ContentErrors as exc:
            progress.done()
            _fail_on_content(exc, built=False)
        if now is None:
            rebuild_hourly(project)  # the clock moves on: meetings that end go to "past"
        click.secho(f"Serving on http://{host}:{port}/ (Ctrl+C to stop). Edits to content/ "
                    "rebuild the preview.", fg="green")
        # The preview sends the headers of netlify.toml, with what live reload needs (preview.py).
        preview(project, config_file=str(Path(project).resolve() / SITE_SRC / "mkdocs.yml"),
                dev_addr=f"{host}:{port}")
    finally:
        progress.done()


@main.group(invoke_without_command=True)
@PROJECT
@click.option("--json", "as_json", is_flag=True, help="Machine-readable report.")
@click.option("--strict", is_flag=True, help="Exit 1 if anything is missing, partial or outdated.")
@click.option("--lang", "only_lang", help="Only this language.")
@click.pass_context
def translations(ctx, project: Path, as_json: bool, strict: bool, only_lang: str | None) -> None:
    """Report every item's state in each language: translated, partial, outdated or missing."""
    ctx.ensure_object(dict)
    ctx.obj["project"] = project
    if ctx.invoked_subcommand:
        return
    from generator.content.pipeline import build_site
    from generator.content.schema import CONTENT_TYPES
    from generator.derive.translations import STATES, report, totals
    from generator.derive.translations import as_json as report_json

    try:
        site, _ = build_site(project, drafts=True)
    except ContentErrors as exc:
        _fail_on_content(exc, built=False)
    if only_lang and only_lang not in site.languages:
        raise click.UsageError(f"--lang: '{only_lang}' is not one of: {', '.join(site.languages)}")
    entries = [e for e in report(site) if not only_lang or e.lang == only_lang]
    if as_json:
        click.echo(json.dumps(report_json(site, entries), indent=2, ensure_ascii=False))
    else:
        todo = [e for e in entries if e.state in ("missing", "partial", "outdated")]
        for e in sorted(todo, key=lambda e: (e.lang, e.state, e.collection, e.slug)):
            detail = ""
            if e.state == "partial":
                detail = " (not yet translated: " + ", ".join(e.untranslated_fields) + ")"
            elif e.state == "outdated":
                detail = f" (the {e.source_lang} text changed; update it, then run 'portal translations mark {e.file}')"
            elif e.state == "missing":
                detail = f" (no {CONTENT_TYPES[e.collection].file_path(e.lang, e.slug)})"
            item = e.collection if CONTENT_TYPES[e.collection].single else f"{e.collection}/{e.slug}"
            click.echo(f"{e.lang}  {e.state:<10} {item}{detail}")
        untracked = [e for e in entries if e.state == "translated" and not e.tracked]
        if untracked:
            click.echo(f"\n{len(untracked)} translation(s) are not tracked yet, so changes to their source "
                       "cannot be detected: run 'portal translations mark --all'.")
        click.echo("")
        for lang, counts in totals(entries).items():
            parts = ", ".join(f"{counts[s]} {s}" for s in STATES if s != "source")
            click.echo(f"{lang}: {parts}")
    if strict and any(e.state in ("missing", "partial", "outdated") for e in entries):
        sys.exit(1)


@translations.command("mark")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--all", "mark_all", is_flag=True,
              help="Mark every translation file that has no fingerprint yet.")
@click.pass_context
def translations_mark(ctx, files: tuple[Path, ...], mark_all: bool) -> None:
    """Record that FILES are translated from the current source text (clears 'outdated')."""
    from generator.cli.mark import mark
    from generator.content.pipeline import build_site
    from generator.content.tracking import HASH_FIELD

    if not files and not mark_all:
        raise click.UsageError("name the translation files you have brought up to date, or use --all")
    project = ctx.obj["project"]
    try:
        site, _ = build_site(project, drafts=True)
    except ContentErrors as exc:
        _fail_on_content(exc, built=False)
    if mark_all:
        files = tuple(Path(src.path) for item in site.all_items() for lang, src in item.sources.items()
                      if lang != item.source_lang() and not src.data.get(HASH_FIELD))
    try:
        changed = mark(site, list(files))
    except KeyError as exc:
        raise click.UsageError(f"{exc.args[0]} is not a content file of this project")
    for rel, outcome in changed:
        if outcome == "marked":
            click.echo(f"marked {rel}")
        elif outcome == "already":
            click.echo(f"{rel} was already marked as up to date")
        else:
            click.echo(f"{rel} is the source text (others are translated from it): nothing to mark")
    click.echo(f"{sum(1 for _, o in changed if o == 'marked')} file(s) updated.")


@main.group()
def new() -> None:
    """Start new content files from the schema, with every field explained."""


@new.command("meeting")
@PROJECT
@click.option("--start", required=True, metavar="'YYYY-MM-DD HH:MM'",
              help="When it starts, in the district's time zone (24-hour clock).")
@click.option("--school", metavar="SLUG", help="The school's file name (leave out for district-wide meetings).")
@click.option("--end", metavar="'HH:MM'", help="When it ends (default: 90 minutes after the start).")
@click.option("--body", metavar="NAME", help="The council or team that meets: its file name in "
              "content/<language>/councils/ (default: the school's site advisory council with "
              "--school, else the district council).")
@click.option("--group", help="Instead of --body, for a gathering that is not a council's or team's "
                              "meeting: one of the meeting_groups of portal.yml, like family_workshop.")
@click.option("--kind", default="regular", show_default=True, help="regular or special.")
@click.option("--name", help="The file name without .md (default: date-school-sac, date-body or date-school-group, like "
                             "2026-12-03-lincoln-elementary-sac).")
def new_meeting(project: Path, start: str, school: str | None, end: str | None, body: str | None,
                group: str | None, kind: str, name: str | None) -> None:
    """Write a meeting notice in every language, ready to fill in (never overwrites)."""
    from generator.cli.scaffold import new_meeting as scaffold

    paths = scaffold(project, start=start, school=school, end=end, group=group, kind=kind, name=name,
                     body=body)
    root = Path(project).resolve()
    for path in paths:
        click.echo(f"Created {path.relative_to(root).as_posix()}")
    click.echo("Fill in the fields (each is explained in the file), set notice_posted when you publish, "
               "then run 'portal check'.")


main.add_command(meeting)


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Start a new project in FOLDER (new or empty): a commented portal.yml and one example of
    each kind of content in each language."""
    from generator.cli.init_project import init_project

    paths = init_project(folder)
    click.echo(f"Created {len(paths)} files in {folder}:")
    for path in paths:
        click.echo(f"  {path.relative_to(folder).as_posix()}")
    click.echo("Next: replace every value marked REPLACE (REEMPLACE in Spanish) in portal.yml and in "
               "content/, then run 'portal check' and 'portal serve' in that folder "
               "(docs/staff-guide.md explains every kind of file).")


@main.command()
@click.argument("kind", required=False)
@click.option("--json", "as_json", is_flag=True, help="JSON Schema (for editors) instead of text.")
def schema(kind: str | None, as_json: bool) -> None:
    """Show the fields of each kind of content (or of one: school, meeting...), or the
    settings of portal.yml ('portal schema settings')."""
    from generator.cli.schema_docs import schema_json, schema_text

    try:
        click.echo(json.dumps(schema_json(kind), indent=2, ensure_ascii=False) if as_json
                   else schema_text(kind))
    except KeyError as exc:
        raise click.UsageError(str(exc.args[0]))


if __name__ == "__main__":  # pragma: no cover
    main()
