"""Quote checks into the database: the checks of a set of meetings replaced in
bulk (delete theirs, insert the new), so deciding again gives the same rows."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, delete, or_, select, update
from sqlalchemy.orm import Session, aliased

from etl.db.models import MeetingPending, QuoteCheck, Statement
from etl.load.upsert import insert_many
from etl.resolve.quote_checks import QuoteCheck as Check

CHUNK = 500  # meetings per statement: PostgreSQL takes at most 65,535 parameters


def replace_quote_checks(session: Session, meeting_ids: Iterable[int], checks: list[Check]) -> int:
    ids = sorted(set(meeting_ids))
    if not ids:
        return 0
    statements = select(Statement.id).where(Statement.meeting_id.in_(ids))
    session.execute(
        delete(QuoteCheck).where(QuoteCheck.statement_id.in_(statements)),
        execution_options={"synchronize_session": False},
    )
    insert_many(
        session,
        QuoteCheck.__table__,  # type: ignore[arg-type]
        [
            {
                "statement_id": c.statement_id,
                "group_id": c.group_id,
                "best_statement_id": c.best_statement_id,
                "verdict": c.verdict,
                "difference": c.difference,
                "similarity": c.similarity,
            }
            for c in checks
        ],
    )
    return len(checks)


def settle_pending(session: Session, meeting_ids: Iterable[int]) -> None:
    """Unmark decided meetings, and drop checks a meeting change left behind (a
    statement that lost its meeting, or whose best source is now elsewhere)."""
    ids = sorted(set(meeting_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        session.execute(delete(MeetingPending).where(MeetingPending.meeting_id.in_(chunk)))
    # a statement left without a meeting loses its checks: its confidence,
    # which counted them, is decided again (as an unplaced statement's)
    stray = select(QuoteCheck.statement_id).where(QuoteCheck.id.in_(stray_checks()))
    stray_best = select(QuoteCheck.best_statement_id).where(QuoteCheck.id.in_(stray_checks()))
    session.execute(
        update(Statement)
        .where(
            Statement.meeting_id.is_(None),
            or_(Statement.id.in_(stray), Statement.id.in_(stray_best)),
        )
        .values(confidence=None),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        delete(QuoteCheck).where(QuoteCheck.id.in_(stray_checks())),
        execution_options={"synchronize_session": False},
    )


def stray_checks() -> Select[tuple[int]]:
    """Checks a meeting change left behind: the statement lost its meeting, or
    its best source is now in another meeting (or in none)."""
    reported, best = aliased(Statement), aliased(Statement)
    return (
        select(QuoteCheck.id)
        .join(reported, reported.id == QuoteCheck.statement_id)
        .join(best, best.id == QuoteCheck.best_statement_id)
        .where(
            or_(
                reported.meeting_id.is_(None),
                best.meeting_id.is_(None),
                reported.meeting_id != best.meeting_id,
            )
        )
    )


def meetings_of_stray_checks(session: Session) -> list[int]:
    """The meetings whose statements hold stray checks: decided again with the rest."""
    query = (
        select(Statement.meeting_id)
        .join(QuoteCheck, QuoteCheck.statement_id == Statement.id)
        .where(QuoteCheck.id.in_(stray_checks()), Statement.meeting_id.is_not(None))
    )
    return sorted({m for m in session.scalars(query.distinct()) if m is not None})
