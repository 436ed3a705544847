"""Helpers shared by the test modules."""

from __future__ import annotations

import datetime as dt
import gc
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from etl.extract.pipeline import extract
from etl.extract.records import Extraction
from etl.resolve.document import ResolvedDocument, resolve_document
from etl.resolve.engagements import Calendar
from etl.resolve.gazetteer import default_gazetteer
from etl.resolve.persons import PersonResolver

FIXTURES = Path(__file__).parent / "fixtures"
DOCS = FIXTURES / "docs"


def extract_text(text: str, published: dt.date | None = None) -> Extraction:
    return extract(text, names=default_gazetteer().name_patterns(), published=published)


NO_CALENDAR = Calendar(())  # to test a rule of the text alone


def analyze(
    text: str, published: dt.date | None = None, calendar: Calendar | None = None
) -> ResolvedDocument:
    return resolve_document(
        extract_text(text, published), PersonResolver(default_gazetteer()), calendar
    )


def quotes(text: str, published: dt.date | None = None) -> list[tuple[str | None, str]]:
    """(speaker, text) of the direct quotes and transcript turns."""
    return [
        (s.speaker, s.record.text)
        for s in analyze(text, published).statements
        if s.record.kind != "reported"
    ]


ANALYST_VIEWS = ("v_documents", "v_persons", "v_meetings", "v_participants", "v_statements",
                 "v_outcomes", "v_date_conflicts")  # fmt: skip
SURROGATE = {"id", "run_id", "created_at", "updated_at", "loaded_at"}


def operations(work: Callable[..., Any], *args: Any) -> int:
    """How many Python and C function calls and returns `work(*args)` makes."""
    count = 0

    def tally(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += 1

    sys.setprofile(tally)
    try:
        work(*args)
    finally:
        sys.setprofile(None)
    return count


def growth(
    work: Callable[..., Any], small: tuple[Any, ...], large: tuple[Any, ...]
) -> tuple[float, float]:
    """How much more work ``work(*large)`` is than ``work(*small)``: the ratio of
    function calls (a count: deterministic, but blind to a C-level scan repeated
    inside one call) and the ratio of CPU seconds (sees that scan; CPU time, not
    the clock, so a busy machine changes it little). Both after a warm-up call,
    so one-off set-up (compiling patterns, loading data) counts in neither.

    For a tenfold input a linear step gives about 10 on both; a quadratic one
    100. Tests allow 13 calls (deterministic) and 40 CPU (a wide margin)."""
    work(*small)
    calls = operations(work, *large) / operations(work, *small)
    return calls, _cpu_seconds(work, large) / _cpu_seconds(work, small)


def _cpu_seconds(work: Callable[..., Any], args: tuple[Any, ...]) -> float:
    """CPU seconds of one call: the best of a few rounds, each long enough (about
    0.1 s) to be measured, with the garbage collector paused (a collection over
    a large heap would be charged to whichever call triggered it)."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        work(*args)
        once = time.process_time() - started
        repeats = max(1, min(100, int(0.1 / max(once, 1e-4))))
        best = once
        for _ in range(2):
            started = time.process_time()
            for _ in range(repeats):
                work(*args)
            best = min(best, (time.process_time() - started) / repeats)
        return max(best, 1e-6)
    finally:
        gc.enable()


def content(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """What analysts see, without surrogate ids and timestamps: equal for two
    databases that hold the same facts whatever order their rows were written in."""
    state = {}
    with engine.connect() as connection:
        for view in ANALYST_VIEWS:
            result = connection.execute(text(f"select * from {view}"))
            columns = list(result.keys())
            keep = [c for c in columns if c not in SURROGATE and not c.endswith("_id")]
            state[view] = sorted(
                (tuple(str(row._mapping[c]) for c in keep) for row in result), key=repr
            )
    return state


NATURAL_KEYS = {
    "documents": "name",
    "persons": "canonical_name",
    "person_aliases": "normalized",
    "person_roles": "person_id, role_key",
    "meetings": "meeting_key",
    "outcomes": "meeting_id, outcome_key",
    "meeting_participants": "meeting_id, person_id, document_id",
    "statements": "document_id, char_start, char_end, kind",
}


def duplicates(engine: Engine) -> dict[str, int]:
    """Rows beyond the first per natural key, by table: all zero when no fact
    was written twice (checked by query, not only trusted to the constraints)."""
    found = {}
    with engine.connect() as connection:
        for table, key in NATURAL_KEYS.items():
            total = connection.execute(text(f"select count(*) from {table}")).scalar_one()
            distinct = connection.execute(
                text(f"select count(*) from (select distinct {key} from {table}) as keys")
            ).scalar_one()
            found[table] = total - distinct
    return found


def etl_command(*args: str) -> list[str]:
    """``python -m etl …`` in a child process, as an operator would run it."""
    return [sys.executable, "-m", "etl", *args]


def start_load(url: str, *folders: Path, **env: str) -> subprocess.Popen[str]:
    """``etl load FOLDER… --db URL`` started in a child process, not waited for."""
    return subprocess.Popen(
        etl_command("load", *map(str, folders), "--db", url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )
