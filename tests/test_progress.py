"""A progress bar on a terminal, silence elsewhere."""

import io
import os
import pty
import select
import subprocess
import time

from etl.progress import SILENT, Bar, current, observing, shown
from tests.support import DOCS, etl_command


def test_the_bar_shows_documents_done_of_planned_and_the_rate():
    stream = io.StringIO()
    with Bar(stream, force_terminal=True) as bar:
        bar.planned(3)
        bar.done(2)
        bar.done(1)
        bar._progress.refresh()
    shown_text = stream.getvalue()
    assert "3/3" in shown_text and "docs/s" in shown_text and "ETA" in shown_text


def test_nothing_is_shown_when_the_stream_is_not_a_terminal_or_the_report_is_json():
    stream = io.StringIO()
    with shown(True, stream) as observer:
        assert observer is SILENT and current() is SILENT
    with shown(False, stream) as observer:
        assert observer is SILENT
    assert stream.getvalue() == ""


def test_an_observer_is_active_only_inside_its_block():
    stream = io.StringIO()
    bar = Bar(stream, force_terminal=True)
    with observing(bar):
        assert current() is bar
    assert current() is SILENT


def _on_a_terminal(command, cwd):
    """Run a command with a pseudo-terminal as its standard streams; its output."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, cwd=cwd)
    os.close(follower)
    output = b""
    deadline = time.monotonic() + 120  # a hung command fails the test, not the suite
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not data:
                break
            output += data
        elif process.poll() is not None:
            break
    if process.poll() is None:
        process.kill()
    process.wait(timeout=60)
    os.close(leader)
    return process.returncode, output.decode("utf-8", "replace")


def test_etl_load_on_a_terminal_shows_the_bar_and_ends_with_the_summary(tmp_path):
    database = f"sqlite:///{tmp_path / 'summit.db'}"
    code, output = _on_a_terminal(
        [*etl_command("load", str(DOCS / "wire_story.txt"), "--db", database)], tmp_path
    )
    assert code == 0, output
    assert "documents" in output and "1/1" in output
    assert "run 1 succeeded" in output


def test_etl_load_through_a_pipe_shows_no_bar(tmp_path):
    database = f"sqlite:///{tmp_path / 'summit.db'}"
    done = subprocess.run(
        [*etl_command("load", str(DOCS / "wire_story.txt"), "--db", database)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert "docs/s" not in done.stdout + done.stderr and "━" not in done.stderr
