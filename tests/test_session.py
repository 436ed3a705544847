"""The engine's SQLite set-up under real contention: processes that open one
new file at the same instant all switch it to WAL, and none of them may fail
(SQLite can answer that switch with "database is locked" without waiting)."""

import multiprocessing

from etl.db.session import make_engine

ROUNDS = 200
PROCESSES = 6


def _open(url: str, start, failures) -> None:
    start.wait()
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("select 1")
    except Exception as error:  # reported to the parent, which asserts
        failures.put(f"{type(error).__name__}: {error}")
    finally:
        engine.dispose()


def test_processes_opening_a_new_file_at_once_all_get_it_in_wal_mode(tmp_path):
    # children forked from a clean server process: a fork of the test process
    # would inherit the threads earlier tests leave (and can hang on their locks)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["etl.db.session", "tests.test_session"])
    failures = context.Queue()
    for round_number in range(ROUNDS):
        url = f"sqlite:///{tmp_path / f'new-{round_number}.db'}"
        start = context.Barrier(PROCESSES)
        workers = [
            context.Process(target=_open, args=(url, start, failures)) for _ in range(PROCESSES)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=60)
        assert all(worker.exitcode == 0 for worker in workers)
    assert failures.empty(), failures.get()
    engine = make_engine(f"sqlite:///{tmp_path / 'new-0.db'}")
    try:
        with engine.connect() as connection:
            mode = connection.exec_driver_sql("pragma journal_mode").scalar()
        assert mode == "wal"
    finally:
        engine.dispose()


def test_a_writer_syncs_at_checkpoints_and_a_reader_changes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'summit.db'}"
    writer = make_engine(url)
    try:
        with writer.connect() as connection:
            mode = connection.exec_driver_sql("pragma journal_mode").scalar()
            synchronous = connection.exec_driver_sql("pragma synchronous").scalar()
        assert (mode, synchronous) == ("wal", 1)  # 1: NORMAL
    finally:
        writer.dispose()
    reader = make_engine(url, read_only=True)
    try:
        with reader.connect() as connection:
            assert connection.exec_driver_sql("pragma synchronous").scalar() == 2  # FULL
    finally:
        reader.dispose()
