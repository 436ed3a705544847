"""Attaching a source to a stored meeting folds it into the stored attributes;
the result must equal folding every source again from the start."""

from sqlalchemy import select, text

from etl.db.models import Meeting
from etl.db.session import transaction
from etl.load.meetings import refresh_meeting
from etl.pipeline import Pipeline
from etl.settings import get_settings
from tests.support import DOCS

STATE = (
    "select m.id, m.kind, m.status, m.start_date, m.end_date, m.city, m.country, m.venue,"
    " m.title, p.person_id, p.document_id, r.role_id"
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
