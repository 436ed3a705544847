"""meetings keep their people once each and their sources' publication days

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30

Matching a document's meeting against stored ones compares people and, for an
undated meeting, the days its documents were published. Both were read from
every source's rows, a cost that grew with every document about the meeting.
``meeting_people`` holds each meeting's people once; ``meetings.first_published``
and ``last_published`` the first and last publication days of its documents.
The loader keeps both as sources come and go; existing rows are filled here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# a downgrade rebuilds meetings (SQLite batch mode), which this view reads
READERS = ["v_meetings"]

PEOPLE = """
insert into meeting_people (meeting_id, person_id)
select distinct meeting_id, person_id from meeting_participants
"""

DAYS = """
update meetings set
    first_published = (
        select min(documents.published_date)
        from meeting_mentions
        inner join documents on documents.id = meeting_mentions.document_id
        where meeting_mentions.meeting_id = meetings.id
    ),
    last_published = (
        select max(documents.published_date)
        from meeting_mentions
        inner join documents on documents.id = meeting_mentions.document_id
        where meeting_mentions.meeting_id = meetings.id
    )
"""


def upgrade() -> None:
    op.create_table(
        "meeting_people",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_people_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_meeting_people_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "person_id", name=op.f("pk_meeting_people")),
    )
    op.create_index(op.f("ix_meeting_people_person_id"), "meeting_people", ["person_id"])
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("first_published", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("last_published", sa.Date(), nullable=True))
    op.execute(PEOPLE)
    op.execute(DAYS)


def downgrade() -> None:
    for statement in drop_view_statements(READERS):
        op.execute(statement)
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("last_published")
        batch_op.drop_column("first_published")
    op.drop_index(op.f("ix_meeting_people_person_id"), table_name="meeting_people")
    op.drop_table("meeting_people")
    for statement in frozen_view_statements({"v_meetings": "0002"}):
        op.execute(statement)
