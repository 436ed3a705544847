"""An outcome is agreed when any of its sources says so, whatever order they
come and go in; the sources that disagree are shown (documents of our own)."""

import pytest
from sqlalchemy import text

from etl.pipeline import Pipeline
from etl.settings import get_settings

HEADER = """GENEVA, March 3, 2025 — Treasury Secretary Janet Yellen met Chinese Vice Premier He Lifeng in Geneva on Monday. """
DISCUSSED = (
    "Yellen meets He in Geneva\n\n"
    + HEADER
    + "The two sides discussed setting up a working group on financial stability.\n"
)
AGREED = (
    "Yellen, He agree on working group\n\n"
    + HEADER
    + "The two sides agreed to set up a working group on financial stability.\n"
)


def _outcomes(engine):
    with engine.connect() as connection:
        rows = connection.execute(text("select category, status from v_outcomes"))
        return [tuple(row) for row in rows]


def _status_conflicts(engine):
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "select document_name, value, chosen_value from v_fact_conflicts"
                " where field = 'outcome_status' order by document_name"
            )
        )
        return [tuple(row) for row in rows]


@pytest.mark.parametrize("first", ["discussed.txt", "agreed.txt"])
def test_a_source_that_reports_the_agreement_makes_it_agreed_in_either_load_order(
    database_url, tmp_path, first
):
    folder = tmp_path / "docs"
    folder.mkdir()
    texts = {"discussed.txt": DISCUSSED, "agreed.txt": AGREED}
    pipeline = Pipeline(get_settings(database_url))
    try:
        (folder / first).write_text(texts[first], encoding="utf-8")
        pipeline.run([folder])
        for name, body in texts.items():
            (folder / name).write_text(body, encoding="utf-8")
        pipeline.run([folder])
        assert _outcomes(pipeline.engine) == [("working_group", "agreed")]
        assert _status_conflicts(pipeline.engine) == [
            ("agreed.txt", "agreed", "agreed"),
            ("discussed.txt", "discussed", "agreed"),
        ]
        (folder / "agreed.txt").write_text("", encoding="utf-8")  # now rejected as empty
        pipeline.run([folder])
        assert _outcomes(pipeline.engine) == [("working_group", "discussed")]
        assert _status_conflicts(pipeline.engine) == []
    finally:
        pipeline.close()
