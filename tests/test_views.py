"""The analyst views are a versioned product: a fresh database's views at head
are exactly the files of ``sql/views``, and migrations build every view from
the frozen copy of the revision that defined it, never from today's files."""

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

import etl.db.views as views
from etl.db.migrate import downgrade, upgrade
from etl.db.session import make_engine
from etl.db.views import HISTORY_DIR, VIEWS_DIR, view_names, view_sql
from etl.load.reference import sync_official_sources


def test_a_fresh_database_has_the_views_of_sql_views(engine):
    names = view_names()
    assert names
    with engine.connect() as connection:
        for name in names:
            if connection.dialect.name == "sqlite":  # keeps the text it was given
                stored = connection.execute(
                    text("select sql from sqlite_master where type = 'view' and name = :n"),
                    {"n": name},
                ).scalar()
                keyword, body = stored.split(" as\n", 1)
                assert keyword.lower() == f"create view {name}", name
                assert body == view_sql(name), name
            else:  # PostgreSQL renders its own text (and expands *): same columns
                built = connection.execute(text(f"select * from {name} limit 0"))
                filed = connection.execute(text(f"select * from ({view_sql(name)}) as v limit 0"))
                assert list(built.keys()) == list(filed.keys()), name


def test_migrations_read_only_the_frozen_copies(tmp_path, monkeypatch):
    read: list[Path] = []
    original = views.view_sql

    def recording(name: str, directory: Path = VIEWS_DIR) -> str:
        read.append(directory)
        return original(name, directory)

    monkeypatch.setattr(views, "view_sql", recording)
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        upgrade(engine)
        downgrade(engine, "base")
    finally:
        engine.dispose()
    assert read and all(d.parent == HISTORY_DIR for d in read)


@pytest.mark.parametrize("name", view_names())
def test_each_view_has_a_frozen_copy_equal_to_its_file(name):
    """The newest copy is what the head revision built: the file analysts read."""
    copies = sorted(HISTORY_DIR.glob(f"*/{name}.sql"))
    assert copies, name
    assert copies[-1].read_text(encoding="utf-8") == (VIEWS_DIR / f"{name}.sql").read_text(
        encoding="utf-8"
    )


FIRST_SOURCE_ROWS = [
    "insert into documents (id, name, sha256, status, text, published_date) values"
    " (1, 'later.txt', 'a', 'loaded', 'They agreed to talk.', '2031-05-02'),"
    " (2, 'earlier.txt', 'b', 'loaded', 'Both agreed to talk.', '2031-05-01'),"
    " (3, 'undated.txt', 'c', 'loaded', 'Agreed to talk.', null)",
    "insert into meetings (id, meeting_key, kind, status) values (1, 'k', 'in_person', 'held')",
    "insert into outcomes (id, meeting_id, outcome_key, description, category, status)"
    " values (1, 1, 'talk', 'to talk', 'other', 'agreed')",
    # loaded first: the undated document, then the later one, then the earlier one
    "insert into outcome_mentions (id, outcome_id, document_id, char_start, char_end,"
    " extractor_version) values (1, 1, 3, 0, 6, 'v'), (2, 1, 1, 5, 11, 'v'), (3, 1, 2, 5, 11, 'v')",
]


def test_an_outcomes_first_source_is_the_earliest_published_not_the_first_loaded(engine):
    with engine.begin() as connection:
        for statement in FIRST_SOURCE_ROWS:
            connection.execute(text(statement))
        row = connection.execute(
            text("select document_name, source_count from v_outcomes where outcome_id = 1")
        ).one()
    assert tuple(row) == ("earlier.txt", 3)


DATED_MEETING_ROWS = [
    "insert into documents (id, name, sha256, status, text) values"
    " (1, 'a.txt', 'a', 'loaded', 'They met on May 3. They met.'),"
    " (2, 'b.txt', 'b', 'loaded', 'They met.')",
    "insert into meetings (id, meeting_key, kind, status, start_date) values"
    " (1, 'dated', 'in_person', 'held', '2032-05-03'), (2, 'undated', 'in_person', 'held', null)",
    "insert into meeting_mentions (id, meeting_id, document_id, char_start, char_end,"
    " extractor_version, reported_kind, reported_status, reported_date, date_source) values"
    " (1, 1, 2, 0, 9, 'v', 'in_person', 'held', '2032-05-03', 'calendar'),"
    " (2, 1, 1, 0, 18, 'v', 'in_person', 'held', '2032-05-03', 'text'),"
    " (3, 1, 1, 19, 28, 'v', 'in_person', 'held', '2032-04-01', 'dateline'),"
    " (4, 2, 2, 0, 4, 'v', 'in_person', 'held', null, null)",
]


def test_a_meetings_date_source_is_the_strongest_that_reports_its_day(engine):
    with engine.begin() as connection:
        for statement in DATED_MEETING_ROWS:
            connection.execute(text(statement))
        rows = connection.execute(text("select meeting_id, date_source from v_meetings"))
        found = {meeting_id: source for meeting_id, source in rows}
    assert found == {1: "text", 2: None}  # the dateline reported another day


SPLIT_SOURCES_ROWS = [
    "insert into documents (id, name, sha256, status, text) values"
    " (1, 'a.txt', 'a', 'loaded', 'the envoy Lee met them.'),"
    " (2, 'b.txt', 'b', 'loaded', 'Special Envoy Lee met them.'),"
    " (3, 'c.txt', 'c', 'loaded', 'Special Envoy Lee met them.')",
    "insert into meetings (id, meeting_key, kind, status) values (1, 'k', 'in_person', 'held')",
    "insert into persons (id, canonical_name, source) values (1, 'Lee Envoy', 'extracted')",
]


@pytest.mark.parametrize("load_order", [(1, 2, 3), (3, 2, 1), (2, 1, 3)])
def test_a_participants_title_and_side_are_what_most_sources_give_whatever_the_load_order(
    engine, load_order
):
    written = {
        1: ("Envoy", "US"),  # max() or min() of the text would pick these
        2: ("Special Envoy", "CN"),
        3: ("Special Envoy", "CN"),
    }
    with engine.begin() as connection:
        for statement in SPLIT_SOURCES_ROWS:
            connection.execute(text(statement))
        for row_id, document_id in enumerate(load_order, start=1):
            title, side = written[document_id]
            connection.execute(
                text(
                    "insert into meeting_participants (id, meeting_id, person_id, document_id,"
                    " char_start, char_end, extractor_version, title_as_written, side)"
                    " values (:id, 1, 1, :document, 0, 4, 'v', :title, :side)"
                ),
                {"id": row_id, "document": document_id, "title": title, "side": side},
            )
        row = connection.execute(
            text("select title_as_written, side, source_count from v_participants")
        ).one()
    assert tuple(row) == ("Special Envoy", "CN", 3)


def test_a_capitalised_written_title_is_preferred_to_a_description(engine):
    with engine.begin() as connection:
        for statement in SPLIT_SOURCES_ROWS:
            connection.execute(text(statement))
        connection.execute(
            text(
                "insert into meeting_participants (id, meeting_id, person_id, document_id,"
                " char_start, char_end, extractor_version, title_as_written) values"
                " (1, 1, 1, 1, 0, 4, 'v', 'the envoy'), (2, 1, 1, 2, 0, 4, 'v', 'the envoy'),"
                " (3, 1, 1, 3, 0, 4, 'v', 'Envoy')"
            )
        )
        title = connection.execute(text("select title from v_participants")).scalar_one()
    assert title == "Envoy"


CONFLICTING_SOURCES_ROWS = [
    "insert into documents (id, name, sha256, status, text) values"
    " (1, 'preview.txt', 'a', 'loaded', 'They will meet in Oslo on May 9.'),"
    " (2, 'report.txt', 'b', 'loaded', 'They met in Bergen on May 8.'),"
    " (3, 'readout.txt', 'c', 'loaded', 'The two met in Bergen on May 8.'),"
    " (4, 'agreed.txt', 'd', 'loaded', 'They met on June 2. They met on June 2.')",
    "insert into meetings (id, meeting_key, kind, status, start_date, city) values"
    " (1, 'disputed', 'in_person', 'held', '2033-05-08', 'Bergen'),"
    " (2, 'agreed', 'in_person', 'held', '2033-06-02', null)",
    "insert into meeting_mentions (id, meeting_id, document_id, char_start, char_end,"
    " extractor_version, reported_kind, reported_status, reported_date, city) values"
    " (1, 1, 1, 0, 32, 'v', 'in_person', 'planned', '2033-05-09', 'Oslo'),"
    " (2, 1, 2, 0, 28, 'v', 'in_person', 'held', '2033-05-08', 'Bergen'),"
    " (3, 1, 3, 0, 31, 'v', 'in_person', 'held', '2033-05-08', 'Bergen'),"
    " (4, 2, 4, 0, 19, 'v', 'in_person', 'held', '2033-06-02', null),"
    " (5, 2, 4, 20, 39, 'v', 'in_person', 'held', '2033-06-02', null)",
    "insert into date_conflicts (id, meeting_id, document_id, char_start, char_end,"
    " extractor_version, date_text, parsed_date, adopted_date, reason, resolution) values"
    " (1, 2, 4, 10, 18, 'v', 'June 2', '2032-06-02', '2033-06-02', 'after publication',"
    " 'year_adjusted')",
]


def test_fact_conflicts_list_every_source_of_a_disagreement_and_the_value_kept(engine):
    with engine.begin() as connection:
        for statement in CONFLICTING_SOURCES_ROWS:
            connection.execute(text(statement))
        rows = connection.execute(
            text(
                "select meeting_id, field, document_name, value, chosen_value, rule"
                " from v_fact_conflicts order by meeting_id, field, document_name"
            )
        )
        found = [tuple(row) for row in rows]
    held_first = "a held report over a planned one, then the earliest day"
    assert found == [
        (1, "city", "preview.txt", "Oslo", "Bergen", "the first source that names it"),
        (1, "city", "readout.txt", "Bergen", "Bergen", "the first source that names it"),
        (1, "city", "report.txt", "Bergen", "Bergen", "the first source that names it"),
        (1, "date", "preview.txt", "2033-05-09", "2033-05-08", held_first),
        (1, "date", "readout.txt", "2033-05-08", "2033-05-08", held_first),
        (1, "date", "report.txt", "2033-05-08", "2033-05-08", held_first),
        (1, "status", "preview.txt", "planned", "held", "held over planned over cancelled"),
        (1, "status", "readout.txt", "held", "held", "held over planned over cancelled"),
        (1, "status", "report.txt", "held", "held", "held over planned over cancelled"),
        # the agreeing meeting appears only for the date its source had to correct
        (
            2,
            "date",
            "agreed.txt",
            "2032-06-02",
            "2033-06-02",
            "date year_adjusted: after publication",
        ),
    ]


SELF_DATED_ROWS = [
    "insert into documents (id, name, sha256, status, text) values"
    " (1, 'story.txt', 'a', 'loaded',"
    " 'OSLO - They met. It was late Thursday when they met. Others met too.'),"
    " (2, 'wire.txt', 'b', 'loaded', 'They met on Wednesday.')",
    "insert into meetings (id, meeting_key, kind, status, start_date) values"
    " (1, 'k', 'in_person', 'held', '2033-05-05'),"
    " (2, 'j', 'in_person', 'held', '2033-05-04')",
    "insert into meeting_mentions (id, meeting_id, document_id, char_start, char_end,"
    " extractor_version, reported_kind, reported_status, reported_date, date_source) values"
    " (1, 1, 1, 0, 15, 'v', 'in_person', 'held', '2033-05-06', 'dateline'),"
    " (2, 1, 1, 16, 52, 'v', 'in_person', 'held', '2033-05-05', 'text'),"
    " (3, 2, 1, 53, 68, 'v', 'in_person', 'held', '2033-05-06', 'dateline'),"
    " (4, 2, 2, 0, 22, 'v', 'in_person', 'held', '2033-05-04', 'text')",
]


def test_a_sources_date_is_its_strongest_evidences_so_a_story_does_not_dispute_itself(engine):
    with engine.begin() as connection:
        for statement in SELF_DATED_ROWS:
            connection.execute(text(statement))
        rows = connection.execute(
            text(
                "select meeting_id, document_name, value from v_fact_conflicts"
                " where field = 'date' order by meeting_id, document_name"
            )
        )
        found = [tuple(row) for row in rows]
    # meeting 1: the dateline's day yields to the story's own words, no dispute;
    # meeting 2: the story's only day (its dateline's) against another source's
    assert found == [(2, "story.txt", "2033-05-06"), (2, "wire.txt", "2033-05-04")]


def test_the_day_a_meeting_keeps_is_shown_even_from_a_sources_weaker_sentence(engine):
    with engine.begin() as connection:
        for statement in SELF_DATED_ROWS:
            connection.execute(text(statement))
        # the loader kept the earliest day, which only the dateline gave
        connection.execute(text("update meetings set start_date = '2033-05-06' where id = 1"))
        rows = connection.execute(
            text(
                "select document_name, value, chosen_value from v_fact_conflicts"
                " where field = 'date' and meeting_id = 1 order by value"
            )
        )
        found = [tuple(row) for row in rows]
    assert found == [
        ("story.txt", "2033-05-05", "2033-05-06"),
        ("story.txt", "2033-05-06", "2033-05-06"),
    ]


ONE_SIDED_ROWS = [
    "insert into documents (id, name, sha256, status, text, url, outlet) values"
    " (1, 'us.txt', 'a', 'loaded', 'They agreed to talks and to a hotline.',"
    " 'https://www.example.gov/readout', null),"
    " (2, 'cn.txt', 'b', 'loaded', 'Both agreed to hold talks.', null, '中华人民共和国外交部'),"
    " (3, 'news.txt', 'c', 'loaded', 'They agreed to exchange students.', null, 'Daily Example')",
    "insert into meetings (id, meeting_key, kind, status) values (1, 'k', 'in_person', 'held')",
    "insert into meeting_mentions (id, meeting_id, document_id, char_start, char_end,"
    " extractor_version, reported_kind, reported_status) values"
    " (1, 1, 1, 0, 38, 'v', 'in_person', 'held'), (2, 1, 2, 0, 26, 'v', 'in_person', 'held'),"
    " (3, 1, 3, 0, 33, 'v', 'in_person', 'held')",
    "insert into outcomes (id, meeting_id, outcome_key, description, category, status) values"
    " (1, 1, 'talks', 'hold talks', 'talks', 'agreed'),"
    " (2, 1, 'hotline', 'a hotline', 'other', 'agreed'),"
    " (3, 1, 'students', 'exchange students', 'other', 'agreed')",
    "insert into outcome_mentions (id, outcome_id, document_id, char_start, char_end,"
    " extractor_version) values (1, 1, 1, 16, 21, 'v'), (2, 1, 2, 15, 25, 'v'),"
    " (3, 2, 1, 27, 37, 'v'), (4, 3, 3, 15, 32, 'v')",
]


def test_an_outcome_only_one_governments_documents_report_is_one_sided(engine):
    with Session(engine) as session, session.begin():
        sync_official_sources(session)
    with engine.begin() as connection:
        for statement in ONE_SIDED_ROWS:
            connection.execute(text(statement))
        rows = connection.execute(
            text(
                "select document_name, value, chosen_value, rule, char_start, char_end"
                " from v_fact_conflicts where field = 'outcome'"
            )
        )
        found = [tuple(row) for row in rows]
    # the talks both sides report; the exchange only news reports: neither is one-sided
    assert found == [
        (
            "us.txt",
            "a hotline",
            "agreed",
            "one_sided: only the US side's own documents report it",
            27,
            37,
        )
    ]


def test_a_participant_only_one_governments_documents_name_is_one_sided(engine):
    with Session(engine) as session, session.begin():
        sync_official_sources(session)
    with engine.begin() as connection:
        for statement in [
            *ONE_SIDED_ROWS,
            "insert into persons (id, canonical_name, source) values"
            " (1, 'Lee Example', 'extracted'), (2, 'Park Example', 'extracted'),"
            " (3, 'Kim Example', 'extracted')",
            # both readouts name Lee; only the US one names Park; only news names Kim
            "insert into meeting_participants (id, meeting_id, person_id, document_id,"
            " char_start, char_end, extractor_version) values"
            " (1, 1, 1, 1, 0, 4, 'v'), (2, 1, 1, 2, 0, 4, 'v'), (3, 1, 2, 1, 5, 12, 'v'),"
            " (5, 1, 3, 3, 0, 4, 'v'), (6, 1, 3, 2, 5, 12, 'v')",
            # each named at its span, but Kim in the ministry's readout, a host inferred
            "insert into person_mentions (id, person_id, document_id, char_start, char_end,"
            " extractor_version, mention_text, mention_kind, method, score) values"
            " (1, 1, 1, 0, 4, 'v', 'Lee', 'name', 'exact', 1),"
            " (2, 1, 2, 0, 4, 'v', 'Lee', 'name', 'exact', 1),"
            " (3, 2, 1, 5, 12, 'v', 'Park', 'name', 'exact', 1),"
            " (4, 3, 3, 0, 4, 'v', 'Kim', 'name', 'exact', 1)",
            # a meeting only the US readout reports: nothing to compare
            "insert into meetings (id, meeting_key, kind, status) values"
            " (2, 'us only', 'in_person', 'held')",
            "insert into meeting_mentions (id, meeting_id, document_id, char_start, char_end,"
            " extractor_version, reported_kind, reported_status) values"
            " (4, 2, 1, 5, 20, 'v', 'in_person', 'held')",
            "insert into meeting_participants (id, meeting_id, person_id, document_id,"
            " char_start, char_end, extractor_version) values (7, 2, 2, 1, 5, 12, 'v')",
        ]:
            connection.execute(text(statement))
        rows = connection.execute(
            text(
                "select document_name, value, chosen_value, rule, char_start, char_end"
                " from v_fact_conflicts where field = 'participant'"
            )
        )
        found = [tuple(row) for row in rows]
    assert found == [
        (
            "us.txt",
            "Park Example",
            "Park Example",
            "one_sided: only the US side's own documents name them",
            5,
            12,
        )
    ]
