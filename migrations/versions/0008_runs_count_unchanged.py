"""runs count unchanged documents apart from skipped ones

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30

``documents_skipped`` counted unchanged, stale and rejected documents together,
so ``etl status`` could not say what the run summary said. From here on it
counts documents that were rejected (empty, binary, too large) and
``documents_unchanged`` those already loaded; earlier runs keep their totals in
``documents_skipped``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ingestion_runs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("documents_unchanged", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    op.execute(
        "update ingestion_runs set documents_skipped = documents_skipped + documents_unchanged"
    )
    with op.batch_alter_table("ingestion_runs", schema=None) as batch_op:
        batch_op.drop_column("documents_unchanged")
