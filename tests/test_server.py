"""The local Prefect server: started when none is configured, healthy, and gone
after; a configured PREFECT_API_URL is used as it is."""

import socket

import pytest

from etl.flows.server import LocalServer, prefect_api


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_a_configured_server_is_used_and_none_is_started():
    from prefect.settings import PREFECT_API_URL, temporary_settings

    said = []
    with (
        temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}),
        prefect_api(said.append),
    ):
        assert PREFECT_API_URL.value() == "http://127.0.0.1:9/api"
    assert said == ["Prefect UI: http://127.0.0.1:9 (PREFECT_API_URL)"]


@pytest.mark.flow
def test_a_local_server_answers_while_needed_and_is_gone_after(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    server = LocalServer()
    server.start()
    try:
        assert server.healthy() and _listening(server.port)
        assert server.api_url == f"http://127.0.0.1:{server.port}/api"
    finally:
        server.stop()
    assert server.process is not None and server.process.poll() is not None
    assert not _listening(server.port) and not server.log.exists()
