"""The roles a person held on a day, from the dated roles on record (the
database's ``person_roles``), each with its id: a participant's title is stored
as the rows of the roles held, never as a joined string."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DatedRole:
    id: int
    title: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    def active_on(self, day: dt.date) -> bool:
        started = self.valid_from is None or self.valid_from <= day
        return started and (self.valid_to is None or self.valid_to >= day)


RoleRow = tuple[int, int, str, str, dt.date | None, dt.date | None]
"""(role id, person id, role key, title, valid from, valid to)"""


@dataclass
class RoleBook:
    """Roles by person id, read once per run instead of once per participant row."""

    roles: dict[int, list[DatedRole]] = field(default_factory=dict)
    ids: dict[tuple[int, str], int] = field(default_factory=dict)  # (person, role key) → id
    # meetings whose participants all hold this book's roles for the meeting's
    # date: a new source of one of them, same date, needs only its own rows
    # given roles (the book can differ from the last run's: a gazetteer edit)
    settled: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, rows: Iterable[RoleRow]) -> RoleBook:
        """``rows`` in recording order."""
        book = cls()
        for role_id, person_id, key, title, valid_from, valid_to in rows:
            book.roles.setdefault(person_id, []).append(
                DatedRole(role_id, title, valid_from, valid_to)
            )
            book.ids[(person_id, key)] = role_id
        return book

    def held_on(self, person_id: int, day: dt.date) -> list[int]:
        """Ids of the roles the person held that day, in recording order."""
        return [r.id for r in self.roles.get(person_id, ()) if r.active_on(day)]

    def id_of(self, person_id: int, key: str) -> int | None:
        return self.ids.get((person_id, key))
