"""A downgrade's losses are found by doing it in a transaction that is rolled
back: the dry run changes nothing, names what would go, and after the real
downgrade the documents that lost facts are marked for re-extraction."""

import pytest
from sqlalchemy import text

from etl.db.losses import mark_for_reextraction, plan_downgrade, snapshot
from etl.db.migrate import current_revision, downgrade, head_revision
from etl.pipeline import Pipeline
from etl.settings import get_settings
from tests.support import DOCS, content


@pytest.fixture
def loaded(database_url):
    pipeline = Pipeline(get_settings(database_url))
    pipeline.run([DOCS / "wire_story.txt", DOCS / "call_readout.txt"])
    yield pipeline.engine
    pipeline.close()


def test_the_dry_run_names_the_loss_and_changes_nothing(loaded):
    before = content(loaded)
    with loaded.connect() as connection:
        rows = snapshot(connection).rows
    loss = plan_downgrade(loaded, "0002")
    assert f"table person_mentions ({rows['person_mentions']} rows)" in loss.lines
    assert f"table check_results ({rows['check_results']} rows)" in loss.lines
    assert any(line.startswith("column meeting_mentions.date_source") for line in loss.lines)
    assert current_revision(loaded) == head_revision()
    assert content(loaded) == before
    with loaded.connect() as connection:
        assert snapshot(connection).rows == rows


def test_only_documents_with_facts_in_what_goes_are_touched(loaded):
    with loaded.connect() as connection:
        mentioned = {
            row[0]
            for row in connection.execute(text("select distinct document_id from person_mentions"))
        }
    loss = plan_downgrade(loaded, "0002")
    assert mentioned and loss.documents >= mentioned and not loss.all_documents


def test_rows_without_a_document_column_name_the_document_of_their_parent_row(loaded):
    """A participant's roles go below 0012; their documents are the participants'."""
    with loaded.connect() as connection:
        holders = set(
            connection.scalars(
                text(
                    "select distinct p.document_id from participant_roles r"
                    " join meeting_participants p on p.id = r.participant_id"
                )
            )
        )
    loss = plan_downgrade(loaded, "0011")
    assert any(line.startswith("table participant_roles") for line in loss.lines)
    assert holders and loss.documents >= holders and not loss.all_documents


def test_a_downgrade_without_data_to_lose_is_no_loss(database_url):
    pipeline = Pipeline(get_settings(database_url))  # migrated, empty
    try:
        assert not plan_downgrade(pipeline.engine, "base")
    finally:
        pipeline.close()


def test_marked_documents_are_loaded_again_by_the_next_run(loaded):
    loss = plan_downgrade(loaded, "0006")
    assert mark_for_reextraction(loaded, loss) == 2
    downgrade(loaded, "0006")
    pipeline = Pipeline(get_settings(loaded.url.render_as_string(hide_password=False)))
    try:
        report = pipeline.run([DOCS / "wire_story.txt", DOCS / "call_readout.txt"])
    finally:
        pipeline.close()
    assert report.count("loaded") == 2


def test_rebuilding_a_sqlite_table_keeps_the_rows_that_refer_to_it(sqlite_url):
    """Batch mode copies and drops ``ingestion_runs``; with foreign keys on, the
    drop would cascade to ``check_results`` and clear ``documents.run_id``."""
    pipeline = Pipeline(get_settings(sqlite_url))
    pipeline.run([DOCS / "wire_story.txt"])
    try:
        downgrade(pipeline.engine, "0007")  # drops a column of ingestion_runs
        with pipeline.engine.connect() as connection:
            checks = connection.execute(text("select count(*) from check_results")).scalar()
            run_ids = connection.execute(text("select count(run_id) from documents")).scalar()
        assert checks == 7 and run_ids == 1
    finally:
        pipeline.close()


def _without_outcome_statuses(engine):
    """No mention keeps what its own source said (an outcome's status, how a
    meeting was told): losing those is a document's loss, tested on its own."""
    with engine.begin() as connection:
        connection.execute(text("update outcome_mentions set reported_status = null"))
        connection.execute(text("update meeting_mentions set found_by = null"))


def test_an_outcome_mentions_status_that_goes_marks_its_document(loaded):
    loss = plan_downgrade(loaded, "0022")
    assert any(line.startswith("column outcome_mentions.reported_status") for line in loss.lines)
    with loaded.connect() as connection:
        holders = set(
            connection.execute(text("select distinct document_id from outcome_mentions")).scalars()
        )
    assert holders and loss.documents == holders


def test_reference_data_that_goes_marks_no_document(loaded):
    """The calendar's tables go below 0016; the next run loads them again."""
    _without_outcome_statuses(loaded)  # their loss (below 0023, 0025) is a document's
    loss = plan_downgrade(loaded, "0015")
    assert any(line.startswith("table reference_meetings") for line in loss.lines)
    assert not loss.documents and not loss.all_documents


def test_derived_quote_checks_that_go_mark_no_document(loaded):
    """Below 0018 the quote checks go; the upgrade marks every meeting to be decided again."""
    _without_outcome_statuses(loaded)
    with loaded.begin() as connection:
        connection.execute(text("insert into meetings_pending (meeting_id) values (999)"))
    loss = plan_downgrade(loaded, "0017")
    assert any(line.startswith("column meetings.confidence") for line in loss.lines)
    assert any(line.startswith("table meetings_pending") for line in loss.lines)
    assert any(line.startswith("table official_sources") for line in loss.lines)
    assert not loss.documents and not loss.all_documents
