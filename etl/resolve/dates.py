"""Is a meeting date consistent with what else we know? A held meeting cannot
come after its document was published, and when the year was inferred, a
participant named by a title must hold a matching role on that day. The
consistent reading is kept and every conflict is recorded for analysts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from etl.extract.records import DateRange
from etl.resolve.gazetteer import PersonEntry, Role
from etl.resolve.persons import kind_matches

FIRST_YEAR = 1949  # no role in the gazetteer starts earlier


@dataclass(frozen=True)
class DateConflict:
    start: int
    end: int
    date_text: str
    parsed: dt.date | None  # None: a month and day without a year
    reason: str
    resolution: str  # year_adjusted | dropped | calendar
    adopted: dt.date | None


@dataclass(frozen=True)
class TitledPerson:
    """A participant and the role kinds the document's own titles give them."""

    entry: PersonEntry
    kinds: frozenset[str]

    @cached_property
    def matching_roles(self) -> list[Role]:
        """The roles the document's titles name: exactly ("Foreign Minister"), or
        else loosely ("Minister Qin Gang")."""
        exact = [r for r in self.entry.roles if self.kinds & set(r.kinds)]
        if exact:
            return exact
        return [r for r in self.entry.roles if any(kind_matches(k, r.kinds) for k in self.kinds)]

    def inconsistent_on(self, day: dt.date) -> bool:
        matching = self.matching_roles
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


def _fitting_years(
    month_day: tuple[int, int], people: list[TitledPerson], today: dt.date
) -> list[int]:
    """The years in which every titled participant held the role the document
    names on that month and day, up to ``today``."""
    years = []
    for year in range(FIRST_YEAR, today.year + 1):
        try:
            day = dt.date(year, *month_day)
        except ValueError:
            continue
        if day <= today and not any(person.inconsistent_on(day) for person in people):
            years.append(year)
    return years


def _year_less(
    value: DateRange, people: list[TitledPerson], span: tuple[int, int], today: dt.date
) -> tuple[DateRange | None, DateConflict | None]:
    """ "Dec. 21" in a story without a date: the one year the titles allow, or
    none (a conflict), or the month and day kept for the calendar to match."""
    assert value.month_day is not None
    if not any(person.matching_roles for person in people):
        return value, None
    years = _fitting_years(value.month_day, people, today)
    if len(years) == 1:
        day = dt.date(years[0], *value.month_day)
        return DateRange(day, day, value.text, year_known=False), None
    if years:
        return value, None
    names = " and ".join(p.entry.name for p in people if p.matching_roles)
    reason = f"in no year did {names} hold the roles the document names on that day"
    return None, DateConflict(*span, value.text, None, reason, "dropped", None)


def check_date(
    value: DateRange | None,
    *,
    status: str,
    published: dt.date | None,
    people: Iterable[TitledPerson],
    span: tuple[int, int],
    today: dt.date,
) -> tuple[DateRange | None, DateConflict | None]:
    """The date to keep and, if the parsed one was inconsistent, the conflict.
    ``today`` bounds the years a date without one may be in: the caller's clock."""
    people = list(people)
    if value is not None and value.start is None and value.month_day is not None:
        return _year_less(value, people, span, today)
    if value is None or value.start is None:
        return value, None
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
