"""Attaching a source to a stored meeting folds it into the stored attributes;
the result must equal folding every source again from the start."""

import datetime as dt
from dataclasses import replace

from sqlalchemy import select, text

from etl.db.models import Meeting
from etl.db.session import transaction
from etl.load.documents import clear_facts
from etl.load.meetings import refresh_meeting
from etl.pipeline import Pipeline
from etl.resolve.gazetteer import Gazetteer, Role, default_gazetteer
from etl.settings import get_settings
from tests.support import DOCS

STATE = (
    "select m.id, m.kind, m.status, m.start_date, m.end_date, m.city, m.country, m.venue,"
    " m.title, m.first_published, m.last_published, p.person_id, p.document_id, r.role_id,"
    " (select count(*) from meeting_people mp where mp.meeting_id = m.id)"
    " from meetings m join meeting_participants p on p.meeting_id = m.id"
    " left join participant_roles r on r.participant_id = p.id"
    " order by m.id, p.id, r.role_id"
)

SOURCES = (
    "select max(n) from (select count(distinct document_id) as n"
    " from meeting_mentions group by meeting_id) as counts"
)


def test_incremental_folding_equals_refolding_every_source(database_url):
    pipeline = Pipeline(get_settings(database_url))
    try:
        report = pipeline.run([DOCS])
        assert report.failures == []
        with pipeline.engine.connect() as connection:
            folded = connection.execute(text(STATE)).all()
            sources = connection.execute(text(SOURCES)).scalar()
        assert sources >= 2  # some meeting was attached to after it was stored
        with transaction(pipeline.sessions) as session:
            meeting_ids = list(session.scalars(select(Meeting.id)))
            for meeting_id in meeting_ids:
                refresh_meeting(session, meeting_id, pipeline.roles)
        with pipeline.engine.connect() as connection:
            refolded = connection.execute(text(STATE)).all()
        assert len(meeting_ids) > 3 and folded == refolded
    finally:
        pipeline.close()


def test_a_meeting_keeps_the_people_and_days_of_the_sources_left(database_url):
    """Removing a source (here: every source but one) leaves the meeting the
    people and publication days of the documents that still report it."""
    pipeline = Pipeline(get_settings(database_url))
    try:
        pipeline.run([DOCS])
        with transaction(pipeline.sessions) as session:
            meeting_id, keep = session.execute(
                text(
                    "select meeting_id, min(document_id) from meeting_mentions"
                    " group by meeting_id having count(distinct document_id) >= 2"
                    " order by meeting_id"
                )
            ).first()
            for other in session.scalars(
                text(
                    "select distinct document_id from meeting_mentions"
                    " where meeting_id = :m and document_id <> :d"
                ),
                {"m": meeting_id, "d": keep},
            ).all():
                clear_facts(session, other, pipeline.roles)
        with pipeline.engine.connect() as connection:
            people = (
                connection.execute(
                    text("select person_id from meeting_people where meeting_id = :m order by 1"),
                    {"m": meeting_id},
                )
                .scalars()
                .all()
            )
            named = (
                connection.execute(
                    text(
                        "select distinct person_id from meeting_participants"
                        " where meeting_id = :m order by 1"
                    ),
                    {"m": meeting_id},
                )
                .scalars()
                .all()
            )
            days = connection.execute(
                text("select first_published, last_published from meetings where id = :m"),
                {"m": meeting_id},
            ).one()
            published = connection.execute(
                text("select published_date from documents where id = :d"), {"d": keep}
            ).scalar()
        assert people == named and people
        assert tuple(str(d) for d in days) == (str(published), str(published))
    finally:
        pipeline.close()


FIRST_DATED_PARTICIPANT = """
    select m.id, m.start_date, pe.canonical_name, d.name, d.published_date
    from meetings m
    join meeting_participants p on p.meeting_id = m.id
    join persons pe on pe.id = p.person_id
    join documents d on d.id = p.document_id
    where m.start_date is not null and pe.source = 'gazetteer'
    order by m.id, p.id
"""

ROLES_HELD = """
    select d.name, r.title
    from meeting_participants p
    join persons pe on pe.id = p.person_id
    join documents d on d.id = p.document_id
    left join participant_roles pr on pr.participant_id = p.id
    left join person_roles r on r.id = pr.role_id
    where p.meeting_id = :m and pe.canonical_name = :n
"""


def test_a_role_added_between_runs_reaches_every_source_of_a_meeting(database_url, tmp_path):
    """The first new source of a meeting in a run gives every source's
    participants the roles now on record, not only its own."""
    first = Pipeline(get_settings(database_url))
    try:
        first.run([DOCS])
        with first.engine.connect() as connection:
            meeting, day, name, document, published = connection.execute(
                text(FIRST_DATED_PARTICIPANT)
            ).first()
    finally:
        first.close()
    day = dt.date.fromisoformat(str(day))  # SQLite returns text
    extra = Role("Envoy for Test Purposes", None, (), day, day)
    edited = Gazetteer(
        tuple(
            replace(e, roles=(*e.roles, extra)) if e.name == name else e
            for e in default_gazetteer().persons
        )
    )
    (tmp_path / "again.txt").write_text(
        (DOCS / document).read_text(encoding="utf-8") + "\n\nFiled again.\n", encoding="utf-8"
    )
    (tmp_path / "manifest.csv").write_text(
        f"file,published\nagain.txt,{published}\n", encoding="utf-8"
    )
    second = Pipeline(get_settings(database_url), gazetteer=edited)
    try:
        second.run([tmp_path])
        with second.engine.connect() as connection:
            held = connection.execute(text(ROLES_HELD), {"m": meeting, "n": name}).all()
    finally:
        second.close()
    sources = {document_name for document_name, _ in held}
    assert {"again.txt", document} <= sources  # the copy is a source of the same meeting
    for source in sources:
        assert (source, extra.title) in held, source
