"""Analysis (extract and resolve) in this process or in a pool of processes:
the same analyses in the same order either way, and a document that raises
comes back as a failure instead of stopping the batch."""

import datetime as dt
import threading
from pathlib import Path

from etl.analysis import MIN_POOLED, Analysis, AnalysisPool, Analyzer, Failure
from etl.ingest.records import RawDocument
from etl.resolve.gazetteer import default_gazetteer

TODAY = dt.date(2026, 3, 2)
TEXTS = [
    "Secretary of State Antony Blinken met Foreign Minister Wang Yi in Jakarta on July 9, 2026.",
    '"We had a candid exchange," Wang Yi told reporters after the talks.',
    "Xi Jinping and Joe Biden spoke by phone on Monday, the White House said.",
    "The two sides agreed to set up a working group on fentanyl.",
]


def documents(count: int) -> list[RawDocument]:
    return [
        RawDocument(f"doc-{i}.txt", Path(f"doc-{i}.txt"), f"{i:064x}", TEXTS[i % len(TEXTS)])
        for i in range(count)
    ]


def test_a_pool_gives_the_analyses_of_one_process_in_document_order():
    analyzer = Analyzer(default_gazetteer())
    raws = documents(MIN_POOLED + 2)
    alone = analyzer.analyze_all(raws, TODAY)
    pool = AnalysisPool(analyzer, workers=2)
    try:
        future = pool.submit(raws, TODAY)
        pooled = pool.results(future, raws, TODAY)
        assert pool._executor is not None  # the batch really went to worker processes
    finally:
        pool.close()
    assert all(isinstance(a, Analysis) for a in alone)
    assert pooled == alone


def test_a_small_batch_is_analysed_in_this_process():
    pool = AnalysisPool(Analyzer(default_gazetteer()), workers=2)
    raws = documents(MIN_POOLED - 1)
    assert len(pool.results(pool.submit(raws, TODAY), raws, TODAY)) == len(raws)
    assert pool._executor is None


def test_a_document_that_raises_is_a_failure_and_the_others_are_analysed():
    bad = RawDocument("bad.txt", Path("bad.txt"), "0" * 64, None)  # type: ignore[arg-type]
    first, failed, last = Analyzer(default_gazetteer()).analyze_all(
        [documents(1)[0], bad, documents(2)[1]], TODAY
    )
    assert isinstance(first, Analysis) and isinstance(last, Analysis)
    assert isinstance(failed, Failure) and failed.reason.startswith("TypeError: ")


def test_a_process_running_other_threads_spawns_its_workers_instead_of_forking():
    """Forking a process whose other threads may hold a lock can hang the child."""
    analyzer = Analyzer(default_gazetteer())
    raws = documents(MIN_POOLED)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    pool = AnalysisPool(analyzer, workers=2)
    try:
        pooled = pool.results(pool.submit(raws, TODAY), raws, TODAY)
        assert pool._executor is not None
        assert pool._executor._mp_context.get_start_method() == "spawn"
    finally:
        stop.set()
        thread.join()
        pool.close()
    assert pooled == analyzer.analyze_all(raws, TODAY)
