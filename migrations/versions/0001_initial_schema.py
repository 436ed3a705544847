"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ingestion_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("documents_seen", sa.Integer(), nullable=False),
        sa.Column("documents_loaded", sa.Integer(), nullable=False),
        sa.Column("documents_skipped", sa.Integer(), nullable=False),
        sa.Column("documents_failed", sa.Integer(), nullable=False),
        sa.Column("flow_run_id", sa.String(length=64), nullable=True),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "status in ('running', 'succeeded', 'failed', 'partial')",
            name=op.f("ck_ingestion_runs_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingestion_runs")),
    )
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_key", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("city", sa.String(length=128), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("venue", sa.String(length=256), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("kind in ('in_person', 'call', 'video')", name=op.f("ck_meetings_kind")),
        sa.CheckConstraint(
            "status in ('held', 'planned', 'cancelled')", name=op.f("ck_meetings_status")
        ),
        sa.CheckConstraint(
            "country is null or length(country) = 2", name=op.f("ck_meetings_country_alpha2")
        ),
        sa.CheckConstraint(
            "end_date is null or start_date is null or end_date >= start_date",
            name=op.f("ck_meetings_dates"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sa.UniqueConstraint("meeting_key", name=op.f("uq_meetings_meeting_key")),
    )
    op.create_table(
        "persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canonical_name", sa.String(length=256), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("wikidata_id", sa.String(length=32), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("source in ('gazetteer', 'extracted')", name=op.f("ck_persons_source")),
        sa.CheckConstraint(
            "country is null or length(country) = 2", name=op.f("ck_persons_country_alpha2")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
        sa.UniqueConstraint("canonical_name", name=op.f("uq_persons_canonical_name")),
        sa.UniqueConstraint("wikidata_id", name=op.f("uq_persons_wikidata_id")),
    )
    op.create_table(
        "topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topics")),
        sa.UniqueConstraint("slug", name=op.f("uq_topics_slug")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=256), nullable=True),
        sa.Column("author", sa.String(length=256), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("extractor_version", sa.String(length=32), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status in ('loaded', 'failed', 'skipped')", name=op.f("ck_documents_status")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingestion_runs.id"],
            name=op.f("fk_documents_run_id_ingestion_runs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("name", name=op.f("uq_documents_name")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_sha256"), ["sha256"], unique=False)

    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("outcome_key", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "category in ('working_group', 'talks', 'dialogue_mechanism', 'commitment', 'invitation', 'other')",
            name=op.f("ck_outcomes_category"),
        ),
        sa.CheckConstraint("status in ('agreed', 'discussed')", name=op.f("ck_outcomes_status")),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_outcomes_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topics.id"],
            name=op.f("fk_outcomes_topic_id_topics"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcomes")),
        sa.UniqueConstraint(
            "meeting_id", "outcome_key", name=op.f("uq_outcomes_meeting_id_outcome_key")
        ),
    )
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcomes_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "person_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=256), nullable=False),
        sa.Column("normalized", sa.String(length=256), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_person_aliases_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_aliases")),
        sa.UniqueConstraint("normalized", name=op.f("uq_person_aliases_normalized")),
    )
    with op.batch_alter_table("person_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_aliases_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "person_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role_key", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=256), nullable=False),
        sa.Column("organization", sa.String(length=256), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "valid_to is null or valid_from is null or valid_to >= valid_from",
            name=op.f("ck_person_roles_dates"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_person_roles_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_roles")),
        sa.UniqueConstraint(
            "person_id", "role_key", name=op.f("uq_person_roles_person_id_role_key")
        ),
    )
    with op.batch_alter_table("person_roles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_roles_person_id"), ["person_id"], unique=False)

    op.create_table(
        "meeting_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("reported_kind", sa.String(length=16), nullable=False),
        sa.Column("reported_status", sa.String(length=16), nullable=False),
        sa.Column("reported_date", sa.Date(), nullable=True),
        sa.Column("reported_end_date", sa.Date(), nullable=True),
        sa.Column("date_text", sa.String(length=128), nullable=True),
        sa.Column("city", sa.String(length=128), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("venue", sa.String(length=256), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "char_start >= 0 and char_end >= char_start", name=op.f("ck_meeting_mentions_span")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_meeting_mentions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_mentions_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_mentions")),
        sa.UniqueConstraint(
            "document_id",
            "char_start",
            "char_end",
            name=op.f("uq_meeting_mentions_document_id_char_start_char_end"),
        ),
    )
    with op.batch_alter_table("meeting_mentions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_mentions_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_mentions_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "meeting_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=256), nullable=True),
        sa.Column("side", sa.String(length=2), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "char_start >= 0 and char_end >= char_start", name=op.f("ck_meeting_participants_span")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_meeting_participants_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_participants_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_meeting_participants_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_participants")),
        sa.UniqueConstraint(
            "meeting_id",
            "person_id",
            "document_id",
            name=op.f("uq_meeting_participants_meeting_id_person_id_document_id"),
        ),
    )
    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_participants_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_participants_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_participants_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "outcome_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outcome_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "char_start >= 0 and char_end >= char_start", name=op.f("ck_outcome_mentions_span")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_outcome_mentions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outcome_id"],
            ["outcomes.id"],
            name=op.f("fk_outcome_mentions_outcome_id_outcomes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_mentions")),
        sa.UniqueConstraint(
            "outcome_id",
            "document_id",
            "char_start",
            "char_end",
            name=op.f("uq_outcome_mentions_outcome_id_document_id_char_start_char_end"),
        ),
    )
    with op.batch_alter_table("outcome_mentions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_mentions_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_outcome_mentions_outcome_id"), ["outcome_id"], unique=False
        )

    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_label", sa.String(length=256), nullable=True),
        sa.Column("speaker_method", sa.String(length=32), nullable=True),
        sa.Column("speaker_score", sa.Float(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("via_interpreter", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("turn_index", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "kind in ('transcript_turn', 'direct_quote', 'reported')",
            name=op.f("ck_statements_kind"),
        ),
        sa.CheckConstraint(
            "char_start >= 0 and char_end >= char_start", name=op.f("ck_statements_span")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_statements_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_statements_meeting_id_meetings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["persons.id"],
            name=op.f("fk_statements_speaker_id_persons"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
        sa.UniqueConstraint(
            "document_id",
            "char_start",
            "char_end",
            "kind",
            name=op.f("uq_statements_document_id_char_start_char_end_kind"),
        ),
    )
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_statements_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_statements_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_speaker_id"), ["speaker_id"], unique=False)

    op.create_table(
        "statement_topics",
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_statement_topics_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topics.id"],
            name=op.f("fk_statement_topics_topic_id_topics"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", "topic_id", name=op.f("pk_statement_topics")),
    )


def downgrade() -> None:
    op.drop_table("statement_topics")
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statements_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_statements_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_statements_document_id"))

    op.drop_table("statements")
    with op.batch_alter_table("outcome_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_mentions_outcome_id"))
        batch_op.drop_index(batch_op.f("ix_outcome_mentions_document_id"))

    op.drop_table("outcome_mentions")
    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_participants_person_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_participants_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_participants_document_id"))

    op.drop_table("meeting_participants")
    with op.batch_alter_table("meeting_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_mentions_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_mentions_document_id"))

    op.drop_table("meeting_mentions")
    with op.batch_alter_table("person_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_roles_person_id"))

    op.drop_table("person_roles")
    with op.batch_alter_table("person_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_aliases_person_id"))

    op.drop_table("person_aliases")
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcomes_meeting_id"))

    op.drop_table("outcomes")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_sha256"))

    op.drop_table("documents")
    op.drop_table("topics")
    op.drop_table("persons")
    op.drop_table("meetings")
    op.drop_table("ingestion_runs")
