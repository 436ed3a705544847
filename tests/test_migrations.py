"""Models and migrations agree; migrations go up, down and up again on both databases."""

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from etl.db.base import Base
from etl.db.migrate import (
    SCHEMA_HEAD,
    current_revision,
    downgrade,
    ensure_schema,
    head_revision,
    upgrade,
)
from etl.db.session import make_engine

REQUIRED_VIEW_COLUMNS = {
    "v_documents": {"document_id", "document_name", "title", "outlet", "published_date", "language", "status", "error"},
    "v_persons": {"person_id", "name", "country", "wikidata_id"},
    "v_meetings": {"meeting_id", "title", "kind", "status", "start_date", "end_date", "city", "country", "venue", "source_count", "date_source"},
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


def test_the_known_head_is_the_newest_migration():
    assert head_revision() == SCHEMA_HEAD


def test_a_database_at_head_is_used_without_importing_alembic(tmp_path):
    url = f"sqlite:///{tmp_path / 'at_head.db'}"
    engine = make_engine(url)
    try:
        assert ensure_schema(engine) is True
        assert ensure_schema(engine) is False
    finally:
        engine.dispose()
    program = (
        "import sys\n"
        "from etl.db.migrate import ensure_schema\n"
        "from etl.db.session import make_engine\n"
        f"migrated = ensure_schema(make_engine({url!r}))\n"
        "print(migrated, 'alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.stdout.split() == ["False", "False"], done.stderr


TITLED_PARTICIPANT_AT_0011 = [
    "insert into persons (id, canonical_name, source) values (1, 'Ines Varga', 'gazetteer')",
    "insert into person_roles (id, person_id, role_key, title, valid_from, valid_to) values"
    " (1, 1, 'Envoy|2030-01-01', 'Envoy', '2030-01-01', '2031-12-31'),"
    " (2, 1, 'Party Chief|?', 'Party Chief', null, null),"
    " (3, 1, 'Minister|2035-01-01', 'Minister', '2035-01-01', null)",
    "insert into documents (id, name, sha256, status, text) values (1, 'a.txt', 'x', 'loaded', 'text')",
    "insert into meetings (id, meeting_key, kind, status, start_date)"
    " values (1, 'k', 'in_person', 'held', '2031-06-01')",
    "insert into meeting_participants (id, meeting_id, person_id, document_id, title,"
    " char_start, char_end, extractor_version) values (1, 1, 1, 1, 'Envoy; Party Chief', 0, 4, 'v')",
    "insert into documents (id, name, sha256, status, text) values (2, 'b.txt', 'y', 'loaded', 'more')",
    # a role the document gave though it was not held that day stays
    "insert into meeting_participants (id, meeting_id, person_id, document_id, title,"
    " char_start, char_end, extractor_version) values (2, 1, 1, 2, 'Minister', 0, 4, 'v')",
]


def test_a_stored_title_becomes_role_rows_and_comes_back_on_downgrade(new_database):
    engine = make_engine(new_database())
    try:
        upgrade(engine, "0011")
        with engine.begin() as connection:
            for statement in TITLED_PARTICIPANT_AT_0011:
                connection.execute(text(statement))
        upgrade(engine)
        with engine.connect() as connection:
            roles = connection.execute(
                text(
                    "select participant_id, role_id from participant_roles"
                    " order by participant_id, role_id"
                )
            ).all()
            length = connection.execute(text("select text_length from documents")).scalar()
        assert [tuple(r) for r in roles] == [(1, 1), (1, 2), (2, 3)]
        assert length == 4
        downgrade(engine, "0011")
        with engine.connect() as connection:
            titles = connection.execute(
                text("select title from meeting_participants order by id")
            ).scalars()
            assert list(titles) == ["Envoy; Party Chief", "Minister"]
    finally:
        engine.dispose()
