"""The CLI turns options into library calls and errors into one clear line."""

import json
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from etl.cli import app
from tests.support import DOCS

runner = CliRunner(env={"COLUMNS": "200"})


@pytest.fixture
def loaded(sqlite_url, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("wire_story.txt", "mfa_readout.txt", "manifest.csv"):
        shutil.copy(DOCS / name, folder / name)
    result = runner.invoke(app, ["load", str(folder), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    return sqlite_url, result.output


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "load", "serve", "query", "status", "db"):
        assert command in result.output


def test_load_prints_a_summary(loaded):
    _, output = loaded
    assert "2 loaded, 0 unchanged, 0 skipped, 0 failed" in output
    assert "database: documents 2" in output


def test_plain_loads_report_stale_documents_and_reprocess_refreshes_them(loaded, tmp_path):
    url, _ = loaded
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("update documents set extractor_version = '0.0.1'"))
    engine.dispose()
    folder = str(tmp_path / "docs")
    plain = runner.invoke(app, ["load", folder, "--db", url])
    assert plain.exit_code == 0, plain.output
    assert "stale: 2 document(s)" in plain.output and "--reprocess" in plain.output
    again = runner.invoke(app, ["load", folder, "--reprocess", "--db", url])
    assert "2 loaded" in again.output and "stale:" not in again.output
    full = runner.invoke(app, ["load", folder, "--full-refresh", "--db", url])
    assert "2 loaded, 0 unchanged" in full.output


def test_check_passes_on_a_clean_load_and_fails_naming_the_broken_rule(loaded):
    url, output = loaded
    assert "checks: 7 of 7 passed" in output
    clean = runner.invoke(app, ["check", "--db", url])
    assert clean.exit_code == 0, clean.output
    assert "7 of 7 checks passed" in clean.output
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("delete from person_aliases where person_id = 1"))
    engine.dispose()
    broken = runner.invoke(app, ["check", "--db", url])
    assert broken.exit_code == 1
    assert "FAIL  person_without_alias: 1 violation(s): every person can be found" in broken.output
    assert "failed checks: person_without_alias" in broken.output


def test_status_shows_the_checks_of_the_last_run(loaded):
    url, _ = loaded
    result = runner.invoke(app, ["status", "--db", url])
    assert result.exit_code == 0, result.output
    assert "checks (run 1): 7 of 7 passed" in result.output


def test_query_formats(loaded):
    url, _ = loaded
    result = runner.invoke(app, ["query", "who_met_whom", "--format", "json", "--db", url])
    assert result.exit_code == 0, result.output
    meetings = json.loads(result.output)
    assert {(m["city"], m["kind"]) for m in meetings} == {
        ("Washington", "in_person"),
        ("Beijing", "in_person"),
        (None, "call"),
    }
    csv_out = runner.invoke(app, ["query", "outcomes_by_meeting", "--format", "csv", "--db", url])
    assert csv_out.output.splitlines()[0].startswith("start_date,city,meeting,category")
    table = runner.invoke(app, ["query", "statements_by_speaker", "--db", url])
    assert "He Lifeng" in table.output


def test_query_of_a_file_and_unknown_names(loaded, tmp_path):
    url, _ = loaded
    sql = tmp_path / "count.sql"
    sql.write_text("select count(*) as n from v_meetings")
    assert runner.invoke(
        app, ["query", str(sql), "--format", "csv", "--db", url]
    ).output.split() == ["n", "3"]
    missing = runner.invoke(app, ["query", "no_such_query", "--db", url])
    assert missing.exit_code == 1
    assert missing.output.startswith("error: no query 'no_such_query'")


def test_status_and_db_commands(loaded):
    url, _ = loaded
    status = runner.invoke(app, ["status", "--db", url])
    assert "documents: loaded 2" in status.output
    assert "last run 1 succeeded" in status.output
    head = runner.invoke(app, ["db", "current", "--db", url]).output.strip().rsplit(": ", 1)[1]
    assert head == max(p.name[:4] for p in (Path("migrations") / "versions").glob("0*.py"))
    down = runner.invoke(app, ["db", "downgrade", "--db", url])
    assert down.output.strip().rsplit(": ", 1)[1] == f"{int(head) - 1:04d}"
    up = runner.invoke(app, ["db", "upgrade", "--db", url])
    assert up.output.strip().endswith(f": {head}")


def test_failures_exit_non_zero_and_are_named(sqlite_url, tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    result = runner.invoke(app, ["load", str(tmp_path), "--db", sqlite_url])
    assert result.exit_code == 1
    assert "failed: binary.txt: not text" in result.output


def test_errors_are_one_line_without_traceback_or_password():
    url = "postgresql+psycopg://analyst:hunter2secret@127.0.0.1:1/summit"
    result = runner.invoke(app, ["status", "--db", url])
    assert result.exit_code == 1
    assert "hunter2secret" not in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("error: ")


def test_a_missing_input_path_is_a_usage_error(sqlite_url, tmp_path):
    result = runner.invoke(app, ["load", str(tmp_path / "nope.txt"), "--db", sqlite_url])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_serve_schedules_the_flow_with_its_cron_and_database(monkeypatch, sqlite_url):
    flows = pytest.importorskip("etl.flows.ingest")
    served = {}

    def fake_serve(**kwargs):
        served.update(kwargs)

    monkeypatch.setattr(flows.ingest_flow, "serve", fake_serve)
    result = runner.invoke(app, ["serve", "--cron", "15 * * * *", "seeds", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert served["cron"] == "15 * * * *"
    assert served["parameters"] == {"paths": ["seeds"], "database_url": sqlite_url}


def test_a_password_never_travels_as_a_flow_parameter(monkeypatch):
    flows = pytest.importorskip("etl.flows.ingest")
    served = {}
    monkeypatch.setattr(flows.ingest_flow, "serve", lambda **kwargs: served.update(kwargs))
    monkeypatch.setenv("ETL_DATABASE_URL", "sqlite://")
    url = "postgresql+psycopg://analyst:s3cret-pw@db.example.org:5432/summit"
    result = runner.invoke(app, ["serve", "seeds", "--db", url])
    assert result.exit_code == 0, result.output
    assert served["parameters"] == {"paths": ["seeds"], "database_url": None}
    assert "s3cret-pw" not in result.output
    assert os.environ["ETL_DATABASE_URL"] == url  # what the served runs read instead
