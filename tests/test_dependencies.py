"""The pinned dependency sets: a runtime set Prefect's server works with and that
pulls no development tool, and a development set beside it."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return dict(re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)$", text, flags=re.MULTILINE))


def test_the_runtime_lock_keeps_sqlalchemy_at_2_0_for_prefects_scheduler():
    runtime = pins("requirements.lock")
    assert runtime["sqlalchemy"].startswith("2.0."), runtime["sqlalchemy"]
    assert runtime["prefect"] == "3.8.8"
    major, minor = map(int, runtime["fastapi"].split(".")[:2])
    assert (major, minor) < (0, 151)


def test_the_runtime_lock_pulls_no_development_tool():
    runtime = pins("requirements.lock")
    assert not {"pytest", "pytest-repeat", "hypothesis", "ruff", "mypy"} & set(runtime)


def test_the_development_lock_pins_the_same_runtime_versions():
    runtime, development = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {"pytest", "pytest-repeat", "hypothesis", "ruff", "mypy"} <= set(development)
    assert {k: development.get(k) for k in runtime} == runtime


def test_reading_html_prints_no_lxml_html_clean_warning(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Talks</title></head><body><article><p>Blinken met Wang Yi "
        "in Beijing on June 19, 2023, for talks that both sides called candid.</p>"
        "</article></body></html>"
    )
    code = (
        "import sys, warnings; warnings.simplefilter('default');"
        "from etl.ingest.discover import discover, read_documents;"
        "from pathlib import Path;"
        "[c] = discover([Path(sys.argv[1])]).candidates; print(read_documents(c, max_bytes=10**6))"
    )
    result = subprocess.run(
        [sys.executable, "-W", "default", "-c", code, str(page)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Blinken met Wang Yi" in result.stdout
    assert "html_clean" not in result.stderr and "html-clean" not in result.stderr
