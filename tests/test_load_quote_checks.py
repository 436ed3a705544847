"""Quote checks are derived after each run, for the meetings it touched, and
replaced in bulk (documents of our own)."""

from sqlalchemy import text

from etl.db.queries import resolve_query, run_query
from etl.pipeline import Pipeline
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
