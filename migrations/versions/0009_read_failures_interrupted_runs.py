"""read failures beside documents; runs know their process and can be interrupted

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30

A document that cannot be read in a later run keeps its text and facts; the
failure goes to ``read_failures``. A run records its host and process id, so
the next run can mark a run whose process is gone ``interrupted``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = "status in ('running', 'succeeded', 'failed', 'partial')"
NEW_STATUSES = "status in ('running', 'succeeded', 'failed', 'partial', 'interrupted')"


def upgrade() -> None:
    op.create_table(
        "read_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("failed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_read_failures_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingestion_runs.id"],
            name=op.f("fk_read_failures_run_id_ingestion_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_read_failures")),
    )
    with op.batch_alter_table("read_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_read_failures_document_id"), ["document_id"])
        batch_op.create_index(batch_op.f("ix_read_failures_run_id"), ["run_id"])
    with op.batch_alter_table("ingestion_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("host", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("pid", sa.Integer(), nullable=True))
        batch_op.drop_constraint(op.f("ck_ingestion_runs_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_ingestion_runs_status"), NEW_STATUSES)


def downgrade() -> None:
    op.execute("update ingestion_runs set status = 'failed' where status = 'interrupted'")
    with op.batch_alter_table("ingestion_runs", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_ingestion_runs_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_ingestion_runs_status"), OLD_STATUSES)
        batch_op.drop_column("pid")
        batch_op.drop_column("host")
    with op.batch_alter_table("read_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_read_failures_run_id"))
        batch_op.drop_index(batch_op.f("ix_read_failures_document_id"))
    op.drop_table("read_failures")
