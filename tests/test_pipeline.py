"""The stages end to end against a real database (SQLite and PostgreSQL)."""

import datetime as dt
import shutil

import pytest
from sqlalchemy import text

from etl.pipeline import Pipeline
from etl.settings import get_settings
from tests.support import DOCS

DOC_COUNT = len(list(DOCS.glob("*.txt")))

TABLES = (
    "documents", "persons", "person_aliases", "person_roles", "meetings", "meeting_mentions",
    "meeting_participants", "statements", "statement_topics", "outcomes", "outcome_mentions",
)  # fmt: skip
VOLATILE = {"created_at", "updated_at", "run_id"}


@pytest.fixture
def pipeline(database_url):
    pipeline = Pipeline(get_settings(database_url))
    yield pipeline
    pipeline.close()


def snapshot(pipeline):
    state = {}
    with pipeline.engine.connect() as connection:
        for table in TABLES:
            result = connection.execute(text(f"select * from {table}"))
            columns = [c for c in list(result.keys()) if c not in VOLATILE]
            rows = [tuple(row._mapping[c] for c in columns) for row in result]
            state[table] = sorted(rows, key=repr)
    return state


def scalar(pipeline, sql):
    with pipeline.engine.connect() as connection:
        return connection.execute(text(sql)).scalar()


def rows(pipeline, sql):
    with pipeline.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def test_a_run_loads_documents_and_a_second_run_changes_nothing(pipeline):
    first = pipeline.run([DOCS])
    assert (
        first.failures == [] and first.count("loaded") == DOC_COUNT and first.count("skipped") == 0
    )
    before = snapshot(pipeline)
    second = pipeline.run([DOCS])
    assert second.count("unchanged") == DOC_COUNT
    assert snapshot(pipeline) == before
    assert scalar(pipeline, "select count(*) from ingestion_runs") == 2


def test_every_span_is_the_evidence_in_its_document(pipeline):
    pipeline.run([DOCS])
    with pipeline.engine.connect() as connection:
        documents = dict(connection.execute(text("select id, text from documents")).all())
        for table in ("statements", "meeting_mentions", "outcome_mentions", "meeting_participants"):
            for document_id, start, end in connection.execute(
                text(f"select document_id, char_start, char_end from {table}")
            ):
                assert 0 <= start <= end <= len(documents[document_id]), table
        for document_id, start, end, body in connection.execute(
            text("select document_id, char_start, char_end, text from statements")
        ):
            assert documents[document_id][start:end] == body


def test_two_sources_of_one_meeting_make_one_meeting(pipeline, tmp_path):
    (tmp_path / "a.txt").write_text(
        "BEIJING - Secretary of State Antony Blinken met Foreign Minister Wang Yi on June 18, 2023. "
        "The two sides agreed to establish a joint working group on fentanyl.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Wang Yi held talks with Antony Blinken in Beijing on June 18, 2023. "
        "Both sides agreed to establish a joint working group on fentanyl.",
        encoding="utf-8",
    )
    report = pipeline.run([tmp_path])
    assert report.failures == []
    assert rows(pipeline, "select city, start_date, source_count from v_meetings") == [
        ("Beijing", "2023-06-18", 2)
    ]
    assert rows(pipeline, "select category, source_count from v_outcomes") == [("working_group", 2)]
    assert scalar(pipeline, "select count(*) from v_participants") == 2


def test_an_undated_call_of_an_older_story_is_not_a_later_call_of_the_same_people(
    pipeline, tmp_path
):
    (tmp_path / "a_older.txt").write_text(
        "President Joe Biden spoke by phone with President Xi Jinping about Taiwan.",
        encoding="utf-8",
    )
    (tmp_path / "b_newer.txt").write_text(
        "President Joe Biden spoke by phone with President Xi Jinping on March 5, 2024.",
        encoding="utf-8",
    )
    (tmp_path / "manifest.csv").write_text(
        "file,published\na_older.txt,2022-11-25\nb_newer.txt,2024-03-05\n", encoding="utf-8"
    )
    assert pipeline.run([tmp_path]).failures == []
    assert rows(pipeline, "select start_date from v_meetings order by meeting_id") == [
        (None,),
        ("2024-03-05",),
    ]


def test_a_changed_document_replaces_its_facts(pipeline, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        '"We will keep talking to each other," Blinken said on June 18, 2023.', encoding="utf-8"
    )
    pipeline.run([tmp_path])
    path.write_text(
        '"The talks were candid and constructive," Qin Gang said on June 18, 2023.',
        encoding="utf-8",
    )
    report = pipeline.run([tmp_path])
    assert report.count("loaded") == 1
    assert rows(pipeline, "select speaker_name, text from v_statements") == [
        ("Qin Gang", "The talks were candid and constructive,")
    ]
    assert scalar(pipeline, "select count(*) from documents") == 1


def test_bad_input_is_recorded_and_never_stops_the_run(pipeline, tmp_path, monkeypatch):
    shutil.copy(DOCS / "wire_story.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "binary.txt").write_bytes(b"GIF89a\x00\x00\x01\x00")
    (tmp_path / "huge.txt").write_bytes(b"x" * 2048)
    (tmp_path / "manifest.csv").write_text(
        "file,published\ngood.txt,2024-04-05\n../secret.txt,2024-01-01\n"
    )
    pipeline.settings = get_settings(pipeline.settings.database_url).__class__(
        pipeline.settings.database_url, 1024, pipeline.settings.sqlite_busy_timeout_s
    )
    report = pipeline.run([tmp_path])
    statuses = {r.name: (r.status, r.reason) for r in report.results}
    assert statuses["good.txt"] == ("loaded", None)
    assert statuses["empty.txt"][0] == "skipped"
    assert statuses["binary.txt"][0] == "failed" and "not text" in statuses["binary.txt"][1]
    assert "limit of 1024 bytes" in statuses["huge.txt"][1]
    assert any("outside the input folder" in p for p in report.problems)
    assert report.status == "partial"
    assert rows(
        pipeline,
        "select document_name, status from v_documents where status <> 'loaded' order by 1",
    ) == [("binary.txt", "failed"), ("empty.txt", "skipped"), ("huge.txt", "failed")]


def test_an_extraction_error_fails_only_its_document(pipeline, tmp_path, monkeypatch):
    import etl.analysis as module

    shutil.copy(DOCS / "wire_story.txt", tmp_path / "good.txt")
    (tmp_path / "poison.txt").write_text("This text makes the extractor fail.", encoding="utf-8")
    real_extract = module.extract

    def flaky(text, **kwargs):
        if "extractor fail" in text:
            raise RuntimeError("simulated extractor bug\nwith a second line")
        return real_extract(text, **kwargs)

    monkeypatch.setattr(module, "extract", flaky)
    report = pipeline.run([tmp_path])
    statuses = {r.name: (r.status, r.reason) for r in report.results}
    assert statuses["good.txt"][0] == "loaded"
    assert statuses["poison.txt"] == ("failed", "RuntimeError: simulated extractor bug")
    assert scalar(pipeline, "select error from documents where name = 'poison.txt'") == (
        "RuntimeError: simulated extractor bug"
    )


def test_reference_data_loads_idempotently(pipeline):
    pipeline.prepare()
    before = snapshot(pipeline)
    pipeline.prepare()
    assert snapshot(pipeline) == before
    assert scalar(pipeline, "select count(*) from persons") == len(pipeline.gazetteer.persons)
    unaliased = (
        "select count(*) from persons where not exists "
        "(select 1 from person_aliases a where a.person_id = persons.id)"
    )
    assert scalar(pipeline, unaliased) == 0
    assert scalar(pipeline, "select count(*) from v_persons") == 0


def test_v_persons_lists_the_persons_the_documents_mention(pipeline):
    pipeline.run([DOCS])
    seen = dict(rows(pipeline, "select name, document_count from v_persons"))
    mentioned = {
        name for (name,) in rows(
            pipeline,
            "select distinct p.canonical_name from person_mentions m "
            "join persons p on p.id = m.person_id",
        )
    }  # fmt: skip
    assert set(seen) == mentioned
    assert seen["Antony Blinken"] >= 2
    assert "Rex Tillerson" not in seen
    assert scalar(pipeline, "select count(*) from persons") > len(seen)


def test_the_run_summary_counts_the_persons_v_persons_lists(pipeline):
    report = pipeline.run([DOCS])
    assert report.counts["persons"] == scalar(pipeline, "select count(*) from v_persons") > 0


def test_every_resolved_mention_is_recorded_with_its_method(pipeline):
    pipeline.run([DOCS])
    methods = dict(rows(pipeline, "select method, count(*) from person_mentions group by method"))
    assert {"exact", "title_surname", "role"} <= set(methods)
    assert (
        scalar(pipeline, "select count(*) from person_mentions where score < 0 or score > 1") == 0
    )
    assert rows(
        pipeline,
        "select p.canonical_name from person_mentions m join persons p on p.id = m.person_id "
        "where m.mention_text = 'FOREIGN MINISTER WANG'",
    ) == [("Wang Yi",)]


def test_date_conflicts_are_queryable(pipeline, tmp_path):
    (tmp_path / "late.txt").write_text(
        "Blinken met with Foreign Minister Qin Gang in Beijing on Dec. 21.", encoding="utf-8"
    )
    (tmp_path / "manifest.csv").write_text(
        "file,published\nlate.txt,2023-06-19\n", encoding="utf-8"
    )
    pipeline.run([tmp_path])
    assert rows(
        pipeline, "select date_text, parsed_date, adopted_date, resolution from v_date_conflicts"
    ) == [("Dec. 21", "2023-12-21", "2023-06-18", "calendar")]
    assert str(scalar(pipeline, "select start_date from v_meetings")) == "2023-06-18"
    assert rows(pipeline, "select date_text, date_source from meeting_mentions") == [
        ("Dec. 21", "calendar")
    ]


def test_paraphrased_reports_of_one_working_group_are_one_outcome(pipeline, tmp_path):
    (tmp_path / "readout.txt").write_text(
        "Blinken met Wang Yi in Beijing on June 18, 2023. Both sides agreed to set up a "
        "working group on counternarcotics cooperation.",
        encoding="utf-8",
    )
    (tmp_path / "wire.txt").write_text(
        "Blinken and Wang Yi met in Beijing on June 18, 2023. The two sides agreed to launch a "
        "joint working group to curb fentanyl trafficking.",
        encoding="utf-8",
    )
    pipeline.run([tmp_path])
    assert rows(pipeline, "select category, topic, source_count from v_outcomes") == [
        ("working_group", "counternarcotics", 2)
    ]


def test_html_markdown_and_json_lines_load_like_text(pipeline, tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Talks</title></head><body><nav>Home | World</nav><article>"
        "<p>SINGAPORE - U.S. Defense Secretary Lloyd Austin met Chinese Defense Minister Dong Jun "
        "in Singapore on May 31, 2024.</p></article><footer>All rights reserved.</footer>"
        "</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "readout.md").write_text(
        "---\npublished: 2023-11-16\n---\n# Readout\n\n"
        "President **Biden** spoke with President Xi Jinping by phone on Tuesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "n1", "text": "Blinken met Wang Yi in Beijing on June 19, 2023.", '
        '"published": "2023-06-20"}\n'
        "{not json}\n",
        encoding="utf-8",
    )
    report = pipeline.run([tmp_path])
    statuses = {r.name: r.status for r in report.results}
    assert statuses == {
        "feed.jsonl#n1": "loaded",
        "feed.jsonl:2": "failed",
        "page.html": "loaded",
        "readout.md": "loaded",
    }
    assert report.failed_checks == []
    assert rows(pipeline, "select start_date, city, kind from v_meetings order by start_date") == [
        ("2023-06-19", "Beijing", "in_person"),
        ("2023-11-14", None, "call"),
        ("2024-05-31", "Singapore", "in_person"),
    ]
    assert scalar(pipeline, "select text from documents where name = 'page.html'").startswith(
        "SINGAPORE - U.S. Defense Secretary"
    )


def test_files_of_one_name_in_two_folders_are_two_documents(pipeline, tmp_path):
    for year, source in (("2021", "wire_story.txt"), ("2023", "call_readout.txt")):
        (tmp_path / year).mkdir()
        shutil.copy(DOCS / source, tmp_path / year / "article.txt")
    report = pipeline.run([tmp_path])
    assert sorted((r.name, r.status) for r in report.results) == [
        ("2021/article.txt", "loaded"),
        ("2023/article.txt", "loaded"),
    ]
    again = pipeline.run([tmp_path])
    assert again.run_counts.describe() == "2 seen: 0 loaded, 2 unchanged, 0 skipped, 0 failed"
    assert scalar(pipeline, "select count(*) from documents") == 2


def test_a_document_stored_under_its_old_file_name_is_renamed_not_duplicated(pipeline, tmp_path):
    (tmp_path / "2021").mkdir()
    path = tmp_path / "2021" / "article.txt"
    shutil.copy(DOCS / "wire_story.txt", path)
    pipeline.run([path])  # a file given directly is named by its file name: the old naming
    assert rows(pipeline, "select name from documents") == [("article.txt",)]
    report = pipeline.run([tmp_path])
    assert [(r.name, r.status) for r in report.results] == [("2021/article.txt", "unchanged")]
    assert rows(pipeline, "select name from documents") == [("2021/article.txt",)]


def test_a_file_that_cannot_be_read_keeps_its_stored_text_and_facts(
    pipeline, tmp_path, monkeypatch
):
    shutil.copy(DOCS / "wire_story.txt", tmp_path / "wire.txt")
    pipeline.run([tmp_path])
    before = snapshot(pipeline)
    real_read = type(tmp_path).read_bytes

    def read_bytes(path):
        if path.name == "wire.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(type(tmp_path), "read_bytes", read_bytes)
    report = pipeline.run([tmp_path])
    [result] = report.results
    assert result.status == "failed"
    assert result.reason == "unreadable: Permission denied; the stored text and facts are kept"
    assert snapshot(pipeline) == before
    assert rows(pipeline, "select reason from read_failures") == [
        ("unreadable: Permission denied",)
    ]
    from etl.load.runs import status_lines

    with pipeline.sessions() as session:
        lines = status_lines(session)
    assert (
        "  not read this run, stored text and facts kept: wire.txt: unreadable: Permission denied"
        in lines
    )
    monkeypatch.undo()
    assert pipeline.run([tmp_path]).results[0].status == "unchanged"


def test_links_out_of_the_folder_are_recorded_and_counted_as_skipped(pipeline, tmp_path):
    feed = tmp_path / "feed"
    feed.mkdir()
    shutil.copy(DOCS / "wire_story.txt", feed / "wire.txt")
    (tmp_path / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash")
    (feed / "passwd.txt").symlink_to(tmp_path / "passwd.txt")
    report = pipeline.run([feed])
    assert report.run_counts.describe() == "2 seen: 1 loaded, 0 unchanged, 1 skipped, 0 failed"
    assert rows(
        pipeline, "select name, status, error, text from documents where name = 'passwd.txt'"
    ) == [("passwd.txt", "skipped", "a link to outside the input folder: not followed", None)]


def test_a_run_whose_process_is_gone_is_marked_interrupted_by_the_next(pipeline, tmp_path):
    import subprocess
    import sys

    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    gone = int(finished.stdout)
    run_id = pipeline.start()
    with pipeline.engine.begin() as connection:
        connection.execute(
            text("update ingestion_runs set pid = :pid where id = :id"), {"pid": gone, "id": run_id}
        )
    from etl.load.runs import last_run

    with pipeline.sessions() as session:
        assert last_run(session).startswith(f"{run_id} interrupted (its process ended)")
    shutil.copy(DOCS / "wire_story.txt", tmp_path / "wire.txt")
    pipeline.run([tmp_path])
    assert rows(pipeline, "select status from ingestion_runs order by id") == [
        ("interrupted",),
        ("succeeded",),
    ]


def test_v_participants_shows_the_title_as_written_and_the_role_on_record(pipeline, tmp_path):
    (tmp_path / "austin.txt").write_text(
        "SINGAPORE, June 1, 2024 — U.S. Defense Secretary Lloyd Austin met Chinese Defense "
        "Minister Dong Jun on Friday on the sidelines of the Shangri-La Dialogue.\n"
        "Secretary of State Antony Blinken was not there."
    )
    pipeline.run([tmp_path])
    found = dict(rows(pipeline, "select person_name, title from v_participants"))
    assert found["Lloyd Austin"] == "Defense Secretary; Secretary of Defense"
    assert found["Dong Jun"].startswith("Defense Minister")
    written = dict(rows(pipeline, "select person_name, title_as_written from v_participants"))
    assert written["Lloyd Austin"] == "Defense Secretary"


def test_a_title_written_as_the_role_up_to_its_dots_shows_as_written(pipeline, tmp_path):
    (tmp_path / "tai.txt").write_text(
        "GENEVA, March 2, 2022 — US Trade Representative Katherine Tai met Chinese Vice "
        "Premier Liu He on Wednesday to review the tariff truce.\n"
    )
    pipeline.run([tmp_path])
    found = dict(rows(pipeline, "select person_name, title from v_participants"))
    assert found["Katherine Tai"] == "US Trade Representative"
    role = dict(rows(pipeline, "select person_name, role_title from v_participants"))
    assert role["Katherine Tai"] == "U.S. Trade Representative"


def test_a_run_resolves_dates_without_a_year_against_its_clock(database_url, tmp_path):
    (tmp_path / "undated.txt").write_text(
        "Secretary of State Antony Blinken met Foreign Minister Qin Gang in Beijing on June 18.",
        encoding="utf-8",
    )
    sources = {}
    for today in (dt.date(2023, 6, 1), dt.date(2024, 1, 1)):
        pipeline = Pipeline(get_settings(database_url), clock=lambda today=today: today)
        try:
            pipeline.run([tmp_path], refresh="full_refresh")
            sources[today] = rows(pipeline, "select date_source from meeting_mentions")
        finally:
            pipeline.close()
    # before that June 18 came, no year fits and the reference calendar dates the meeting;
    # after it, the text's own day holds
    assert sources == {dt.date(2023, 6, 1): [("calendar",)], dt.date(2024, 1, 1): [("text",)]}


def test_the_database_is_the_same_whatever_the_worker_count(new_database):
    """Workers analyse batches at once; stores keep document order, so every
    row and id is the same as a run in one process."""
    states = []
    for workers in (1, 2):
        pipeline = Pipeline(get_settings(new_database()), workers=workers)
        try:
            report = pipeline.run([DOCS], batch_size=9)
            assert report.failures == [] and report.count("loaded") == DOC_COUNT
            assert (pipeline.pool._executor is not None) == (workers > 1)
            states.append(snapshot(pipeline))
        finally:
            pipeline.close()
    assert states[0] == states[1]
