"""the reference calendar of known meetings as tables

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30

``reference_meetings`` and ``reference_meeting_people`` hold the calendar of
``etl/resolve/data/engagements.yaml`` (days, place, kind, principals and the
source of each entry), synced by every run like the gazetteer.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reference_meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference_key", sa.String(length=512), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("city", sa.String(length=128), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("venue", sa.String(length=256), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "country is null or length(country) = 2",
            name=op.f("ck_reference_meetings_country_alpha2"),
        ),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_reference_meetings_dates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_meetings")),
        sa.UniqueConstraint("reference_key", name=op.f("uq_reference_meetings_reference_key")),
    )
    op.create_table(
        "reference_meeting_people",
        sa.Column("reference_meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_reference_meeting_people_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reference_meeting_id"],
            ["reference_meetings.id"],
            name=op.f("fk_reference_meeting_people_reference_meeting_id_reference_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "reference_meeting_id", "person_id", name=op.f("pk_reference_meeting_people")
        ),
    )
    op.create_index(
        op.f("ix_reference_meeting_people_person_id"), "reference_meeting_people", ["person_id"]
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_reference_meeting_people_person_id"), table_name="reference_meeting_people"
    )
    op.drop_table("reference_meeting_people")
    op.drop_table("reference_meetings")
