"""Reference data into the database: the gazetteer's persons, aliases and roles,
the calendar of known meetings and the topics are synced idempotently, edits
are applied, and an up-to-date database is not written to at all."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from sqlalchemy import Engine, event, func, select, text
from sqlalchemy.orm import Session

from etl.db.models import (
    Person,
    PersonAlias,
    PersonRole,
    ReferenceMeeting,
    ReferenceMeetingPerson,
)
from etl.load.reference import sync_calendar, sync_gazetteer, sync_official_sources, sync_topics
from etl.pipeline import Pipeline
from etl.resolve.engagements import Calendar, Engagement, default_calendar
from etl.resolve.gazetteer import Gazetteer, PersonEntry, Role
from etl.settings import get_settings

ENVOY = PersonEntry(
    name="Mara Quell",
    surname="Quell",
    country="US",
    wikidata=None,
    aliases=("Ambassador Quell",),
    roles=(Role("Special Envoy for Rivers", None, (), dt.date(2031, 2, 1), None),),
)


def _synced(engine: Engine, gazetteer: Gazetteer) -> dict[str, int]:
    with Session(engine) as session, session.begin():
        return sync_gazetteer(session, gazetteer)


def _rows(engine: Engine) -> tuple[list[tuple[object, ...]], ...]:
    with Session(engine) as session:
        persons = session.execute(
            select(Person.canonical_name, Person.country, Person.wikidata_id).order_by(Person.id)
        )
        aliases = session.execute(
            select(PersonAlias.person_id, PersonAlias.normalized).order_by(PersonAlias.id)
        )
        roles = session.execute(
            select(PersonRole.person_id, PersonRole.title, PersonRole.valid_from).order_by(
                PersonRole.id
            )
        )
        return [tuple(r) for r in persons], [tuple(r) for r in aliases], [tuple(r) for r in roles]


@contextmanager
def _writes(engine: Engine) -> Iterator[list[str]]:
    """The INSERT and UPDATE statements sent to the database meanwhile."""
    sent: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            sent.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_syncing_twice_changes_nothing(engine):
    gazetteer = Gazetteer((ENVOY,))
    first = _synced(engine, gazetteer)
    before = _rows(engine)
    assert _synced(engine, gazetteer) == first
    assert _rows(engine) == before


def test_an_up_to_date_database_is_not_written_to(engine):
    gazetteer = Gazetteer((ENVOY,))
    _synced(engine, gazetteer)
    with _writes(engine) as sent:
        _synced(engine, gazetteer)
    assert sent == []


def test_edits_to_the_gazetteer_are_applied(engine):
    ids = _synced(engine, Gazetteer((ENVOY,)))
    edited = PersonEntry(
        name=ENVOY.name,
        surname=ENVOY.surname,
        country=ENVOY.country,
        wikidata="Q99999999",
        aliases=(*ENVOY.aliases, "Envoy Quell"),
        roles=(
            *ENVOY.roles,
            Role("Deputy Secretary of Rivers", None, (), dt.date(2029, 5, 1), dt.date(2031, 1, 31)),
        ),
    )
    assert _synced(engine, Gazetteer((edited,))) == ids
    persons, aliases, roles = _rows(engine)
    assert (ENVOY.name, "US", "Q99999999") in persons
    assert (ids[ENVOY.name], "envoy quell") in aliases
    assert (ids[ENVOY.name], "Deputy Secretary of Rivers", dt.date(2029, 5, 1)) in roles
    assert len([r for r in roles if r[0] == ids[ENVOY.name]]) == 2


def test_an_alias_stays_with_the_person_who_claimed_it_first(engine):
    namesake = PersonEntry(
        name="Mara Quell-Tan", surname="Quell", country="CN", wikidata=None,
        aliases=("Ambassador Quell",),
    )  # fmt: skip
    ids = _synced(engine, Gazetteer((ENVOY, namesake)))
    _, aliases, _ = _rows(engine)
    owners = [person_id for person_id, normalized in aliases if normalized == "ambassador quell"]
    assert owners == [ids[ENVOY.name]]


def test_the_topic_vocabulary_is_synced_once(engine):
    with Session(engine) as session, session.begin():
        first = sync_topics(session)
    with _writes(engine) as sent, Session(engine) as session, session.begin():
        assert sync_topics(session) == first
    assert first and sent == []


SUMMIT = Engagement(
    start=dt.date(2036, 9, 14),
    end=dt.date(2036, 9, 15),
    participants=frozenset({"Mara Quell", "Lin Qiaofeng"}),
    city="Geneva",
    country="CH",
    venue=None,
    source="https://example.org/known-meeting",
)
ENVOY_CN = PersonEntry("Lin Qiaofeng", "Lin", "CN", None, ())


def test_the_calendar_is_stored_with_its_principals_once(engine):
    gazetteer = Gazetteer((ENVOY, ENVOY_CN))
    with Session(engine) as session, session.begin():
        persons = sync_gazetteer(session, gazetteer)
        assert sync_calendar(session, Calendar((SUMMIT,)), persons) == 1
    with _writes(engine) as sent, Session(engine) as session, session.begin():
        assert sync_calendar(session, Calendar((SUMMIT,)), persons) == 0
    assert sent == []
    with Session(engine) as session:
        stored = session.execute(
            select(ReferenceMeeting.start_date, ReferenceMeeting.end_date, ReferenceMeeting.city)
        ).all()
        people = session.scalars(select(ReferenceMeetingPerson.person_id)).all()
    assert [tuple(r) for r in stored] == [(SUMMIT.start, SUMMIT.end, "Geneva")]
    assert sorted(people) == sorted(persons.values())


def test_a_run_loads_the_reference_calendar(database_url):
    pipeline = Pipeline(get_settings(database_url))
    try:
        pipeline.prepare()
        with pipeline.engine.connect() as connection:
            count = connection.execute(select(func.count()).select_from(ReferenceMeeting)).scalar()
    finally:
        pipeline.close()
    assert count == len(default_calendar().entries) > 0


def test_a_corrected_calendar_entry_is_updated_and_a_new_principal_added(engine):
    gazetteer = Gazetteer((ENVOY, ENVOY_CN))
    with Session(engine) as session, session.begin():
        persons = sync_gazetteer(session, gazetteer)
        only_one = {"Mara Quell": persons["Mara Quell"]}
        sync_calendar(session, Calendar((SUMMIT,)), only_one)
    corrected = replace(SUMMIT, venue="Palais des Nations", source="https://example.org/fixed")
    with Session(engine) as session, session.begin():
        assert sync_calendar(session, Calendar((corrected,)), persons) == 1
    with Session(engine) as session:
        venue, source = session.execute(
            select(ReferenceMeeting.venue, ReferenceMeeting.source)
        ).one()
        people = session.scalars(select(ReferenceMeetingPerson.person_id)).all()
        count = session.scalar(select(func.count()).select_from(ReferenceMeeting))
    assert (venue, source, count) == ("Palais des Nations", "https://example.org/fixed", 1)
    assert sorted(people) == sorted(persons.values())


def _official_rows(engine):
    with engine.connect() as connection:
        rows = connection.execute(
            text("select kind, pattern, side from official_sources order by kind, pattern")
        )
        return [tuple(row) for row in rows]


def test_the_official_source_rules_are_synced_and_kept_to_the_file(engine):
    with Session(engine) as session, session.begin():
        count = sync_official_sources(session)
    rows = _official_rows(engine)
    assert len(rows) == count and ("host", ".gov.cn", "CN") in rows
    with engine.begin() as connection:  # an edited side and a rule the file no longer has
        connection.execute(text("update official_sources set side = 'XX' where pattern = '.mil'"))
        connection.execute(
            text(
                "insert into official_sources (kind, pattern, side) values ('outlet', 'Gone', 'US')"
            )
        )
    with Session(engine) as session, session.begin():
        sync_official_sources(session)
    assert _official_rows(engine) == rows
    with _writes(engine) as sent, Session(engine) as session, session.begin():
        sync_official_sources(session)
    assert sent == []
