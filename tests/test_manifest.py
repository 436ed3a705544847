import csv
import datetime as dt
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.ingest.manifest import read_manifest


def write(folder, content):
    (folder / "manifest.csv").write_text(content, encoding="utf-8")


def test_rows_give_metadata_by_file(tmp_path):
    write(
        tmp_path,
        "file,title,outlet,author,url,published,language\na.txt,Talks,Reuters,,,2023-06-18,en\n",
    )
    manifest = read_manifest(tmp_path)
    meta = manifest.meta_for("a.txt")
    assert meta.outlet == "Reuters"
    assert meta.published == dt.date(2023, 6, 18)
    assert manifest.problems == []


def test_a_bad_row_is_reported_with_file_and_line_and_others_still_apply(tmp_path):
    write(
        tmp_path,
        "file,title,outlet,author,url,published,language\n"
        "a.txt,,AP,,,18 June,en\n"
        "b.txt,,AFP,,,2023-06-19,en\n"
        "c.txt,,X,,,2023-06-19,en,extra\n",
    )
    manifest = read_manifest(tmp_path)
    assert manifest.meta_for("b.txt").outlet == "AFP"
    assert "a.txt" not in manifest.entries and "c.txt" not in manifest.entries
    assert any("manifest.csv:2" in p and "ISO date" in p for p in manifest.problems)
    assert any("manifest.csv:4" in p for p in manifest.problems)


def test_paths_outside_the_folder_are_refused(tmp_path):
    write(tmp_path, "file,outlet\n../../etc/passwd,Evil\n/etc/passwd,Evil\n")
    manifest = read_manifest(tmp_path)
    assert manifest.entries == {}
    assert len([p for p in manifest.problems if "outside the input folder" in p]) == 2


def test_header_without_file_column_is_a_problem_not_a_crash(tmp_path):
    write(tmp_path, "name,outlet\na.txt,AP\n")
    manifest = read_manifest(tmp_path)
    assert manifest.entries == {}
    assert "no 'file' column" in manifest.problems[0]


def test_missing_manifest_is_fine(tmp_path):
    assert read_manifest(tmp_path).entries == {}


FIELD = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(FIELD, min_size=1, max_size=8), max_size=6), st.text(max_size=200))
def test_any_manifest_gives_entries_or_located_problems_never_an_error(tmp_path, rows, tail):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["file", "title", "published"], *rows])
    write(tmp_path, buffer.getvalue() + tail)
    manifest = read_manifest(tmp_path)
    for problem in manifest.problems:
        assert problem.startswith(f"{tmp_path / 'manifest.csv'}:")
    for name, meta in manifest.entries.items():
        assert not name.startswith("..") and not name.startswith("/")
        assert meta.published is None or isinstance(meta.published, dt.date)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_any_bytes_as_a_manifest_never_raise(tmp_path, data):
    (tmp_path / "manifest.csv").write_bytes(data)
    manifest = read_manifest(tmp_path)
    assert isinstance(manifest.problems, list)


def test_a_manifest_broken_in_its_header_is_reported(tmp_path):
    (tmp_path / "manifest.csv").write_bytes(b'file,"title\r\x00')
    manifest = read_manifest(tmp_path)
    assert manifest.entries == {}
    assert len(manifest.problems) == 1 and "manifest.csv:" in manifest.problems[0]
