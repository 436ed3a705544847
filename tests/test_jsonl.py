"""JSON Lines: one document per line with its metadata; a bad line fails alone."""

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.ingest.jsonl import read_jsonl
from etl.ingest.records import RawDocument, RejectedDocument, SourceMeta

FALLBACK = SourceMeta(outlet="Feed outlet", language="en")


def read(path, max_bytes=10_000):
    return list(read_jsonl(path, path.name, FALLBACK, max_bytes=max_bytes))


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_line_is_a_document_with_its_metadata(tmp_path):
    path = write_lines(
        tmp_path / "feed.jsonl",
        [
            json.dumps({"id": "a-1", "text": "Blinken met Wang Yi.", "published": "2023-06-18"}),
            "",
            json.dumps(
                {
                    "url": "https://example.org/x",
                    "content": "Xi spoke with Biden.",
                    "outlet": "Wire",
                }
            ),
            json.dumps({"body": "No id here.", "title": "Untitled"}),
        ],
    )
    documents = read(path)
    assert [d.name for d in documents] == [
        "feed.jsonl#a-1",
        "feed.jsonl#https://example.org/x",
        "feed.jsonl:4",
    ]
    first, second, third = documents
    assert isinstance(first, RawDocument) and first.text == "Blinken met Wang Yi."
    assert first.meta.published == dt.date(2023, 6, 18) and first.meta.outlet == "Feed outlet"
    assert second.meta.outlet == "Wire" and second.meta.language == "en"
    assert third.meta.title == "Untitled"


def test_bad_lines_are_rejected_with_their_line_and_the_rest_still_load(tmp_path):
    path = write_lines(
        tmp_path / "feed.jsonl",
        [
            '{"id": 1, "text": "Good one."}',
            '{"id": 2, "text": "unterminated',
            "[1, 2, 3]",
            '{"id": 4, "title": "no text"}',
            '{"id": 5, "text": "   "}',
            '{"id": 6, "text": "nul \\u0000 inside"}',
            '{"id": 7, "text": "<p>Good two.</p>", "format": "html"}',
            '{"id": 8, "text": "x", "format": "pdf"}',
        ],
    )
    results = {d.name: d for d in read(path)}
    assert isinstance(results["feed.jsonl#1"], RawDocument)
    assert results["feed.jsonl#7"].text == "Good two."
    reasons = {
        name: (d.status, d.reason) for name, d in results.items() if isinstance(d, RejectedDocument)
    }
    assert reasons == {
        "feed.jsonl:2": (
            "failed",
            "invalid JSON at line 2, column 19: Unterminated string starting at",
        ),
        "feed.jsonl:3": ("failed", "line 3: not a JSON object"),
        "feed.jsonl#4": ("failed", "line 4: no text field (text, content, body)"),
        "feed.jsonl#5": ("skipped", "empty: line 5 has no text"),
        "feed.jsonl#6": ("failed", "not text: line 6 contains NUL characters"),
        "feed.jsonl#8": ("failed", "line 8: unknown format 'pdf'"),
    }


def test_a_line_over_the_limit_is_rejected_without_reading_it_whole(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "big", "text": "x" * 5000})
        + "\n"
        + json.dumps({"id": "ok", "text": "Fine."})
        + "\n"
    )
    results = read(path, max_bytes=1000)
    assert (results[0].name, results[0].reason) == (
        "feed.jsonl:1",
        "too large: line 1 exceeds the limit of 1000 bytes",
    )
    assert results[1].name == "feed.jsonl#ok" and results[1].text == "Fine."


def test_a_line_that_is_not_utf8_is_rejected(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes('{"text": "Zürich"}\n'.encode("latin-1"))
    [result] = read(path)
    assert result.reason == "not text: line 1 is not UTF-8"


def test_a_bad_published_date_is_a_warning_and_the_document_loads(tmp_path):
    path = write_lines(
        tmp_path / "feed.jsonl", ['{"id": "w", "text": "Talks.", "published": "soon"}']
    )
    [document] = read(path)
    assert document.meta.published is None
    assert document.warnings == ("published is not an ISO date: 'soon'",)


def test_the_hash_of_a_record_ignores_its_position(tmp_path):
    one = write_lines(tmp_path / "one.jsonl", ['{"id": "a", "text": "Same."}'])
    two = write_lines(
        tmp_path / "two.jsonl", ['{"id": "z", "text": "Other."}', '{"id": "a", "text": "Same."}']
    )
    assert read(one)[0].sha256 == read(two)[1].sha256


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.one_of(st.binary(max_size=60), st.text(max_size=60).map(str.encode)), max_size=8)
)
def test_any_bytes_give_one_result_per_non_blank_line(tmp_path_factory, chunks):
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    data = b"\n".join(c.replace(b"\n", b" ").replace(b"\r", b" ") for c in chunks)
    path.write_bytes(data)
    results = read(path)
    expected = sum(1 for line in data.split(b"\n") if line.strip())
    assert len(results) <= expected + data.count(b"\x0b") + data.count(b"\x0c")
    for result in results:
        assert isinstance(result, RawDocument | RejectedDocument)
