"""The reference gazetteer of persons and their dated roles (``data/persons.yaml``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from etl.extract.nlp import SAFE_LOADER, NamePattern
from etl.extract.text import is_hangul
from etl.resolve.names import normalize_name

DEFAULT_PATH = Path(__file__).with_name("data") / "persons.yaml"
_VOWEL_GROUPS = re.compile(r"[aeiouü]+")


@dataclass(frozen=True)
class Role:
    title: str
    organization: str | None
    kinds: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None

    @property
    def key(self) -> str:
        """Natural key of a role; an unknown start is part of the key, not a NULL."""
        return f"{self.title}|{self.valid_from.isoformat() if self.valid_from else '?'}"

    def active_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.valid_to is None
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day <= self.valid_to


@dataclass(frozen=True)
class PersonEntry:
    name: str
    surname: str | None
    country: str | None
    wikidata: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...] = field(default=())

    @property
    def surnames(self) -> tuple[str, ...]:
        """The surname, and for a Chinese name its Hangul reading: Korean writes
        Chinese names unspaced, family name first ("시진핑" → "시", "왕이" → "왕")."""
        found = [self.surname] if self.surname else []
        if self.country == "CN" and self.surname:
            syllables = len(_VOWEL_GROUPS.findall(self.name.lower()))
            hangul = [a for a in self.aliases if is_hangul(a) and " " not in a]
            # one Hangul syllable per pinyin syllable: "Xi Jinping" / "시진핑", but
            # not "Zhao Lijian" / "자오리젠", where "Zhao" takes two
            found.extend(a[0] for a in hangul[:1] if len(a) == syllables)
        return tuple(found)

    def roles_on(self, day: dt.date | None) -> list[Role]:
        return [r for r in self.roles if r.active_on(day)]

    def title_on(self, day: dt.date | None) -> str | None:
        """Titles held on a day, joined: "State Councilor; Foreign Minister"."""
        if day is None:
            return None
        titles: list[str] = []
        for role in self.roles_on(day):
            if role.title not in titles:
                titles.append(role.title)
        return "; ".join(titles) or None


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _entry(raw: dict[str, Any]) -> PersonEntry:
    roles = tuple(
        Role(
            title=r["title"],
            organization=r.get("organization"),
            kinds=tuple(r.get("kinds") or ()),
            valid_from=_date(r.get("from")),
            valid_to=_date(r.get("to")),
        )
        for r in raw.get("roles") or ()
    )
    return PersonEntry(
        name=raw["name"],
        surname=raw.get("surname"),
        country=raw.get("country"),
        wikidata=raw.get("wikidata"),
        aliases=tuple(raw.get("aliases") or ()),
        roles=roles,
    )


@dataclass(frozen=True)
class Gazetteer:
    persons: tuple[PersonEntry, ...]

    @cached_property
    def by_name(self) -> dict[str, PersonEntry]:
        return {p.name: p for p in self.persons}

    def alias_index(self) -> dict[str, PersonEntry]:
        """Normalized full name and aliases → person; ambiguous keys are dropped."""
        index: dict[str, PersonEntry] = {}
        ambiguous: set[str] = set()
        for person in self.persons:
            for alias in (person.name, *person.aliases):
                key = normalize_name(alias)
                if key in index and index[key].name != person.name:
                    ambiguous.add(key)
                index.setdefault(key, person)
        return {k: v for k, v in index.items() if k not in ambiguous}

    def name_patterns(self) -> tuple[NamePattern, ...]:
        surname_countries: dict[str, set[str | None]] = {}
        for person in self.persons:
            for surname in person.surnames:
                surname_countries.setdefault(surname, set()).add(person.country)
        patterns: list[NamePattern] = []
        for person in self.persons:
            for alias in (person.name, *person.aliases):
                patterns.append(NamePattern(alias, person.name, country=person.country))
            for surname in person.surnames:
                countries = surname_countries[surname]
                country = next(iter(countries)) if len(countries) == 1 else None
                patterns.append(NamePattern(surname, surname, True, country))
        return tuple(dict.fromkeys(patterns))


def load_gazetteer(path: Path = DEFAULT_PATH) -> Gazetteer:
    with path.open(encoding="utf-8") as handle:
        raw = yaml.load(handle, Loader=SAFE_LOADER) or []
    return Gazetteer(tuple(_entry(item) for item in raw))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()
