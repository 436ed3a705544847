"""v_outcomes names its first source by an ordering rule, not by load order

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30

The source ``v_outcomes`` shows for an outcome was the mention with the lowest
id: whichever document happened to be loaded first. It is now the earliest
published document (undated ones last), then by name, then the earliest span,
so the same documents give the same row in any load order.
"""

from collections.abc import Sequence

from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ["v_outcomes"]


def upgrade() -> None:
    for statement in drop_view_statements(VIEWS) + frozen_view_statements({"v_outcomes": "0014"}):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS) + frozen_view_statements({"v_outcomes": "0002"}):
        op.execute(statement)
