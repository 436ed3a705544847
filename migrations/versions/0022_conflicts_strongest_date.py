"""v_fact_conflicts: a source's date is the one its strongest evidence gives

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-01

A story whose lede took the dateline's day and whose next paragraph names the
meeting's own day ("late Thursday") reported two days for one meeting, and so
disagreed with itself. Each source's date is now the one its strongest
evidence gives: its own words, then an earlier sentence, its dateline, the
reference calendar.
"""

from collections.abc import Sequence

from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in drop_view_statements(["v_fact_conflicts"]) + frozen_view_statements(
        {"v_fact_conflicts": "0022"}
    ):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(["v_fact_conflicts"]) + frozen_view_statements(
        {"v_fact_conflicts": "0020"}
    ):
        op.execute(statement)
