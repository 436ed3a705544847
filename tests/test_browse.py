"""etl browse: Datasette on the SQLite database with the query library, read-only."""

import asyncio
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from etl.browse import browser_sql, canned_queries, datasette_app, header, metadata
from etl.cli import app
from etl.db.dictionary import meanings
from etl.db.params import Param
from etl.db.queries import available, resolve_query, run_query
from etl.pipeline import Pipeline
from etl.settings import get_settings
from tests.support import DOCS, etl_command
from tests.test_queries import PARAMS

runner = CliRunner()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browse")
    url = f"sqlite:///{folder / 'summit.db'}"
    pipeline = Pipeline(get_settings(url))
    pipeline.run([DOCS])
    pipeline.close()
    return url, Path(make_url(url).database)


def _get(datasette, path):
    async def fetch():
        await datasette.invoke_startup()
        return await datasette.client.get(path)

    return asyncio.run(fetch())


def test_a_header_gives_the_question_and_the_rest():
    sql = (
        "-- Which meetings took place in a range of days?\n"
        "-- Grain: one row per meeting.\n-- params: since= (date)\nselect 1"
    )
    assert header(sql) == (
        "Which meetings took place in a range of days?",
        "Grain: one row per meeting.",
    )


def test_each_parameter_is_read_through_its_function_and_nothing_else_is_touched():
    sql = "where n = :person and d >= cast(:since as text) and x = y::text and z = :personal"
    params = (Param("person", kind="name"), Param("since", optional=True, kind="date"))
    assert browser_sql(sql, params) == (
        "where n = etl_param_name(:person) and d >= cast(etl_param_date(:since) as text)"
        " and x = y::text and z = :personal"
    )


def test_every_query_of_the_library_is_a_canned_query_with_its_title_and_parameters():
    canned = canned_queries()
    assert sorted(canned) == available()
    assert canned["meetings_of_person"]["params"] == ["person"]
    assert canned["meetings_of_person"]["title"].endswith("?")


def test_every_view_and_column_is_described():
    described = metadata("summit", meanings())["databases"]["summit"]["tables"]
    assert described["v_meetings"]["description"]
    assert described["v_meetings"]["columns"]["date_source"]


@pytest.mark.parametrize("name", available())
def test_each_canned_query_gives_in_the_browser_what_etl_query_gives(loaded, name):
    url, path = loaded
    datasette = datasette_app(path, meanings())
    given = PARAMS.get(name, {})
    query = "&".join(f"{k}={urllib.request.quote(v)}" for k, v in given.items())
    response = _get(datasette, f"/summit/{name}.json?_shape=arrays&{query}")
    assert response.status_code == 200, response.text
    pipeline = Pipeline(get_settings(url))
    _, rows = run_query(pipeline.engine, resolve_query(name), given)
    pipeline.close()
    assert [tuple(row) for row in response.json()["rows"]] == [tuple(row) for row in rows]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # SQLite's report
def test_a_blank_optional_parameter_is_left_out_and_a_bad_date_is_refused(loaded):
    _, path = loaded
    datasette = datasette_app(path, meanings())
    every = _get(datasette, "/summit/meetings_between.json?_shape=arrays&since=&until=")
    assert every.status_code == 200 and every.json()["rows"]
    bad = _get(datasette, "/summit/meetings_between.json?since=last+week&until=")
    assert bad.status_code == 400


def test_browsing_writes_nothing(loaded):
    _, path = loaded
    before = path.read_bytes()
    datasette = datasette_app(path, meanings())
    _get(datasette, "/summit/v_meetings.json")
    wipe = _get(datasette, "/summit.json?sql=delete+from+documents")
    assert wipe.status_code == 400
    assert path.read_bytes() == before


def test_the_file_is_opened_read_only(loaded):
    _, path = loaded
    database = datasette_app(path, meanings()).get_database("summit")
    with pytest.raises(Exception, match="readonly"):
        asyncio.run(database.execute("delete from documents"))


def test_postgresql_and_missing_databases_are_one_line(tmp_path):
    result = runner.invoke(app, ["browse", "--db", "postgresql+psycopg://u@127.0.0.1:1/x"])
    assert result.exit_code == 1
    assert result.output.startswith("error: etl browse serves a SQLite database; on PostgreSQL")
    missing = tmp_path / "none.db"
    result = runner.invoke(app, ["browse", "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 1 and result.output.startswith("error: no database at")
    assert not missing.exists()


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is not installed: CI must test the page in a real browser")
        pytest.skip("chromium is not installed")
    return found


def test_the_meetings_page_shows_real_meetings_in_headless_chromium(loaded, tmp_path):
    chromium = _chromium()
    url, _ = loaded
    port = _free_port()
    server = subprocess.Popen(
        [*etl_command("browse", "--db", url, "--port", str(port))],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    page = f"http://127.0.0.1:{port}/summit/v_meetings"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(page, timeout=2).close()
                break
            except OSError:
                time.sleep(0.3)
        browser = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--window-size=1280,900",
        ]
        dom = subprocess.run(
            [*browser, "--dump-dom", page], capture_output=True, text=True, timeout=120
        ).stdout
        shot = tmp_path / "meetings.png"
        subprocess.run([*browser, f"--screenshot={shot}", page], capture_output=True, timeout=120)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "v_meetings" in dom and "Janet Yellen" in dom
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
