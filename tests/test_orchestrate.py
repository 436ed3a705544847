"""The one orchestration loop: batches read, analysed ahead (a window of
batches in flight) and stored one at a time in document order."""

from pathlib import Path

from etl.ingest.discover import Candidate, Discovery, Skipped
from etl.ingest.records import RawDocument, RejectedDocument
from etl.orchestrate import Batch, chunks, orchestrate
from etl.progress import observing
from etl.results import DocumentResult, RunReport


class Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class Recorder:
    """Steps that read each candidate as a document named after it and log the
    order in which the loop calls them."""

    def __init__(self, names, stored=()):
        self.names, self.stored, self.calls = names, list(stored), []

    def prepare(self):
        self.calls.append("prepare")

    def start(self, flow_run_id):
        self.calls.append("start")
        return 7

    def discover(self, paths):
        candidates = [Candidate(Path(n), n) for n in self.names]
        return Discovery(candidates, ["a problem"], [Skipped(Path(".x"), ".x", "hidden")])

    def record_skipped(self, skipped, run_id):
        return [DocumentResult(s.name, "skipped") for s in skipped]

    def read(self, items, refresh):
        names = [i.name for i in items]
        self.calls.append(f"read {','.join(names)}")
        documents = [
            RejectedDocument(n, Path(n), "", "empty", "skipped")
            if n.startswith("empty")
            else RawDocument(n, Path(n), n, "text")
            for n in names
        ]
        return Batch(documents, [None] * len(documents))

    def analyze(self, batch):
        names = [d.name for d in batch.to_analyze()]
        self.calls.append(f"analyze {','.join(names)}")
        return Done(names)

    def store(self, batch, pending, run_id, refresh):
        self.calls.append(f"store {','.join(pending.result())}")
        return [DocumentResult(d.name, "loaded") for d in batch.documents]

    def stored_for_refresh(self, refresh, seen):
        return [s for s in self.stored if s.name not in seen]

    def finish(self, run_id, results, problems):
        self.calls.append("finish")
        return RunReport(run_id, "succeeded", results, problems)


def test_batches_are_analysed_ahead_and_stored_in_order():
    steps = Recorder(["a", "b", "c", "d", "e"])
    report = orchestrate(steps, [Path(".")], batch_size=2, window=1)
    assert steps.calls == [
        "prepare",
        "start",
        "read a,b",
        "analyze a,b",
        "read c,d",
        "analyze c,d",
        "store a,b",
        "read e",
        "analyze e",
        "store c,d",
        "store e",
        "finish",
    ]
    assert [r.name for r in report.results] == [".x", "a", "b", "c", "d", "e"]
    assert report.problems == ["a problem"]


def test_only_readable_documents_are_analysed_and_every_one_is_reported():
    steps = Recorder(["a", "empty-1", "b"])
    report = orchestrate(steps, [Path(".")], batch_size=10)
    assert "analyze a,b" in steps.calls
    assert [r.name for r in report.results] == [".x", "a", "empty-1", "b"]


def test_stored_documents_to_refresh_follow_the_input_in_batches_of_their_own():
    stored = [RawDocument(n, Path(n), n, "text") for n in ("a", "old-1", "old-2")]
    steps = Recorder(["a"], stored)
    report = orchestrate(steps, [Path(".")], refresh="reprocess", batch_size=1, window=0)
    assert [c for c in steps.calls if c.startswith("store")] == [
        "store a",
        "store old-1",
        "store old-2",
    ]
    assert [r.name for r in report.results] == [".x", "a", "old-1", "old-2"]


def test_chunks_cover_every_item_once_in_order():
    assert [list(c) for c in chunks([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    assert list(chunks([], 3)) == []


class Watcher:
    def __init__(self):
        self.events = []

    def planned(self, total):
        self.events.append(("planned", total))

    def done(self, count):
        self.events.append(("done", count))


def test_the_active_observer_hears_each_stored_batch_and_the_refresh_added_to_the_plan():
    stored = [RawDocument(n, Path(n), n, "text") for n in ("old-1",)]
    with observing(Watcher()) as watcher:
        orchestrate(
            Recorder(["a", "b", "c"], stored), [Path(".")], refresh="reprocess", batch_size=2
        )
    assert watcher.events == [
        ("planned", 4),  # three candidates and the skipped hidden file
        ("done", 1),
        ("done", 2),
        ("done", 1),
        ("planned", 5),
        ("done", 1),
    ]
