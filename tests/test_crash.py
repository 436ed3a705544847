"""A run killed at any moment (SIGKILL: no cleanup, no rollback handler) and then
run again leaves the database as one clean run would: each document's facts are
written in one transaction, so the kill leaves all of a document or none."""

import os
import shutil
import signal
import subprocess
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from etl.db.session import make_engine
from tests.support import DOCS, content, duplicates, etl_command, start_load

NAMES = sorted(p.name for p in DOCS.glob("*.txt"))


def loaded_documents(engine):
    try:
        with engine.connect() as connection:
            return connection.execute(
                text("select count(*) from documents where status = 'loaded'")
            ).scalar_one()
    except DBAPIError:  # the schema is not there yet
        return 0


def kill_after(process, engine, documents, timeout=180):
    """SIGKILL the run once ``documents`` are committed; how many were."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if loaded_documents(engine) >= documents:
            break
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    return loaded_documents(engine)


@pytest.mark.parametrize("documents", [1, len(NAMES) // 2])
def test_a_killed_run_run_again_equals_one_clean_run(new_database, tmp_path, documents):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in [*NAMES, "manifest.csv"]:
        shutil.copy(DOCS / name, folder / name)
    url = new_database()
    engine = make_engine(url)
    try:
        survived = kill_after(start_load(url, folder), engine, documents)
        assert documents <= survived < len(NAMES)
        rerun = start_load(url, folder)
        out, err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, err
        assert f"{len(NAMES) - survived} loaded, {survived} unchanged" in out
        reference_url = new_database()
        clean = start_load(reference_url, folder)
        _, err = clean.communicate(timeout=300)
        assert clean.returncode == 0, err
        reference = make_engine(reference_url)
        try:
            assert content(engine) == content(reference)
        finally:
            reference.dispose()
        assert set(duplicates(engine).values()) == {0}
        check = subprocess.run(
            etl_command("check", "--db", url), capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stdout + check.stderr
    finally:
        engine.dispose()
