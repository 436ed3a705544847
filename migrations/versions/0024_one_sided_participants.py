"""v_fact_conflicts: participants only one government's documents name

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-01

For a meeting both governments' own documents report, a person whom only one
side's readouts name as taking part is a row per such source (field
``participant``, rule ``one_sided``), as an outcome only one side reports is.
"""

from collections.abc import Sequence

from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in drop_view_statements(["v_fact_conflicts"]) + frozen_view_statements(
        {"v_fact_conflicts": "0024"}
    ):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(["v_fact_conflicts"]) + frozen_view_statements(
        {"v_fact_conflicts": "0023"}
    ):
        op.execute(statement)
