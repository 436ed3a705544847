"""Where the flow's analysis runs: Prefect's threads (each task with a local
process pool) or a Dask cluster, and the database is the same either way."""

import pytest

from etl.flows.runners import analysis_workers, task_runner
from etl.pipeline import Pipeline
from etl.settings import get_settings
from tests.support import DOCS
from tests.test_pipeline import snapshot

prefect_dask = pytest.importorskip("prefect_dask")


def test_threads_are_prefects_default_runner_and_each_task_uses_a_pool():
    assert task_runner("threads") is None
    assert analysis_workers("threads", 4) == 4


def test_dask_starts_a_local_cluster_of_the_workers_unless_given_a_scheduler():
    local = task_runner("dask", workers=3)
    assert isinstance(local, prefect_dask.DaskTaskRunner)
    assert local.cluster_kwargs == {"n_workers": 3, "threads_per_worker": 1, "processes": True}
    remote = task_runner("dask", address="tcp://10.0.0.5:8786")
    assert remote.address == "tcp://10.0.0.5:8786"
    assert analysis_workers("dask", 3) == 1  # the cluster is the pool


def test_a_wrong_runner_or_an_address_without_dask_is_refused():
    with pytest.raises(ValueError, match="unknown task runner 'ray'"):
        task_runner("ray")
    with pytest.raises(ValueError, match="needs --task-runner dask"):
        task_runner("threads", address="tcp://10.0.0.5:8786")


@pytest.fixture(scope="module")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.mark.flow
@pytest.mark.postgres
def test_a_two_worker_dask_cluster_gives_the_database_of_a_serial_run(
    prefect_harness, new_postgres_database
):
    from etl.flows.ingest import ingest_flow

    serial = Pipeline(get_settings(new_postgres_database()))
    try:
        assert serial.run([DOCS]).failures == []
        expected = snapshot(serial)
    finally:
        serial.close()
    url = new_postgres_database()
    flow = ingest_flow.with_options(task_runner=task_runner("dask", workers=2))
    report = flow([str(DOCS)], url, workers=1, batch_size=5)
    assert report.failures == [] and report.count("loaded") == len(list(DOCS.glob("*.txt")))
    distributed = Pipeline(get_settings(url))
    try:
        assert snapshot(distributed) == expected
    finally:
        distributed.close()
