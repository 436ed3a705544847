"""each source's outcome status; the confidence model a run decided with

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-01

``outcome_mentions.reported_status`` keeps what each source says of an outcome
(agreed, discussed): an outcome is agreed when any source says so, whatever
order its sources came in, and ``v_fact_conflicts`` shows the sources of an
outcome reported both ways (field ``outcome_status``). Existing mentions take
their outcome's status. ``ingestion_runs.confidence_model`` records the
fingerprint of the confidence model and data a run decided with: the next run
with another decides every confidence again. In ``v_fact_conflicts`` a source's
day the meeting carries is always a row, as well as the day its strongest
evidence gives (0022 could hide the kept day when a weaker sentence gave it).

Existing mentions take their outcome's status, so an upgraded database shows
no outcome_status disagreement until its documents are extracted again (they
are stale: extractor 0.6.0; ``etl run --reprocess``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = "reported_status in ('agreed', 'discussed')"
# the views that read outcome_mentions, which SQLite rebuilds: dropped first
READERS = ["v_outcomes", "v_fact_conflicts"]


def upgrade() -> None:
    for statement in drop_view_statements(READERS):
        op.execute(statement)
    with op.batch_alter_table("outcome_mentions") as batch:
        batch.add_column(sa.Column("reported_status", sa.String(length=16), nullable=True))
        batch.create_check_constraint(op.f("ck_outcome_mentions_reported_status"), STATUSES)
    op.execute(
        "update outcome_mentions set reported_status ="
        " (select status from outcomes where outcomes.id = outcome_mentions.outcome_id)"
    )
    with op.batch_alter_table("ingestion_runs") as batch:
        batch.add_column(sa.Column("confidence_model", sa.String(length=64), nullable=True))
    for statement in frozen_view_statements({"v_outcomes": "0021", "v_fact_conflicts": "0023"}):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_view_statements(READERS):
        op.execute(statement)
    with op.batch_alter_table("ingestion_runs") as batch:
        batch.drop_column("confidence_model")
    with op.batch_alter_table("outcome_mentions") as batch:
        batch.drop_constraint(op.f("ck_outcome_mentions_reported_status"), type_="check")
        batch.drop_column("reported_status")
    for statement in frozen_view_statements({"v_outcomes": "0021", "v_fact_conflicts": "0022"}):
        op.execute(statement)
