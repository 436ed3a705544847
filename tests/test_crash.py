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


def _children(pid):
    """Processes whose parent is ``pid``, with their command lines."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid:
            found.append((int(entry), command))
    return found


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.flow
def test_a_killed_etl_run_leaves_no_prefect_server_and_its_run_is_marked_interrupted(tmp_path):
    url = f"sqlite:///{tmp_path / 'summit.db'}"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    run = subprocess.Popen(
        etl_command("run", str(DOCS), "--db", url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 180
    servers = []
    while not servers and time.monotonic() < deadline and run.poll() is None:
        servers = [pid for pid, command in _children(run.pid) if "prefect server start" in command]
        time.sleep(0.2)
    assert servers, "etl run started no local Prefect server"
    engine = make_engine(url)
    try:
        while loaded_documents(engine) < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        os.kill(run.pid, signal.SIGKILL)
        run.communicate()
        while any(_alive(pid) for pid in servers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in servers), "the Prefect server outlived etl run"
        status = subprocess.run(etl_command("status", "--db", url), capture_output=True, text=True)
        assert "interrupted (its process ended)" in status.stdout, status.stdout + status.stderr
        rerun = subprocess.run(
            etl_command("load", str(DOCS), "--db", url), capture_output=True, text=True, env=env
        )
        assert rerun.returncode == 0, rerun.stderr
        with engine.connect() as connection:
            statuses = connection.execute(text("select status from ingestion_runs order by id"))
            assert [s for (s,) in statuses] == ["interrupted", "succeeded"]
    finally:
        engine.dispose()
