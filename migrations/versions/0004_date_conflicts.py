"""date conflicts

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ["v_date_conflicts"]


def upgrade() -> None:
    op.create_table(
        "date_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("date_text", sa.String(length=128), nullable=False),
        sa.Column("parsed_date", sa.Date(), nullable=False),
        sa.Column("adopted_date", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "resolution in ('year_adjusted', 'dropped')", name=op.f("ck_date_conflicts_resolution")
        ),
        sa.CheckConstraint(
            "char_start >= 0 and char_end >= char_start", name=op.f("ck_date_conflicts_span")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_date_conflicts_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_date_conflicts_meeting_id_meetings"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_date_conflicts")),
    )
    with op.batch_alter_table("date_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_date_conflicts_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_date_conflicts_meeting_id"), ["meeting_id"], unique=False
        )
    for statement in frozen_view_statements({"v_date_conflicts": "0004"}):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS):
        op.execute(statement)
    with op.batch_alter_table("date_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_date_conflicts_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_date_conflicts_document_id"))

    op.drop_table("date_conflicts")
