"""person mentions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("mention_text", sa.String(length=512), nullable=False),
        sa.Column("mention_kind", sa.String(length=32), nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "char_start >= 0 and char_end >= char_start", name=op.f("ck_person_mentions_span")
        ),
        sa.CheckConstraint("score >= 0 and score <= 1", name=op.f("ck_person_mentions_score")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_person_mentions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_person_mentions_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_mentions")),
        sa.UniqueConstraint(
            "document_id",
            "char_start",
            "char_end",
            name=op.f("uq_person_mentions_document_id_char_start_char_end"),
        ),
    )
    with op.batch_alter_table("person_mentions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_mentions_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_mentions_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("person_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_mentions_person_id"))
        batch_op.drop_index(batch_op.f("ix_person_mentions_document_id"))

    op.drop_table("person_mentions")
