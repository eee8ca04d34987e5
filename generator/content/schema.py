"""The content schema: the single source of truth for every content kind.

Each field states its type, whether it is required and a line of help. The
same definitions drive validation and its messages (generator.content.merge), the
staff documentation (``portal schema``), the JSON Schema used by editors, and
the files ``portal new`` writes.

Fields come in two kinds:

* **facts** (dates, places, references, amounts, e-mails...) may be written
  once in either language's file; when both files state one they must agree.
* **words** (:class:`Word` and lists of words) belong to one language; a
  language without its own words shows another language's, marked as such.
"""
from __future__ import annotations

from typing import Callable

from generator.content import retired
from generator.content.contenttype import ContentType, Retired
from generator.content.datetypes import (
    DateOrMonth,
    DateTimeType,
    DateType,
    TimeOrDateTime,
    TimeZoneType,
)
from generator.content.fieldtypes import (
    Bool,
    Choice,
    Context,
    Currency,
    Email,
    Field,
    Int,
    ListOf,
    Money,
    Obj,
    OneOrList,
    Phone,
    RefType,
    Slug,
    Str,
    Url,
    Word,
)
from generator.content.languagetypes import LanguageCode, PerLanguage


def _services(ctx: Context) -> list[str]:
    return list(ctx.settings.services) if ctx.settings else []


def _vocabulary(setting: str, defaults: list[str]) -> Callable[[Context], list[str]]:
    """The ids of a vocabulary of portal.yml (generator.content.vocabularies), in its order;
    the built-in ``defaults`` while no settings are known (``portal schema``)."""
    return lambda ctx: getattr(ctx.settings, setting).ids if ctx.settings else list(defaults)


IMAGE = Obj(
    [
        Field("src", Str(expected="a path to an image inside content/, like images/lincoln.jpg",
                         example="images/photo.jpg"),
              "Path to the image file, relative to the content/ folder.", required=True),
        Field("alt", Word("What the photo shows, for people who cannot see it"),
              "Describe what the photo shows (required unless decorative)."),
        Field("decorative", Bool(), "true if the image adds nothing for a screen-reader user.",
              in_example=False),
    ],
    shorthand="src",
)

ADDRESS = Obj(
    [
        Field("street", Str(example="1200 Alder Street"), "Street and number.", required=True),
        Field("city", Str(example="Valle Verde"), "City.", required=True),
        Field("state", Str(example="CA"), "State (two letters).", required=True),
        Field("postal_code", Str(pattern=r"\d{5}(-\d{4})?", expected="a ZIP code like 95301",
                                 example="95301"), "ZIP code.", required=True),
    ]
)

SCHOOL_LEVELS = ["early", "elementary", "middle", "k8", "high", "k12", "adult"]
PERSON_ROLES = ["coordinator", "manager", "principal", "family_liaison", "counselor", "nurse",
                "staff", "partner"]
# Gatherings that are not a council's or team's meeting (those name their body instead).
MEETING_GROUPS = ["family_workshop", "community_presentation"]
# The groups meetings of councils and teams had before councils were their own files.
OLD_COUNCIL_GROUPS = ("site_advisory_council", "leadership_team", "district_advisory_council")
COUNCIL_KINDS = ["site_advisory_council", "site_leadership_team", "school_site_council",
                 "english_learner_advisory_committee", "family_council", "student_council",
                 "district_council", "district_english_learner_advisory_committee", "other"]
MEETING_STATUSES = ["scheduled", "cancelled", "rescheduled", "postponed"]
MEETING_KINDS = ["regular", "special"]
DOCUMENT_KINDS = ["agenda", "minutes", "presentation", "flyer", "report", "other"]
GRANT_KINDS = ["planning", "implementation", "coordination", "other"]
GRANT_STATUSES = ["applied", "awarded", "active", "completed", "declined"]
AWARDED_STATUSES = ("awarded", "active", "completed")  # money the district has: counted in totals
MILESTONE_STATUSES = ["planned", "in_progress", "done"]
# California's four implementation steps, the default milestone_steps: 1 structures, 2 services,
# 3 training, 4 practices (labels in the catalogues, steps.* and steps_short.*).
MILESTONE_STEPS = ["1", "2", "3", "4"]

SCHOOL = ContentType(
    name="school",
    collection="schools",
    title_field="name",
    template="school.html",
    list_template="schools.html",
    doc="A school site: one file per school.",
    body_help="A description of the school and its community.",
    fields=[
        Field("name", Word("Lincoln Elementary School"), "The school's full name.", required=True),
        Field("short_name", Word("Lincoln"), "A short name for lists and buttons."),
        Field("level", Choice(SCHOOL_LEVELS, "elementary"), "The kind of school.", required=True),
        Field("grades", Str(expected="a grade range like TK-5 or 9-12", example="TK-5"),
              "Grades taught, like TK-5, 6-8 or 9-12.", required=True),
        Field("address", ADDRESS, "Where the school is.", required=True),
        Field("phone", Phone(), "The school office's phone number."),
        Field("website", Url(), "The school's own website."),
        Field("principal", Str(example="Ana Torres"), "The principal's name."),
        Field("coordinator", RefType("people"),
              "The community school coordinator: a person's file name, like maria-lopez. Others "
              "who serve the school (a nurse, a liaison) list it under schools: in their own file."),
        Field("coordinator_hiring", Bool(),
              "true if the school has no coordinator yet and the district is hiring one: the page "
              "then says \"Coordinator: to be hired\". Without a coordinator, the page shows the "
              "district's contact either way. Remove it once the new coordinator is named in "
              "coordinator:.",
              in_example=False),
        Field("services", ListOf(Obj([
            Field("id", Choice(_services, "food_pantry", source="services listed in portal.yml"),
                  "A service from the list in portal.yml.", required=True),
            Field("partner", Str(example="Valle Verde Food Bank"), "The partner who provides it."),
            Field("details", Word("Open Fridays 2-4 pm", multiline=True), "When, where or how to use it."),
        ], shorthand="id"), example=["food_pantry", "tutoring"]),
            "Services offered at the school (ids from portal.yml)."),
        Field("partners", ListOf(Obj([
            Field("name", Str(example="Valle Verde Food Bank"), "The partner's name.", required=True),
            Field("url", Url(), "The partner's website."),
        ], shorthand="name"), example=["Valle Verde Food Bank"]), "Partner organisations."),
        Field("photo", IMAGE, "A photo of the school.", in_example=False),
    ],
    retired=[Retired("council", None,
                     "councils are now their own files under content/<language>/councils/, one "
                     "per council or team", "no council: block in a school's file",
                     retired.council_block)],
)

PERSON = ContentType(
    name="person",
    collection="people",
    title_field="name",
    template="person.html",
    list_template="people.html",
    doc="A person: a coordinator, manager, principal or other staff member.",
    body_help="A short biography.",
    fields=[
        Field("name", Str(example="María López"), "The person's name.", required=True),
        Field("role", Choice(PERSON_ROLES, "coordinator"), "Their role.", required=True),
        Field("job_title", Word("Community School Coordinator"),
              "Their job title as they use it, if it says more than the role."),
        Field("schools", ListOf(RefType("schools"), example=["lincoln-elementary"]),
              "Schools they serve besides any they coordinate (file names)."),
        Field("email", Email(), "Work e-mail address."),
        Field("phone", Phone(), "Work phone number."),
        Field("languages", ListOf(LanguageCode(), example=["en", "es"]),
              "Languages they speak, as codes (en, es, vi...)."),
        Field("office_hours", Word("Monday to Thursday, 8:00 am to 4:00 pm, Room 12"),
              "When and where families can find them."),
        Field("photo", IMAGE, "A photo of the person.", in_example=False),
    ],
)

MEETING = ContentType(
    name="meeting",
    collection="meetings",
    title_field="title",
    template="meeting.html",
    list_template="meetings.html",
    doc="A meeting notice: one file per meeting.",
    body_help="Notes before the meeting; once held, the minutes (then set minutes: true).",
    fields=[
        Field("title", Word("Special meeting on the budget"),
              "Leave blank for a regular meeting: portal names it from the council's own name "
              "and the date ('Lincoln Site Advisory Council · Tue, Dec 8'). A title that says "
              "more is shown with the council under it."),
        Field("body", RefType("councils"),
              "The council or team that meets: its file name in content/<language>/councils/, "
              "like lincoln-elementary-site-advisory-council. Every meeting of a council or team "
              "names its body (the school comes from the body's file)."),
        Field("group", Choice(_vocabulary("meeting_groups", MEETING_GROUPS), "family_workshop",
                              source="meeting groups set in portal.yml under meeting_groups"),
              "Only for a gathering that is not a council's or team's meeting: one of the "
              "meeting_groups of portal.yml (without that setting: " + ", ".join(MEETING_GROUPS)
              + "). Leave it out when the meeting names its body.",
              in_example=False),
        Field("school", RefType("schools"),
              "The school, for a meeting without a body (leave out for district-wide ones). A "
              "body's meeting takes its school from the body.", in_example=False),
        Field("kind", Choice(MEETING_KINDS, "regular"),
              "regular (72 hours' notice) or special (24 hours).", default="regular"),
        Field("start", DateTimeType(), "When it starts (24-hour clock).", required=True),
        Field("end", TimeOrDateTime(), "When it ends: a time, or a date and time.", required=True),
        Field("timezone", TimeZoneType(), "Only if not the district's time zone.", in_example=False),
        Field("unusual_time", Bool(),
              "true only if the meeting really starts before 07:00 or after 21:00, or lasts "
              "more than 6 hours (portal.yml meeting_times): portal check then accepts that time "
              "instead of asking whether, say, 5:30 was meant as 17:30.", in_example=False),
        Field("status", Choice(MEETING_STATUSES, "scheduled"),
              "scheduled, cancelled, rescheduled (give previous_start) or postponed.",
              default="scheduled"),
        Field("previous_start", OneOrList(DateTimeType()),
              "For a moved meeting: when it was going to start. Moved again? Make it a list of "
              "every earlier start, oldest first (each move raises the calendar SEQUENCE).",
              in_example=False),
        Field("status_note", Word("Moved because of the winter storm.", multiline=True),
              "Why it was cancelled, moved or postponed.", in_example=False),
        Field("location", Obj([
            Field("place", Word("School library"), "The room or building people look for."),
            Field("address", Str(example="1200 Alder Street, Valle Verde, CA 95301"),
                  "Street address (leave out to use the school's)."),
            Field("room", Word("Room 14"), "Room, if it helps."),
        ]), "Where it meets in person (leave out for online-only meetings)."),
        Field("online", Obj([
            Field("url", Url(), "Link to join.", required=True),
            Field("phone", Str(example="+1 555 010 9000"), "Phone number to join by phone."),
            Field("meeting_id", Str(example="812 555 0199"), "Meeting ID."),
            Field("passcode", Str(example="4821"), "Passcode."),
        ]), "How to take part online.", in_example=False),
        Field("agenda", ListOf(Word("Welcome and introductions"),
                               example=["Welcome and introductions", "Partner updates"]),
              "Agenda items, in order."),
        Field("supports", Obj([
            Field("interpretation", ListOf(LanguageCode(), example=["es"]),
                  "Languages interpreted at the meeting."),
            Field("childcare", Bool(), "true if childcare is provided."),
            Field("food", Bool(), "true if a meal or snacks are served."),
            Field("accessibility_contact", Obj([
                Field("name", Str(example="María López"), "Whom to ask.", required=True),
                Field("email", Email(), "Their e-mail."),
                Field("phone", Phone(), "Their phone."),
            ]), "Whom to contact for accommodations."),
            Field("request_days", Int(0, 30, example=2),
                  "How many days ahead accommodations should be asked for."),
        ]), "Help offered so everyone can take part."),
        Field("documents", ListOf(Obj([
            Field("title", Word("Agenda (PDF)"), "What the document is.", required=True),
            Field("file", PerLanguage(Str(example="https://example.org/agenda.pdf")),
                  "A link, or a path inside content/ (files/agenda.pdf); or one per language, "
                  "like 'en: files/talk-en.pdf' and 'es: files/talk-es.pdf' on lines below it.",
                  required=True),
            Field("kind", Choice(DOCUMENT_KINDS, "agenda"), "agenda, minutes, presentation..."),
            Field("lang", LanguageCode(),
                  "The language the document is written in, if only one (it is listed on every "
                  "language's page, with its language named). Leave it out for a document in "
                  "every language, or when 'file' gives one per language."),
        ])), "Documents to download.", in_example=False),
        Field("minutes", Bool(),
              "true once the text below the front-matter holds the minutes of the meeting (the "
              "page then heads it \"Minutes\"; until then \"Notes\")."),
        Field("reinstated", Int(1, 99, example=1),
              "How many times the meeting was cancelled or postponed and then put back at the "
              "same time (each raises the calendar SEQUENCE). Add one each time; never lower it.",
              in_example=False),
        Field("revision", Int(1, 999, example=1),
              "Raised by one by the portal meeting commands for a change the other facts do not "
              "count: a cancelled meeting postponed, a postponed one cancelled, minutes added. The "
              "calendar SEQUENCE is revision, plus 2 per previous_start, plus 2 per reinstated, "
              "plus 1 while cancelled or postponed. Changing cancelled to postponed (or back) by "
              "hand? Add one to revision too. Never lower it.",
              in_example=False),
        Field("notice_posted", DateTimeType(), "When this notice was published in this language.",
              per_language=True),
    ],
    retired=[Retired("group", OLD_COUNCIL_GROUPS,
                     "a council's or team's meeting now names its body: councils and teams are "
                     "their own files under content/<language>/councils/",
                     "body: the council's file name, instead of group:", retired.council_group)],
)

COUNCIL = ContentType(
    name="council",
    collection="councils",
    title_field="name",
    template="council.html",
    list_template="councils.html",
    doc="A council or team that meets: a school's advisory council or leadership team, or a "
        "district council. Its meetings name it with body:.",
    body_help="What the council or team does and decides, for families deciding to join.",
    fields=[
        Field("name", Word("Lincoln Site Advisory Council"), "The body's own name.",
              required=True),
        Field("school", RefType("schools"),
              "The school's file name, like lincoln-elementary (leave out for a district-wide "
              "body)."),
        Field("kind", Choice(_vocabulary("council_kinds", COUNCIL_KINDS), "site_advisory_council",
                             source="kinds of council set in portal.yml under council_kinds"),
              "What kind of body it is: one of the council_kinds of portal.yml (without that "
              "setting: " + ", ".join(COUNCIL_KINDS) + ").", required=True),
        Field("members", ListOf(Obj([
            Field("role", Word("Family members"), "Who sits on it, like Principal or Family "
                  "members.", required=True),
            Field("count", Int(1, 999, example=4), "How many seats this role has."),
            Field("names", ListOf(Str(example="Ana Torres"), example=["Ana Torres"]),
                  "Members' names, for those who agree to be listed."),
            Field("person", RefType("people"),
                  "A person's file name, like maria-elena-vargas, to link their page."),
        ], shorthand="role")), "Its members, role by role, in the same order in every language."),
        Field("schedule", Word("Second Tuesday of each month, 5:30 to 7:00 pm, in the library"),
              "When it usually meets."),
        Field("how_to_join", Word("Any parent or caregiver can join: tell the coordinator.",
                                  multiline=True), "How families can join."),
        Field("agenda", ListOf(Word("Present needs"),
                               example=["Present needs", "Problem solving", "Celebrations",
                                        "Partner updates"]),
              "The standing structure of a meeting: the parts every meeting has, in order."),
    ],
)

GRANT = ContentType(
    name="grant",
    collection="grants",
    title_field="name",
    template="grant.html",
    list_template="grants.html",
    doc="A grant: applied for, awarded, under way, completed or declined, and its milestones.",
    body_help="What the grant pays for and why it matters.",
    fields=[
        Field("name", Word("Community Schools Implementation Grant"), "The grant's name.",
              required=True),
        Field("funder", Word("California Department of Education"), "Who awards it.",
              required=True),
        Field("programme", Str(example="CCSPP"), "The programme, like CCSPP or NMPED."),
        Field("kind", Choice(_vocabulary("grant_kinds", GRANT_KINDS), "implementation",
                             source="grant kinds set in portal.yml under grant_kinds"),
              "The kind of grant: one of the grant_kinds of portal.yml (without that setting: "
              + ", ".join(GRANT_KINDS) + ").", required=True),
        Field("status", Choice(GRANT_STATUSES, "awarded"),
              "Where the grant stands: applied (the application is sent, no answer yet), awarded, "
              "active (the money is being spent), completed, or declined (not given). Only "
              "awarded, active and completed grants count in the funding totals.",
              default="awarded"),
        Field("amount", Money(),
              "The amount awarded, as a plain number; required once awarded (awarded, active, "
              "completed). While applied, or if declined, the amount asked for, or leave it out."),
        Field("currency", Currency(), "Currency code.", default="USD", in_example=False),
        Field("awarded", DateOrMonth(),
              "When the award was announced: a date, or only the month (2024-05) if the day is "
              "not known."),
        Field("period", Obj([
            Field("start", DateOrMonth(), "First day covered (or the first month, like 2024-07).",
                  required=True),
            Field("end", DateOrMonth(), "Last day covered (or the last month, like 2029-06).",
                  required=True),
        ]), "The period the grant covers."),
        Field("summary", Word("Five years of funding for coordinators at all six schools.",
                                multiline=True),
              "One or two sentences for lists and sharing."),
        Field("schools", ListOf(RefType("schools"), example=["lincoln-elementary"]),
              "Schools the grant covers (file names)."),
        Field("milestones", ListOf(Obj([
            Field("id", Slug(), "A stable identifier; never change it.", required=True),
            Field("title", Word("Hire a coordinator at each school"), "What is to be done.",
                  required=True),
            Field("step", Choice(_vocabulary("milestone_steps", MILESTONE_STEPS), "1",
                                 source="milestone steps set in portal.yml under milestone_steps"),
                  "The step of the work it belongs to: one of the milestone_steps of portal.yml "
                  "(without that setting, California's implementation steps: 1 structures, "
                  "2 services, 3 training, 4 practices)."),
            Field("due", DateOrMonth(), "When it is due: a date, or a month (by its last day)."),
            Field("completed", DateOrMonth(), "When it was done: a date, or a month.",
                  in_example=False),
            Field("status", Choice(MILESTONE_STATUSES, "planned"), "planned, in_progress or done.",
                  default="planned"),
            Field("school", RefType("schools"), "Only if it concerns one school.",
                  in_example=False),
        ], pair_by="id")), "Milestones, each with a stable id."),
    ],
)

NEWS = ContentType(
    name="news",
    collection="news",
    title_field="title",
    template="post.html",
    list_template="news.html",
    doc="A news post or announcement.",
    body_help="The article.",
    fields=[
        Field("title", Word("District awarded community schools grant"), "The headline.",
              required=True),
        Field("date", DateType(), "Publication date.", required=True),
        Field("author", Str(example="Ana Torres"), "Who wrote it."),
        Field("byline", Word("Guest columnist"), "The author's role, as printed under the name."),
        Field("summary", Word("One or two sentences for lists and sharing.", multiline=True),
              "One or two sentences for lists and sharing.", required=True),
        Field("image", IMAGE, "A featured image.", in_example=False),
        Field("schools", ListOf(RefType("schools"), example=[]), "Schools it is about."),
        Field("grants", ListOf(RefType("grants"), example=[]), "Grants it is about."),
        Field("draft", Bool(), "true to keep it off the site.", in_example=False, default=False),
    ],
)

PAGE = ContentType(
    name="page",
    collection="pages",
    title_field="title",
    template="page.html",
    list_template="pages.html",
    url_prefix="",
    doc="A free page, such as 'The four pillars' or 'How to join a council'. Published at "
        "/<name>/ (in Spanish /es/<name>/), not under /pages/.",
    body_help="The page's text.",
    fields=[
        Field("title", Word("How advisory councils work"), "The page title.", required=True),
        Field("summary", Word("One sentence about the page.", multiline=True), "One sentence for lists and sharing."),
        Field("order", Int(0, 999, example=10), "Position in the list of pages (lower first).",
              default=100),
    ],
)

# What the home page can show below its intro, in the order the home file lists them.
HOME_SECTIONS = ["next_meeting", "schools", "news", "pages"]

HOME = ContentType(
    name="home",
    collection="home",
    title_field="heading",
    template="home.html",
    list_template=None,
    url_prefix="",
    single=True,
    doc="The home page: one file per language, content/<language>/home.md (not in a folder). "
        "Without it, the home page shows the district's name and every section, and no "
        "introduction.",
    body_help="The introduction under the heading: who the site is for and what it offers. "
              "Paragraphs and links as in any page.",
    fields=[
        Field("heading", Word("Community schools in Valle Verde"),
              "The home page's main heading (without it: the district's name)."),
        Field("description", Word("Schools, meetings, grants and news of the community schools "
                                  "of Valle Verde Unified.", multiline=True),
              "One or two sentences that search engines and sharing cards show for the whole "
              "site (without it: a short neutral text with the district's name)."),
        Field("sections", ListOf(Choice(HOME_SECTIONS, "next_meeting"), example=HOME_SECTIONS),
              "What the home page shows under the introduction, in this order: "
              + ", ".join(HOME_SECTIONS) + ". Leave one out to hide it.",
              default=HOME_SECTIONS),
    ],
)

# Every kind of content can record which version of the source text a translation follows.
TRANSLATION_FIELD = Field(
    "source_hash", Str(pattern=r"[0-9a-f]{6,64}", expected="a fingerprint written by "
                       "'portal translations mark'", example="3f2a9c1e7b4d"),
    "Written by 'portal translations mark' in a translation: which version of the source text "
    "it was made from. Do not edit by hand.", in_example=False, per_language=True)
for _type in (SCHOOL, PERSON, MEETING, GRANT, NEWS, PAGE, COUNCIL, HOME):
    _type.fields.append(TRANSLATION_FIELD)
    _type.by_name[TRANSLATION_FIELD.name] = TRANSLATION_FIELD

CONTENT_TYPES: dict[str, ContentType] = {
    t.collection: t for t in (SCHOOL, PERSON, COUNCIL, MEETING, GRANT, NEWS, PAGE, HOME)
}
