"""The gold file: who the persons are, which meetings happened with their
outcomes, and which statements each document holds.

Parsed once into frozen records, so a malformed file is one clear error before
any scoring (``GoldError: meetings[3]: 'participants' is missing``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from etl.evaluate.keys import iso_date, name_key, normal


class GoldError(ValueError):
    """The gold file cannot be read as one."""


@dataclass(frozen=True)
class GoldOutcome:
    key: str
    keywords: tuple[tuple[str, ...], ...]  # every group must match; "a|b" is a group
    alt_keywords: tuple[tuple[str, ...], ...]
    category: str
    status: str
    required: bool

    def describe(self) -> str:
        """``climate|emission + working group``: what a description must contain."""
        return " + ".join("|".join(group) for group in self.keywords)

    def described_by(self, description: str) -> bool:
        text = normal(description)

        def matches(groups: tuple[tuple[str, ...], ...]) -> bool:
            return all(any(word in text for word in group) for group in groups)

        return matches(self.keywords) or (bool(self.alt_keywords) and matches(self.alt_keywords))


@dataclass(frozen=True)
class GoldMeeting:
    key: str
    participants: frozenset[str]
    optional: frozenset[str]
    dates: tuple[date, ...]
    cities: tuple[str, ...]
    status: str
    required: bool
    docs: tuple[str, ...]
    titles: dict[str, tuple[str, ...]] = field(hash=False)
    outcomes: tuple[GoldOutcome, ...]


@dataclass(frozen=True)
class GoldStatement:
    starts_with: str  # normalized
    opening: str  # as the gold file writes it
    speakers: tuple[str, ...]  # empty: no speaker to check (a moderator, an institution)
    required: bool


@dataclass(frozen=True)
class Gold:
    persons: dict[str, str]  # name key of every name and alias -> canonical name
    required_persons: tuple[str, ...]
    meetings: tuple[GoldMeeting, ...]
    statements: dict[str, tuple[GoldStatement, ...]]  # by document name

    def canonical(self, name: str | None) -> str | None:
        """The gold person a name stands for; an unknown name stays itself, marked ``?``."""
        if name is None:
            return None
        key = name_key(name)
        if key in self.persons:
            return self.persons[key]
        for alias, person in self.persons.items():  # a title glued to a name
            if len(alias.split()) >= 2 and alias in key:
                return person
        return "?" + name


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _groups(value: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normal(word) for word in str(group).split("|")) for group in _list(value))


def _need(entry: Any, key: str, where: str) -> Any:
    if not isinstance(entry, dict) or key not in entry:
        raise GoldError(f"{where}: '{key}' is missing")
    return entry[key]


def _outcome(entry: Any, where: str) -> GoldOutcome:
    return GoldOutcome(
        key=str(_need(entry, "key", where)),
        keywords=_groups(_need(entry, "keywords", where)),
        alt_keywords=_groups(entry.get("alt_keywords")),
        category=normal(entry.get("category")),
        status=normal(entry.get("status")),
        required=bool(entry.get("required", False)),
    )


def _meeting(entry: Any, where: str) -> GoldMeeting:
    titles = entry.get("titles") or {}
    return GoldMeeting(
        key=str(_need(entry, "key", where)),
        participants=frozenset(_list(_need(entry, "participants", where))),
        optional=frozenset(_list(entry.get("optional_participants"))),
        dates=tuple(d for d in map(iso_date, _list(entry.get("start"))) if d),
        cities=tuple(normal(c) for c in _list(entry.get("city")) if c),
        status=normal(entry.get("status")),
        required=bool(entry.get("required", False)),
        docs=tuple(str(d) for d in _list(entry.get("docs"))),
        titles={person: tuple(normal(t) for t in _list(ts)) for person, ts in titles.items()},
        outcomes=tuple(
            _outcome(o, f"{where}.outcomes[{n}]")
            for n, o in enumerate(_list(entry.get("outcomes")))
        ),
    )


def _statement(entry: Any, where: str) -> GoldStatement:
    return GoldStatement(
        starts_with=normal(_need(entry, "starts_with", where)),
        opening=str(entry["starts_with"]),
        speakers=tuple(_list(entry.get("speaker"))),
        required=bool(entry.get("required", True)),
    )


def parse_gold(data: Any) -> Gold:
    if not isinstance(data, dict) or "persons" not in data or "meetings" not in data:
        raise GoldError("a gold file is a mapping with 'persons' and 'meetings'")
    persons: dict[str, str] = {}
    required = []
    for n, entry in enumerate(_list(data["persons"])):
        name = str(_need(entry, "name", f"persons[{n}]"))
        for alias in [name, *_list(entry.get("aliases"))]:
            persons[name_key(alias)] = name
        if entry.get("required"):
            required.append(name)
    statements = data.get("statements") or {}
    if not isinstance(statements, dict):
        raise GoldError("'statements' maps document names to lists of statements")
    return Gold(
        persons=persons,
        required_persons=tuple(required),
        meetings=tuple(_meeting(m, f"meetings[{n}]") for n, m in enumerate(data["meetings"])),
        statements={
            str(doc): tuple(_statement(s, f"statements[{doc}][{n}]") for n, s in enumerate(items))
            for doc, items in statements.items()
        },
    )


def load_gold(path: Path) -> Gold:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise GoldError(f"{path}: not YAML ({str(error).splitlines()[0]})") from None
    try:
        return parse_gold(data)
    except GoldError as error:
        raise GoldError(f"{path}: {error}") from None
