"""A wheel carries everything a run needs: code, patterns, reference data, the
analysts' SQL, the migrations and alembic.ini (CI installs it outside the
repository and runs it from another folder; see .ci/run)."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from etl.settings import PROJECT_ROOT

SHIPPED = {  # folder in the repository -> folder in the wheel
    "sql": "etl/_resources/sql",
    "migrations": "etl/_resources/migrations",
    "etl/extract/patterns": "etl/extract/patterns",
    "etl/resolve/data": "etl/resolve/data",
}


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(PROJECT_ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("summit_etl-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _tracked(folder):
    listed = subprocess.run(
        ["git", "ls-files", folder], cwd=PROJECT_ROOT, check=True, capture_output=True, text=True
    )
    return [Path(line) for line in listed.stdout.splitlines()]


@pytest.mark.parametrize("folder", sorted(SHIPPED))
def test_every_file_of_the_folder_is_in_the_wheel(wheel_names, folder):
    files = _tracked(folder)
    assert files
    for path in files:
        assert f"{SHIPPED[folder]}/{path.relative_to(folder).as_posix()}" in wheel_names, path


def test_the_wheel_has_alembic_ini_and_the_command_and_nothing_generated(wheel_names):
    assert "etl/_resources/alembic.ini" in wheel_names
    assert any(name.endswith("entry_points.txt") for name in wheel_names)
    assert not [n for n in wheel_names if "__pycache__" in n or n.endswith((".db", ".pyc"))]
    assert not [n for n in wheel_names if n.startswith(("tests/", "seeds/"))]
