"""Every fact gets a confidence at the end of the run that wrote its sources,
decided again when a source comes or goes (documents of our own)."""

import contextlib

import pytest
from sqlalchemy import text

import etl.pipeline
from etl.db.migrate import downgrade, upgrade
from etl.pipeline import Pipeline
from etl.resolve.confidence import Model
from etl.settings import get_settings

STORY = """Lin and Carter hold talks in Geneva

GENEVA, March 3, 2025 — Chinese Vice Premier He Lifeng met Treasury Secretary Janet Yellen in Geneva on Monday, and the two sides agreed to set up a working group on financial stability.

"We had a candid and constructive exchange on the economy," Yellen told reporters after the meeting.
"""

SECOND_STORY = """Yellen, He agree on financial working group

GENEVA, March 3, 2025 — U.S. Treasury Secretary Janet Yellen and Chinese Vice Premier He Lifeng met in Geneva on Monday. The two sides agreed to set up a working group on financial stability, officials said.
"""

VIEWS = ("v_meetings", "v_participants", "v_statements", "v_outcomes")


@pytest.fixture
def story(database_url, tmp_path):
    """A folder holding one story, and a pipeline on the database under test."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    pipeline = Pipeline(get_settings(database_url))
    yield folder, pipeline
    pipeline.close()


def _confidences(engine):
    with engine.connect() as connection:
        return {
            view: [row[0] for row in connection.execute(text(f"select confidence from {view}"))]
            for view in VIEWS
        }


def _meeting_confidence(engine):
    with engine.connect() as connection:
        return connection.execute(text("select confidence from v_meetings")).scalar_one()


def _pending(engine):
    with engine.connect() as connection:
        return connection.execute(text("select count(*) from meetings_pending")).scalar_one()


def test_every_fact_in_the_four_views_has_a_confidence_between_zero_and_one(story):
    folder, pipeline = story
    pipeline.run([folder])
    found = _confidences(pipeline.engine)
    assert all(found[view] for view in VIEWS), found  # each view has facts
    assert all(0 <= c <= 1 for values in found.values() for c in values), found
    assert _pending(pipeline.engine) == 0


def _all(engine):
    with engine.connect() as connection:
        return {
            view: sorted(tuple(row) for row in connection.execute(text(f"select * from {view}")))
            for view in VIEWS
        }


def test_a_second_source_raises_the_meetings_confidence_and_its_removal_lowers_it_again(story):
    folder, pipeline = story
    pipeline.run([folder])
    alone = _meeting_confidence(pipeline.engine)
    first = _all(pipeline.engine)
    first_confidences = _confidences(pipeline.engine)
    (folder / "second.txt").write_text(SECOND_STORY, encoding="utf-8")
    pipeline.run([folder])
    with pipeline.engine.connect() as connection:
        assert connection.execute(text("select source_count from v_meetings")).scalar() == 2
    together = _meeting_confidence(pipeline.engine)
    assert together > alone
    before, after = first_confidences, _confidences(pipeline.engine)
    for view in ("v_participants", "v_outcomes"):  # decided again, with a second source
        assert sorted(after[view]) > sorted(before[view]), view
    (folder / "second.txt").write_text("", encoding="utf-8")  # now rejected as empty
    pipeline.run([folder])
    assert _meeting_confidence(pipeline.engine) == alone
    assert _all(pipeline.engine) == first  # every fact as it was with one source


def test_a_run_stopped_before_its_end_leaves_the_meetings_for_the_next_run(story, monkeypatch):
    folder, pipeline = story

    def stopped(session, run_id=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(etl.pipeline, "decide_pending", stopped)
    with contextlib.suppress(KeyboardInterrupt):
        pipeline.run([folder])
    monkeypatch.undo()
    assert _meeting_confidence(pipeline.engine) is None
    assert _pending(pipeline.engine) == 1
    pipeline.run([folder])  # nothing to load, but the meeting is decided
    assert _meeting_confidence(pipeline.engine) is not None
    assert all(None not in values for values in _confidences(pipeline.engine).values())


def test_a_database_upgraded_to_confidences_is_filled_by_its_next_run(story):
    folder, pipeline = story
    pipeline.run([folder])
    decided = _confidences(pipeline.engine)
    downgrade(pipeline.engine, "0020")
    upgrade(pipeline.engine)
    assert all(set(values) == {None} for values in _confidences(pipeline.engine).values())
    pipeline.run([folder])  # nothing to load: the upgrade marked every meeting
    filled = _confidences(pipeline.engine)
    assert all(None not in values for values in filled.values())
    # the same evidence gives the same confidences, but how the story told the
    # meeting (found_by, 0025) went with the downgrade until it is extracted again
    assert {v: filled[v] for v in VIEWS if v != "v_meetings"} == {
        v: decided[v] for v in VIEWS if v != "v_meetings"
    }
    assert filled["v_meetings"] < decided["v_meetings"]


def test_a_new_model_decides_every_confidence_again_at_the_next_run(story, monkeypatch):
    folder, pipeline = story
    pipeline.run([folder])
    pipeline.run([folder])  # the same model: nothing changes
    assert _pending(pipeline.engine) == 0
    certain = Model(
        {kind: {"bias": 30.0} for kind in ("meeting", "participant", "speaker", "outcome")}
    )
    monkeypatch.setattr(etl.pipeline, "default_model", lambda: certain)
    monkeypatch.setattr(etl.pipeline, "model_fingerprint", lambda: "another model")
    pipeline.run([folder])  # nothing to load, but every fact is decided again
    found = _confidences(pipeline.engine)
    assert {c for values in found.values() for c in values} == {1.0}


WEAK_STORY = """Yellen, He wrap up talks

GENEVA, March 3, 2025 — Treasury Secretary Janet Yellen and Chinese Vice Premier He Lifeng wrapped up two days of talks in Geneva on Monday.
"""


def test_how_each_source_told_the_meeting_is_stored_and_weighs_in_its_confidence(story):
    folder, pipeline = story
    (folder / "story.txt").write_text(WEAK_STORY, encoding="utf-8")
    pipeline.run([folder])
    weakly = _meeting_confidence(pipeline.engine)
    (folder / "second.txt").write_text(STORY, encoding="utf-8")  # "met": a meeting cue
    pipeline.run([folder])
    with pipeline.engine.connect() as connection:
        found = connection.execute(
            text(
                "select documents.name, meeting_mentions.found_by from meeting_mentions"
                " join documents on documents.id = meeting_mentions.document_id"
                " order by documents.name"
            )
        )
        assert [tuple(row) for row in found] == [("second.txt", "cue"), ("story.txt", "weak_cue")]
        assert connection.execute(text("select count(*) from v_meetings")).scalar() == 1
    assert _meeting_confidence(pipeline.engine) > weakly
