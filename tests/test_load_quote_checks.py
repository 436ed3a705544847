"""Quote checks are derived after each run, for the meetings it touched, and
replaced in bulk (documents of our own)."""

import contextlib

from sqlalchemy import text
from sqlalchemy.orm import Session

from etl.db.queries import resolve_query, run_query
from etl.pipeline import Pipeline, decide_pending
from etl.settings import get_settings

TRANSCRIPT = """Remarks by Secretary of State Antony Blinken and Chinese Foreign Minister Wang Yi Before Their Meeting

Beijing, April 26, 2024

SECRETARY BLINKEN: Thank you, Minister, for welcoming us. We are committed to maintaining and strengthening the lines of communication between our two countries. We will also be clear about where we have differences.

FOREIGN MINISTER WANG: China and the United States should be partners, not rivals.
"""

NEWS = """Blinken meets Wang Yi in Beijing

BEIJING, April 26, 2024 — Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Friday.

"We are committed to maintaining and strengthening the lines of communication between our two countries," Blinken told Wang at the start of the talks.

"We will also be very clear about where we have differences," Blinken said.
"""


def _checks(engine):
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "select verdict, difference, speaker_name, best_document_name"
                " from v_quote_checks order by document_name, statement_id"
            )
        )
        return [tuple(row) for row in rows]


def test_a_news_story_and_the_transcript_it_quotes_form_checked_groups(database_url, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "remarks.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (folder / "story.txt").write_text(NEWS, encoding="utf-8")
    pipeline = Pipeline(get_settings(database_url))
    try:
        pipeline.run([folder])
        found = _checks(pipeline.engine)
        assert found == [
            ("exact", None, "Antony Blinken", "remarks.txt"),  # the transcript turn, best source
            ("exact", None, "Antony Blinken", "remarks.txt"),  # a whole sentence of it
            ("altered", "+very", "Antony Blinken", "remarks.txt"),
        ]

        _, rows = run_query(pipeline.engine, resolve_query("quotes_altered"))
        assert [(row[4], row[8]) for row in rows] == [("altered", "+very")]

        pipeline.run([folder])  # nothing changed: the same checks
        assert _checks(pipeline.engine) == found

        (folder / "story.txt").write_text(NEWS.replace("very clear", "clear"), encoding="utf-8")
        pipeline.run([folder])  # the corrected story is decided again
        assert ("altered", "+very", "Antony Blinken", "remarks.txt") not in _checks(pipeline.engine)
    finally:
        pipeline.close()


def test_a_run_stopped_before_its_end_leaves_its_meetings_to_the_next_run(
    database_url, tmp_path, monkeypatch
):
    import etl.pipeline

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "remarks.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (folder / "story.txt").write_text(NEWS, encoding="utf-8")
    pipeline = Pipeline(get_settings(database_url))
    try:

        def stopped(session, run_id=None):
            raise KeyboardInterrupt

        monkeypatch.setattr(etl.pipeline, "decide_pending", stopped)
        with contextlib.suppress(KeyboardInterrupt):
            pipeline.run([folder])
        monkeypatch.undo()
        assert _checks(pipeline.engine) == []
        pipeline.run([folder])  # the documents are unchanged: the marks remain
        assert len(_checks(pipeline.engine)) == 3
    finally:
        pipeline.close()


def test_a_source_that_goes_takes_its_group_with_it_and_the_rest_is_decided_again(
    database_url, tmp_path
):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "remarks.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (folder / "story.txt").write_text(NEWS, encoding="utf-8")
    (folder / "copy.txt").write_text(
        NEWS.replace("Blinken meets", "Blinken holds talks with"), encoding="utf-8"
    )
    pipeline = Pipeline(get_settings(database_url))
    try:
        pipeline.run([folder])
        assert {best for *_, best in _checks(pipeline.engine)} == {"remarks.txt"}
        (folder / "remarks.txt").write_text("", encoding="utf-8")  # now rejected as empty
        pipeline.run([folder])
        found = _checks(pipeline.engine)
        # two copies of one story: each quote a group of two, both exact
        assert len(found) == 4 and len({best for *_, best in found}) == 1
        assert all(verdict == "exact" for verdict, *_ in found)
    finally:
        pipeline.close()


def test_checks_left_behind_by_a_meeting_change_are_decided_again(database_url, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "remarks.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (folder / "story.txt").write_text(NEWS, encoding="utf-8")
    (folder / "copy.txt").write_text(
        NEWS.replace("Blinken meets", "Blinken sees"), encoding="utf-8"
    )
    pipeline = Pipeline(get_settings(database_url))
    try:
        pipeline.run([folder])
        assert len(_checks(pipeline.engine)) == 5
        with pipeline.engine.begin() as connection:  # the transcript's meeting went elsewhere
            connection.execute(
                text(
                    "update statements set meeting_id = null where document_id ="
                    " (select id from documents where name = 'remarks.txt')"
                )
            )
        with Session(pipeline.engine) as session, session.begin():
            decide_pending(session)
        # the two stories' quotes are grouped again, without the transcript
        found = _checks(pipeline.engine)
        assert len(found) == 4 and {best for *_, best in found} == {"copy.txt"}
    finally:
        pipeline.close()
