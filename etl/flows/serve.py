"""``etl serve``: scheduled runs of the ingest flow that really run, against
the configured Prefect server or a local one (:mod:`etl.flows.server`).

The Prefect ``Runner`` runs in a worker thread with its own event loop. Its own
SIGTERM handler only works on the main thread and there calls the async
``stop`` from a synchronous handler ("coroutine 'Runner.astop' was never
awaited"); from a worker thread it installs none, and the main thread turns
SIGINT and SIGTERM into a clean ``astop`` on the runner's loop.
"""

from __future__ import annotations

import asyncio
import contextvars
import math
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class ServeError(RuntimeError):
    """Serving cannot start; the message names the value or the reason."""


@dataclass(frozen=True)
class Schedule:
    cron: str | None = None
    interval_s: float | None = None

    def describe(self) -> str:
        if self.interval_s is not None:
            return f"every {self.interval_s:g} s"
        return f"cron {self.cron!r}"


def parse_schedule(cron: str | None, interval: str | None) -> Schedule:
    """The schedule the options describe, checked the way Prefect will check it,
    before anything starts. No option: every hour on the hour."""
    if cron is not None and interval is not None:
        raise ServeError("give --cron or --interval, not both")
    if interval is not None:
        try:
            seconds = float(interval)
        except ValueError:
            seconds = math.nan
        if not math.isfinite(seconds) or seconds <= 0:
            raise ServeError(f"invalid --interval {interval!r}: give a number of seconds above 0")
        return Schedule(interval_s=seconds)
    expression = "0 * * * *" if cron is None else cron
    from prefect._internal.schemas.validators import validate_cron_string

    try:
        validate_cron_string(expression)
    except ValueError:
        raise ServeError(
            f"invalid --cron {expression!r}: give five fields, e.g. '0 * * * *' (hourly)"
        ) from None
    return Schedule(cron=expression)


def serve(
    parameters: dict[str, Any],
    schedule: Schedule,
    name: str,
    echo: Callable[[str], None],
) -> None:
    """Serve the ingest flow on ``schedule`` until SIGINT or SIGTERM."""
    from prefect.deployments.runner import EntrypointType
    from prefect.runner import Runner

    from etl.flows.ingest import ingest_flow
    from etl.flows.server import prefect_api

    stop = threading.Event()
    previous = {
        sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        with prefect_api(echo):
            runner = Runner(name=name, limit=1)  # one run at a time: a feed is read in order
            loop_box: list[asyncio.AbstractEventLoop] = []
            failure: list[BaseException] = []

            async def run_runner() -> None:
                await runner.aadd_flow(
                    ingest_flow,
                    name=name,
                    cron=schedule.cron,
                    interval=schedule.interval_s,
                    parameters=parameters,
                    entrypoint_type=EntrypointType.MODULE_PATH,
                )
                loop_box.append(asyncio.get_running_loop())
                echo(f"serving deployment summit-ingest/{name} {schedule.describe()}; Ctrl-C stops")
                await runner.start()

            def in_thread() -> None:
                try:
                    asyncio.run(run_runner())
                except BaseException as error:  # reported by the main thread
                    failure.append(error)
                    stop.set()

            context = contextvars.copy_context()  # carries the API URL into the thread
            worker = threading.Thread(target=context.run, args=(in_thread,), name="etl-serve")
            worker.start()
            while not stop.wait(0.5) and worker.is_alive():
                pass
            if loop_box and worker.is_alive():
                echo("stopping …")
                future = asyncio.run_coroutine_threadsafe(runner.astop(), loop_box[0])
                future.result(timeout=60)
            worker.join(timeout=60)
            if failure:
                raise ServeError(f"serving stopped: {failure[0]}")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    echo("stopped")
