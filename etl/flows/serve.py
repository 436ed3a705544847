"""``etl serve``: scheduled runs of the ingest flow that really run.

Prefect schedules flow runs only through a real API server (its temporary
in-process server refuses schedules), so when no ``PREFECT_API_URL`` is
configured this module starts ``prefect server start`` on a free loopback port,
in a process group of its own, and stops that group when serving ends.

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
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SERVER_START_TIMEOUT_S = 180.0


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the server gets SIGTERM if ``etl serve`` itself is killed."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


class LocalServer:
    """``prefect server start`` on a free loopback port, supervised by us."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = Path(tempfile.mkstemp(prefix="etl-prefect-server-", suffix=".log")[1])

    @property
    def ui_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.ui_url}/api"

    def start(self, timeout_s: float = SERVER_START_TIMEOUT_S) -> None:
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
        command = [sys.executable, "-m", "prefect", "server", "start"]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [*command, "--host", "127.0.0.1", "--port", str(self.port)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # a terminal's Ctrl-C reaches us; we stop it
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServeError(f"the local Prefect server stopped at start: {self._last_line()}")
            if self.healthy():
                return
            time.sleep(0.5)
        self.stop()
        raise ServeError(f"the local Prefect server did not answer within {timeout_s:g} s")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def _last_line(self) -> str:
        lines = self.log.read_text(errors="replace").strip().splitlines()
        return lines[-1] if lines else "no output"

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            self.log.unlink(missing_ok=True)
            return
        for sig, wait_s in ((signal.SIGTERM, 30.0), (signal.SIGKILL, 10.0)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(wait_s)
                break
            except subprocess.TimeoutExpired:
                continue
        self.log.unlink(missing_ok=True)


@contextmanager
def prefect_api(echo: Callable[[str], None]) -> Iterator[None]:
    """The configured Prefect API, or a local server started for as long as this lasts."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    configured = PREFECT_API_URL.value()
    if configured:
        echo(f"Prefect UI: {str(configured).removesuffix('/api')} (PREFECT_API_URL)")
        yield
        return
    server = LocalServer()
    echo(f"starting a local Prefect server on port {server.port} …")
    try:
        server.start()
        echo(f"Prefect UI: {server.ui_url} (a local server; it stops when serving stops)")
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        server.stop()


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
