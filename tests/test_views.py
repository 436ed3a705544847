"""The analyst views are a versioned product: a fresh database's views at head
are exactly the files of ``sql/views``, and migrations build every view from
the frozen copy of the revision that defined it, never from today's files."""

from pathlib import Path

import pytest
from sqlalchemy import text

import etl.db.views as views
from etl.db.migrate import downgrade, upgrade
from etl.db.session import make_engine
from etl.db.views import HISTORY_DIR, VIEWS_DIR, view_names, view_sql


def test_a_fresh_database_has_the_views_of_sql_views(engine):
    names = view_names()
    assert names
    with engine.connect() as connection:
        for name in names:
            if connection.dialect.name == "sqlite":  # keeps the text it was given
                stored = connection.execute(
                    text("select sql from sqlite_master where type = 'view' and name = :n"),
                    {"n": name},
                ).scalar()
                keyword, body = stored.split(" as\n", 1)
                assert keyword.lower() == f"create view {name}", name
                assert body == view_sql(name), name
            else:  # PostgreSQL renders its own text (and expands *): same columns
                built = connection.execute(text(f"select * from {name} limit 0"))
                filed = connection.execute(text(f"select * from ({view_sql(name)}) as v limit 0"))
                assert list(built.keys()) == list(filed.keys()), name


def test_migrations_read_only_the_frozen_copies(tmp_path, monkeypatch):
    read: list[Path] = []
    original = views.view_sql

    def recording(name: str, directory: Path = VIEWS_DIR) -> str:
        read.append(directory)
        return original(name, directory)

    monkeypatch.setattr(views, "view_sql", recording)
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        upgrade(engine)
        downgrade(engine, "base")
    finally:
        engine.dispose()
    assert read and all(d.parent == HISTORY_DIR for d in read)


@pytest.mark.parametrize("name", view_names())
def test_each_view_has_a_frozen_copy_equal_to_its_file(name):
    """The newest copy is what the head revision built: the file analysts read."""
    copies = sorted(HISTORY_DIR.glob(f"*/{name}.sql"))
    assert copies, name
    assert copies[-1].read_text(encoding="utf-8") == (VIEWS_DIR / f"{name}.sql").read_text(
        encoding="utf-8"
    )
