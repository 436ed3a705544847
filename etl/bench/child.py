"""One benchmark command in a process of its own, so its peak memory is its
own: ``python -m etl.bench.child load|run CORPUS URL WORKERS``. Runs what
``etl load`` / ``etl run`` run and prints one JSON line of figures."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any


def _peak_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest worker."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_mb": round(own, 1), "worker_rss_mb": round(workers, 1)}


def load(corpus: Path, url: str, workers: int) -> dict[str, Any]:
    from etl.pipeline import Pipeline
    from etl.settings import get_settings

    started = time.perf_counter()
    pipeline = Pipeline(get_settings(url), workers=workers)
    try:
        report = pipeline.run([corpus])
    finally:
        pipeline.close()
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "stages": pipeline.seconds,
        "progress": pipeline.progress,
        "loaded": report.count("loaded"),
        "unchanged": report.count("unchanged"),
        "failed": len(report.failures),
    }


def run(corpus: Path, url: str, workers: int) -> dict[str, Any]:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from etl.flows.ingest import _pipeline, ingest_flow
    from etl.flows.server import prefect_api

    started = time.perf_counter()
    with prefect_api():
        report = ingest_flow([str(corpus)], url, workers=workers)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "stages": _pipeline(url).seconds,
        "loaded": report.count("loaded"),
        "unchanged": report.count("unchanged"),
        "failed": len(report.failures),
    }


def main(argv: list[str]) -> None:
    command, corpus, url, workers = argv
    figures = {"load": load, "run": run}[command](Path(corpus), url, int(workers))
    print(json.dumps({**figures, **_peak_mb()}))


if __name__ == "__main__":
    main(sys.argv[1:])
