"""etl export: a view or a query to CSV, JSON Lines or Parquet, streamed."""

import csv
import json
import os
import stat
import subprocess
import sys
import tracemalloc

import pyarrow.parquet as pq
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from etl.cli import app
from etl.db.export import ExportError, export
from etl.db.session import make_engine
from etl.pipeline import Pipeline
from etl.settings import get_settings
from tests.support import DOCS, etl_command

runner = CliRunner()

DOCUMENT_ROWS = (
    "insert into documents (id, name, sha256, status, text, published_date, language) values"
    " (1, 'readout.txt', 'a', 'loaded', 'The two ministers met.', '2031-05-02', 'en'),"
    " (2, '会见.txt', 'b', 'loaded', '两国外长会见。', null, 'zh')"
)

COUNTING = """-- How many numbered rows?
-- Grain: one row per number.
-- params: rows
with recursive numbers (n) as (
    select 1
    union all
    select n + 1 from numbers where n < cast(:rows as integer)
)

select n, 'statement number ' || cast(n as text) as words from numbers
"""


@pytest.fixture
def loaded_sqlite(sqlite_url):
    pipeline = Pipeline(get_settings(sqlite_url))
    pipeline.run([DOCS / "wire_story.txt"])
    pipeline.close()
    return sqlite_url


@pytest.fixture
def documents(engine):
    with engine.begin() as connection:
        connection.execute(text(DOCUMENT_ROWS))
    return engine


def test_a_view_exports_to_csv_with_a_header_and_iso_dates(documents, tmp_path):
    out = tmp_path / "documents.csv"
    assert export(documents, "v_documents", "csv", out) == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [row["document_name"] for row in rows] == ["readout.txt", "会见.txt"]
    assert rows[0]["published_date"] == "2031-05-02" and rows[1]["published_date"] == ""


def test_a_query_with_parameters_exports_to_json_lines(engine, tmp_path):
    query = tmp_path / "numbers.sql"
    query.write_text(COUNTING, encoding="utf-8")
    out = tmp_path / "numbers.jsonl"
    assert export(engine, str(query), "jsonl", out, {"rows": "3"}) == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[2] == {"n": 3, "words": "statement number 3"}


def test_parquet_keeps_column_types_and_text_in_any_script(documents, tmp_path):
    out = tmp_path / "documents.parquet"
    export(documents, "v_documents", "parquet", out)
    table = pq.read_table(out)
    assert table.column("document_name").to_pylist() == ["readout.txt", "会见.txt"]
    assert str(table.schema.field("document_id").type) == "int64"


def test_a_column_empty_in_the_first_rows_gets_the_type_of_its_later_values(engine, tmp_path):
    query = tmp_path / "late.sql"
    query.write_text(
        "with recursive numbers (n) as (select 1 union all select n + 1 from numbers"
        " where n < 12000)\nselect n, case when n > 11000 then n end as late from numbers",
        encoding="utf-8",
    )
    out = tmp_path / "late.parquet"
    export(engine, str(query), "parquet", out)
    assert str(pq.read_table(out).schema.field("late").type) == "int64"


def test_an_empty_result_still_writes_the_columns(engine, tmp_path):
    out = tmp_path / "none.parquet"
    assert export(engine, "v_statements", "parquet", out) == 0
    assert "speaker_name" in pq.read_table(out).column_names
    assert export(engine, "v_statements", "csv", tmp_path / "none.csv") == 0
    assert (tmp_path / "none.csv").read_text(encoding="utf-8").startswith("statement_id,")


def _peak_bytes(engine, query, out, rows):
    tracemalloc.start()
    try:
        export(engine, str(query), "jsonl", out, {"rows": str(rows)})
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_exports_stream_in_constant_memory(engine, tmp_path):
    query = tmp_path / "numbers.sql"
    query.write_text(COUNTING, encoding="utf-8")
    small = _peak_bytes(engine, query, tmp_path / "small.jsonl", 20_000)
    large = _peak_bytes(engine, query, tmp_path / "large.jsonl", 200_000)
    assert len((tmp_path / "large.jsonl").read_text(encoding="utf-8").splitlines()) == 200_000
    assert large < 1.5 * small  # ten times the rows, the memory of one batch


@pytest.mark.parametrize("later", ["0.5", "'half'"])
def test_a_column_that_changes_type_fails_the_export_and_leaves_no_file(
    later, sqlite_url, tmp_path
):
    engine = make_engine(sqlite_url)  # only SQLite lets a column change type between rows
    query = tmp_path / "mixed.sql"
    query.write_text(
        "with recursive numbers (n) as (select 1 union all select n + 1 from numbers"
        f" where n < 60000)\nselect case when n < 55000 then n else {later} end as value"
        " from numbers",
        encoding="utf-8",
    )
    out = tmp_path / "mixed.parquet"
    with pytest.raises(ExportError, match="changes type"):
        export(engine, str(query), "parquet", out)
    engine.dispose()
    assert list(tmp_path.glob("*.parquet*")) == []


def test_wrong_requests_are_one_clear_line(engine, tmp_path, monkeypatch):
    out = tmp_path / "x.csv"
    with pytest.raises(ExportError, match="unknown format 'xlsx'"):
        export(engine, "v_meetings", "xlsx", out)
    with pytest.raises(ExportError, match="v_meetings is a view: it takes no parameters"):
        export(engine, "v_meetings", "csv", out, {"since": "2024-01-01"})
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the extra were not installed
    with pytest.raises(ExportError, match=r"pip install 'summit-etl\[parquet\]'"):
        export(engine, "v_meetings", "parquet", tmp_path / "x.parquet")
    assert not out.exists() and not (tmp_path / "x.parquet").exists()


def test_a_statement_that_writes_is_refused(loaded_sqlite, tmp_path):
    writes = tmp_path / "wipe.sql"
    writes.write_text("delete from documents returning name", encoding="utf-8")
    result = runner.invoke(
        app, ["export", str(writes), "--out", str(tmp_path / "w.csv"), "--db", loaded_sqlite]
    )
    assert result.exit_code == 1
    assert result.output.strip() == "error: wipe.sql tries to write: it only reads"


def test_the_command_writes_the_file_and_says_how_many_rows(loaded_sqlite, tmp_path):
    out = tmp_path / "exports" / "meetings.jsonl"
    result = runner.invoke(
        app, ["export", "v_meetings", "--format", "jsonl", "--out", str(out), "--db", loaded_sqlite]
    )
    assert result.exit_code == 0, result.output
    count = len(out.read_text(encoding="utf-8").splitlines())
    assert count > 0
    assert result.output.strip() == f"{count} rows of v_meetings written to {out} (jsonl)"
    result = runner.invoke(
        app,
        [
            "export",
            "meetings_of_person",
            "--param",
            "nobody=1",
            "--out",
            str(out),
            "--db",
            loaded_sqlite,
        ],
    )
    assert result.exit_code == 1 and result.output.startswith("error: ")


def test_columns_of_the_same_name_keep_both_values(engine, tmp_path):
    query = tmp_path / "pairs.sql"
    query.write_text("select 1 as id, 2 as id, 'x' as name", encoding="utf-8")
    export(engine, str(query), "jsonl", tmp_path / "pairs.jsonl")
    assert json.loads((tmp_path / "pairs.jsonl").read_text(encoding="utf-8")) == {
        "id": 1,
        "id_2": 2,
        "name": "x",
    }
    export(engine, str(query), "parquet", tmp_path / "pairs.parquet")
    assert pq.read_table(tmp_path / "pairs.parquet").to_pylist() == [
        {"id": 1, "id_2": 2, "name": "x"}
    ]


def test_an_export_is_readable_as_any_file_the_user_creates(engine, tmp_path):
    mask = os.umask(0o022)
    try:
        export(engine, "v_meetings", "csv", tmp_path / "meetings.csv")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "meetings.csv").stat().st_mode) == 0o644


def test_numerics_are_numbers(engine, tmp_path):
    query = tmp_path / "numbers.sql"
    query.write_text(
        "select round(2.25, 1) as share, cast(3 as numeric) as whole", encoding="utf-8"
    )
    export(engine, str(query), "jsonl", tmp_path / "numbers.jsonl")
    row = json.loads((tmp_path / "numbers.jsonl").read_text(encoding="utf-8"))
    assert row["whole"] == 3 and row["share"] in (2.2, 2.3)  # rounding differs by backend


def _peak_rss_kb(command):
    """Run a command; its own peak resident memory (kilobytes)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    return usage.ru_maxrss


WIDE_ROWS = """-- Numbered rows of some 270 characters.
-- Grain: one row per number.
-- params: rows
select n, repeat('statement words ', 16) || cast(n as text) as words
from generate_series(1, cast(:rows as integer)) as n
"""


@pytest.mark.postgres
def test_etl_export_streams_from_postgresql_in_constant_memory(postgres_database, tmp_path):
    assert runner.invoke(app, ["db", "upgrade", "--db", postgres_database]).exit_code == 0
    query = tmp_path / "wide.sql"
    query.write_text(WIDE_ROWS, encoding="utf-8")

    def peak(rows):
        out = tmp_path / f"{rows}.csv"
        command = etl_command(
            "export",
            str(query),
            "--param",
            f"rows={rows}",
            "--out",
            str(out),
            "--db",
            postgres_database,
        )
        used = _peak_rss_kb(command)
        assert sum(1 for _ in out.open(encoding="utf-8")) == rows + 1
        return used

    small, large = peak(100_000), peak(1_000_000)
    # a cursor that fetched everything holds ~300 MB more for the larger one (measured)
    assert large - small < 50_000, (small, large)
