"""Models and migrations agree; migrations go up, down and up again on both databases."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from etl.db.base import Base
from etl.db.migrate import current_revision, downgrade, head_revision, upgrade
from etl.db.session import make_engine

REQUIRED_VIEW_COLUMNS = {
    "v_documents": {"document_id", "document_name", "title", "outlet", "published_date", "language", "status", "error"},
    "v_persons": {"person_id", "name", "country", "wikidata_id"},
    "v_meetings": {"meeting_id", "title", "kind", "status", "start_date", "end_date", "city", "country", "venue", "source_count"},
    "v_participants": {"meeting_id", "person_id", "person_name", "country", "title"},
    "v_statements": {"statement_id", "meeting_id", "speaker_id", "speaker_name", "kind", "text", "via_interpreter", "language", "document_name", "char_start", "char_end"},
    "v_outcomes": {"outcome_id", "meeting_id", "description", "category", "status", "topic", "document_name", "char_start", "char_end"},
}  # fmt: skip


def test_models_and_migrations_agree(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_the_views_of_the_contract_exist_with_their_columns(engine):
    inspector = inspect(engine)
    for view, columns in REQUIRED_VIEW_COLUMNS.items():
        found = {c["name"] for c in inspector.get_columns(view)}
        assert columns <= found, (view, columns - found)


def test_upgrade_downgrade_upgrade(database_url):
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        downgrade(engine, "base")
        assert current_revision(engine) is None
        assert not set(inspect(engine).get_table_names()) - {"alembic_version"}
        upgrade(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_in_memory_sqlite_fixture_is_at_head(sqlite_engine):
    assert current_revision(sqlite_engine) == head_revision()
