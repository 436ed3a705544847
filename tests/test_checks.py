"""Data checks: each rule holds on a clean load, and each catches its own breach."""

import shutil

import pytest
from sqlalchemy import text

from etl.db.checks import check_names, on_demand, rule_of, run_checks
from etl.pipeline import Pipeline
from etl.settings import get_settings
from tests.support import DOCS

CHECKS = {
    "meeting_without_participants",
    "meeting_without_source",
    "orphan_outcome",
    "participant_title_not_active",
    "person_without_alias",
    "span_outside_document",
    "span_text_mismatch",
    "view_grains",
}
ON_DEMAND = {"view_grains"}  # etl check only: it reads every row of every view

FIRST_DATED_PARTICIPANT = """
    select min(p.id) from meeting_participants p
    join meetings m on m.id = p.meeting_id
    where m.start_date is not null
"""

BREACHES = {
    "view_grains": [  # a view that lists each document twice
        "drop view v_documents",
        "create view v_documents as"
        " select id as document_id from documents union all select id from documents",
    ],
    "span_outside_document": [
        "update statements set char_end = char_end + 1000000 "
        "where id = (select min(id) from statements)"
    ],
    "span_text_mismatch": [
        "update statements set text = 'words nobody said' where id = (select min(id) from statements)"
    ],
    "participant_title_not_active": [  # a role held long before the meeting
        "insert into person_roles (person_id, role_key, title, valid_from, valid_to) "
        "select person_id, 'Emperor|1900-01-01', 'Emperor', '1900-01-01', '1901-01-01' "
        f"from meeting_participants where id = ({FIRST_DATED_PARTICIPANT})",
        "insert into participant_roles (participant_id, role_id) "
        f"select ({FIRST_DATED_PARTICIPANT}), max(id) from person_roles",
    ],
    "meeting_without_participants": [
        "delete from meeting_participants where meeting_id = (select min(id) from meetings)"
    ],
    "meeting_without_source": [
        "delete from meeting_mentions where meeting_id = (select min(id) from meetings)"
    ],
    "orphan_outcome": [
        "delete from outcome_mentions where outcome_id = (select min(id) from outcomes)"
    ],
    "person_without_alias": [
        "insert into persons (canonical_name, country, source) values ('Nobody Known', null, 'extracted')"
    ],
}


@pytest.fixture
def loaded(database_url, tmp_path):
    for name in ("wire_story.txt", "mfa_readout.txt", "readout_state.txt", "manifest.csv"):
        shutil.copy(DOCS / name, tmp_path / name)
    pipeline = Pipeline(get_settings(database_url))
    report = pipeline.run([tmp_path])
    assert report.failures == []
    yield pipeline, report
    pipeline.close()


def failing(pipeline):
    with pipeline.engine.connect() as connection:
        return {r.name for r in run_checks(connection) if not r.passed}


def test_every_rule_of_the_issue_has_a_check():
    assert set(check_names()) == CHECKS


def test_each_check_states_its_rule():
    for name in check_names():
        assert rule_of((DOCS.parents[2] / "sql" / "checks" / f"{name}.sql").read_text())


def test_rule_of_reads_a_continued_rule_header():
    sql = "-- Rule: spans lie inside\n-- their document.\n-- Grain: one row.\nselect 1"
    assert rule_of(sql) == "spans lie inside their document."


def test_a_clean_load_passes_every_check_and_records_it(loaded):
    pipeline, report = loaded
    assert {c.name for c in report.checks} == CHECKS - ON_DEMAND
    assert report.failed_checks == []
    assert failing(pipeline) == set()  # etl check: the on-demand ones too
    with pipeline.engine.connect() as connection:
        recorded = connection.execute(
            text("select name, violations from check_results where run_id = :r"),
            {"r": report.run_id},
        ).all()
    assert sorted(recorded) == sorted((name, 0) for name in CHECKS - ON_DEMAND)


@pytest.mark.parametrize("check", sorted(BREACHES))
def test_each_check_catches_its_breach(loaded, check):
    pipeline, _ = loaded
    with pipeline.engine.begin() as connection:
        for statement in BREACHES[check]:
            connection.execute(text(statement))
    assert check in failing(pipeline)


def test_a_failed_check_shows_the_offending_rows(loaded):
    pipeline, _ = loaded
    with pipeline.engine.begin() as connection:
        connection.execute(text(BREACHES["person_without_alias"][0]))
        results = {r.name: r for r in run_checks(connection)}
    result = results["person_without_alias"]
    assert result.violations == 1 and result.sample[0][1] == "Nobody Known"
    assert "Nobody Known" in "\n".join(result.report_lines())


SPAN_CHECKS = ("span_outside_document", "span_text_mismatch")


@pytest.mark.parametrize("check", SPAN_CHECKS)
def test_a_runs_span_checks_cover_the_documents_it_wrote(loaded, check):
    """Spans change only when their document is written again: after a run, the
    span checks read that run's documents, not the whole database."""
    pipeline, report = loaded
    with pipeline.engine.begin() as connection:
        for statement in BREACHES[check]:
            connection.execute(text(statement))
        this_run = {r.name for r in run_checks(connection, run_id=report.run_id) if not r.passed}
        later_run = {r.name for r in run_checks(connection, run_id=report.run_id + 1)}
        failed_later = {
            r.name for r in run_checks(connection, run_id=report.run_id + 1) if not r.passed
        }
    assert check in this_run
    assert check in later_run and check not in failed_later
    assert check in failing(pipeline)  # etl check: every document


def test_a_check_can_be_left_to_etl_check():
    costly = "-- Rule: views keep their grain.\n-- Grain: one row.\n-- When: etl check\nselect 1"
    assert on_demand(costly) and rule_of(costly) == "views keep their grain."
    assert not on_demand("-- Rule: spans lie inside.\n-- Grain: one row.\nselect 1")
