"""Is a meeting date consistent with what else we know? A held meeting cannot
come after its document was published, and when the year was inferred, a
participant named by a title must hold a matching role on that day. The
consistent reading is kept and every conflict is recorded for analysts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from etl.extract.records import DateRange
from etl.resolve.gazetteer import PersonEntry


@dataclass(frozen=True)
class DateConflict:
    start: int
    end: int
    date_text: str
    parsed: dt.date
    reason: str
    resolution: str  # year_adjusted | dropped
    adopted: dt.date | None


@dataclass(frozen=True)
class TitledPerson:
    """A participant and the role kinds the document's own titles give them."""

    entry: PersonEntry
    kinds: frozenset[str]

    def inconsistent_on(self, day: dt.date) -> bool:
        matching = [r for r in self.entry.roles if self.kinds & set(r.kinds)]
        return bool(matching) and not any(r.active_on(day) for r in matching)


def _shift_year(value: DateRange, years: int) -> DateRange | None:
    try:
        start = value.start.replace(year=value.start.year + years) if value.start else None
        end = value.end.replace(year=value.end.year + years) if value.end else None
    except ValueError:
        return None
    return DateRange(start, end, value.text, year_known=False)


def _problem(
    value: DateRange, status: str, published: dt.date | None, people: Iterable[TitledPerson]
) -> str | None:
    assert value.start is not None
    if status == "held" and published is not None and value.start > published:
        return f"a held meeting dated after its document's publication ({published.isoformat()})"
    if value.year_known:
        return None  # an explicit year outweighs a loosely used title
    for person in people:
        if person.inconsistent_on(value.start):
            return f"{person.entry.name} held no role matching the document's title on that day"
    return None


def check_date(
    value: DateRange | None,
    *,
    status: str,
    published: dt.date | None,
    people: Iterable[TitledPerson],
    span: tuple[int, int],
) -> tuple[DateRange | None, DateConflict | None]:
    """The date to keep and, if the parsed one was inconsistent, the conflict."""
    if value is None or value.start is None:
        return value, None
    people = list(people)
    reason = _problem(value, status, published, people)
    if reason is None:
        return value, None
    if not value.year_known:
        earlier = _shift_year(value, -1)
        if earlier is not None and _problem(earlier, status, published, people) is None:
            assert earlier.start is not None
            conflict = DateConflict(
                *span, value.text, value.start, reason, "year_adjusted", earlier.start
            )
            return earlier, conflict
    return None, DateConflict(*span, value.text, value.start, reason, "dropped", None)
