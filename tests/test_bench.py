"""The benchmark users run: its corpus, its growth figure and the command."""

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from etl.bench.corpus import build_corpus, unique_copy
from etl.bench.run import growth
from etl.cli import app
from etl.ingest.discover import discover
from etl.ingest.records import RawDocument, SourceMeta

runner = CliRunner(env={"COLUMNS": "200"})

SOURCES = [
    RawDocument(
        "readout.txt",
        Path("readout.txt"),
        "a" * 64,
        "The two ministers met in Lisbon on May 4, 2026.",
        SourceMeta(outlet="Wire", published=dt.date(2026, 5, 4)),
    ),
    RawDocument("call.txt", Path("call.txt"), "b" * 64, "The leaders spoke by phone."),
]


def test_every_copy_is_a_document_of_its_own_with_its_originals_metadata(tmp_path):
    corpus = build_corpus(SOURCES, 5, tmp_path / "corpus")
    found = discover([corpus.folder])
    assert len(found.candidates) == 5 and found.problems == []
    texts = [p.read_text("utf-8") for p in sorted(corpus.folder.glob("*.txt"))]
    assert len(set(texts)) == 5
    assert texts[2].startswith(SOURCES[0].text) and texts[3].startswith(SOURCES[1].text)
    metas = {c.name: c.meta for c in found.candidates}
    assert metas["000002_readout.txt"].published == dt.date(2026, 5, 4)
    assert metas["000003_call.txt"].outlet is None
    assert corpus.words == sum(len(t.split()) for t in texts)


@given(st.text(min_size=1), st.integers(min_value=0, max_value=10**6))
def test_a_copy_keeps_the_text_and_adds_one_closing_line(text, copy):
    copied = unique_copy(text, copy)
    assert copied.startswith(text.rstrip()) and copied != unique_copy(text, copy + 1)
    assert copied.rstrip().rsplit("\n", 1)[-1].startswith("Archive reference ")


def test_growth_compares_the_first_and_the_last_tenth_of_a_run():
    steady = [[d, d / 50] for d in range(100, 1001, 100)]
    first, last = growth(steady)
    assert round(first) == 50 and round(last) == 50
    slowing = [[100, 1.0], *[[d, 1.0 + (d - 100) / 20] for d in range(200, 1001, 100)]]
    first, last = growth(slowing)
    assert round(first) == 100 and round(last) == 20
    assert growth([[10, 1.0]]) is None


def test_the_bench_command_prints_its_table(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "readout.txt").write_text(SOURCES[0].text, encoding="utf-8")
    result = runner.invoke(
        app, ["bench", "--docs", "12", "--source", str(source), "--workers", "2", "--no-flow"]
    )
    assert result.exit_code == 0, result.output
    assert "corpus: 12 documents" in result.output
    for row in ("| spaCy floor |", "| etl load |", "| unchanged re-run", "| one new document"):
        assert row in result.output
    assert "| extract |" in result.output and "etl run" not in result.output
