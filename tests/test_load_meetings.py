"""Attaching a source to a stored meeting folds it into the stored attributes;
the result must equal folding every source again from the start."""

from sqlalchemy import select, text

from etl.db.models import Meeting
from etl.db.session import transaction
from etl.load.documents import clear_facts
from etl.load.meetings import refresh_meeting
from etl.pipeline import Pipeline
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
