"""v_meetings says where each meeting's day is known from (date_source)

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30

Of the mentions that report the meeting's day, the strongest source: the text
itself, an earlier sentence, the dateline, or the reference calendar.
"""

from collections.abc import Sequence

from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ["v_meetings"]


def upgrade() -> None:
    for statement in drop_view_statements(VIEWS) + frozen_view_statements({"v_meetings": "0015"}):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS) + frozen_view_statements({"v_meetings": "0002"}):
        op.execute(statement)
