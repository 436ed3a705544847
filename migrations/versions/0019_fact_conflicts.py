"""v_fact_conflicts: where a meeting's sources disagree, and what was kept

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-30

One row per source and value of a disagreement on a meeting's date, place or
status, and per date the loader corrected (date_conflicts), with the value the
meeting keeps and the rule that chose it.
"""

from collections.abc import Sequence

from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in frozen_view_statements({"v_fact_conflicts": "0019"}):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(["v_fact_conflicts"]):
        op.execute(statement)
