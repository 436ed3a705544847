"""a title written as the role on record, up to its dots, shows as written

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30

"US Trade Representative" in a story and "U.S. Trade Representative" on record
are one title: ``v_participants`` now shows the document's spelling instead of
both joined ("US Trade Representative; U.S. Trade Representative").
"""

from collections.abc import Sequence

from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ["v_participants"]


def upgrade() -> None:
    for statement in drop_view_statements(VIEWS) + frozen_view_statements(
        {"v_participants": "0011"}
    ):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS) + frozen_view_statements(
        {"v_participants": "0010"}
    ):
        op.execute(statement)
