"""The one orchestration loop, used by ``etl load`` (the pipeline's own steps)
and by the Prefect flow (the same steps wrapped as tasks):

    prepare → start → discover → for each batch: read → analyze → store → finish

Analysis of the next batches runs while a batch is stored (``window`` batches
in flight); stores happen one batch at a time in document order, so the
database a run leaves does not depend on how analysis was spread out."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from etl import progress
from etl.ingest.discover import Candidate, Discovery, Skipped
from etl.ingest.records import RawDocument, RejectedDocument
from etl.results import DocumentResult, RunReport

BATCH_SIZE = 100
T = TypeVar("T")


@dataclass(frozen=True)
class Batch:
    """Documents read for one turn of the loop and, for each, the reason it
    needs no work (``unchanged``, ``stale``) or None."""

    documents: list[RawDocument | RejectedDocument]
    skips: list[str | None]

    def to_analyze(self) -> list[RawDocument]:
        return [
            d
            for d, reason in zip(self.documents, self.skips, strict=True)
            if isinstance(d, RawDocument) and reason is None
        ]


class Pending(Protocol):
    def result(self) -> Any: ...


class Steps(Protocol):
    def prepare(self) -> None: ...
    def start(self, flow_run_id: str | None) -> int: ...
    def discover(self, paths: Sequence[Path]) -> Discovery: ...
    def record_skipped(self, skipped: list[Skipped], run_id: int) -> list[DocumentResult]: ...
    def read(self, items: Sequence[Candidate | RawDocument], refresh: str) -> Batch: ...
    def analyze(self, batch: Batch) -> Pending: ...
    def store(
        self, batch: Batch, analyses: Pending, run_id: int, refresh: str
    ) -> list[DocumentResult]: ...
    def stored_for_refresh(self, refresh: str, seen: set[str]) -> list[RawDocument]: ...
    def finish(
        self, run_id: int, results: list[DocumentResult], problems: list[str]
    ) -> RunReport: ...


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def orchestrate(
    steps: Steps,
    paths: Iterable[Path],
    *,
    flow_run_id: str | None = None,
    refresh: str = "incremental",
    batch_size: int = BATCH_SIZE,
    window: int = 2,
) -> RunReport:
    observer = progress.current()
    steps.prepare()
    run_id = steps.start(flow_run_id)
    found = steps.discover(list(paths))
    planned = len(found.candidates) + len(found.skipped)
    observer.planned(planned)
    results = steps.record_skipped(found.skipped, run_id) if found.skipped else []
    observer.done(len(found.skipped))

    def store(batch: Batch, analyses: Pending) -> None:
        results.extend(steps.store(batch, analyses, run_id, refresh))
        observer.done(len(batch.documents))

    def process(work: Sequence[Candidate | RawDocument]) -> None:
        in_flight: deque[tuple[Batch, Pending]] = deque()
        for items in chunks(work, max(1, batch_size)):
            batch = steps.read(items, refresh)
            in_flight.append((batch, steps.analyze(batch)))
            while len(in_flight) > window:
                store(*in_flight.popleft())
        while in_flight:
            store(*in_flight.popleft())

    process(found.candidates)
    stored = steps.stored_for_refresh(refresh, {r.name for r in results})
    if stored:
        observer.planned(planned + len(stored))
    process(stored)
    return steps.finish(run_id, results, found.problems)
