"""how each meeting mention was found

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-01

``meeting_mentions.found_by`` records how the text told the meeting: a meeting
cue ("met", "held talks"), a weak one ("talks", "spoke with"), a transcript's
title, a group of both sides' officials, or a visit. It is the cue strength a
meeting's confidence weighs; mentions loaded before have none until their
documents are extracted again (they are stale: extractor 0.6.0; ``etl run
--reprocess``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the views that read meeting_mentions, which SQLite rebuilds: dropped first
READERS = {"v_meetings": "0021", "v_fact_conflicts": "0024"}
FOUND_BY = "found_by in ('cue', 'weak_cue', 'title', 'group', 'visit')"


def upgrade() -> None:
    for statement in drop_view_statements(list(READERS)):
        op.execute(statement)
    with op.batch_alter_table("meeting_mentions") as batch:
        batch.add_column(sa.Column("found_by", sa.String(length=16), nullable=True))
        batch.create_check_constraint(op.f("ck_meeting_mentions_found_by"), FOUND_BY)
    for statement in frozen_view_statements(READERS):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(list(READERS)):
        op.execute(statement)
    with op.batch_alter_table("meeting_mentions") as batch:
        batch.drop_constraint(op.f("ck_meeting_mentions_found_by"), type_="check")
        batch.drop_column("found_by")
    for statement in frozen_view_statements(READERS):
        op.execute(statement)
