"""Where the flow's analysis tasks run: threads of the flow's process (each
task spreads its batch over a local process pool), or a Dask cluster
(prefect-dask's ``DaskTaskRunner``): an existing one by its scheduler address,
else a ``LocalCluster`` started for the run. Stores stay in the flow's process,
one batch at a time: extraction scales out, the database writer does not."""

from __future__ import annotations

from typing import Any

TASK_RUNNERS = ("threads", "dask")


def task_runner(kind: str, *, address: str | None = None, workers: int = 2) -> Any:
    """The task runner to give the flow, or None for Prefect's default."""
    if kind not in TASK_RUNNERS:
        raise ValueError(f"unknown task runner {kind!r}: use one of {', '.join(TASK_RUNNERS)}")
    if address is not None and kind != "dask":
        raise ValueError("a Dask scheduler address needs --task-runner dask")
    if kind == "threads":
        return None
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise RuntimeError(
            'the Dask task runner needs prefect-dask: pip install "summit-etl[dask]"'
        ) from None
    if address is not None:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(
        cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True}
    )


def analysis_workers(kind: str, workers: int) -> int:
    """Processes each analysis task uses: its own pool under threads; one on a
    Dask worker, where the cluster is the pool."""
    return 1 if kind == "dask" else workers
