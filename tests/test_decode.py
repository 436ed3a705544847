import codecs
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.ingest.decode import CONTROLS, SPACES, decode, normalize_text
from etl.ingest.records import IngestError

LIMIT = 10_000_000
KOREAN = "블링컨 국무장관은 왕이 외교부장과 회담했다."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Blinken met Wang.", "Blinken met Wang."),
        (codecs.BOM_UTF8 + "Café talks".encode(), "Café talks"),
        ("Talks in Zürich".encode("utf-16"), "Talks in Zürich"),
        ("Talks in Zürich — “candid”".encode("cp1252"), "Talks in Zürich — “candid”"),
        (KOREAN.encode("euc-kr"), KOREAN),
        (KOREAN.encode("utf-16-le"), KOREAN),
    ],
)
def test_encodings_are_detected_not_guessed(data, expected):
    text, _ = decode(data, max_bytes=LIMIT)
    assert text == expected


def test_binary_is_rejected_as_not_text():
    with pytest.raises(IngestError, match="not text") as caught:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", max_bytes=LIMIT)
    assert caught.value.status == "failed"


def test_empty_and_blank_files_are_skipped():
    for data in (b"", b"   \n\t \r\n"):
        with pytest.raises(IngestError, match="empty") as caught:
            decode(data, max_bytes=LIMIT)
        assert caught.value.status == "skipped"


def test_size_limit_names_the_limit():
    with pytest.raises(IngestError, match="limit of 10 bytes"):
        decode(b"x" * 11, max_bytes=10)


def test_normalization_unifies_newlines_and_spaces():
    assert normalize_text("A\r\nB\rC\u00a0D\u200b") == "A\nB\nC D"


def test_the_spaces_and_controls_are_unicodes_categories():
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    assert set(SPACES) == {ch for ch in every if unicodedata.category(ch) == "Zs"} - {" "}
    assert set(CONTROLS) == {ch for ch in every if unicodedata.category(ch) == "Cc"}


@given(st.text(max_size=300))
def test_each_character_is_kept_spaced_or_dropped_by_its_category(text):
    text = unicodedata.normalize("NFC", text.replace("\r", ""))
    expected = []
    for ch in text.lstrip("\ufeff"):
        category = unicodedata.category(ch)
        if ch in "\n\t":
            expected.append(ch)
        elif category == "Zs":
            expected.append(" ")
        elif ch in "\u2028\u2029":
            expected.append("\n")
        elif category != "Cc" and ch not in "\ufeff\u200b":
            expected.append(ch)
    assert normalize_text(text) == "".join(expected)


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_fail_cleanly(data):
    try:
        text, _ = decode(data, max_bytes=LIMIT)
    except IngestError as error:
        assert error.status in ("failed", "skipped")
    else:
        assert text.strip()
        assert "\x00" not in text


@given(st.text(max_size=500))
def test_utf8_text_round_trips_through_normalization(text):
    if not text.strip() or "\x00" in text:
        return
    try:
        decoded, _ = decode(text.encode(), max_bytes=LIMIT)
    except IngestError:
        return
    assert decoded == normalize_text(text)
