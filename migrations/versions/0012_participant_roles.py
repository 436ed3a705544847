"""a participant's title is the rows of the roles held; documents keep their length

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30

``participant_roles`` has one row per role on record a participant held at the
meeting, replacing ``meeting_participants.title`` (the roles' titles joined with
'; '); ``v_participants`` joins the titles back for reading, and the check of
titles compares rows instead of matching text with LIKE. ``documents.text_length``
lets the span check compare spans with a stored length instead of reading every
text. Existing rows are carried over: a stored title becomes the rows of the
person's roles with those titles (held on the meeting date, when it has one).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from etl.db.views import drop_view_statements, frozen_view_statements

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ["v_participants"]
# SQLite rebuilds a table on a batch change and refuses while a view reads it:
# v_persons reads meeting_participants too, so it is dropped and made again, and
# a downgrade rebuilds documents, which the others read.
READERS = ["v_persons"]
DOCUMENT_READERS = ["v_documents", "v_statements", "v_outcomes", "v_date_conflicts"]
# the views as they were at 0011, by the revision that defined each
BEFORE = {
    "v_persons": "0006",
    "v_documents": "0002",
    "v_statements": "0002",
    "v_outcomes": "0002",
    "v_date_conflicts": "0004",
    "v_participants": "0011",
}

PARTICIPANT_TITLES = """
select meeting_participants.id, meeting_participants.person_id, meeting_participants.title,
    meetings.start_date
from meeting_participants
inner join meetings on meetings.id = meeting_participants.meeting_id
where meeting_participants.title is not null
order by meeting_participants.id
"""

ROLES = "select id, person_id, title, valid_from, valid_to from person_roles order by id"

TITLES = """
select participant_roles.participant_id, person_roles.title
from participant_roles
inner join person_roles on person_roles.id = participant_roles.role_id
order by participant_roles.participant_id, person_roles.id
"""


def upgrade() -> None:
    for statement in drop_view_statements(VIEWS + READERS):
        op.execute(statement)
    op.create_table(
        "participant_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["meeting_participants.id"],
            name=op.f("fk_participant_roles_participant_id_meeting_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["role_id"],
            ["person_roles.id"],
            name=op.f("fk_participant_roles_role_id_person_roles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant_roles")),
        sa.UniqueConstraint(
            "participant_id", "role_id", name=op.f("uq_participant_roles_participant_id_role_id")
        ),
    )
    op.create_index(
        op.f("ix_participant_roles_participant_id"), "participant_roles", ["participant_id"]
    )
    op.create_index(op.f("ix_participant_roles_role_id"), "participant_roles", ["role_id"])
    _carry_over()
    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.drop_column("title")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text_length", sa.Integer(), nullable=True))
    op.execute("update documents set text_length = length(text) where text is not null")
    for statement in frozen_view_statements({"v_persons": "0006", "v_participants": "0012"}):
        op.execute(statement)


def _carry_over() -> None:
    """A stored title becomes the rows of the person's roles it names (split on
    '; ', compared exactly): those held on the meeting's date, or all it names
    when none is held that day or the meeting has no date (as the loader does)."""
    connection = op.get_bind()
    roles: dict[int, list[tuple[int, str, str | None, str | None]]] = {}
    for role_id, person_id, title, valid_from, valid_to in connection.execute(sa.text(ROLES)):
        roles.setdefault(person_id, []).append((role_id, title, _day(valid_from), _day(valid_to)))
    rows = []
    for participant_id, person_id, title, start in connection.execute(sa.text(PARTICIPANT_TITLES)):
        parts, day = set(title.split("; ")), _day(start)
        named = [role for role in roles.get(person_id, []) if role[1] in parts]
        held = [
            role
            for role in named
            if day is not None
            and (role[2] is None or role[2] <= day)
            and (role[3] is None or role[3] >= day)
        ]
        rows.extend({"participant": participant_id, "role": role[0]} for role in held or named)
    if rows:
        insert = (
            "insert into participant_roles (participant_id, role_id) values (:participant, :role)"
        )
        connection.execute(sa.text(insert), rows)


def _day(value: object) -> str | None:
    """A date as ISO text, whether the driver gives a date (PostgreSQL) or text."""
    return None if value is None else str(value)[:10]


def downgrade() -> None:
    for statement in drop_view_statements(VIEWS + READERS + DOCUMENT_READERS):
        op.execute(statement)
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("text_length")
    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title", sa.String(length=256), nullable=True))
    connection = op.get_bind()
    titles: dict[int, list[str]] = {}
    for participant_id, title in connection.execute(sa.text(TITLES)):
        held = titles.setdefault(participant_id, [])
        if title not in held:
            held.append(title)
    update = sa.text("update meeting_participants set title = :title where id = :id")
    for participant_id, held in titles.items():
        connection.execute(update, {"title": "; ".join(held), "id": participant_id})
    op.drop_table("participant_roles")
    for statement in frozen_view_statements(BEFORE):
        op.execute(statement)
