"""Every analyst query in sql/queries runs on SQLite and PostgreSQL, and the SQL
files follow the house style (header comment, lower-case keywords)."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from etl.db.queries import (
    QUERIES_DIR,
    QueryRefused,
    available,
    render,
    resolve_query,
    run_query,
    statements,
)
from etl.db.views import VIEWS_DIR
from etl.pipeline import Pipeline
from etl.settings import get_settings
from tests.support import DOCS

SQL_FILES = sorted(QUERIES_DIR.glob("*.sql")) + sorted(VIEWS_DIR.glob("*.sql"))


@pytest.fixture
def loaded_engine(database_url):
    pipeline = Pipeline(get_settings(database_url))
    pipeline.run([DOCS])
    yield pipeline.engine
    pipeline.close()


PARAMS = {  # the queries that declare parameters, with values the fixtures answer
    "meetings_of_person": {"person": "wang yi"},
    "meetings_between": {"since": "2023-01-01", "until": "2023-12-31"},
    "statements_containing": {"speaker": "Janet Yellen", "phrase": "FORUM"},
    "outcomes_by_category": {"category": "commitment", "topic": "Trade"},
    "relationship_timeline": {"person": "Antony Blinken", "other": "王毅"},
}


@pytest.mark.parametrize("name", available())
def test_each_query_runs_and_returns_rows(loaded_engine, name):
    columns, rows = run_query(loaded_engine, resolve_query(name), PARAMS.get(name))
    assert columns
    if name not in ("document_failures", "quotes_altered"):  # the fixtures have no such rows;
        assert rows, name  # test_load_quote_checks gives quotes_altered some
    assert render(columns, rows, "table").splitlines()[0].startswith(columns[0])


def test_participants_carry_their_title_at_the_meeting(loaded_engine):
    columns, rows = run_query(loaded_engine, resolve_query("participants_with_titles"))
    found = {(r[columns.index("person_name")], r[columns.index("title")]) for r in rows}
    assert any(n == "Janet Yellen" and "Secretary of the Treasury" in t for n, t in found)
    assert ("He Lifeng", "Vice Premier") in found


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda p: p.name)
def test_sql_files_state_question_and_grain_in_lower_case(path):
    sql = path.read_text(encoding="utf-8")
    header = [line for line in sql.splitlines() if line.startswith("--")]
    assert len(header) >= 2 and "grain" in " ".join(header).lower(), path.name
    body = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
    assert not re.search(r"\b(SELECT|FROM|WHERE|JOIN|GROUP BY|ORDER BY|WITH)\b", body), path.name


def test_a_date_from_the_reference_calendar_says_so(loaded_engine):
    columns, rows = run_query(loaded_engine, resolve_query("meeting_date_sources"))
    found = {(r[columns.index("reported_date")], r[columns.index("date_source")]) for r in rows}
    assert ("2017-11-09", "calendar") in found  # summit_history.txt: "in Beijing" that November
    assert {r[columns.index("date_source")] for r in rows} >= {"text", "calendar", "none"}


NULLABLE_ORDER_TERM = re.compile(r"\b(start_date|speaker_name|country)\b(?! (desc |asc )?nulls)")


@pytest.mark.parametrize("name", available())
def test_ordering_by_a_nullable_column_says_where_blanks_go(name):
    sql = resolve_query(name).read_text(encoding="utf-8")
    order_by = sql.rsplit("order by", 1)[-1] if "order by" in sql else ""
    assert not NULLABLE_ORDER_TERM.search(order_by), order_by


def _plain(value):
    """SQLite has no booleans: compare True with 1."""
    return str(int(value) if isinstance(value, bool) else value)


@pytest.mark.postgres
def test_each_query_orders_its_rows_alike_on_sqlite_and_postgresql(sqlite_url, postgres_database):
    engines = []
    for url in (sqlite_url, postgres_database):
        pipeline = Pipeline(get_settings(url))
        pipeline.run([DOCS])
        engines.append(pipeline)
    try:
        for name in available():
            sqlite_rows, postgres_rows = (
                [
                    tuple(map(_plain, row))
                    for row in run_query(p.engine, resolve_query(name), PARAMS.get(name))[1]
                ]
                for p in engines
            )
            assert sqlite_rows == postgres_rows, name
    finally:
        for pipeline in engines:
            pipeline.close()


def test_a_table_marks_cut_text_with_an_ellipsis():
    long = "The two sides agreed to resume military-to-military communication at every level."
    table = render(["description", "n"], [(long, 1), ("short", None)], "table")
    lines = table.splitlines()
    assert lines[2].startswith(long[:59] + "…")
    assert len(lines[2].split(" | ")[0]) == 60
    assert lines[3].startswith("short ") and lines[3].rstrip().endswith("|")


@given(
    st.lists(
        st.sampled_from(
            ["select 1", "select 'a;b'", "select $$x;y$$", "select 2 /* c; */", "select 3 -- c;\n"]
        ),
        min_size=1,
        max_size=4,
    )
)
def test_statements_split_at_semicolons_outside_quotes_and_comments(parts):
    assert statements(";\n".join(parts)) == [p.strip() for p in parts]


def test_comments_and_blank_statements_are_not_statements():
    [statement] = statements("-- header; still header\n/* ; */ select 1;\n;\n-- end")
    assert statement.endswith("/* ; */ select 1")


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("update documents set text = 'overwritten'; commit", "holds 2 statements"),
        ("delete from check_results", "tries to write"),
        ("delete from documents returning name", "tries to write"),
        ("insert into topics (slug, label) values ('x', 'x')", "tries to write"),
        ("", "holds 0 statements"),
    ],
)
def test_a_query_file_that_writes_is_refused_on_a_read_only_engine(
    database_url, tmp_path, sql, message
):
    from etl.db.session import make_engine

    Pipeline(get_settings(database_url)).run([DOCS / "wire_story.txt"])
    path = tmp_path / "attempt.sql"
    path.write_text(sql)
    engine = make_engine(database_url, read_only=True)
    try:
        with pytest.raises(QueryRefused, match=message):
            run_query(engine, path)
    finally:
        engine.dispose()
    counts = make_engine(database_url)
    try:
        with counts.connect() as connection:
            assert connection.execute(text("select count(*) from documents")).scalar() == 1
            assert connection.execute(text("select count(*) from check_results")).scalar() == 7
    finally:
        counts.dispose()


def test_parameters_narrow_what_a_query_returns(loaded_engine):
    def run(name, **params):
        columns, rows = run_query(loaded_engine, resolve_query(name), params)
        return [dict(zip(columns, row, strict=True)) for row in rows]

    everything = run("meetings_between")
    in_2023 = run("meetings_between", since="2023-01-01", until="2023-12-31")
    assert 0 < len(in_2023) < len(everything)
    assert all(
        str(r["end_date"]) >= "2023-01-01" and str(r["start_date"]) <= "2023-12-31" for r in in_2023
    )
    said = run("statements_containing", speaker="Janet Yellen")
    assert 0 < len(run("statements_containing", speaker="janet yellen", phrase="forum")) < len(said)
    assert run("statements_containing", speaker="Janet Yellen", phrase="%") == []  # literal
    together = run("relationship_timeline", person="Antony Blinken", other="Wang Yi")
    assert together and together == run(
        "relationship_timeline", person="王毅", other="antony blinken"
    )


def test_a_value_is_bound_never_pasted_into_the_sql(loaded_engine):
    injected = {"speaker": "Janet Yellen", "phrase": "' or 1=1 --"}
    assert run_query(loaded_engine, resolve_query("statements_containing"), injected)[1] == []
