"""Shared fixtures: databases upgraded by Alembic (SQLite in memory, and a fresh
PostgreSQL database when ETL_TEST_POSTGRES_URL is set), the gazetteer, and the
realistic test documents under tests/fixtures/docs."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from etl.db.migrate import upgrade
from etl.db.session import make_engine
from etl.resolve.gazetteer import Gazetteer, default_gazetteer
from etl.resolve.persons import PersonResolver

POSTGRES_ENV = "ETL_TEST_POSTGRES_URL"

# Property tests judge results, never speed: a slow example on a busy machine
# must not fail a run (no test depends on timing).
settings.register_profile("summit", deadline=None)
settings.load_profile("summit")


def postgres_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{POSTGRES_ENV} is not set: CI must run the PostgreSQL tests")
    return None


@pytest.fixture(scope="session", autouse=True)
def private_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The default database of a test that names none lives in a temporary
    folder, never in the user's data folder; child processes inherit it."""
    folder = tmp_path_factory.mktemp("user-data")
    saved = {name: os.environ.get(name) for name in ("XDG_DATA_HOME", "ETL_DATABASE_URL")}
    os.environ["XDG_DATA_HOME"] = str(folder)
    os.environ.pop("ETL_DATABASE_URL", None)
    yield folder
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def postgres_server() -> str:
    url = postgres_url()
    if url is None:
        pytest.skip(f"{POSTGRES_ENV} not set")
    return url


@pytest.fixture
def new_postgres_database(postgres_server: str) -> Iterator[Callable[[], str]]:
    """Makes fresh, empty databases on the test server; all dropped afterwards."""
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    names: list[str] = []

    def new() -> str:
        name = f"etl_test_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            connection.execute(text(f'create database "{name}"'))
        names.append(name)
        return make_url(postgres_server).set(database=name).render_as_string(hide_password=False)

    try:
        yield new
    finally:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()


@pytest.fixture
def postgres_database(new_postgres_database: Callable[[], str]) -> str:
    """A fresh, empty database on the test server, dropped afterwards."""
    return new_postgres_database()


def memory_engine() -> Engine:
    return make_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})


@pytest.fixture
def sqlite_engine() -> Iterator[Engine]:
    """An in-memory SQLite database upgraded by Alembic."""
    engine = memory_engine()
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'summit.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test using this runs against a SQLite file and a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'summit.db'}"
    return str(request.getfixturevalue("postgres_database"))


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """Makes fresh databases of one backend (SQLite files, PostgreSQL databases)."""
    if request.param == "postgresql":
        return request.getfixturevalue("new_postgres_database")  # type: ignore[no-any-return]
    counter = iter(range(1_000))
    return lambda: f"sqlite:///{tmp_path / f'summit-{next(counter)}.db'}"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def resolver(gazetteer: Gazetteer) -> PersonResolver:
    return PersonResolver(gazetteer)
