"""participants keep the title their document gives them

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30

``meeting_participants.title`` is the role the reference data says the person
held on the meeting date; ``title_as_written`` is the title the document puts
before the name ("Defense Secretary Lloyd Austin"). ``v_participants`` shows
the title as written, followed by the role on record when that says more.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ["v_participants"]
# SQLite rebuilds a table on a batch change and refuses while a view reads it:
# v_persons reads meeting_participants too, so it is dropped and made again.
READERS = ["v_persons"]


def upgrade() -> None:
    for statement in drop_view_statements(VIEWS):
        op.execute(statement)
    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title_as_written", sa.String(length=256), nullable=True))
    for statement in frozen_view_statements({"v_participants": "0010"}):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS + READERS):
        op.execute(statement)
    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.drop_column("title_as_written")
    for statement in frozen_view_statements({"v_persons": "0006", "v_participants": "0002"}):
        op.execute(statement)
