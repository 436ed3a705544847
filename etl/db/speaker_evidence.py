"""The evidence behind each statement's speaker: how the speaker was found,
and what the statement's quote checks say of it."""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session, aliased

from etl.db.models import QuoteCheck, Statement
from etl.resolve.confidence import Evidence, SpeakerEvidence

AGREEING = ("exact", "truncated", "altered")  # the same words, give or take an edit
_IDEOGRAPH = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def words(text: str) -> int:
    """Words of a statement; two CJK characters count as one (no spaces there)."""
    return max(len(text.split()), len(_IDEOGRAPH.findall(text)) // 2)


def _checks(
    session: Session, meeting_ids: list[int], confirmed: set[int], verdicts: dict[int, str]
) -> None:
    """Fill ``verdicts`` (each checked statement's) and ``confirmed`` (statements
    whose words another document gives to the same speaker)."""
    best = aliased(Statement)
    member = aliased(Statement)
    query = (
        select(
            member.id.label("member"),
            member.document_id.label("member_document"),
            member.speaker_id.label("member_speaker"),
            best.id.label("best"),
            best.document_id.label("best_document"),
            best.speaker_id.label("best_speaker"),
            QuoteCheck.verdict,
        )
        .join(member, member.id == QuoteCheck.statement_id)
        .join(best, best.id == QuoteCheck.best_statement_id)
        .where(member.meeting_id.in_(meeting_ids))
    )
    for row in session.execute(query):
        verdicts[row.member] = row.verdict
        if (
            row.verdict in AGREEING
            and row.member_document != row.best_document
            and row.member_speaker is not None
            and row.member_speaker == row.best_speaker
        ):
            confirmed |= {row.member, row.best}


def speaker_evidence(
    session: Session, statements: ColumnElement[bool], meeting_ids: list[int] | None
) -> list[SpeakerEvidence]:
    """How each chosen statement's speaker was found, and what its quote checks
    say (read for ``meeting_ids``: a quote group never leaves its meeting; a
    statement of no meeting has none)."""
    confirmed: set[int] = set()
    verdicts: dict[int, str] = {}
    if meeting_ids:
        _checks(session, meeting_ids, confirmed, verdicts)
    rows = session.execute(
        select(Statement.id, Statement.kind, Statement.speaker_id, Statement.speaker_method)
        .add_columns(Statement.text)
        .where(statements)
        .order_by(Statement.id)
    )
    return [
        SpeakerEvidence(
            statement_id=row.id,
            kind=row.kind,
            method=(row.speaker_method or "unknown") if row.speaker_id is not None else None,
            words=words(row.text),
            verdict=verdicts.get(row.id),
            confirmed=row.id in confirmed,
        )
        for row in rows
    ]


def evidence_of_unplaced_statements(session: Session, undecided: bool = True) -> list[Evidence]:
    """Statements of no meeting (only those still without a confidence, unless
    ``undecided`` is False)."""
    chosen: ColumnElement[bool] = Statement.meeting_id.is_(None)
    if undecided:
        chosen = and_(chosen, Statement.confidence.is_(None))
    return list(speaker_evidence(session, chosen, None))
