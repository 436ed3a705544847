"""Extract and resolve: pure work on a document's text (no database), the part
of a run that parallelises. ``Analyzer`` does it in this process; ``AnalysisPool``
spreads batches over worker processes and hands results back in document order,
so a run's database is the same whatever the worker count."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from etl.extract.pipeline import extract
from etl.extract.records import Extraction
from etl.ingest.records import RawDocument
from etl.orchestrate import Pending
from etl.resolve.document import ResolvedDocument, resolve_document
from etl.resolve.gazetteer import Gazetteer
from etl.resolve.persons import PersonResolver


@dataclass(frozen=True)
class Analysis:
    extraction: Extraction
    resolved: ResolvedDocument
    # seconds spent, wherever the work ran (for `etl bench`; not part of the result)
    extract_s: float = field(default=0.0, compare=False)
    resolve_s: float = field(default=0.0, compare=False)


@dataclass(frozen=True)
class Failure:
    """A document whose analysis raised: the one line to record for it."""

    reason: str


def one_line(error: BaseException) -> str:
    """An error as the one line a run records: its type and first line."""
    return f"{type(error).__name__}: {error}".splitlines()[0][:500]


class Analyzer:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.resolver = PersonResolver(gazetteer)
        self.names = gazetteer.name_patterns()

    def analyze(self, raw: RawDocument, today: dt.date) -> Analysis | Failure:
        """A failure comes back as a value: one bad document must not stop the run."""
        try:
            started = time.perf_counter()
            extraction = extract(raw.text, names=self.names, published=raw.meta.published)
            extracted = time.perf_counter()
            resolved = resolve_document(extraction, self.resolver, today=today)
            done = time.perf_counter()
            return Analysis(extraction, resolved, extracted - started, done - extracted)
        except Exception as error:
            return Failure(one_line(error))

    def analyze_all(self, raws: Sequence[RawDocument], today: dt.date) -> list[Analysis | Failure]:
        return [self.analyze(raw, today) for raw in raws]

    def warm(self) -> None:
        """Build the English pipeline now, so forked workers share it."""
        extract("Warm-up.", names=self.names)


def worker_count(requested: int | None = None) -> int:
    """The workers asked for, or one per core this process may use."""
    if requested is not None:
        return requested
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


MIN_POOLED = 8  # a smaller batch is analysed here: a process costs more than it saves

_worker: Analyzer | None = None


def _adopt(analyzer: Analyzer) -> None:
    """A worker's start: take the analyzer, and end with the process that
    started it. A worker outliving a killed run would hold the run's output
    open and wait on its queue for ever (its siblings keep the queue open)."""
    global _worker
    _worker = analyzer
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _analyze_in_worker(raws: Sequence[RawDocument], today: dt.date) -> list[Analysis | Failure]:
    assert _worker is not None, "the pool initializer gives every worker its analyzer"
    return _worker.analyze_all(raws, today)


def _start_context() -> multiprocessing.context.BaseContext:
    """Fork (workers start with the parent's loaded pipelines) from a process
    with one thread; a process with more (a Prefect flow's task runner, its API
    client) might fork a lock another thread holds, so its workers are spawned
    afresh. Not a fork server: it would outlive a killed run."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class AnalysisPool:
    """Batches analysed by ``workers`` processes; one worker, or a batch too
    small to be worth a process, is analysed here."""

    def __init__(self, analyzer: Analyzer, workers: int) -> None:
        self.analyzer = analyzer
        self.workers = max(1, workers)
        self._executor: ProcessPoolExecutor | None = None

    def submit(
        self, raws: Sequence[RawDocument], today: dt.date
    ) -> Future[list[Analysis | Failure]]:
        if self.workers == 1 or len(raws) < MIN_POOLED:
            done: Future[list[Analysis | Failure]] = Future()
            done.set_result(self.analyzer.analyze_all(raws, today))
            return done
        return self._pool().submit(_analyze_in_worker, list(raws), today)

    def results(
        self, future: Pending, raws: Sequence[RawDocument], today: dt.date
    ) -> list[Analysis | Failure]:
        """The batch's analyses; a worker that died takes no document with it:
        the batch is analysed again here, and the pool is started afresh."""
        try:
            analyses: list[Analysis | Failure] = future.result()
            return analyses
        except BrokenProcessPool:
            self.close()
            return self.analyzer.analyze_all(raws, today)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            context = _start_context()
            if context.get_start_method() == "fork":
                self.analyzer.warm()
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_adopt, initargs=(self.analyzer,)
            )
        return self._executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None
