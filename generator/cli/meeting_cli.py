"""The ``portal meeting`` commands: the click side of ``meeting_commands``.

Each command finds the meeting, plans the change in every language's file,
writes it, checks the content, and prints what changed, file by file. The
work is imported inside each command so that ``portal --help`` stays quick.
"""
from __future__ import annotations

from pathlib import Path

import click

PROJECT = click.option("--project", "-p", type=click.Path(file_okay=False, path_type=Path),
                       default=".", show_default=True, help="The project folder (with portal.yml).")
NOW = click.option("--now", metavar="'YYYY-MM-DD HH:MM'",
                   help="Act as if it were this moment (UTC unless an offset is given). "
                        "Default: SOURCE_DATE_EPOCH if set, else the clock.")
NOTE = click.option("--note", help="Why, in the language of FILE or of --lang (the other languages' "
                                   "notes are removed; their pages show this one, marked, until translated).")
LANG = click.option("--lang", "note_lang", metavar="CODE",
                    help="The language --note is written in, like es (default: the language of FILE; "
                         "the site's main language when FILE is the meeting's name). The note goes into that "
                         "language's file only.")
FILE = click.argument("file")


@click.group()
def meeting() -> None:
    """Move, cancel, postpone or reinstate a meeting, or add its minutes, in every language.

    FILE is any language's file of the meeting, or its name. A --note (why) goes into the file
    of FILE's language, or of --lang CODE; the other languages show it, marked, until translated.
    Every command raises the meeting's revision number, so families' calendars take the change."""


def _run(project: Path, file: str, now, change) -> None:
    """Plan ``change(plan, lang)`` on the meeting FILE names, write it, and say what changed."""
    from generator.cli import meeting_commands as mc
    from generator.content.pipeline import resolve_now

    moment = resolve_now(now)
    plan, lang = mc.load(project, file, moment)
    change(plan, lang)
    changed = mc.apply(plan, moment)
    for edit in changed:
        click.echo(f"Changed {edit.rel}:")
        for said in edit.changes:
            click.echo(f"  - {said}")
    click.echo("Run 'portal build' to publish the change; calendars that added the meeting will update.")


def _with_note(change, note: str | None, note_lang: str | None):
    """``change(plan, lang)`` given the language of the note: ``--lang``, else FILE's language."""
    from generator.cli.meeting_commands import note_language

    return lambda plan, lang: change(plan, note_language(plan, lang, note_lang, note))


@meeting.command("move")
@FILE
@click.option("--to", "to", required=True, metavar="'YYYY-MM-DD HH:MM'",
              help="The new start, in the district's time zone (24-hour clock).")
@click.option("--end", metavar="'HH:MM'", help="The new end (default: as long as before).")
@NOTE
@LANG
@PROJECT
@NOW
def move(file: str, to: str, end: str | None, note: str | None, note_lang: str | None, project: Path,
         now) -> None:
    """Give the meeting a new time (the old one is kept in previous_start)."""
    from generator.cli.meeting_commands import move as plan_move

    _run(project, file, now,
         _with_note(lambda plan, lang: plan_move(plan, lang, to, end, note), note, note_lang))


@meeting.command("cancel")
@FILE
@NOTE
@LANG
@PROJECT
@NOW
def cancel(file: str, note: str | None, note_lang: str | None, project: Path, now) -> None:
    """Mark the meeting cancelled (it stays on the site and in calendars, marked), postponed or not."""
    from generator.cli.meeting_commands import call_off

    _run(project, file, now,
         _with_note(lambda plan, lang: call_off(plan, lang, "cancelled", note), note, note_lang))


@meeting.command("postpone")
@FILE
@NOTE
@LANG
@PROJECT
@NOW
def postpone(file: str, note: str | None, note_lang: str | None, project: Path, now) -> None:
    """Mark the meeting postponed, cancelled or not: a new date will be announced (then use 'move')."""
    from generator.cli.meeting_commands import call_off

    _run(project, file, now,
         _with_note(lambda plan, lang: call_off(plan, lang, "postponed", note), note, note_lang))


@meeting.command("reinstate")
@FILE
@PROJECT
@NOW
def reinstate(file: str, project: Path, now) -> None:
    """Put a cancelled or postponed meeting back at its time."""
    from generator.cli.meeting_commands import reinstate as plan_reinstate

    _run(project, file, now, plan_reinstate)


@meeting.command("minutes")
@FILE
@click.option("--file", "document", metavar="PATH",
              help="A minutes file to list under documents too: a link, or a file in content/files/ "
                   "(like files/2026-12-08-lincoln-sac-minutes.pdf).")
@PROJECT
@NOW
def minutes(file: str, document: str | None, project: Path, now) -> None:
    """Say that the meeting's page holds its minutes (headed "Minutes"), optionally with a file."""
    from generator.cli.meeting_commands import add_minutes

    _run(project, file, now, lambda plan, lang: add_minutes(plan, lang, document))
    click.echo("Now replace the text below the front-matter of each language's file with the minutes "
               "(attendance, decisions, next steps), then run 'portal check'.")
