import datetime as dt

from etl.ingest.discover import discover, read_document, read_documents
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
