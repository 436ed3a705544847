"""quote groups: each grouped statement checked against its best source

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30

``quote_checks`` holds, for each statement whose words other documents also
report, its group (the best source's statement id), the verdict against that
source and the words that differ; ``v_quote_checks`` reads it with names.
``quote_checks_pending`` lists the meetings to decide again (all meetings with
statements, at upgrade).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERDICTS = ("exact", "altered", "truncated", "paraphrased", "misattributed")


def upgrade() -> None:
    op.create_table(
        "quote_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("best_statement_id", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("difference", sa.Text(), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.CheckConstraint(
            "verdict in (" + ", ".join(repr(v) for v in VERDICTS) + ")",
            name=op.f("ck_quote_checks_verdict"),
        ),
        sa.CheckConstraint(
            "similarity >= 0 and similarity <= 100", name=op.f("ck_quote_checks_similarity")
        ),
        sa.ForeignKeyConstraint(
            ["best_statement_id"],
            ["statements.id"],
            name=op.f("fk_quote_checks_best_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_quote_checks_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_checks")),
        sa.UniqueConstraint("statement_id", name=op.f("uq_quote_checks_statement_id")),
    )
    with op.batch_alter_table("quote_checks") as batch:
        batch.create_index(batch.f("ix_quote_checks_group_id"), ["group_id"])
        batch.create_index(batch.f("ix_quote_checks_best_statement_id"), ["best_statement_id"])
    op.create_table(
        "quote_checks_pending",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_quote_checks_pending")),
    )
    # every meeting with statements is decided by the next run
    op.execute(
        "insert into quote_checks_pending (meeting_id)"
        " select distinct meeting_id from statements where meeting_id is not null"
    )
    for statement in frozen_view_statements({"v_quote_checks": "0018"}):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(["v_quote_checks"]):
        op.execute(statement)
    op.drop_table("quote_checks_pending")
    op.drop_table("quote_checks")
