"""Extractor versions: stale documents are counted, and re-extracted on request."""

import shutil

import pytest
from sqlalchemy import text

from etl.extract import EXTRACTOR_VERSION
from etl.pipeline import Pipeline
from etl.settings import get_settings
from tests.support import DOCS, content
from tests.test_pipeline import rows, scalar, snapshot

NAMES = ("wire_story.txt", "mfa_readout.txt")


@pytest.fixture
def pipeline(database_url):
    pipeline = Pipeline(get_settings(database_url))
    yield pipeline
    pipeline.close()


@pytest.fixture
def folder(tmp_path):
    for name in NAMES:
        shutil.copy(DOCS / name, tmp_path / name)
    return tmp_path


def age(pipeline, name, version="0.0.1"):
    """Pretend an older extractor loaded this document."""
    with pipeline.engine.begin() as connection:
        for table in ("documents", "statements", "meeting_mentions", "outcome_mentions"):
            key = "name" if table == "documents" else "document_id"
            value = (
                ":name" if table == "documents" else "(select id from documents where name = :name)"
            )
            connection.execute(
                text(f"update {table} set extractor_version = :v where {key} = {value}"),
                {"v": version, "name": name},
            )


def test_a_plain_run_counts_stale_documents_and_leaves_them(pipeline, folder):
    pipeline.run([folder])
    age(pipeline, "wire_story.txt")
    before = snapshot(pipeline)
    report = pipeline.run([folder])
    assert {r.name: r.status for r in report.results} == {
        "wire_story.txt": "stale",
        "mfa_readout.txt": "unchanged",
    }
    assert report.stale == 1
    assert snapshot(pipeline) == before


def test_reprocess_reextracts_only_stale_documents(pipeline, folder):
    pipeline.run([folder])
    clean = content(pipeline.engine)
    age(pipeline, "wire_story.txt")
    report = pipeline.run([folder], refresh="reprocess")
    assert {r.name: r.status for r in report.results} == {
        "wire_story.txt": "loaded",
        "mfa_readout.txt": "unchanged",
    }
    assert report.stale == 0
    assert scalar(pipeline, "select count(distinct extractor_version) from statements") == 1
    assert content(pipeline.engine) == clean


def test_reprocess_reaches_stored_documents_missing_from_the_input(pipeline, folder, tmp_path):
    pipeline.run([folder])
    age(pipeline, "mfa_readout.txt")
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    shutil.copy(DOCS / "wire_story.txt", elsewhere / "wire_story.txt")
    report = pipeline.run([elsewhere], refresh="reprocess")
    assert {r.name: r.status for r in report.results} == {
        "wire_story.txt": "unchanged",
        "mfa_readout.txt": "loaded",
    }
    assert rows(pipeline, "select extractor_version from documents order by name") == [
        (EXTRACTOR_VERSION,),
        (EXTRACTOR_VERSION,),
    ]


def test_full_refresh_reextracts_everything_and_changes_nothing(pipeline, folder):
    pipeline.run([folder])
    clean = content(pipeline.engine)
    report = pipeline.run([folder], refresh="full_refresh")
    assert report.count("loaded") == len(NAMES)
    assert content(pipeline.engine) == clean


def test_an_unknown_refresh_mode_is_refused(pipeline, folder):
    with pytest.raises(ValueError, match="unknown refresh mode"):
        pipeline.run([folder], refresh="sometimes")
