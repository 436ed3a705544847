"""HTML pages give their main text and meta tags; Markdown gives its text and front matter."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.ingest.formats import (
    declared_charset,
    format_of,
    html_to_text,
    markdown_to_text,
    meta_from_mapping,
    to_text,
)

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Austin and Dong meet in Singapore | Harbour Times</title>
<meta name="author" content="Mei Lin">
<meta property="article:published_time" content="2024-05-31T10:00:00Z">
<meta property="og:site_name" content="Harbour Times"></head>
<body><nav><a href="/">Home</a> | <a href="/asia">Asia</a> | <a href="/defence">Defence</a></nav>
<article><h1>Austin and Dong meet in Singapore</h1>
<p>SINGAPORE — U.S. Defense Secretary Lloyd Austin met Chinese Defense Minister Dong Jun on
Friday on the sidelines of the Shangri-La Dialogue, the first face-to-face talks between the
two defense chiefs in 18 months.</p>
<p>"We had a substantive exchange," Austin told reporters after the hour-long meeting.</p>
<p>The two sides agreed to resume theater-level commander calls in the coming months.</p>
</article><aside>Sign up for our morning newsletter</aside>
<footer>Copyright Harbour Times. All rights reserved.</footer>
<script>var banner = "<p>Buy now</p>";</script></body></html>"""


def test_suffixes_name_the_format():
    assert format_of(Path("a/Story.HTML")) == "html"
    assert format_of(Path("notes.md")) == "markdown"
    assert format_of(Path("feed.ndjson")) == "jsonl"
    assert format_of(Path("photo.png")) is None


def test_an_html_page_gives_its_article_without_boilerplate():
    converted = html_to_text(ARTICLE)
    assert "Lloyd Austin met Chinese Defense Minister Dong Jun" in converted.text
    assert '"We had a substantive exchange," Austin told reporters' in converted.text
    for boilerplate in ("Sign up", "Copyright", "Buy now", "Home |", "var banner"):
        assert boilerplate not in converted.text


def test_an_html_page_gives_its_metadata():
    meta = html_to_text(ARTICLE).meta
    assert meta.title == "Austin and Dong meet in Singapore"
    assert meta.author == "Mei Lin" and meta.outlet == "Harbour Times"
    assert meta.published == dt.date(2024, 5, 31)


def test_a_short_page_still_gives_its_text():
    converted = html_to_text("<html><body><p>Wang Yi met Blinken in Munich.</p></body></html>")
    assert converted.text == "Wang Yi met Blinken in Munich."


def test_the_declared_charset_is_read_from_the_page():
    assert declared_charset(b'<html><head><meta charset="EUC-KR">') == "euc-kr"
    assert (
        declared_charset(
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        )
        == "windows-1252"
    )
    assert declared_charset(b"<html><body>no charset</body></html>") is None


def test_markdown_keeps_words_and_drops_markup():
    source = (
        "# Readout of the call\n\n"
        "President **Biden** spoke with President [Xi Jinping](https://example.org/xi)\n"
        "by phone on *Tuesday*.\n\n"
        "- They agreed to resume `military-to-military` talks.\n"
        "- ![photo](x.png) They discussed fentanyl.\n"
    )
    converted = markdown_to_text(source)
    assert converted.text.split("\n\n") == [
        "Readout of the call",
        "President Biden spoke with President Xi Jinping by phone on Tuesday.",
        "They agreed to resume military-to-military talks.",
        "They discussed fentanyl.",
    ]


def test_markdown_front_matter_is_metadata():
    source = "---\ntitle: Call readout\npublished: 2023-11-16\noutlet: The Wire\n---\nBody text.\n"
    converted = markdown_to_text(source)
    assert converted.text == "Body text."
    assert (converted.meta.title, converted.meta.published, converted.meta.outlet) == (
        "Call readout",
        dt.date(2023, 11, 16),
        "The Wire",
    )


def test_a_bad_front_matter_date_is_a_warning_not_a_guess():
    converted = markdown_to_text("---\ndate: last Tuesday\n---\nBody.\n")
    assert converted.meta.published is None
    assert converted.warnings == ("published is not an ISO date: 'last Tuesday'",)


def test_a_thematic_break_is_not_front_matter():
    assert markdown_to_text("Before.\n\n---\n\nAfter.\n").text == "Before.\n\nAfter."


def test_record_keys_become_metadata():
    meta, warnings = meta_from_mapping(
        {"headline": "Talks", "source": "Wire", "published": "2021-03-19T08:00:00Z"}
    )
    assert (meta.title, meta.outlet, meta.published, warnings) == (
        "Talks",
        "Wire",
        dt.date(2021, 3, 19),
        (),
    )


def test_unknown_formats_are_refused():
    with pytest.raises(ValueError, match="unknown document format"):
        to_text("x", "pdf")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_markdown_converts_to_text_without_error(source):
    converted = markdown_to_text(source)
    assert isinstance(converted.text, str)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "<b>",
                "</i>",
                "<!--",
                "-->",
                "<script>",
                "Wang Yi",
                "&amp;",
                " ",
            ]
        ),
        max_size=40,
    )
)
def test_any_tag_soup_converts_to_text_without_error(parts):
    assert isinstance(html_to_text("".join(parts)).text, str)
