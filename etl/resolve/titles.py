"""The title a person held on a day, from the dated roles on record: every role
active that day, in the order they were recorded, joined with ``; ``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DatedRole:
    title: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    def active_on(self, day: dt.date) -> bool:
        started = self.valid_from is None or self.valid_from <= day
        return started and (self.valid_to is None or self.valid_to >= day)


@dataclass
class RoleBook:
    """Roles by person id, read once per run instead of once per participant row."""

    roles: dict[int, list[DatedRole]] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[tuple[int, str, dt.date | None, dt.date | None]]) -> RoleBook:
        """``rows``: (person id, title, valid from, valid to) in recording order."""
        book = cls()
        for person_id, title, valid_from, valid_to in rows:
            book.roles.setdefault(person_id, []).append(DatedRole(title, valid_from, valid_to))
        return book

    def title_on(self, person_id: int, day: dt.date) -> str | None:
        titles = [r.title for r in self.roles.get(person_id, ()) if r.active_on(day)]
        return "; ".join(dict.fromkeys(titles)) or None
