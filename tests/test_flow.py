"""The Prefect flow wires the pipeline: task bodies through .fn(), the flow once
under the Prefect test harness (slow: one harness for the module)."""

import datetime as dt

import pytest
from sqlalchemy import create_engine, text

from etl.ingest.discover import discover
from etl.ingest.records import RawDocument, RejectedDocument
from tests.support import DOCS

DOC_COUNT = len(list(DOCS.glob("*.txt")))

flows = pytest.importorskip("etl.flows.ingest")


TODAY = dt.date(2026, 1, 15)


def test_task_bodies_read_analyze_and_store_a_batch(sqlite_url):
    candidates = [c for c in discover([DOCS]).candidates if c.name == "wire_story.txt"]
    flows.prepare.fn(sqlite_url)
    run_id = flows.start.fn(sqlite_url, None)
    batch = flows.read.fn(sqlite_url, candidates)
    assert [type(d) for d in batch.documents] == [RawDocument] and batch.skips == [None]
    analyses = flows.analyze.fn(batch.to_analyze(), TODAY)
    [result] = flows.store.fn(sqlite_url, batch, analyses, run_id)
    assert (result.status, result.meetings) == ("loaded", 2)
    report = flows.finish.fn(sqlite_url, run_id, [result], [])
    assert report.status == "succeeded" and report.counts["documents"] == 1


def test_a_rejected_document_is_recorded_by_the_store_task(sqlite_url, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "fine.txt").write_text("Nothing happened in the capital today.")
    flows.prepare.fn(sqlite_url)
    run_id = flows.start.fn(sqlite_url, None)
    batch = flows.read.fn(sqlite_url, discover([tmp_path]).candidates)
    assert [type(d) for d in batch.documents] == [RejectedDocument, RawDocument]
    analyses = flows.analyze.fn(batch.to_analyze(), TODAY)
    results = flows.store.fn(sqlite_url, batch, analyses, run_id)
    assert [(r.name, r.status) for r in results] == [
        ("empty.txt", "skipped"),
        ("fine.txt", "loaded"),
    ]


def test_the_read_task_tells_unchanged_from_stale(sqlite_url):
    candidates = [c for c in discover([DOCS]).candidates if c.name == "call_readout.txt"]
    flows.prepare.fn(sqlite_url)
    run_id = flows.start.fn(sqlite_url, None)
    batch = flows.read.fn(sqlite_url, candidates, "incremental")
    assert batch.skips == [None]
    flows.store.fn(sqlite_url, batch, flows.analyze.fn(batch.to_analyze(), TODAY), run_id)
    assert flows.read.fn(sqlite_url, candidates, "incremental").skips == ["unchanged"]
    assert flows.read.fn(sqlite_url, candidates, "full_refresh").skips == [None]
    engine = create_engine(sqlite_url)
    with engine.begin() as connection:
        connection.execute(text("update documents set extractor_version = '0.0.1'"))
    engine.dispose()
    assert flows.read.fn(sqlite_url, candidates, "incremental").skips == ["stale"]
    assert flows.read.fn(sqlite_url, candidates, "reprocess").skips == [None]
    [document] = batch.documents
    [stored] = flows.stored_for_refresh.fn(sqlite_url, "reprocess", set())
    assert (stored.name, stored.text) == (document.name, document.text)
    assert flows.stored_for_refresh.fn(sqlite_url, "reprocess", {document.name}) == []


def test_io_tasks_retry_and_pure_tasks_do_not():
    assert flows.read.retries == 2 and flows.store.retries == 1
    assert flows.analyze.retries == 0


@pytest.mark.flow
def test_the_flow_runs_end_to_end_and_publishes_artifacts(prefect_harness, sqlite_url):
    from prefect.artifacts import Artifact

    report = flows.ingest_flow([str(DOCS)], sqlite_url)
    assert report.count("loaded") == DOC_COUNT and report.failures == []
    assert report.counts["meetings"] >= 6
    again = flows.ingest_flow([str(DOCS)], sqlite_url)
    assert again.count("unchanged") == DOC_COUNT and again.counts == report.counts
    artifact = Artifact.get("summit-ingest-summary")
    assert artifact is not None and "succeeded" in str(artifact.data)
    assert "| span_text_mismatch | 0 |" in str(artifact.data)
    assert again.failed_checks == [] and len(again.checks) == 7


@pytest.mark.flow
def test_the_flow_runs_three_tasks_per_batch_not_per_document(prefect_harness, sqlite_url):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    state = flows.ingest_flow([str(DOCS)], sqlite_url, batch_size=10, return_state=True)
    report = state.result()
    assert report.count("loaded") == DOC_COUNT
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(
                id=FlowRunFilterId(any_=[state.state_details.flow_run_id])
            )
        )
    names = sorted(run.name.rsplit("-", 1)[0] for run in runs)
    batches = -(-DOC_COUNT // 10)
    assert names.count("analyze-batch") == names.count("store-batch") == batches
    assert names.count("read-batch") == batches
    assert len(names) <= 3 * batches + 6  # and the run's own few: prepare, start, discover…


@pytest.fixture(scope="module")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
