"""The CLI turns options into library calls and errors into one clear line."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from etl.cli import app
from tests.support import DOCS, etl_command

runner = CliRunner(env={"COLUMNS": "200"})
GOLD = DOCS.parent / "gold.yaml"  # what a reader finds in wire_story.txt and mfa_readout.txt


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
    for command in ("run", "load", "serve", "query", "status", "evaluate", "db"):
        assert command in result.output


def test_load_prints_a_summary(loaded):
    url, output = loaded
    assert "run 1 succeeded: 2 seen: 2 loaded, 0 unchanged, 0 skipped, 0 failed" in output
    assert f"database: {make_url(url).database}\n" in output
    engine = create_engine(url)
    with engine.connect() as connection:
        seen = connection.execute(text("select count(*) from v_persons")).scalar_one()
        listed = connection.execute(text("select count(*) from persons")).scalar_one()
    engine.dispose()
    assert 0 < seen < listed  # persons the documents mention, not the reference list
    assert f"rows: documents 2, persons {seen}, meetings" in output


def test_the_run_summary_and_status_use_the_same_words(loaded, tmp_path):
    url, _ = loaded
    again = runner.invoke(app, ["load", str(tmp_path / "docs"), "--db", url])
    status = runner.invoke(app, ["status", "--db", url])
    counts = "2 seen: 0 loaded, 2 unchanged, 0 skipped, 0 failed"
    assert f"run 2 succeeded: {counts}" in again.output
    assert "last run 2 succeeded started " in status.output and counts in status.output
    rows = [line for line in again.output.splitlines() if line.startswith("rows: ")]
    assert rows and rows[0] in status.output.splitlines()
    database = [line for line in again.output.splitlines() if line.startswith("database: ")]
    assert database and database[0] in status.output.splitlines()


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
    assert "8 of 8 checks passed" in clean.output  # etl check adds the on-demand one
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


def test_query_parameters_are_given_by_name_and_checked(loaded):
    url, _ = loaded
    args = ["query", "meetings_between", "--format", "json", "--db", url]
    every = json.loads(runner.invoke(app, args).output)
    since = runner.invoke(app, [*args, "--param", "since=2024-01-01"])
    assert since.exit_code == 0, since.output
    later = json.loads(since.output)
    assert later and len(later) < len(every)
    assert all(m["start_date"] >= "2024-01-01" for m in later)
    missing = runner.invoke(app, ["query", "meetings_of_person", "--db", url])
    assert missing.exit_code == 1
    assert missing.output.strip() == (
        "error: missing parameter person for meetings_of_person: it takes person"
        " (--param person=VALUE)"
    )
    unknown = runner.invoke(app, [*args, "--param", "city=Paris"])
    assert unknown.exit_code == 1 and "unknown parameter city" in unknown.output


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


def test_db_commands_take_a_revision_and_say_what_they_did(loaded):
    url, _ = loaded
    head = max(p.name[:4] for p in (Path("migrations") / "versions").glob("0*.py"))
    current = runner.invoke(app, ["db", "current", "--db", url])
    assert current.output.strip().endswith(f": {head}")
    down = runner.invoke(app, ["db", "downgrade", "0005", "--yes", "--db", url])
    assert down.exit_code == 0, down.output
    assert f"downgraded from {head} to 0005 (0006 " in down.output
    assert "will be re-extracted by the next run" in down.output
    status = runner.invoke(app, ["status", "--db", url])
    assert status.exit_code == 1 and "`etl db upgrade`" in status.output
    assert "0005" in status.output
    up = runner.invoke(app, ["db", "upgrade", "+1", "--db", url])
    assert "upgraded from 0005 to 0006" in up.output, up.output
    up = runner.invoke(app, ["db", "upgrade", "--db", url])
    assert f"to {head}" in up.output
    assert "nothing to do" in runner.invoke(app, ["db", "upgrade", "head", "--db", url]).output


def test_a_downgrade_that_drops_data_asks_and_refuses_without_a_terminal(loaded):
    url, _ = loaded
    refused = runner.invoke(app, ["db", "downgrade", "base", "--db", url], input="")
    assert refused.exit_code == 1
    assert "downgrading to base drops: " in refused.output
    assert (
        "table check_results (7 rows)" in refused.output and "alembic_version" not in refused.output
    )
    assert "table person_mentions" in refused.output
    assert "downgrade refused: nothing changed (--yes drops the data)" in refused.output
    head = max(p.name[:4] for p in (Path("migrations") / "versions").glob("0*.py"))
    assert runner.invoke(app, ["db", "current", "--db", url]).output.strip().endswith(head)
    assert "documents: loaded 2" in runner.invoke(app, ["status", "--db", url]).output


def test_a_round_trip_through_a_downgrade_re_extracts_the_touched_documents(loaded, tmp_path):
    url, _ = loaded
    engine = create_engine(url)
    known = text("select count(date_source) from meeting_mentions")
    with engine.connect() as connection:
        before = connection.execute(known).scalar_one()
    assert before > 0
    assert runner.invoke(app, ["db", "downgrade", "0006", "--yes", "--db", url]).exit_code == 0
    assert runner.invoke(app, ["db", "upgrade", "--db", url]).exit_code == 0
    with engine.connect() as connection:
        assert connection.execute(known).scalar_one() == 0  # the round trip emptied the column
    again = runner.invoke(app, ["load", str(tmp_path / "docs"), "--db", url])
    assert "2 seen: 2 loaded, 0 unchanged" in again.output, again.output
    with engine.connect() as connection:
        assert connection.execute(known).scalar_one() == before  # filled again
    engine.dispose()


def test_a_database_of_a_newer_summit_etl_is_refused(loaded, tmp_path):
    url, _ = loaded
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("update alembic_version set version_num = '9999'"))
    engine.dispose()
    for command in (
        ["status"],
        ["check"],
        ["query", "who_met_whom"],
        ["load", str(tmp_path / "docs")],
        ["db", "upgrade"],
    ):
        result = runner.invoke(app, [*command, "--db", url])
        assert result.exit_code == 1, command
        assert "revision 9999, which this version of summit-etl does not know" in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["check"],
        ["query", "who_met_whom"],
        ["db", "current"],
        ["db", "downgrade", "--yes"],
        ["evaluate", str(GOLD)],
    ],
)
def test_commands_that_only_read_never_create_a_database(command, tmp_path):
    database = tmp_path / "absent" / "summit.db"
    result = runner.invoke(app, [*command, "--db", f"sqlite:///{database}"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"error: no database at {database}: `etl load` or `etl run` creates it, "
        "`--db` or ETL_DATABASE_URL chooses another"
    )
    assert not database.parent.exists()


def test_commands_that_only_read_change_nothing(loaded, tmp_path):
    url, _ = loaded
    database = Path(make_url(url).database)
    for suffix in ("-wal", "-shm"):  # settle the write-ahead log first
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    before = database.read_bytes()
    for command in (
        ["status"],
        ["check"],
        ["query", "who_met_whom"],
        ["export", "v_meetings", "--out", str(tmp_path / "meetings.csv")],
        ["db", "current"],
        ["evaluate", str(GOLD)],
    ):
        assert runner.invoke(app, [*command, "--db", url]).exit_code == 0, command
    assert database.read_bytes() == before


def test_a_query_that_writes_is_refused_and_changes_nothing(loaded, tmp_path):
    url, _ = loaded
    sql = tmp_path / "wipe.sql"
    sql.write_text("delete from documents")
    result = runner.invoke(app, ["query", str(sql), "--db", url])
    assert result.exit_code == 1 and result.output.startswith("error: ")
    count = runner.invoke(
        app, ["query", str(_count_file(tmp_path)), "--format", "csv", "--db", url]
    )
    assert count.output.split() == ["n", "2"]


def _count_file(folder):
    path = folder / "count_documents.sql"
    path.write_text("select count(*) as n from documents")
    return path


@pytest.mark.postgres
def test_postgres_urls_are_accepted_and_read_only_commands_stay_read_only(
    postgres_database, tmp_path
):
    given = postgres_database.replace("postgresql+psycopg://", "postgres://", 1)
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(DOCS / "wire_story.txt", folder / "wire_story.txt")
    assert runner.invoke(app, ["load", str(folder), "--db", given]).exit_code == 0
    status = runner.invoke(app, ["status", "--db", given])
    assert status.exit_code == 0 and "documents: loaded 1" in status.output
    sql = tmp_path / "wipe.sql"
    sql.write_text("delete from documents")
    assert runner.invoke(app, ["query", str(sql), "--db", given]).exit_code == 1
    assert "documents: loaded 1" in runner.invoke(app, ["status", "--db", given]).output
    missing = given.rsplit("/", 1)[0] + "/no_such_database"
    result = runner.invoke(app, ["status", "--db", missing])
    assert result.exit_code == 1 and result.output.startswith("error: no database ")


def test_a_missing_query_file_is_named(loaded, tmp_path):
    url, _ = loaded
    result = runner.invoke(app, ["query", str(tmp_path / "nope.sql"), "--db", url])
    assert result.exit_code == 1
    assert result.output.strip() == f"error: file not found: {tmp_path / 'nope.sql'}"


def test_an_empty_input_is_a_warning_and_exit_1_unless_allowed(sqlite_url, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["load", str(empty), "--db", sqlite_url])
    assert result.exit_code == 1
    assert result.output.startswith(f"warning: no documents found in {empty}")
    assert not Path(make_url(sqlite_url).database).exists()
    allowed = runner.invoke(app, ["load", str(empty), "--allow-empty", "--db", sqlite_url])
    assert allowed.exit_code == 0, allowed.output
    assert "0 seen: 0 loaded" in allowed.output


def test_without_paths_a_missing_seeds_folder_is_a_warning(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", "--db", sqlite_url])
    assert result.exit_code == 1
    assert f"no PATHS given and there is no {tmp_path / 'seeds'} folder" in result.output


@pytest.mark.parametrize(
    "command", [[], ["run"], ["load"], ["serve"], ["query"], ["db", "downgrade"]]
)
def test_help_shows_no_bogus_types(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    for bogus in ("<bool>", "<str>", "<path>", "list[", "TEXT", "BOOLEAN"):
        assert bogus not in result.output, (command, bogus)


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


def test_serve_passes_absolute_paths_the_database_and_the_schedule(monkeypatch, sqlite_url):
    serving = pytest.importorskip("etl.flows.serve")
    served = {}
    monkeypatch.setattr(
        serving, "serve", lambda *args: served.update(zip("psne", args, strict=False))
    )
    result = runner.invoke(app, ["serve", "--cron", "15 * * * *", str(DOCS), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert served["s"].cron == "15 * * * *" and served["n"] == "summit-ingest-scheduled"
    assert served["p"] == {
        "paths": [str(DOCS.resolve())],
        "database_url": sqlite_url,
        "announce": True,
    }


def test_a_password_never_travels_as_a_flow_parameter(monkeypatch):
    serving = pytest.importorskip("etl.flows.serve")
    served = {}
    monkeypatch.setattr(serving, "serve", lambda *args: served.update(parameters=args[0]))
    monkeypatch.setenv("ETL_DATABASE_URL", "sqlite://")
    url = "postgresql+psycopg://analyst:s3cret-pw@db.example.org:5432/summit"
    result = runner.invoke(app, ["serve", str(DOCS), "--db", url])
    assert result.exit_code == 0, result.output
    assert served["parameters"]["database_url"] is None
    assert "s3cret-pw" not in result.output
    assert os.environ["ETL_DATABASE_URL"] == url  # what the served runs read instead


@pytest.mark.postgres
@pytest.mark.flow
@pytest.mark.parametrize("form", ["user", "query", "environment"])
def test_no_credential_is_left_in_anything_a_run_writes(postgres_database, tmp_path, form):
    """``etl run``, ``status`` and ``db current`` with a password in each form:
    grep the output, Prefect's home (its database, logs) and the analytics
    database for it. The test server trusts local users, so any password works."""
    secret = f"Zq{form}9-secret"
    url = make_url(postgres_database)
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": ""}
    env.pop("PREFECT_API_URL")
    if form == "user":
        given = url.set(password=secret).render_as_string(hide_password=False)
    elif form == "query":
        given = url.update_query_dict({"password": secret}).render_as_string(hide_password=False)
    else:
        given, env["PGPASSWORD"] = postgres_database, secret
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(DOCS / "wire_story.txt", folder / "wire_story.txt")
    outputs = []
    for command in (["run", str(folder)], ["status"], ["db", "current"], ["check"]):
        done = subprocess.run(
            etl_command(*command, "--db", given),
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        outputs.append(done.stdout + done.stderr)
    assert secret not in "".join(outputs)
    for path in (tmp_path / "prefect").rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
    engine = create_engine(postgres_database)
    with engine.connect() as connection:
        tables = (
            connection.execute(
                text(
                    "select table_name from information_schema.tables where table_schema = 'public'"
                )
            )
            .scalars()
            .all()
        )
        for table in tables:
            dump = connection.execute(text(f'select cast(t as text) from "{table}" as t')).scalars()
            assert not any(secret in row for row in dump), table
    engine.dispose()


@pytest.mark.parametrize(
    ("variable", "value"), [("ETL_MAX_DOCUMENT_BYTES", "lots"), ("ETL_SQLITE_BUSY_TIMEOUT", "-1")]
)
def test_a_bad_setting_is_one_line_naming_it(variable, value, sqlite_url, monkeypatch):
    monkeypatch.setenv(variable, value)
    for command in (["load", str(DOCS)], ["status"], ["run", str(DOCS)]):
        result = runner.invoke(app, [*command, "--db", sqlite_url])
        assert result.exit_code == 1
        assert result.output.strip().splitlines() == [
            f"error: {variable} must be {'a whole number' if value == 'lots' else 'positive'}, got {value!r}"
        ]


def test_a_failure_line_never_splits_a_name(sqlite_url, tmp_path):
    (tmp_path / "two\nlines.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("Blinken met Wang Yi in Beijing.")
    result = runner.invoke(app, ["load", str(tmp_path), "--db", sqlite_url])
    assert result.exit_code == 1
    assert "failed: two\\nlines.txt: not text" in result.output
    assert "caf\\xe9.txt" in result.output and "1 loaded" in result.output


def test_evaluate_prints_the_figures_then_each_documents_errors_with_spans(loaded):
    url, _ = loaded
    result = runner.invoke(app, ["evaluate", str(GOLD), "--db", url])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split(" | ")[:4] == ["facts       ", "precision", "recall", "f1   "]
    assert any(line.startswith("meetings     | 1.000     | 1.000") for line in lines)
    assert any(line.startswith("accuracy: date 1.000") for line in lines)
    assert "mfa_readout.txt" in lines
    assert any(re.match(r"  spurious outcome   \[\d+-\d+\] discussed ", line) for line in lines)
    bands = lines.index("precision per confidence band:")
    assert lines[bands + 1].split(" | ")[:3] == ["facts      ", "band        ", "judged"]
    assert any(line.startswith("meeting     | [") for line in lines[bands:])


def test_evaluate_as_json_has_the_floors_figures_and_the_documents(loaded):
    url, _ = loaded
    result = runner.invoke(app, ["evaluate", str(GOLD), "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["headline"]["meetings_f1"] == report["meetings"]["f1"] == 1.0
    assert report["statements"] == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "right": 4, "predicted": 4, "gold": 4
    }  # fmt: skip
    assert {f["verdict"] for findings in report["documents"].values() for f in findings} <= {
        "missed",
        "spurious",
    }
    assert runner.invoke(app, ["evaluate", str(GOLD), "--db", url, "--monotone"]).exit_code == 0
    meetings = report["confidence"]["meeting"]
    assert meetings["monotone"] is True
    assert sum(band["facts"] for band in meetings["bands"]) == report["meetings"]["predicted"]
    assert all(0 <= band["mean_confidence"] <= 1 for band in meetings["bands"])


def test_evaluate_loads_documents_into_a_throwaway_database_and_checks_floors(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("wire_story.txt", "mfa_readout.txt", "manifest.csv"):
        shutil.copy(DOCS / name, folder / name)
    floors = tmp_path / "floors.toml"
    floors.write_text("[mine]\nmeetings_f1 = 1.0\noutcomes_f1 = 0.99\nmax_person_dups = 0\n")
    result = runner.invoke(
        app,
        ["evaluate", str(GOLD), "--docs", str(folder), "--floors", str(floors), "--corpus", "mine"],
    )
    assert result.exit_code == 1
    assert "quality floor broken (mine): outcomes_f1 0.8 below its floor 0.99" in result.output
    assert "meetings_f1" not in result.output.split("quality floor")[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "floors.toml"]
    floors.write_text("[mine]\nmeetings_f1 = 1.0\n")
    result = runner.invoke(
        app,
        ["evaluate", str(GOLD), "--docs", str(folder), "--floors", str(floors), "--corpus", "mine"],
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--docs", "DOCS", "--db", "sqlite:///x.db"], "error: give --docs"),
        (["--floors", "GOLD"], "error: --floors and --corpus go together"),
        (
            ["--format", "xml", "--docs", "DOCS"],
            "error: unknown format 'xml': use one of table, json",
        ),
    ],
)
def test_evaluate_refuses_unusable_options_in_one_line(arguments, message, tmp_path):
    arguments = [str(DOCS) if a == "DOCS" else str(GOLD) if a == "GOLD" else a for a in arguments]
    result = runner.invoke(app, ["evaluate", str(GOLD), *arguments])
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1


def test_evaluate_names_a_broken_gold_file(loaded, tmp_path):
    url, _ = loaded
    gold = tmp_path / "gold.yaml"
    gold.write_text("persons: []\nmeetings:\n- key: m\n")
    result = runner.invoke(app, ["evaluate", str(gold), "--db", url])
    assert result.exit_code == 1
    assert result.output == f"error: {gold}: meetings[0]: 'participants' is missing\n"


def test_json_prints_the_run_report_for_scripts(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DOCS / "wire_story.txt", folder / "wire_story.txt")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text \x00")
    url = f"sqlite:///{tmp_path / 'report.db'}"
    result = runner.invoke(app, ["load", str(folder), "--json", "--db", url])
    assert result.exit_code == 1  # a document failed: scripts see it in the exit code too
    report = json.loads(result.stdout)
    assert (report["loaded"], report["failed"], report["documents_seen"]) == (1, 1, 2)
    assert report["rows"]["documents"] == 2 and report["database"] == str(tmp_path / "report.db")
    by_name = {d["document"]: d for d in report["documents"]}
    assert by_name["wire_story.txt"]["status"] == "loaded" and by_name["wire_story.txt"]["meetings"]
    assert by_name["broken.txt"]["status"] == "failed" and by_name["broken.txt"]["reason"]
    assert all(c["passed"] for c in report["checks"])
