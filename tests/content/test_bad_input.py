"""Every kind of bad input, as staff meet it: `portal build` on a project with a built site.

One row of the table per case: the file written, the words of the message, and where the
message must point (file, line, field). Each failing case must exit 1, print no traceback,
name the file and the field (or the line, where the YAML cannot be read far enough to
know the field), and leave the last good site byte-for-byte as it was. The cases at the
end are legitimately fine (a byte-order mark, Windows line ends, a tab in a paragraph):
they build, and the page shows the words.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from support import EXAMPLE_NOW, MINIMAL, REPO, Project

PAGE = "content/en/pages/notice.md"
NEWS = "content/en/news/fair.md"
GRANT = "content/en/grants/after-school.md"
PERSON = "content/en/people/ana-ruiz.md"
MEETING = "content/en/meetings/2026-12-09-alder-team.md"
SCHOOL = "content/en/schools/alder-elementary.md"

MEETING_TOP = "---\ngroup: family_workshop\nschool: alder-elementary\nstart: 2026-12-09 17:30\nend: \"19:00\"\n"
GRANT_TOP = "---\nname: After-school grant\nfunder: State\nkind: planning\n"
SETTINGS = (REPO / "portal.yml").read_text(encoding="utf-8")
SETTINGS_END = len(SETTINGS.splitlines()) + 1  # the line a setting added at the end is on
TIMEZONE_LINE = SETTINGS.splitlines().index("timezone: America/Los_Angeles") + 1
COLOUR_LINE = SETTINGS.splitlines().index('colour: "#0b5d5b"') + 1
SCHOOL_TOP = ("---\nname: Alder Elementary School\nlevel: elementary\ngrades: TK-5\naddress: {street: 10 Alder "
              "Street, city: Valle Verde, state: CA, postal_code: \"95301\"}\ncoordinator: ana-ruiz\n")


def bomb() -> str:
    """A "billion laughs": nine aliases of nine aliases... 9**9 values once expanded."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "---\ntitle: Laughs\n" + "\n".join(lines) + "\n---\n"


@dataclass
class Case:
    files: dict[str, str | bytes]  # path in the project -> its new text (or bytes)
    words: str  # in the message
    where: str  # "<file>, line N, field 'x'" or a part of it, as the message prints it
    ok: bool = False  # the input is fine: the build succeeds
    page: str = ""  # for a fine input: a page of the site that shows `words`
    links: dict[str, str] = field(default_factory=dict)  # link in the project -> what it points to


CASES: dict[str, Case] = {
    # -- reading the file ---------------------------------------------------------------------------
    "malformed YAML": Case({PAGE: "---\ntitle: [Open list\n---\n"}, "list in [ ] is opened here", f"{PAGE}, line 2"),
    "tab indentation": Case({PAGE: "---\ntitle: Tabs\n\tsummary: x\n---\n"}, "a tab is used to indent",
                            f"{PAGE}, line 3"),
    "unclosed front-matter": Case({PAGE: "---\ntitle: Only the top\n"}, "the front-matter is not closed",
                                  f"{PAGE}, line 1"),
    "empty file": Case({PAGE: ""}, "the file has no front-matter", f"{PAGE}, line 1"),
    "not UTF-8": Case({PAGE: b"---\ntitle: Caf\xe9\n---\n"}, "the file is not UTF-8 text", f"{PAGE}, line 2"),
    "a field written twice": Case({PAGE: "---\ntitle: One\ntitle: Two\n---\n"}, "'title' is written twice",
                                  f"{PAGE}, line 3"),
    "a file too large for the default limit": Case({PAGE: "---\ntitle: Big\n---\n" + "Words. " * 160_000},
                                                   "larger than 1,000,000 bytes", PAGE),
    "a file larger than max_file_bytes": Case(
        {"portal.yml": SETTINGS + "max_file_bytes: 2000\n",
         PAGE: "---\ntitle: Long\n---\n" + "Words. " * 400},
        "larger than 2,000 bytes", PAGE),
    "max_file_bytes that is not a number": Case(
        {"portal.yml": SETTINGS + "max_file_bytes: big\n"},
        "this is not a whole number", f"portal.yml, line {SETTINGS_END}, field 'max_file_bytes'"),
    # -- what YAML could make huge ------------------------------------------------------------------
    "an alias bomb": Case({PAGE: bomb()}, "expand to more than 10,000 values", f"{PAGE}, line"),
    "an alias inside itself": Case({PAGE: "---\ntitle: Loop\nsummary: &loop [*loop]\n---\n"},
                                   "refers to the group it is inside", f"{PAGE}, line 3"),
    "500 levels of nesting": Case({PAGE: "---\ntitle: " + "[" * 500 + "]" * 500 + "\n---\n"},
                                  "nested more than 40 levels deep", f"{PAGE}, line 2"),
    "a complex key": Case({PAGE: "---\ntitle: Key\n? [a, b]\n: c\n---\n"},
                          "a field name must be a word, not a list or a group", f"{PAGE}, line 3"),
    "a number of 5000 digits": Case({PAGE: "---\ntitle: Digits\norder: " + "9" * 5000 + "\n---\n"},
                                    "more than 100 digits", f"{PAGE}, line 3"),
    "a number tag on a word": Case({PAGE: "---\ntitle: Tagged\norder: !!int ten\n---\n"},
                                   "'ten' is not a whole number", f"{PAGE}, line 3"),
    "a YAML date tag": Case({NEWS: "---\ntitle: Fair\ndate: !!timestamp 2026-12-01\nsummary: A fair.\n---\n"},
                            "'!!timestamp' cannot be used here", f"{NEWS}, line 3"),
    # -- fields -------------------------------------------------------------------------------------
    "wrong type": Case({PERSON: "---\nname: Ana Ruiz\nrole: coordinator\nlanguages: es\n---\n"},
                       "this is not a list", f"{PERSON}, line 4, field 'languages'"),
    "missing field": Case({PERSON: "---\nname: Ana Ruiz\n---\n"}, "the required field 'role' is missing",
                          f"{PERSON}, line 2, field 'role'"),
    "unknown field": Case({PAGE: "---\ntitle: Notice\nsumary: A typo.\n---\n"}, "'sumary' is not a field",
                          f"{PAGE}, line 3, field 'sumary'"),
    "unknown reference": Case({MEETING: MEETING_TOP.replace("alder-elementary", "alder") + "---\n"},
                              "there is no school called 'alder'", f"{MEETING}, line 3, field 'school'"),
    "duplicate slug": Case({"content/en/people/2026/ana-ruiz.md": "---\nname: Ana Two\nrole: staff\n---\n"},
                           "content/en/people/2026/ana-ruiz.md and content/en/people/ana-ruiz.md", PERSON),
    "duplicate milestone ids": Case(
        {GRANT: GRANT_TOP + "amount: 1000\nmilestones:\n  - {id: hire, title: Hire}\n"
                            "  - {id: hire, title: Hire again}\n---\n"},
        "the id 'hire' is used twice", f"{GRANT}, line 8, field 'milestones[2].id'"),
    "impossible date": Case({NEWS: "---\ntitle: Leap\ndate: 2026-02-30\nsummary: x\n---\n"},
                            "2026-02-30 is not a real calendar date", f"{NEWS}, line 3, field 'date'"),
    "year 0001": Case({NEWS: "---\ntitle: Old\ndate: 0001-01-01\nsummary: x\n---\n"},
                      "not between the years 1900 and 2200", f"{NEWS}, line 3, field 'date'"),
    "year 9999": Case({NEWS: "---\ntitle: Far\ndate: 9999-12-31\nsummary: x\n---\n"},
                      "not between the years 1900 and 2200", f"{NEWS}, line 3, field 'date'"),
    "a meeting in the year 9999": Case({MEETING: MEETING_TOP.replace("2026-12-09", "9999-12-31") + "---\n"},
                                       "not between the years 1900 and 2200", f"{MEETING}, line 4, field 'start'"),
    "an offset that cannot be": Case({MEETING: MEETING_TOP.replace("17:30", "17:30 +99:99") + "---\n"},
                                     "+99:99 is not a real offset", f"{MEETING}, line 4, field 'start'"),
    "a meeting named like a part of /meetings/": Case(
        {"content/en/meetings/bodies.md": MEETING_TOP + "location: {place: Office}\n---\n"},
        "the meeting file name 'bodies' is already used by the site", "content/en/meetings/bodies.md"),
    "a free page named index": Case({"content/en/pages/index.md": "---\ntitle: Welcome\n---\nHello.\n"},
                                    "a page cannot be named 'index'", "content/en/pages/index.md"),
    "a free page named like a list the site makes": Case(
        {"content/en/pages/grants.md": "---\ntitle: Our grants\n---\n"},
        "the page name 'grants' is already used by the site", "content/en/pages/grants.md"),
    "an unknown section on the home page": Case(
        {"content/en/home.md": "---\nheading: Welcome\nsections: [next_meeting, events]\n---\n"},
        "\"events\" is not a known choice", "content/en/home.md, line 3, field 'sections[2]'"),
    "a section twice on the home page": Case(
        {"content/en/home.md": "---\nsections:\n  - schools\n  - news\n  - schools\n---\n"},
        "a section is listed twice", "content/en/home.md, line 2, field 'sections'"),
    "the home file in a folder": Case({"content/en/home/home.md": "---\nheading: Welcome\n---\n"},
                                      "'home' is not a kind of content", "content/en/home"),
    "end before start": Case({MEETING: MEETING_TOP.replace('"19:00"', '"16:00"') + "location: {place: Office}\n---\n"},
                             "the meeting ends before it starts", f"{MEETING}, line 5, field 'end'"),
    "an old council: block on a school": Case(
        {SCHOOL: SCHOOL_TOP + "council:\n  name: Alder Family Council\n  schedule: First Monday, 6 pm\n---\n"},
        "councils are now their own files under content/<language>/councils/",
        f"{SCHOOL}, line 7, field 'council'"),
    "a council meeting with an old group and no body": Case(
        {MEETING: MEETING_TOP.replace("family_workshop", "site_advisory_council") + "location: {place: Office}\n---\n"},
        "replace 'group: site_advisory_council' with 'body: alder-elementary-site-advisory-council'",
        f"{MEETING}, line 2, field 'group'"),
    "a body's meeting at another school": Case(
        {MEETING: "---\nbody: alder-elementary-site-advisory-council\nschool: birch\nstart: 2026-12-09 17:30\n"
                  "end: \"19:00\"\nlocation: {place: Office}\n---\n",
         "content/en/schools/birch.md": SCHOOL_TOP.replace("Alder", "Birch") + "---\n"},
        "the meeting's school is not its body's", f"{MEETING}, line 3, field 'school'"),
    "a meeting of an unknown body": Case(
        {MEETING: "---\nbody: alder-council\nstart: 2026-12-09 17:30\nend: \"19:00\"\n"
                  "location: {place: Office}\n---\n"},
        "there is no council called 'alder-council'", f"{MEETING}, line 2, field 'body'"),
    "unknown time zone": Case({MEETING: MEETING_TOP + "location: {place: Office}\ntimezone: America/Las_Angeles\n---\n"},
                              'did you mean "America/Los_Angeles"', f"{MEETING}, line 7, field 'timezone'"),
    "a 300-character time zone": Case({MEETING: MEETING_TOP + "location: {place: Office}\ntimezone: "
                                       + "A" * 300 + "\n---\n"},
                                      "not a time zone name", f"{MEETING}, line 7, field 'timezone'"),
    "a 300-character time zone in the settings": Case(
        {"portal.yml": SETTINGS.replace(
            "timezone: America/Los_Angeles", "timezone: " + "B" * 300)},
        "not a time zone name", f"portal.yml, line {TIMEZONE_LINE}, field 'timezone'"),
    "amount NaN": Case({GRANT: GRANT_TOP + "amount: NaN\n---\n"}, '"NaN" is not an amount of money',
                       f"{GRANT}, line 5, field 'amount'"),
    "amount Infinity": Case({GRANT: GRANT_TOP + "amount: Infinity\n---\n"}, '"Infinity" is not an amount of money',
                            f"{GRANT}, line 5, field 'amount'"),
    "amount too large to be real": Case({GRANT: GRANT_TOP + "amount: 1e400\n---\n"}, "an amount must be from 0 to",
                                        f"{GRANT}, line 5, field 'amount'"),
    "amount that YAML reads as infinite": Case({GRANT: GRANT_TOP + "amount: 1.0e400\n---\n"},
                                               '"inf" is not an amount of money', f"{GRANT}, line 5, field 'amount'"),
    "amount with a fraction of a cent": Case({GRANT: GRANT_TOP + "amount: 1E-999999\n---\n"}, "at most two digits",
                                             f"{GRANT}, line 5, field 'amount'"),
    "a negative amount": Case({GRANT: GRANT_TOP + "amount: -5\n---\n"}, "an amount must be from 0",
                              f"{GRANT}, line 5, field 'amount'"),
    "an awarded grant without its amount": Case({GRANT: GRANT_TOP + "status: active\n---\n"},
                                                "the grant is active but gives no amount",
                                                f"{GRANT}, line 5, field 'amount'"),
    "an unknown grant status": Case({GRANT: GRANT_TOP + "amount: 1000\nstatus: pending\n---\n"},
                                    '"pending" is not a known choice', f"{GRANT}, line 6, field 'status'"),
    "an application with an award date": Case({GRANT: GRANT_TOP + "status: applied\nawarded: 2026-05\n---\n"},
                                              "the grant is applied but has an award date",
                                              f"{GRANT}, line 6, field 'awarded'"),
    "a month that is not real": Case({GRANT: GRANT_TOP + "amount: 1000\nawarded: 2024-13\n---\n"},
                                     "2024-13 is not a real month", f"{GRANT}, line 6, field 'awarded'"),
    "a meeting group not in portal.yml": Case(
        {MEETING: MEETING_TOP.replace("group: family_workshop", "group: family_night") + "location: {place: Office}\n---\n"},
        'or add it to the meeting groups set in portal.yml under meeting_groups', f"{MEETING}, line 2, field 'group'"),
    "a grant kind not in portal.yml": Case({GRANT: GRANT_TOP.replace("kind: planning", "kind: state") + "amount: 1\n---\n"},
                                           "one of: planning, implementation, coordination, other",
                                           f"{GRANT}, line 4, field 'kind'"),
    "a milestone step not in portal.yml": Case(
        {GRANT: GRANT_TOP + "amount: 1000\nmilestones:\n  - {id: hire, title: Hire, step: 5}\n---\n"},
        '"5" is not a known choice', f"{GRANT}, line 7, field 'milestones[1].step'"),
    "a meeting group in portal.yml without a label": Case(
        {"portal.yml": SETTINGS + "meeting_groups:\n  harvest_fair:\n"},
        "the meeting group 'harvest_fair' has no label",
        f"portal.yml, line {SETTINGS_END + 1}, field 'meeting_groups.harvest_fair.label'"),
    "a milestone step id with spaces in portal.yml": Case(
        {"portal.yml": SETTINGS + "milestone_steps:\n  Key practice 1:\n    label: {en: A, es: B}\n"},
        'write it as "key_practice_1"', f"portal.yml, line {SETTINGS_END + 1}, field 'milestone_steps.Key practice 1'"),
    "grant kinds in portal.yml as a list": Case(
        {"portal.yml": SETTINGS + "grant_kinds: [planning, state]\n"},
        "this needs one entry per grant kind", f"portal.yml, line {SETTINGS_END}, field 'grant_kinds'"),
    "a broken image": Case({"content/images/front.jpg": b"These are my notes, not a photo.\n" * 20,
                            SCHOOL: SCHOOL_TOP + "photo: {src: images/front.jpg, alt: The front door}\n---\n"},
                           "not a picture that can be published", f"{SCHOOL}, line 7, field 'photo.src'"),
    # -- characters ---------------------------------------------------------------------------------
    "U+000B in a title": Case({PAGE: '---\ntitle: "Family\\vnight"\n---\n'}, "U+000B (vertical tab)",
                              f"{PAGE}, line 2, field 'title'"),
    "U+000B typed into a title": Case({PAGE: "---\ntitle: Family\x0bnight\n---\n"}, "U+000B (vertical tab)",
                                      f"{PAGE}, line 2, field 'title'"),
    "U+0000 in a summary": Case({NEWS: '---\ntitle: Fair\ndate: 2026-11-01\nsummary: "A\\0fair"\n---\n'},
                                "U+0000 (null)", f"{NEWS}, line 4, field 'summary'"),
    "U+001B in the text": Case({PAGE: "---\ntitle: Notice\n---\nFirst line.\nThe \x1b[31mred\x1b[0m word.\n"},
                               "U+001B (escape)", f"{PAGE}, line 5"),
    "a lone surrogate": Case({PAGE: '---\ntitle: "Half \\ud800 a symbol"\n---\n'}, "U+D800",
                             f"{PAGE}, line 2, field 'title'"),
    "a bare CR in a person's name": Case({PERSON: b"---\nname: Ana\rRuiz\nrole: coordinator\n---\n"},
                                         "U+000D (carriage return)", f"{PERSON}, line 2, field 'name'"),
    "a CR escape in a person's name": Case({PERSON: '---\nname: "Ana\\rX-INJECTED:1"\nrole: coordinator\n---\n'},
                                           "U+000D (carriage return)", f"{PERSON}, line 2, field 'name'"),
    "a new line in a meeting title": Case(
        {MEETING: MEETING_TOP + 'location: {place: Office}\ntitle: "Budget\\nBEGIN:VEVENT"\n---\n'},
        "must be one line of text, but it has the character U+000A (new line)", f"{MEETING}, line 7, field 'title'"),
    "a tab in a place": Case({MEETING: MEETING_TOP + 'location: {place: "Room\\t14"}\n---\n'},
                             "U+0009 (tab)", f"{MEETING}, line 6, field 'location.place'"),
    "a control character in a field name": Case({PAGE: '---\ntitle: Notice\n"or\\x1bder": 3\n---\n'},
                                                "U+001B (escape)", f"{PAGE}, line 3"),
    "an unquoted comma in a label in portal.yml": Case(
        {"portal.yml": SETTINGS.replace(
            "label: {en: Tutoring, es: Tutorías}", "label: {en: Tutoring, computers, es: Tutorías}")},
        'a text with a comma needs quotes: en: "Tutoring, computers"',
        f"portal.yml, line {SETTINGS.splitlines().index('    label: {en: Tutoring, es: Tutorías}') + 1}, "
        "field 'services.tutoring.label.computers'"),
    "a control character in portal.yml": Case(
        {"portal.yml": SETTINGS.replace(
            "timezone: America/Los_Angeles", 'timezone: "America/Los\\x7f_Angeles"')},
        "U+007F (delete)", f"portal.yml, line {TIMEZONE_LINE}, field 'timezone'"),
    "a district colour too light for white text": Case(
        {"portal.yml": SETTINGS.replace('colour: "#0b5d5b"', 'colour: "#4fb3a9"')},
        'Found:    "#4fb3a9" (contrast 2.51:1 with white text)\n  Suggestion: use "#0f857c"',
        f"portal.yml, line {COLOUR_LINE}, field 'colour'"),
    "a district colour without quotes (YAML reads # as a comment)": Case(
        {"portal.yml": SETTINGS.replace('colour: "#0b5d5b"', "colour: #1d4f91")},
        'a # starts a comment', f"portal.yml, line {COLOUR_LINE}, field 'colour'"),
    "a district colour by name": Case(
        {"portal.yml": SETTINGS.replace('colour: "#0b5d5b"', "colour: navy")},
        'write it as its code, in quotes: colour: "#000080"', f"portal.yml, line {COLOUR_LINE}, field 'colour'"),
    # -- links in the text: to items and files ------------------------------------------------------
    "a link in the text to a school that does not exist": Case(
        {NEWS: "---\ntitle: Fair\ndate: 2026-11-01\nsummary: x\n---\nCome to the fair.\n\n"
               "It is at [Alder](../schools/alder-elementry.md).\n"},
        'the link goes to a school that does not exist', f"{NEWS}, line 8, field 'text'"),
    "a link in the text to a file that does not exist": Case(
        {"content/files/fair-flyer.pdf": b"%PDF-1.4\n%%EOF\n",
         PAGE: "---\ntitle: Notice\n---\nRead [the flyer](/files/fair-flier.pdf) first.\n"},
        "the link goes to a file that does not exist", f"{PAGE}, line 4, field 'text'"),
    # -- columns, cards and callouts in the text ----------------------------------------------------
    "a block of a kind the site does not know": Case(
        {PAGE: "---\ntitle: Notice\n---\nIntro.\n\n/// colums\n### One\nText.\n///\n"},
        '\'colums\' is not a kind of block the site knows', f"{PAGE}, line 6, field 'text'"),
    "a block that is not closed": Case(
        {PAGE: "---\ntitle: Notice\n---\nIntro.\n\n/// warning | Bring ID\nAt the door.\n\nThe rest.\n"},
        "the 'warning' block is not closed", f"{PAGE}, line 6, field 'text'"),
    "a block closed with the wrong number of slashes": Case(
        {PAGE: "---\ntitle: Notice\n---\n//// cards\n## Food\nFridays.\n///\n"},
        "this line does not close the 'cards' block opened on line 4", f"{PAGE}, line 7, field 'text'"),
    "a closing line with no block open": Case(
        {PAGE: "---\ntitle: Notice\n---\nText.\n\n///\n"},
        "this line closes a block, but no block is open here", f"{PAGE}, line 6, field 'text'"),
    "a class the site does not know": Case(
        {PAGE: "---\ntitle: Notice\n---\nText.\n\nBig words.\n{: .huge }\n"},
        "the class 'huge' is not one the site knows", f"{PAGE}, line 7, field 'text'"),
    # -- links --------------------------------------------------------------------------------------
    "a page that is a link to a file outside": Case({}, "this is a link (a symlink)", PAGE,
                                                    links={PAGE: "../../../../outside/secret.md"}),
    "a folder that is a link": Case({}, "this is a link (a symlink)", "content/en/news",
                                    links={"content/en/news": "../../../outside"}),
    "a link to nowhere": Case({}, "this is a link (a symlink)", "content/es/pages/gone.md",
                              links={"content/es/pages/gone.md": "nowhere.md"}),
    # -- legitimately fine --------------------------------------------------------------------------
    "a byte-order mark": Case({PAGE: "\ufeff---\ntitle: Marked page\n---\nText.\n"}, "Marked page", "",
                              ok=True, page="notice/index.html"),
    "Windows line ends (CRLF)": Case({PAGE: b"---\r\ntitle: Windows page\r\n---\r\nFirst.\r\n\r\nSecond.\r\n"},
                                     "Windows page", "", ok=True, page="notice/index.html"),
    "a BOM and CRLF": Case({PAGE: "\ufeff---\r\ntitle: Both marks\r\n---\r\nText.\r\n".encode()}, "Both marks", "",
                           ok=True, page="notice/index.html"),
    "portal.yml with CRLF": Case(
        {"portal.yml": SETTINGS.replace("\n", "\r\n"),
         PAGE: "---\ntitle: Settings with CRLF\n---\n"}, "Settings with CRLF", "", ok=True, page="notice/index.html"),
    "a tab and new lines in a summary": Case(
        {NEWS: '---\ntitle: Fair day\ndate: 2026-11-01\nsummary: "Two\\tlines:\\nfirst and second."\n---\n'},
        "Fair day", "", ok=True, page="news/fair/index.html"),
}

CRLF_LINES = Case({NEWS: b"---\r\ntitle: Leap\r\ndate: 2026-02-30\r\nsummary: x\r\n---\r\n"},
                  "2026-02-30 is not a real calendar date", f"{NEWS}, line 3, field 'date'")
CASES["an error in a CRLF file names the right line"] = CRLF_LINES


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def snapshot(site: Path) -> dict[Path, bytes]:
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> tuple[Path, Path]:
    """A small project and the site its last good build wrote."""
    root = tmp_path_factory.mktemp("good") / "proj"
    root.mkdir()
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    project = Project(root)
    for rel, text in MINIMAL.items():
        project.write(rel, text)
    site = root.parent / "site"
    result = run("build", "-p", str(root), "--site-dir", str(site), "--now", EXAMPLE_NOW)
    assert result.exit_code == 0, result.output
    return root, site


@pytest.mark.parametrize("name", list(CASES), ids=list(CASES))
def test_bad_input(good_build, tmp_path, name):
    case = CASES[name]
    root, good_site = good_build
    proj, site = tmp_path / "proj", tmp_path / "site"
    shutil.copytree(root, proj, ignore=shutil.ignore_patterns("site_src"), symlinks=True)
    shutil.copytree(good_site, site)
    before = snapshot(site)
    for rel, content in case.files.items():
        path = proj / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: A secret from elsewhere\ndate: 2026-11-01\n"
                                       "summary: Secret.\n---\nSecret.\n", encoding="utf-8")
    for rel, target in case.links.items():
        (proj / rel).parent.mkdir(parents=True, exist_ok=True)
        if (proj / rel).is_dir():
            shutil.rmtree(proj / rel)
        (proj / rel).symlink_to(target)

    result = run("build", "-p", str(proj), "--site-dir", str(site), "--now", EXAMPLE_NOW)

    assert "Traceback" not in result.output
    if case.ok:
        assert result.exit_code == 0, result.output
        html = (site / case.page).read_text(encoding="utf-8")
        assert case.words in html
        assert "\r" not in html and "\ufeff" not in html
        return
    assert result.exit_code == 1, result.output
    assert case.words in result.output, result.output
    assert f"Error: {case.where}" in result.output, result.output
    assert "A secret from elsewhere" not in result.output
    assert snapshot(site) == before, "the last good site is untouched"


@pytest.mark.parametrize("now, env", [
    (["--now", "0001-01-01 00:00"], {}),
    (["--now", "9999-12-31T23:59:59+00:00"], {}),
    ([], {"SOURCE_DATE_EPOCH": "99999999999999999999"}),
])
def test_a_build_time_outside_the_years_is_refused(good_build, tmp_path, now, env):
    root, good_site = good_build
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = snapshot(site)
    result = CliRunner(env=env).invoke(main, ["build", "-p", str(root), "--site-dir", str(site), *now])
    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "--now" in result.output or "SOURCE_DATE_EPOCH" in result.output
    assert snapshot(site) == before
