"""The data dictionary and the README's diagram are generated from the code and
kept current."""

import pytest

from etl.db.base import Base
from etl.db.dictionary import ER_END, ER_START, er_diagram, meanings, missing_meanings, with_diagram
from etl.docs import StaleDocs, write_or_check
from etl.settings import PROJECT_ROOT


def test_every_table_view_and_column_has_a_meaning_and_no_meaning_is_of_nothing(engine):
    assert missing_meanings(engine, meanings()) == []


def test_a_column_without_a_meaning_is_named(engine):
    described = meanings()
    del described["views"]["v_meetings"]["columns"]["date_source"]
    described["tables"]["documents"]["columns"]["colour"] = "Not a column."
    assert missing_meanings(engine, described) == [
        "no meaning for view v_meetings.date_source",
        "a meaning of nothing: table documents.colour",
    ]


def test_the_diagram_has_every_table_and_one_line_per_foreign_key():
    diagram = er_diagram()
    for table in Base.metadata.sorted_tables:
        assert f"    {table.name} {{" in diagram
    foreign_keys = sum(len(c.foreign_keys) for t in Base.metadata.sorted_tables for c in t.columns)
    assert diagram.count("||--o{") == foreign_keys


def test_the_diagram_replaces_only_what_is_between_the_markers():
    readme = f"# Title\n\nBefore.\n\n{ER_START}\nold diagram\n{ER_END}\n\nAfter.\n"
    refreshed = with_diagram(readme)
    assert refreshed.startswith("# Title\n\nBefore.\n\n") and refreshed.endswith("\n\nAfter.\n")
    assert "old diagram" not in refreshed and "erDiagram" in refreshed
    assert with_diagram(refreshed) == refreshed


def test_the_checked_in_dictionary_and_diagram_are_current():
    message = write_or_check(
        [PROJECT_ROOT / "seeds"],
        PROJECT_ROOT / "docs" / "data-dictionary.md",
        PROJECT_ROOT / "README.md",
        check=True,
    )
    assert message.endswith("are current")


def test_a_stale_dictionary_is_one_line_and_writing_makes_it_current(tmp_path):
    out, readme = tmp_path / "docs" / "dictionary.md", tmp_path / "README.md"
    readme.write_text(f"# Project\n\n{ER_START}\n{ER_END}\n", encoding="utf-8")
    seeds = [PROJECT_ROOT / "seeds"]
    with pytest.raises(StaleDocs, match=r"dictionary\.md and .*README\.md out of date"):
        write_or_check(seeds, out, readme, check=True)
    write_or_check(seeds, out, readme, check=False)
    assert "### `v_meetings`" in out.read_text(encoding="utf-8")
    assert write_or_check(seeds, out, readme, check=True).endswith("are current")
