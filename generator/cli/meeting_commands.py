"""``portal meeting``: move, cancel, postpone or reinstate a meeting, or add its minutes.

Staff used to change ``status``, ``start``, ``previous_start``, ``reinstated``
and ``status_note`` by hand in each language's file, and one forgotten line
left families with a calendar that never updated. Each command here makes
the whole change in every language's file at once:

- facts (``status``, ``start``, ``end``, ``previous_start``, ``reinstated``,
  ``minutes``, ``revision``) are changed in every file that writes them, or
  added to the default language's file if none does, so the files agree and
  the calendar SEQUENCE (``Meeting.sequence``) rises: a change the other facts
  do not count (cancelled to postponed or back, minutes) adds one to ``revision``;
- a ``status_note`` (words) goes into the file of the language it is written
  in; the other languages' notes are removed, because they explain the old
  state: until someone translates the new note, those pages show it marked
  in its own language.

Nothing is written until every file's new text is ready; then each file is
rewritten in one step (``core.safe_files``) and the content is checked as
``portal check`` does. If the check finds an error, or the SEQUENCE did not
rise, every file is put back as it was.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from generator.cli.frontmatter_lines import FrontMatter
from generator.cli.mark import write_hash
from generator.content.datetypes import DateTimeType, TimeOrDateTime
from generator.content.fieldtypes import Context, Invalid
from generator.content.model import Meeting, Site
from generator.content.pipeline import build_site
from generator.content.tracking import HASH_FIELD, is_current, source_hash
from generator.core.i18n import Messages
from generator.core.errors import ContentErrors, PortalError
from generator.core.safe_files import read_regular, rewrite


class MeetingCommandError(PortalError):
    """A change that makes no sense for this meeting; nothing was written."""


@dataclass
class Edit:
    """One file's planned new text, and what changed in it, in plain words."""

    rel: str
    old: bytes
    front: FrontMatter
    changes: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """The files of one meeting and the changes planned for each."""

    site: Site
    meeting: Meeting
    edits: dict[str, Edit]
    raises_sequence: bool = False  # a change families' calendars must pick up
    remark: list[str] = field(default_factory=list)  # translations to mark up to date after writing

    def file(self, lang: str) -> Edit:
        return self.edits[self.meeting.sources[lang].path]

    def fact_files(self, name: str) -> list[Edit]:
        """The files that write fact ``name``; if none does, the default language's file."""
        m = self.meeting
        having = [self.edits[src.path] for src in m.sources.values() if self.edits[src.path].front.has(name)]
        return having or [self.facts_file()]

    def facts_file(self) -> Edit:
        """Where a fact no file writes yet goes: the default language's file, as staff do."""
        m = self.meeting
        return self.file(m.site.default if m.has_file(m.site.default) else m.source_lang())

    def set_fact(self, name: str, rendered: list[str], said: str, after: tuple[str, ...] = ()) -> None:
        self.raises_sequence |= name in ("start", "status", "revision")
        for edit in self.fact_files(name):
            edit.front.set(name, rendered, after)
            edit.changes.append(said)

    def set_note(self, note: str | None, lang: str) -> None:
        """``status_note: note`` in ``lang``'s file; every other language's note removed.

        A translation marked up to date with a fingerprint from before notes were left out
        of it gets today's fingerprint, so a new note does not make it look outdated."""
        m = self.meeting
        for other, src in m.sources.items():
            recorded = str(src.data.get(HASH_FIELD) or "")
            if other != m.source_lang() and recorded and is_current(m, recorded) \
                    and recorded != source_hash(m):
                edit = self.edits[src.path]
                edit.front.set(HASH_FIELD, [f"{HASH_FIELD}: {source_hash(m)}"])
                edit.changes.append("source_hash updated: the translation is still up to date")
        for other, src in m.sources.items():
            edit = self.edits[src.path]
            if other == lang and note:
                edit.front.set("status_note", [_scalar("status_note", note)],
                               ("previous_start", "status", "end", "start"))
                edit.changes.append(f"status_note set to: {note}")
            elif src.data.get("status_note") is not None and edit.front.remove("status_note"):
                edit.changes.append("removed the old status_note (it explained the earlier state)"
                                    + ("; translate the new note into this file" if note else ""))


def _scalar(name: str, value) -> str:
    """``name: value`` as one YAML line (quoted only when YAML needs it)."""
    return yaml.safe_dump({name: value}, allow_unicode=True, width=10**6, sort_keys=False).rstrip("\n")


def _when(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def _find(site: Site, target: str) -> tuple[Meeting, str | None]:
    """The meeting FILE names (a file of any language, or the name), and that file's language."""
    root = site.settings.root
    given = Path(target)
    for candidate in (given, Path.cwd() / given, root / given):
        try:
            rel = Path(candidate).absolute().relative_to(root).as_posix()
        except ValueError:
            continue
        for m in site.meetings:
            for lang, src in m.sources.items():
                if src.path == rel:
                    return m, lang
    slug = given.name.removesuffix(".md")
    for m in site.meetings:
        if m.slug == slug:
            return m, None
    raise MeetingCommandError(
        f"{target} is not a meeting of this project. Give a meeting's file, like "
        "content/en/meetings/2026-12-08-lincoln-sac.md, or its name, like 2026-12-08-lincoln-sac "
        "(portal check lists the content it finds).")


def load(project: Path, target: str, now) -> tuple[Plan, str]:
    try:
        site, _ = build_site(project, now=now, drafts=True)
    except ContentErrors as exc:
        raise MeetingCommandError(
            f"the content has {len(exc.problems)} problem(s) to fix first; run 'portal check' to see "
            "them, fix them, then run this command again. Nothing was changed.") from None
    meeting, lang = _find(site, target)
    content = site.settings.content_dir
    edits = {}
    for src in meeting.sources.values():
        old = read_regular(site.settings.root / src.path, content)
        edits[src.path] = Edit(src.path, old, FrontMatter.parse(old.decode("utf-8"), src.path))
    return Plan(site, meeting, edits), lang or site.default


def note_language(plan: Plan, file_lang: str, given: str | None, note: str | None) -> str:
    """The language ``--note`` is written in: ``--lang`` if given, else the language of the file
    named (the default language when the meeting is named without a file)."""
    if given is None:
        return file_lang
    m = plan.meeting
    if note is None:
        _refuse(m, f"--lang {given} says which language the note is written in, but no --note was "
                   f"given. Give the note too, like --note \"...\" --lang {given}.")
    if given not in m.site.languages:
        _refuse(m, f"--lang: '{given}' is not one of this site's languages ({', '.join(m.site.languages)}). "
                   "Give the code of the language the note is written in, like --lang es.")
    if not m.has_file(given):
        _refuse(m, f"--lang: this meeting has no file in '{given}' to hold the note (it has "
                   f"{', '.join(m.sources)}). Write the note in one of those languages, or add the "
                   f"meeting's '{given}' file first.")
    return given


def _refuse(m: Meeting, message: str) -> None:
    raise MeetingCommandError(f"{m.sources[m.source_lang()].path}: {message} Nothing was changed.")


def _future(plan: Plan, when: datetime, what: str) -> None:
    if when <= plan.site.now:
        _refuse(plan.meeting, f"{what} {_when(when)} is in the past (it is now "
                              f"{_when(plan.site.now.astimezone(plan.meeting.tz))}). Give a time "
                              "still to come.")


def _parse_start(plan: Plan, value: str) -> datetime:
    try:
        parsed = DateTimeType().coerce(value, Context(plan.site.settings))
    except Invalid as exc:
        hint = f" ({exc.suggestion})" if exc.suggestion else ""
        _refuse(plan.meeting, f"--to: '{value}' is not a date and time{hint}. Write it like "
                              "\"2026-12-17 17:30\" (24-hour clock).")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=plan.meeting.tz)


def _new_end(plan: Plan, start: datetime, end: str | None) -> datetime:
    m = plan.meeting
    if end is None:
        return start + (m.end - m.start)
    try:
        parsed = TimeOrDateTime().coerce(end, Context(plan.site.settings))
    except Invalid:
        _refuse(m, f"--end: '{end}' is not a time. Write it like 19:00 (24-hour clock).")
    if not isinstance(parsed, datetime):
        parsed = datetime.combine(start.date(), parsed)
    parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=m.tz)
    if parsed <= start:
        _refuse(m, f"--end: {end} is not after the new start {_when(start)}. Give the time it ends.")
    return parsed


def move(plan: Plan, lang: str, to: str, end: str | None, note: str | None) -> None:
    """New start (and end), old start added to ``previous_start``, status rescheduled."""
    m = plan.meeting
    start = _parse_start(plan, to)
    _future(plan, start, "the new time")
    if start == m.start:
        _refuse(m, f"it already starts at {_when(start)}. Give the new time with --to.")
    finish = _new_end(plan, start, end)
    earlier = [_when(p) for p in m.previous_starts] + [_when(m.start)]
    plan.set_fact("start", [f"start: {_when(start)}"], f"start changed from {_when(m.start)} to {_when(start)}")
    end_text = f'"{finish:%H:%M}"' if finish.date() == start.date() else _when(finish)
    written = m.get(m.site.default, "end")  # a time on the start's day, or a date and time
    if isinstance(written, datetime) or end_text != f'"{m.end:%H:%M}"':
        plan.set_fact("end", [f"end: {end_text}"], f"end changed to {end_text.strip(chr(34))}", ("start",))
    _set_status(plan, "rescheduled")
    listed = ([f"previous_start: {earlier[0]}"] if len(earlier) == 1
              else ["previous_start:"] + [f"  - {e}" for e in earlier])
    plan.set_fact("previous_start", listed, f"previous_start now lists {', '.join(earlier)}",
                  ("status", "end", "start"))
    plan.set_note(note, lang)


def _set_status(plan: Plan, status: str) -> None:
    m = plan.meeting
    if status != m.status:
        plan.set_fact("status", [f"status: {status}"], f"status changed from {m.status} to {status}",
                      ("end", "start"))


def call_off(plan: Plan, lang: str, status: str, note: str | None) -> None:
    """``status: cancelled`` or ``postponed``, refused if it already is."""
    m = plan.meeting
    if m.status == status:
        _refuse(m, f"the meeting is already {status}.")
    if m.is_past:
        _refuse(m, f"the meeting was on {_when(m.start)}, in the past; only a meeting still to come "
                   f"can be {status}.")
    _set_status(plan, status)
    if m.is_called_off:  # called off before and after: the status's +1 stays as it was
        _raise_revision(plan, f"{m.status} to {status}")
    plan.set_note(note, lang)


def _raise_revision(plan: Plan, why: str) -> None:
    """``revision`` +1, for a change the other facts of ``Meeting.sequence`` do not count, so
    that families' calendars still pick it up."""
    m = plan.meeting
    count = (m.get(m.site.default, "revision") or 0) + 1
    plan.set_fact("revision", [f"revision: {count}"],
                  f"revision set to {count} ({why}: calendars take the change)",
                  ("minutes", "reinstated", "previous_start", "status", "end", "start"))


def reinstate(plan: Plan, lang: str) -> None:
    """Put a cancelled or postponed meeting back at its time, ``reinstated`` +1."""
    m = plan.meeting
    if not m.is_called_off:
        _refuse(m, f"the meeting is {m.status}, not cancelled or postponed, so there is nothing to "
                   "put back. To change its time, use 'portal meeting move'.")
    _future(plan, m.start, "its time")
    _set_status(plan, "rescheduled" if m.previous_starts else "scheduled")
    count = (m.get(m.site.default, "reinstated") or 0) + 1
    plan.set_fact("reinstated", [f"reinstated: {count}"], f"reinstated set to {count}",
                  ("previous_start", "status", "end", "start"))
    plan.set_note(None, lang)


def add_minutes(plan: Plan, lang: str, document: str | None = None) -> None:
    """``minutes: true`` (the text below the front-matter is the minutes, headed "Minutes"), and
    with ``document`` a minutes file in ``documents``, titled from each language's catalogue."""
    m = plan.meeting
    if m.is_called_off:
        _refuse(m, f"the meeting is {m.status}: it did not take place, so it has no minutes.")
    if m.start > plan.site.now:
        _refuse(m, f"the meeting starts on {_when(m.start)}: add the minutes after it has taken place.")
    if m.has_minutes and document is None:
        _refuse(m, "it already has 'minutes: true'. To add a minutes file as well, give it with --file.")
    if not m.has_minutes:
        plan.set_fact("minutes", ["minutes: true"], "minutes set to true (the page heads the text \"Minutes\")")
    if document is not None:
        _add_document(plan, document)
    _raise_revision(plan, "minutes added")


def _add_document(plan: Plan, document: str) -> None:
    """A ``documents`` entry for the minutes file in every language whose titles line up.

    The title is interface text ("Minutes", "Acta"), so the translations that were up to
    date stay so (``Plan.remark``): their fingerprint is written again after the change."""
    m = plan.meeting
    facts = [plan.edits[src.path] for src in m.sources.values()
             if any(isinstance(d, dict) and d.get("file") for d in src.data.get("documents") or [])]
    facts = facts or [plan.facts_file()]
    count = len(m.get(m.site.default, "documents") or [])
    for other, src in m.sources.items():
        edit = plan.edits[src.path]
        title = _scalar("title", Messages(other, m.site.default)("meetings.minutes"))
        entry = [f"- {title}"] + ([f"  {_scalar('file', document)}", "  kind: minutes"] if edit in facts else [])
        if edit not in facts and len(src.data.get("documents") or []) != count:
            continue  # its titles do not follow the list one by one: they fall back until translated
        if edit.front.has("documents"):
            edit.front.append_item("documents", entry)
        else:
            edit.front.set("documents", ["documents:"] + [f"  {line}" for line in entry],
                           ("supports", "agenda", "location"))
        edit.changes.append(f"added {document} to the documents, as the minutes")
    plan.remark = [lang for lang, src in m.sources.items() if lang != m.source_lang()
                   and src.data.get(HASH_FIELD) and is_current(m, str(src.data[HASH_FIELD]))]


def apply(plan: Plan, now) -> list[Edit]:
    """Write every changed file, check the content, and put every file back if it fails.

    Every command's change must raise the calendar SEQUENCE."""
    site = plan.site
    root, content = site.settings.root, site.settings.content_dir
    changed = [e for e in plan.edits.values() if e.front.text().encode("utf-8") != e.old]
    written = []
    try:
        for edit in changed:
            rewrite(root / edit.rel, edit.front.text().encode("utf-8"), content)
            written.append(edit)
        after, problems = _check(plan, now)
        if not problems:
            _remark(plan, after, changed, written)
    except BaseException:
        _restore(root, content, written)
        raise
    if problems:
        _restore(root, content, written)
        raise MeetingCommandError("after this change the content would not be valid, so every file was "
                                  "put back as it was. What is wrong:\n\n" + "\n\n".join(problems))
    return changed


def _check(plan: Plan, now) -> tuple[Meeting | None, list[str]]:
    """The meeting as changed, and the content's errors (or a SEQUENCE that did not rise) as text."""
    try:
        site, _ = build_site(plan.site.settings.root, now=now, drafts=True)
    except ContentErrors as exc:
        return None, [p.format() for p in exc.problems]
    after, before = site.items["meetings"][plan.meeting.slug], plan.meeting.sequence
    if plan.raises_sequence and after.sequence <= before:
        return after, [f"calendars would not take the change (their revision number would stay at "
                       f"{before}). Ask the site's maintainer."]
    return after, []


def _remark(plan: Plan, after: Meeting, changed: list[Edit], written: list[Edit]) -> None:
    """Record today's fingerprint in the translations that were up to date before the change."""
    root, content = plan.site.settings.root, plan.site.settings.content_dir
    for lang in plan.remark:
        edit = plan.file(lang)
        if edit not in written:
            written.append(edit)
            changed.append(edit)
        if write_hash(root, edit.rel, source_hash(after), content):
            edit.changes.append("source_hash updated: the translation is still up to date")


def _restore(root: Path, content: Path, written: list[Edit]) -> None:
    for edit in written:
        rewrite(root / edit.rel, edit.old, content)
