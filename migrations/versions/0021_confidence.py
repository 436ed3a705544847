"""a confidence on every fact; one table of meetings to decide again

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01

``meetings``, ``meeting_people``, ``statements`` and ``outcomes`` get a
``confidence`` (0-1), decided from the evidence at the end of a run for the
meetings it touched, and shown by ``v_meetings``, ``v_participants``,
``v_statements`` and ``v_outcomes``. ``quote_checks_pending`` becomes
``meetings_pending``: the meetings whose derived facts (quote groups and
confidences) the next run's end decides again. Every existing meeting is marked,
so the next run fills the confidences.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# every view, as the revision before this one left it (SQLite rebuilds the
# tables they read, so all are dropped first and created again)
BEFORE = {
    "v_date_conflicts": "0004",
    "v_documents": "0002",
    "v_fact_conflicts": "0020",
    "v_meetings": "0015",
    "v_outcomes": "0014",
    "v_participants": "0017",
    "v_persons": "0006",
    "v_quote_checks": "0018",
    "v_statements": "0002",
}
AFTER = {
    **BEFORE,
    "v_meetings": "0021",
    "v_outcomes": "0021",
    "v_participants": "0021",
    "v_statements": "0021",
}
TABLES = ("meetings", "meeting_people", "statements", "outcomes")


def _pending_table(name: str) -> None:
    op.create_table(
        name,
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f(f"pk_{name}")),
    )


def upgrade() -> None:
    for statement in drop_view_statements(list(BEFORE)):
        op.execute(statement)
    _pending_table("meetings_pending")
    op.execute(
        "insert into meetings_pending (meeting_id) select meeting_id from quote_checks_pending"
        " union select id from meetings"
    )
    op.drop_table("quote_checks_pending")
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))
            batch.create_check_constraint(
                op.f(f"ck_{table}_confidence"), "confidence >= 0 and confidence <= 1"
            )
    for statement in frozen_view_statements(AFTER):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(list(AFTER)):
        op.execute(statement)
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"ck_{table}_confidence"), type_="check")
            batch.drop_column("confidence")
    _pending_table("quote_checks_pending")
    op.execute(
        "insert into quote_checks_pending (meeting_id)"
        " select distinct meeting_id from statements where meeting_id is not null"
    )
    op.drop_table("meetings_pending")
    for statement in frozen_view_statements(BEFORE):
        op.execute(statement)
