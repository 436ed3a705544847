"""Quote checks into the database: the checks of a set of meetings replaced in
bulk (delete theirs, insert the new), so deciding again gives the same rows."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from etl.db.models import QuoteCheck, Statement
from etl.load.upsert import insert_many
from etl.resolve.quote_checks import QuoteCheck as Check


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
