"""``etl serve``: schedules checked before anything starts, and (slow, run in CI)
scheduled runs that really fire with nothing else set up: a local Prefect server
is started, runs complete on an interval, and SIGTERM shuts everything down."""

import os
import signal
import socket
import sqlite3
import subprocess
import threading
import time

import pytest
from typer.testing import CliRunner

from etl.cli import app
from etl.flows.serve import ServeError, parse_schedule
from tests.support import DOCS, etl_command

DOC_COUNT = len(list(DOCS.glob("*.txt")))
runner = CliRunner()


@pytest.mark.parametrize(
    ("cron", "interval", "expected"),
    [
        (None, None, "cron '0 * * * *'"),
        ("*/5 * * * *", None, "cron '*/5 * * * *'"),
        (None, "10", "every 10 s"),
        (None, "0.5", "every 0.5 s"),
    ],
)
def test_a_good_schedule_is_described(cron, interval, expected):
    assert parse_schedule(cron, interval).describe() == expected


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--cron", "every monday"),
        ("--cron", "61 * * * *"),
        ("--cron", "H * * * *"),
        ("--interval", "0"),
        ("--interval", "-5"),
        ("--interval", "ten"),
        ("--interval", "inf"),
    ],
)
def test_a_bad_schedule_is_one_line_naming_the_value_before_anything_starts(
    option, value, tmp_path, monkeypatch
):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    database = tmp_path / "never.db"
    result = runner.invoke(
        app, ["serve", option, value, str(DOCS), "--db", f"sqlite:///{database}"]
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: invalid {option} {value!r}")
    assert not database.exists()


def test_cron_and_interval_together_are_refused():
    with pytest.raises(ServeError, match="not both"):
        parse_schedule("* * * * *", "10")


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _finished_runs(database) -> list[tuple[int, str, int, int, int]]:
    if not database.exists():
        return []
    try:
        with sqlite3.connect(database) as connection:
            return connection.execute(
                "select id, status, documents_loaded, documents_unchanged, documents_failed "
                "from ingestion_runs where finished_at is not null order by id"
            ).fetchall()
    except sqlite3.OperationalError:  # not migrated yet
        return []


def _lines_of(stream, into):
    """Collect a child's output lines as they come (read in a thread)."""
    for line in stream:
        into.append(line.rstrip("\n"))


@pytest.mark.flow
def test_served_runs_fire_on_schedule_and_sigterm_stops_everything(tmp_path):
    database = tmp_path / "served.db"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    serving = subprocess.Popen(
        etl_command("serve", "--interval", "5", str(DOCS), "--db", f"sqlite:///{database}"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    printed: list[str] = []
    errors: list[str] = []
    readers = [
        threading.Thread(target=_lines_of, args=(serving.stdout, printed), daemon=True),
        threading.Thread(target=_lines_of, args=(serving.stderr, errors), daemon=True),
    ]
    for reader in readers:
        reader.start()

    def run_lines():
        return [line for line in list(printed) if line.startswith("run ")]

    deadline = time.monotonic() + 300
    try:
        # two runs done in the database and announced on the console (both, in
        # whatever order they happen), or the deadline
        while time.monotonic() < deadline and not (
            len(_finished_runs(database)) >= 2 and len(run_lines()) >= 2
        ):
            assert serving.poll() is None, printed + errors
            time.sleep(1)
        runs = _finished_runs(database)
    finally:
        serving.send_signal(signal.SIGTERM)
        serving.wait(timeout=120)
        for reader in readers:
            reader.join(timeout=30)
    out, err = "\n".join(printed), "\n".join(errors)
    assert len(runs) >= 2, out + err
    (_, first_status, first_loaded, _, _), (_, second_status, loaded, unchanged, failed) = runs[:2]
    assert (first_status, first_loaded) == ("succeeded", DOC_COUNT), out + err
    assert (second_status, loaded, unchanged, failed) == ("succeeded", 0, DOC_COUNT, 0)
    assert serving.returncode == 0, err
    assert "Prefect UI: http://127.0.0.1:" in out
    port = int(out.split("Prefect UI: http://127.0.0.1:", 1)[1].split()[0])
    assert not _listening(port)  # the local server stopped with serve
    lines = run_lines()
    assert len(lines) >= 2, out
    assert f"{DOC_COUNT} seen: 0 loaded, {DOC_COUNT} unchanged, 0 skipped, 0 failed" in lines[1]
    assert "never awaited" not in err and "Traceback" not in err
    assert out.rstrip().endswith("stopped")
