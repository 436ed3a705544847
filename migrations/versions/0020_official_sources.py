"""official sources as reference data; v_fact_conflicts marks one-sided outcomes

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-30

``official_sources`` holds the rules of ``etl/resolve/data/sources.yaml`` (a URL
host suffix or an outlet, and the government it speaks for), synced by every
run. ``v_fact_conflicts`` adds, for a meeting both governments' own documents
report, a row per official source of an outcome only one side reports.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "official_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("pattern", sa.String(length=128), nullable=False),
        sa.Column("side", sa.String(length=2), nullable=False),
        sa.CheckConstraint("kind in ('host', 'outlet')", name=op.f("ck_official_sources_kind")),
        sa.CheckConstraint("length(side) = 2", name=op.f("ck_official_sources_side_alpha2")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_official_sources")),
        sa.UniqueConstraint("kind", "pattern", name=op.f("uq_official_sources_kind_pattern")),
    )
    for statement in drop_view_statements(["v_fact_conflicts"]) + frozen_view_statements(
        {"v_fact_conflicts": "0020"}
    ):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(["v_fact_conflicts"]) + frozen_view_statements(
        {"v_fact_conflicts": "0019"}
    ):
        op.execute(statement)
    op.drop_table("official_sources")
