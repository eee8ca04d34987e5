"""Vocabularies in portal.yml (meeting_groups, grant_kinds, milestone_steps): read with a label
per language, the built-in ones when left out, and content held to them with a message that
says where the list is set."""
from __future__ import annotations

import pytest

from generator.content import schema
from generator.content.pipeline import build_site
from generator.content.settings import load_settings
from generator.core.errors import ContentErrors, Problems
from support import OWN_VOCABULARIES, REPO, own_vocabulary_project

NOW = "2026-11-23 12:00"


def settings_with(project, extra: str):
    (project.root / "portal.yml").write_text((REPO / "portal.yml").read_text(encoding="utf-8") + extra,
                                             encoding="utf-8")
    problems = Problems()
    return load_settings(project.root, problems), problems


def errors_of(project) -> list:
    with pytest.raises(ContentErrors) as info:
        build_site(project.root, now=NOW)
    return info.value.problems


def test_left_out_the_vocabularies_are_the_built_in_ones_with_the_catalogue_labels(project):
    settings, problems = settings_with(project, "")
    assert not problems.errors and not problems.warnings
    assert settings.meeting_groups.ids == schema.MEETING_GROUPS
    assert settings.grant_kinds.ids == schema.GRANT_KINDS
    assert settings.milestone_steps.ids == ["1", "2", "3", "4"]
    assert settings.milestone_steps.label("1", "es") == "Paso 1: Crear las estructuras"
    assert settings.milestone_steps.label("4", "en", short=True) == "4. Practices"
    assert settings.meeting_groups.label("family_workshop", "es") == "Taller para familias"
    assert settings.grant_kinds.label("planning", "en").lang == "en"


def test_a_vocabulary_of_its_own_keeps_its_order_and_its_labels_per_language(project):
    settings, problems = settings_with(project, OWN_VOCABULARIES)
    assert not problems.errors and not problems.warnings
    steps = settings.milestone_steps
    assert steps.ids == ["shared_leadership", "family_engagement"]
    assert steps.label("family_engagement", "es") == "Práctica clave: participación familiar"
    assert steps.label("shared_leadership", "es", short=True) == "Liderazgo"
    # without a short label, the label is the short one
    assert steps.label("family_engagement", "en", short=True) == "Key practice: family engagement"
    groups = settings.meeting_groups
    assert groups.ids == ["family_workshop", "resource_day"]
    assert groups.label("resource_day", "es") == "Día de recursos"
    # a built-in id listed without a label keeps the catalogue's, in every language
    assert groups.label("family_workshop", "es") == "Taller para familias"
    assert settings.grant_kinds.ids == ["state_implementation"]


def test_a_label_missing_in_a_language_warns_and_falls_back_marked(project):
    settings, problems = settings_with(project, "meeting_groups:\n  family_night:\n    label: {en: Family night}\n")
    assert not problems.errors
    [warning] = problems.warnings
    assert warning.field == "meeting_groups.family_night.label"
    assert "has no label in 'es'" in warning.message and warning.line
    label = settings.meeting_groups.label("family_night", "es")
    assert (label, label.lang) == ("Family night", "en")


@pytest.mark.parametrize("extra, field, words", [
    ("meeting_groups:\n  harvest_fair: {}\n", "meeting_groups.harvest_fair.label",
     "the meeting group 'harvest_fair' has no label"),
    ("milestone_steps:\n  Key practice 1:\n    label: {en: A, es: B}\n", "milestone_steps.Key practice 1",
     "cannot be used as the id of a milestone step"),
    ("grant_kinds:\n  state:\n    lable: {en: State grant, es: Estatal}\n", "grant_kinds.state.lable",
     "'lable' is not a field of a grant kind"),
    ("grant_kinds: [planning, state]\n", "grant_kinds", "this needs one entry per grant kind"),
    ("meeting_groups:\n  resource_day:\n    label: {en: Resource day, es: Día de recursos}\n"
     "    short: {en: Resources}\n", "meeting_groups.resource_day.short", "'short' is not a field"),
])
def test_a_vocabulary_written_wrong_is_an_error_at_its_line(project, extra, field, words):
    settings, problems = settings_with(project, extra)
    assert settings is None
    [error] = [p for p in problems.errors if p.field == field]
    assert words in error.message
    assert error.file == "portal.yml" and error.line and error.suggestion


def test_an_id_with_spaces_is_given_the_id_to_write(project):
    _, problems = settings_with(project, "milestone_steps:\n  Key practice 1:\n    label: {en: A, es: B}\n")
    assert 'write it as "key_practice_1"' in problems.errors[0].suggestion


def test_a_meeting_group_not_in_the_vocabulary_lists_the_ids_and_says_where_they_are_set(tmp_path):
    project = own_vocabulary_project(tmp_path / "proj")
    project.write("content/en/meetings/2026-12-12-alder-resources.md", """
        ---
        group: resource_days
        school: alder-elementary
        start: 2026-12-12 10:00
        end: "13:00"
        location: {place: Gym}
        ---
        """)
    [error] = [p for p in errors_of(project) if p.field == "group"]
    assert error.file == "content/en/meetings/2026-12-12-alder-resources.md" and error.line == 2
    assert error.expected == "one of: family_workshop, resource_day"
    assert 'did you mean "resource_day"?' in error.suggestion
    assert "portal.yml under meeting_groups" in error.suggestion


def test_california_steps_are_refused_where_a_district_named_its_own(tmp_path):
    project = own_vocabulary_project(tmp_path / "proj")
    text = (project.root / "content/en/grants/state-grant.md").read_text(encoding="utf-8")
    project.write("content/en/grants/state-grant.md", text.replace("step: family_engagement", "step: 2"))
    [error] = [p for p in errors_of(project) if p.field == "milestones[1].step"]
    assert error.expected == "one of: shared_leadership, family_engagement"
    assert "portal.yml under milestone_steps" in error.suggestion


def test_a_grant_kind_left_out_of_the_vocabulary_is_refused(tmp_path):
    project = own_vocabulary_project(tmp_path / "proj")
    text = (project.root / "content/en/grants/state-grant.md").read_text(encoding="utf-8")
    project.write("content/en/grants/state-grant.md", text.replace("kind: state_implementation", "kind: planning"))
    [error] = [p for p in errors_of(project) if p.field == "kind"]
    assert error.line == 4 and "portal.yml under grant_kinds" in error.suggestion


def test_milestones_are_grouped_in_the_order_of_the_steps_in_the_settings(tmp_path):
    project = own_vocabulary_project(tmp_path / "proj")
    site, warnings = build_site(project.root, now=NOW)
    assert not [w for w in warnings.warnings if w.file == "portal.yml"]
    [grant] = site.grants
    assert [step for step, _ in grant.milestones_by_step("en")] == ["shared_leadership", "family_engagement"]


def test_the_example_keeps_californias_numbered_steps():
    site, _ = build_site(REPO, now=NOW)
    steps = {m.get("step") for g in site.grants for m in g.get("en", "milestones", [])}
    assert steps <= {"1", "2", "3", "4", None} and len(steps - {None}) == 4
    grant = next(g for g in site.grants if g.slug == "ccspp-implementation-2024")
    assert [s for s, _ in grant.milestones_by_step("en")] == ["1", "2", "3", "4"]


def test_the_schema_says_where_the_values_come_from():
    from generator.cli.schema_docs import schema_json, schema_text

    text = schema_text("meeting")
    assert "group: one of the meeting groups set in portal.yml under meeting_groups" in text
    assert "step: one of the milestone steps set in portal.yml under milestone_steps" in schema_text("grant")
    described = schema_json("grant")["properties"]["kind"]
    assert "grant_kinds of portal.yml" in described["description"] and "enum" not in described


def new_meeting(project, *args):
    from click.testing import CliRunner

    from generator.cli.main import main

    return CliRunner().invoke(main, ["new", "meeting", "-p", str(project.root), "--start", "2026-12-19 10:00",
                                     *args])


def test_portal_new_writes_a_meeting_of_the_districts_own_group(tmp_path):
    project = own_vocabulary_project(tmp_path / "proj")
    result = new_meeting(project, "--school", "alder-elementary", "--group", "resource_day")
    assert result.exit_code == 0, result.output
    written = project.root / "content/en/meetings/2026-12-19-alder-elementary-resource-day.md"
    assert "group: resource_day" in written.read_text(encoding="utf-8")


def test_portal_new_refuses_a_group_outside_the_list_and_asks_for_one_the_list_lacks(tmp_path):
    project = own_vocabulary_project(tmp_path / "proj")
    wrong = new_meeting(project, "--group", "resource_dya")
    assert wrong.exit_code != 0 and "meeting_groups" in wrong.output and '"resource_day"' in wrong.output
    district = new_meeting(project)  # a district meeting, but this district has no district council
    assert district.exit_code != 0
    assert "no district council" in district.output and "--group" in district.output
    assert not list((project.root / "content/en/meetings").glob("2026-12-19-*"))
