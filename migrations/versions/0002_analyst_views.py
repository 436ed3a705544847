"""analyst views from sql/views

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ["v_documents", "v_persons", "v_meetings", "v_participants", "v_statements", "v_outcomes"]
# each view as this revision defined it (sql/views/history/0002/)
DEFINED = dict.fromkeys(VIEWS, "0002")


def upgrade() -> None:
    for statement in drop_view_statements(VIEWS):
        op.execute(statement)
    for statement in frozen_view_statements(DEFINED):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS):
        op.execute(statement)
