"""Fresh databases for one benchmark: SQLite files in the bench's folder, or
databases the bench creates (and drops) on a PostgreSQL server, so a bench
never loads into a database someone uses."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


@contextmanager
def fresh_database(server: str | None, folder: Path, name: str) -> Iterator[str]:
    """A new, empty database named ``name``: a SQLite file in ``folder`` when
    ``server`` is None, else a database made on that PostgreSQL server."""
    if server is None:
        path = folder / f"{name}.db"
        path.unlink(missing_ok=True)
        yield f"sqlite:///{path}"
        return
    url = make_url(server)
    if not url.get_backend_name().startswith("postgresql"):
        raise ValueError("--db names a PostgreSQL server; SQLite is the default")
    database = f"{url.database or 'postgres'}_{name}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'drop database if exists "{database}"'))
            connection.execute(text(f'create database "{database}"'))
        yield url.set(database=database).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'drop database if exists "{database}" with (force)'))
        admin.dispose()
