"""where a meeting date came from; year-less and calendar-resolved date conflicts

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# views over the tables rebuilt below (SQLite batch mode copies them)
VIEWS = ["v_meetings", "v_date_conflicts"]
DEFINED = {"v_meetings": "0002", "v_date_conflicts": "0004"}  # unchanged here


def upgrade() -> None:
    for statement in drop_view_statements(VIEWS):
        op.execute(statement)
    with op.batch_alter_table("meeting_mentions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("date_source", sa.String(length=16), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_meeting_mentions_date_source"),
            "date_source in ('text', 'context', 'dateline', 'calendar')",
        )
    with op.batch_alter_table("date_conflicts", schema=None) as batch_op:
        batch_op.alter_column("parsed_date", existing_type=sa.Date(), nullable=True)
        batch_op.drop_constraint(op.f("ck_date_conflicts_resolution"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_date_conflicts_resolution"),
            "resolution in ('year_adjusted', 'dropped', 'calendar')",
        )
    for statement in frozen_view_statements(DEFINED):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS):
        op.execute(statement)
    op.execute("delete from date_conflicts where parsed_date is null or resolution = 'calendar'")
    with op.batch_alter_table("date_conflicts", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_date_conflicts_resolution"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_date_conflicts_resolution"), "resolution in ('year_adjusted', 'dropped')"
        )
        batch_op.alter_column("parsed_date", existing_type=sa.Date(), nullable=False)
    with op.batch_alter_table("meeting_mentions", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_meeting_mentions_date_source"), type_="check")
        batch_op.drop_column("date_source")
    for statement in frozen_view_statements(DEFINED):
        op.execute(statement)
