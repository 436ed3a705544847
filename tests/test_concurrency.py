"""Runs at once against one database: writers take turns (advisory lock on
PostgreSQL, BEGIN IMMEDIATE with a busy timeout on SQLite), so overlapping runs
write no fact twice and end where one run would have; a run that cannot get the
SQLite lock in time stops with a clear message and corrupts nothing. Migrations
run whole under the same lock. No test here depends on timing: each outcome
holds whatever order the processes run in (``pytest --count 20`` repeats them)."""

import os
import shutil
import sqlite3
import subprocess

from sqlalchemy import text
from sqlalchemy.engine import make_url

from etl.db.migrate import current_revision, head_revision, upgrade
from etl.db.session import BUSY_MESSAGE, make_engine
from tests.support import DOCS, content, duplicates, etl_command, start_load

NAMES = sorted(p.name for p in DOCS.glob("*.txt"))


def folder_of(root, label, names):
    folder = root / label
    folder.mkdir()
    for name in [*names, "manifest.csv"]:
        shutil.copy(DOCS / name, folder / name)
    return folder


def finish(process, timeout=300):
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def test_overlapping_runs_at_once_write_each_fact_once(new_database, tmp_path):
    half = len(NAMES) // 2
    first = folder_of(tmp_path, "first", NAMES[: half + 3])
    second = folder_of(tmp_path, "second", NAMES[half - 3 :])
    everything = folder_of(tmp_path, "all", NAMES)
    reversed_order = folder_of(tmp_path, "again", NAMES)
    shared = new_database()
    runs = [start_load(shared, f) for f in (first, second, everything, reversed_order)]
    for process in runs:
        code, out, err = finish(process)
        assert code == 0, err + out
    reference = new_database()
    code, _, err = finish(start_load(reference, everything))
    assert code == 0, err
    shared_engine, reference_engine = make_engine(shared), make_engine(reference)
    try:
        assert set(duplicates(shared_engine).values()) == {0}
        assert content(shared_engine) == content(reference_engine)
    finally:
        shared_engine.dispose()
        reference_engine.dispose()


def test_a_sqlite_run_that_cannot_get_the_lock_stops_with_a_clear_message(tmp_path):
    url = f"sqlite:///{tmp_path / 'summit.db'}"
    folder = folder_of(tmp_path, "docs", NAMES[:2])
    code, _, err = finish(start_load(url, folder))
    assert code == 0, err
    (folder / "late.txt").write_text("Blinken met Wang Yi in Beijing on June 19, 2023.")
    holder = sqlite3.connect(make_url(url).database, isolation_level=None)
    holder.execute("begin immediate")  # another writer that does not let go
    try:
        code, out, err = finish(start_load(url, folder, ETL_SQLITE_BUSY_TIMEOUT="1"))
    finally:
        holder.execute("rollback")
        holder.close()
    assert code == 1
    assert "locked by another run" in err and "ETL_SQLITE_BUSY_TIMEOUT" in err
    assert "Traceback" not in err
    check = sqlite3.connect(make_url(url).database)
    try:
        assert check.execute("pragma integrity_check").fetchone() == ("ok",)
        assert check.execute("select count(*) from documents").fetchone() == (2,)
    finally:
        check.close()
    code, out, err = finish(start_load(url, folder))
    assert code == 0 and "1 loaded, 2 unchanged" in out, err


def test_two_first_runs_on_a_new_sqlite_database_migrate_it_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    folder = folder_of(tmp_path, "docs", NAMES[:1])
    runs = [start_load(url, folder), start_load(url, folder)]
    results = [finish(p) for p in runs]
    assert [code for code, _, _ in results] == [0, 0], results
    outputs = " ".join(out for _, out, _ in results)
    assert "1 loaded" in outputs and "1 unchanged" in outputs


def start_upgrade(url, **env):
    return subprocess.Popen(
        etl_command("db", "upgrade", "--db", url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )


def test_six_first_upgrades_at_once_migrate_a_new_database_once(new_database):
    url = new_database()
    results = [finish(p) for p in [start_upgrade(url) for _ in range(6)]]
    assert [code for code, _, _ in results] == [0] * 6, results
    outputs = [out for _, out, _ in results]
    assert sum("upgraded from base (empty) to" in out for out in outputs) == 1, outputs
    assert sum("nothing to do" in out for out in outputs) == 5, outputs
    engine = make_engine(url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            assert connection.execute(text("select count(*) from alembic_version")).scalar() == 1
    finally:
        engine.dispose()


def test_an_upgrade_that_cannot_get_the_sqlite_lock_says_so_and_changes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'summit.db'}"
    engine = make_engine(url)
    downgrade_to = "0005"
    upgrade(engine, downgrade_to)
    engine.dispose()
    holder = sqlite3.connect(make_url(url).database, isolation_level=None)
    holder.execute("begin immediate")
    try:
        code, _, err = finish(start_upgrade(url, ETL_SQLITE_BUSY_TIMEOUT="1"))
    finally:
        holder.execute("rollback")
        holder.close()
    assert code == 1
    assert err.strip() == f"error: {BUSY_MESSAGE}"
    engine = make_engine(url)
    try:
        assert current_revision(engine) == downgrade_to
    finally:
        engine.dispose()
