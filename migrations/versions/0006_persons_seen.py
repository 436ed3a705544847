"""v_persons lists the persons the documents mention

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ["v_persons"]


def upgrade() -> None:
    for statement in drop_view_statements(VIEWS) + frozen_view_statements({"v_persons": "0006"}):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS) + frozen_view_statements({"v_persons": "0002"}):
        op.execute(statement)
