"""Reference data into the database: the person gazetteer and the topic vocabulary.
Get-or-create throughout, so loading twice changes nothing and user edits to the
YAML add rows without duplicating existing ones."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from etl.db.models import Person, PersonAlias, PersonRole, Topic
from etl.extract.topics import topic_labels
from etl.load.upsert import lookup, upsert
from etl.resolve.gazetteer import Gazetteer, normalize_name
from etl.resolve.titles import RoleBook


def sync_gazetteer(session: Session, gazetteer: Gazetteer) -> dict[str, int]:
    """Persons, aliases and roles of the gazetteer; returns canonical name → id."""
    ids: dict[str, int] = {}
    persons = Person.__table__
    for entry in gazetteer.persons:
        person_id = upsert(
            session,
            persons,  # type: ignore[arg-type]
            {
                "canonical_name": entry.name,
                "country": entry.country,
                "wikidata_id": entry.wikidata,
                "source": "gazetteer",
            },
            conflict=["canonical_name"],
            update=["country", "wikidata_id", "source"],
        )
        ids[entry.name] = person_id
        for alias in (entry.name, *entry.aliases):
            add_alias(session, person_id, alias)
        for role in entry.roles:
            lookup(
                session,
                PersonRole.__table__,  # type: ignore[arg-type]
                {"person_id": person_id, "role_key": role_key(role.title, role.valid_from)},
                {
                    "title": role.title,
                    "valid_from": role.valid_from,
                    "organization": role.organization,
                    "valid_to": role.valid_to,
                },
            )
    return ids


def role_key(title: str, valid_from: dt.date | None) -> str:
    """Natural key of a role; an unknown start is part of the key, not a NULL."""
    return f"{title}|{valid_from.isoformat() if valid_from else '?'}"


def add_alias(session: Session, person_id: int, alias: str) -> None:
    """An alias belongs to the first person that claimed it (unique normalized form)."""
    normalized = normalize_name(alias)
    if normalized:
        lookup(
            session,
            PersonAlias.__table__,  # type: ignore[arg-type]
            {"normalized": normalized},
            {"person_id": person_id, "alias": alias},
        )


def sync_topics(session: Session) -> dict[str, int]:
    for slug, label in topic_labels().items():
        lookup(session, Topic.__table__, {"slug": slug}, {"label": label})  # type: ignore[arg-type]
    return {slug: id_ for id_, slug in session.execute(select(Topic.id, Topic.slug))}


def person_ids(session: Session) -> dict[str, int]:
    return {name: id_ for id_, name in session.execute(select(Person.id, Person.canonical_name))}


def role_book(session: Session) -> RoleBook:
    """Every dated role on record, read once per run."""
    rows = session.execute(
        select(
            PersonRole.person_id, PersonRole.title, PersonRole.valid_from, PersonRole.valid_to
        ).order_by(PersonRole.id)
    ).tuples()
    return RoleBook.of(rows)
