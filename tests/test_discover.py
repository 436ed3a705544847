import datetime as dt
import os

from hypothesis import given
from hypothesis import strategies as st

from etl.ingest.discover import (
    MAX_NAME_CHARS,
    discover,
    read_document,
    read_documents,
    safe_name,
)
from etl.ingest.records import RawDocument, RejectedDocument
from tests.support import DOCS


def test_folders_are_walked_with_manifest_metadata():
    found = discover([DOCS])
    names = [c.name for c in found.candidates]
    assert "wire_story.txt" in names and "manifest.csv" not in names
    wire = next(c for c in found.candidates if c.name == "wire_story.txt")
    assert wire.meta.published == dt.date(2024, 4, 5)


def test_missing_paths_are_problems(tmp_path):
    found = discover([tmp_path / "nope"])
    assert found.candidates == [] and "no such file" in found.problems[0]


def test_a_file_is_read_hashed_and_decoded(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Blinken met Wang Yi in Beijing.", encoding="utf-8")
    document = read_document(discover([path]).candidates[0], max_bytes=1000)
    assert isinstance(document, RawDocument)
    assert len(document.sha256) == 64 and document.text.startswith("Blinken")


def test_bad_files_come_back_as_rejections_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "huge.txt").write_bytes(b"x" * 200)
    results = {c.name: read_document(c, max_bytes=100) for c in discover([tmp_path]).candidates}
    assert all(isinstance(r, RejectedDocument) for r in results.values())
    assert results["empty.txt"].status == "skipped"
    assert "not text" in results["binary.txt"].reason
    assert "limit of 100 bytes" in results["huge.txt"].reason


def test_html_markdown_and_json_lines_are_discovered_beside_text(tmp_path):
    for name in ("a.txt", "b.html", "c.md", "d.jsonl", "e.png", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [c.name for c in discover([tmp_path]).candidates] == [
        "a.txt",
        "b.html",
        "c.md",
        "d.jsonl",
    ]


def test_an_html_file_is_converted_and_its_manifest_metadata_wins(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Page title</title></head><body>"
        "<p>Blinken met Wang Yi in Beijing on Friday.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "manifest.csv").write_text("file,title\npage.html,Manifest title\n")
    [document] = read_documents(discover([tmp_path]).candidates[0], max_bytes=10_000)
    assert isinstance(document, RawDocument)
    assert document.text == "Blinken met Wang Yi in Beijing on Friday."
    assert document.meta.title == "Manifest title"


def test_an_html_page_in_its_declared_legacy_charset_is_decoded(tmp_path):
    page = '<html><head><meta charset="euc-kr"></head><body><p>블링컨 장관이 왕이 부장과 회담했다.</p></body></html>'
    (tmp_path / "ko.html").write_bytes(page.encode("euc-kr"))
    [document] = read_documents(discover([tmp_path]).candidates[0], max_bytes=10_000)
    assert document.text == "블링컨 장관이 왕이 부장과 회담했다."


def test_a_page_without_text_is_skipped_as_empty(tmp_path):
    (tmp_path / "blank.html").write_text("<html><body><script>x()</script></body></html>")
    [document] = read_documents(discover([tmp_path]).candidates[0], max_bytes=10_000)
    assert isinstance(document, RejectedDocument)
    assert (document.status, document.reason) == ("skipped", "empty: the html file has no text")


def test_a_document_is_named_by_its_path_below_the_folder_given(tmp_path):
    for year in ("2021", "2023"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "article.txt").write_text(f"Talks in {year}.")
    (tmp_path / "top.txt").write_text("Top.")
    assert [c.name for c in discover([tmp_path]).candidates] == [
        "2021/article.txt",
        "2023/article.txt",
        "top.txt",
    ]
    assert [c.name for c in discover([tmp_path / "2021" / "article.txt"]).candidates] == [
        "article.txt"
    ]


def test_any_file_name_becomes_a_printable_name(tmp_path):
    odd = os.fsdecode(b"caf\xe9 readout.txt")  # Latin-1 bytes, not UTF-8
    (tmp_path / odd).write_text("Blinken met Wang Yi.")
    (tmp_path / "two\nlines.txt").write_text("Blinken met Wang Yi.")
    deep = tmp_path / ("long" * 40) / ("long" * 40) / ("long" * 40)
    deep.mkdir(parents=True)
    (deep / "readout.txt").write_text("Blinken met Wang Yi.")
    names = sorted(c.name for c in discover([tmp_path]).candidates)
    assert "caf\\xe9 readout.txt" in names and "two\\nlines.txt" in names
    long = next(n for n in names if n.startswith("long"))
    assert len(long) == MAX_NAME_CHARS and "…" in long
    for name in names:
        name.encode("utf-8")  # storable and printable
        assert "\n" not in name


@given(st.binary(min_size=1, max_size=60))
def test_safe_name_is_printable_utf8_and_stable(raw):
    name = os.fsdecode(raw)
    safe = safe_name(name)
    safe.encode("utf-8")
    assert safe.isprintable() and len(safe) <= MAX_NAME_CHARS
    assert safe_name(name) == safe


def test_links_never_lead_out_of_the_input_folder(tmp_path):
    inside, outside = tmp_path / "feed", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("not for the database")
    (inside / "good.txt").write_text("Blinken met Wang Yi in Beijing.")
    (inside / "alias.txt").symlink_to(inside / "good.txt")  # inside: the same document once
    (inside / "escape.txt").symlink_to(outside / "secret.txt")
    (inside / "dangling.txt").symlink_to(inside / "gone.txt")
    (inside / "loop-a.txt").symlink_to(inside / "loop-b.txt")
    (inside / "loop-b.txt").symlink_to(inside / "loop-a.txt")
    (inside / "folder-link").symlink_to(outside, target_is_directory=True)
    found = discover([inside])
    assert [c.name for c in found.candidates] == ["alias.txt"] or [
        c.name for c in found.candidates
    ] == ["good.txt"]
    reasons = {s.name: s.reason for s in found.skipped}
    assert reasons == {
        "escape.txt": "a link to outside the input folder: not followed",
        "dangling.txt": "a dangling link: its target does not exist",
        "loop-a.txt": "a link loop: not followed",
        "loop-b.txt": "a link loop: not followed",
        "folder-link": "a link to outside the input folder: not followed",
    }


def test_an_unreadable_folder_is_recorded_not_silently_passed(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("Blinken met Wang Yi.")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):  # root reads everything, so refuse as a locked folder would
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover([tmp_path])
    assert [c.name for c in found.candidates] == ["open/a.txt"]
    assert [(s.name, s.reason) for s in found.skipped] == [
        ("locked", "an unreadable folder: Permission denied")
    ]


def test_a_manifest_row_naming_a_missing_file_is_a_problem(tmp_path):
    (tmp_path / "a.txt").write_text("Blinken met Wang Yi.")
    (tmp_path / "manifest.csv").write_text("file,title\na.txt,A\ngone.txt,Gone\n")
    found = discover([tmp_path])
    assert [c.name for c in found.candidates] == ["a.txt"]
    assert any("names 'gone.txt', which is not there" in p for p in found.problems)
