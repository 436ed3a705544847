"""analyst views from sql/views

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

from etl.db.views import VIEWS_DIR, create_view_statements, drop_view_statements

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ["v_documents", "v_persons", "v_meetings", "v_participants", "v_statements", "v_outcomes"]
# The views as this revision defined them, where a later revision replaced them:
# v_persons (0006) and v_participants (0010).
FROZEN = {name: VIEWS_DIR / "history" / "0002" for name in ("v_persons", "v_participants")}


def upgrade() -> None:
    for statement in drop_view_statements(VIEWS):
        op.execute(statement)
    for name in VIEWS:
        for statement in create_view_statements([name], FROZEN.get(name, VIEWS_DIR)):
            op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS):
        op.execute(statement)
