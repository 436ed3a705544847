"""A Prefect API server for as long as a command needs one.

Prefect schedules flow runs only through a real API server (its temporary
in-process server refuses schedules), and the temporary server it starts for a
plain flow run survives a killed parent. So when no ``PREFECT_API_URL`` is
configured, ``etl run`` and ``etl serve`` start ``prefect server start`` on a
free loopback port themselves, in a process group of their own that is stopped
when the command ends, and that gets SIGTERM from the kernel if the command is
killed (Linux ``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

SERVER_START_TIMEOUT_S = 180.0


class ServerError(RuntimeError):
    """The local Prefect server could not be started."""


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
                raise ServerError(f"the local Prefect server stopped at start: {self._last_line()}")
            if self.healthy():
                return
            time.sleep(0.5)
        self.stop()
        raise ServerError(f"the local Prefect server did not answer within {timeout_s:g} s")

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
def prefect_api(echo: Callable[[str], None] = lambda _: None) -> Iterator[None]:
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
