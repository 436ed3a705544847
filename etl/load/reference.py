"""Reference data into the database: the person gazetteer, the calendar of known
meetings and the topic vocabulary.
Get-or-create throughout, so loading twice changes nothing and user edits to the
YAML add rows without duplicating existing ones."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from etl.db.models import (
    OfficialSource,
    Person,
    PersonAlias,
    PersonRole,
    ReferenceMeeting,
    ReferenceMeetingPerson,
    Topic,
)
from etl.extract.topics import topic_labels
from etl.load.upsert import insert_many, lookup, upsert
from etl.resolve.engagements import Calendar, Engagement
from etl.resolve.gazetteer import Gazetteer, normalize_name
from etl.resolve.quote_checks import official_sources
from etl.resolve.titles import RoleBook


def sync_gazetteer(session: Session, gazetteer: Gazetteer) -> dict[str, int]:
    """Persons, aliases and roles of the gazetteer; returns canonical name → id.
    What is stored is read in three queries and only what differs is written, so
    a run on an up-to-date database writes nothing (one upsert per person, alias
    and role was a tenth of loading one document)."""
    persons = Person.__table__
    stored = {
        name: (id_, (country, wikidata, source))
        for id_, name, country, wikidata, source in session.execute(
            select(
                Person.id, Person.canonical_name, Person.country, Person.wikidata_id, Person.source
            )
        )
    }
    aliases = set(session.scalars(select(PersonAlias.normalized)))
    roles = set(session.execute(select(PersonRole.person_id, PersonRole.role_key)).tuples())
    ids: dict[str, int] = {}
    for entry in gazetteer.persons:
        values = {"country": entry.country, "wikidata_id": entry.wikidata, "source": "gazetteer"}
        id_, found = stored.get(entry.name, (None, None))
        if id_ is None or found != tuple(values.values()):
            id_ = upsert(
                session,
                persons,  # type: ignore[arg-type]
                {"canonical_name": entry.name, **values},
                conflict=["canonical_name"],
                update=list(values),
            )
        ids[entry.name] = id_
        for alias in (entry.name, *entry.aliases):
            if normalize_name(alias) not in aliases:
                add_alias(session, id_, alias)
                aliases.add(normalize_name(alias))
        for role in entry.roles:
            key = role.key
            if (id_, key) not in roles:
                lookup(
                    session,
                    PersonRole.__table__,  # type: ignore[arg-type]
                    {"person_id": id_, "role_key": key},
                    {
                        "title": role.title,
                        "valid_from": role.valid_from,
                        "organization": role.organization,
                        "valid_to": role.valid_to,
                    },
                )
                roles.add((id_, key))
    return ids


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


def sync_calendar(session: Session, calendar: Calendar, persons: dict[str, int]) -> int:
    """The reference calendar's known meetings and their principals, by a diff
    like the gazetteer's: new entries added, corrected ones (place, days,
    source) updated, missing principals added; an up-to-date database is not
    written to. Returns how many entries were added or changed. An entry whose
    key (first day, kind, principals) changed is a new entry; the old row stays,
    as a gazetteer person removed from the YAML does."""
    table = ReferenceMeeting.__table__
    stored = {
        key: (id_, found)
        for id_, key, *found in session.execute(
            select(
                ReferenceMeeting.id,
                ReferenceMeeting.reference_key,
                ReferenceMeeting.kind,
                ReferenceMeeting.start_date,
                ReferenceMeeting.end_date,
                ReferenceMeeting.city,
                ReferenceMeeting.country,
                ReferenceMeeting.venue,
                ReferenceMeeting.source,
            )
        )
    }
    people = set(
        session.execute(
            select(ReferenceMeetingPerson.reference_meeting_id, ReferenceMeetingPerson.person_id)
        ).tuples()
    )
    changed = 0
    for entry in calendar.entries:
        values = {
            "kind": entry.kind,
            "start_date": entry.start,
            "end_date": entry.end,
            "city": entry.city,
            "country": entry.country,
            "venue": entry.venue,
            "source": entry.source,
        }
        key = reference_key(entry)
        id_, found = stored.get(key, (None, None))
        if id_ is None or found != list(values.values()):
            id_ = upsert(
                session,
                table,  # type: ignore[arg-type]
                {"reference_key": key, **values},
                conflict=["reference_key"],
                update=list(values),
            )
            changed += 1
        principals = [
            {"reference_meeting_id": id_, "person_id": persons[name]}
            for name in sorted(entry.participants)
            if name in persons and (id_, persons[name]) not in people
        ]
        insert_many(session, ReferenceMeetingPerson.__table__, principals)  # type: ignore[arg-type]
    return changed


def reference_key(entry: Engagement) -> str:
    """A known meeting's natural key: its first day, kind and principals."""
    return f"{entry.start.isoformat()}|{entry.kind}|{'; '.join(sorted(entry.participants))}"


def sync_topics(session: Session) -> dict[str, int]:
    """The topic vocabulary; slugs already stored are left as they are."""
    stored = set(session.scalars(select(Topic.slug)))
    labels = topic_labels()
    missing = [{"slug": slug, "label": labels[slug]} for slug in labels if slug not in stored]
    insert_many(session, Topic.__table__, missing)  # type: ignore[arg-type]
    return {slug: id_ for id_, slug in session.execute(select(Topic.id, Topic.slug))}


def sync_official_sources(session: Session) -> int:
    """The official-source rules: missing ones added, changed sides updated,
    rules no longer in the file removed; an up-to-date database is not written."""
    wanted = {(kind, pattern): side for kind, pattern, side in official_sources()}
    stored = {
        (kind, pattern): (id_, side)
        for id_, kind, pattern, side in session.execute(
            select(
                OfficialSource.id, OfficialSource.kind, OfficialSource.pattern, OfficialSource.side
            )
        )
    }
    gone = [id_ for key, (id_, _) in stored.items() if key not in wanted]
    if gone:
        session.execute(delete(OfficialSource).where(OfficialSource.id.in_(gone)))
    for key, side in wanted.items():
        if key in stored and stored[key][1] != side:
            session.execute(
                update(OfficialSource).where(OfficialSource.id == stored[key][0]).values(side=side)
            )
    missing = [
        {"kind": kind, "pattern": pattern, "side": side}
        for (kind, pattern), side in wanted.items()
        if (kind, pattern) not in stored
    ]
    insert_many(session, OfficialSource.__table__, missing)  # type: ignore[arg-type]
    return len(wanted)


def person_ids(session: Session) -> dict[str, int]:
    return {name: id_ for id_, name in session.execute(select(Person.id, Person.canonical_name))}


def role_book(session: Session) -> RoleBook:
    """Every dated role on record, read once per run."""
    rows = session.execute(
        select(
            PersonRole.id,
            PersonRole.person_id,
            PersonRole.role_key,
            PersonRole.title,
            PersonRole.valid_from,
            PersonRole.valid_to,
        ).order_by(PersonRole.id)
    ).tuples()
    return RoleBook.of(rows)
