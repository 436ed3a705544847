"""Progress of a long run, for a person at a terminal.

The orchestration loop reports documents done to whatever observer is active;
``etl load`` and ``etl run`` make one active only when standard error is a
terminal and the report is not JSON, so scripts, pipes and logs stay quiet.
The observer is process-wide (not passed through the flow's parameters, which
Prefect records): the flow runs in the process of the command that shows it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TextIO


class Observer(Protocol):
    def planned(self, total: int) -> None: ...
    def done(self, count: int) -> None: ...


class _Silent:
    def planned(self, total: int) -> None:
        pass

    def done(self, count: int) -> None:
        pass


SILENT: Observer = _Silent()
_active: Observer = SILENT


def current() -> Observer:
    return _active


@contextmanager
def observing(observer: Observer) -> Iterator[Observer]:
    """Make ``observer`` receive the progress of runs started inside the block."""
    global _active
    previous, _active = _active, observer
    try:
        yield observer
    finally:
        _active = previous


class Bar:
    """A rich progress bar: documents done of planned, docs/s, time left."""

    def __init__(self, stream: TextIO | None = None, force_terminal: bool | None = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(file=stream or sys.stderr, force_terminal=force_terminal)
        self._progress = Progress(
            TextColumn("documents"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=True,  # the run's summary replaces it
        )
        self._task: Any = self._progress.add_task("documents", total=None, rate="")

    def planned(self, total: int) -> None:
        self._progress.update(self._task, total=total)

    def done(self, count: int) -> None:
        self._progress.advance(self._task, count)
        speed = self._progress.tasks[0].speed
        self._progress.update(self._task, rate=f"{speed:.1f} docs/s" if speed else "")

    def __enter__(self) -> Bar:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()


@contextmanager
def shown(enabled: bool, stream: TextIO | None = None) -> Iterator[Observer]:
    """A bar on ``stream`` (standard error) when enabled and it is a terminal;
    otherwise nothing is shown."""
    target = stream or sys.stderr
    if not (enabled and target.isatty()):
        yield SILENT
        return
    with Bar(target) as bar, observing(bar):
        yield bar
