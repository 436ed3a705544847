"""v_participants chooses by rule where sources differ

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30

A participant's written title, role titles and side are what most sources give
(a capitalised written title first), ties broken alphabetically, instead of the
max()/min() of their text.
"""

from collections.abc import Sequence

from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ["v_participants"]


def upgrade() -> None:
    for statement in drop_view_statements(VIEWS) + frozen_view_statements(
        {"v_participants": "0017"}
    ):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS) + frozen_view_statements(
        {"v_participants": "0012"}
    ):
        op.execute(statement)
