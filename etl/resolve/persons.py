"""Person resolution: a deterministic cascade that records how each mention was
resolved. exact alias → title + surname via the role active on the date →
descriptor via role → fuzzy (same country, strict cutoff) → a new person from a
title pattern. Nothing else creates a person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from etl.extract.records import PersonMention
from etl.extract.text import is_hangul
from etl.resolve.gazetteer import Gazetteer, PersonEntry, normalize_name

FUZZY_CUTOFF = 85.0
COUNTERPARTS: dict[str, list[str]] = yaml.safe_load(
    (Path(__file__).with_name("data") / "counterparts.yaml").read_text(encoding="utf-8")
)
NON_NAME_TITLES = {"honorific"}
COUNTERPART = "counterpart"  # a descriptor resolved through the other side's role


@dataclass(frozen=True)
class Resolution:
    name: str
    method: str  # exact | title_surname | surname_context | role | fuzzy | title_pattern
    score: float
    entry: PersonEntry | None  # None for a person created from a title pattern
    country: str | None = None
    title: str | None = None


def kind_matches(title_kind: str | None, kinds: tuple[str, ...]) -> bool:
    if not title_kind or title_kind in NON_NAME_TITLES:
        return True
    if title_kind in kinds:
        return True
    return any(title_kind in kind for kind in kinds) or (
        title_kind == "minister" and any(k.endswith("minister") for k in kinds)
    )


def _one_word_name(name: str) -> bool:
    """Korean writes a whole name as one word of two to four syllables ("왕웨이")."""
    return 2 <= len(name) <= 4 and is_hangul(name)


class PersonResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.aliases = gazetteer.alias_index()
        self.by_surname: dict[str, list[PersonEntry]] = {}
        for person in gazetteer.persons:
            for key in {normalize_name(s) for s in person.surnames} - {""}:
                self.by_surname.setdefault(key, []).append(person)
        self.fuzzy_table = {normalize_name(a): p for a, p in self.aliases.items() if " " in a}

    def _exact(self, mention: PersonMention) -> PersonEntry | None:
        for candidate in (mention.name, mention.text):
            if candidate:
                found = self.aliases.get(normalize_name(candidate))
                if found is not None:
                    return found
        return None

    def _surname_candidates(self, name: str) -> list[PersonEntry]:
        tokens = normalize_name(name).split()
        if not tokens:
            return []
        found = self.by_surname.get(tokens[-1], []) + self.by_surname.get(tokens[0], [])
        return list(dict.fromkeys(found))

    def _pick(
        self,
        candidates: list[PersonEntry],
        mention: PersonMention,
        day: dt.date | None,
        context: list[str],
    ) -> tuple[PersonEntry, str] | None:
        if mention.title_kind and mention.title_kind not in NON_NAME_TITLES:
            titled = [
                p for p in candidates
                if any(kind_matches(mention.title_kind, r.kinds) for r in p.roles_on(day))
            ]  # fmt: skip
            if len(titled) == 1:
                return titled[0], "title_surname"
            if titled:
                candidates = titled
        in_context = [p for p in candidates if p.name in context]
        if in_context:
            in_context.sort(key=lambda p: context.index(p.name))
            return in_context[0], "surname_context"
        if len(candidates) == 1:
            return candidates[0], "surname"
        active = [p for p in candidates if p.roles_on(day)] if day else []
        if len(active) == 1:
            return active[0], "surname_role"
        partners = self._counterpart_kinds(candidates, context, day)
        matching = [p for p in active if any(partners & set(r.kinds) for r in p.roles_on(day))]
        if len(matching) == 1:
            return matching[0], "counterpart"
        return None

    def _counterpart_kinds(
        self, candidates: list[PersonEntry], context: list[str], day: dt.date | None
    ) -> set[str]:
        """Role kinds that the people already named from the other country meet."""
        countries = {p.country for p in candidates}
        kinds: set[str] = set()
        by_name = self.gazetteer.by_name
        for name in context:
            other = by_name.get(name)
            if other is None or other.country in countries:
                continue
            for role in other.roles_on(day):
                for kind in role.kinds:
                    kinds.update(COUNTERPARTS.get(kind, ()))
        return kinds

    def _by_role(
        self, mention: PersonMention, day: dt.date | None, context: list[str]
    ) -> PersonEntry | None:
        """The one holder of the role on the day. Without a day, "the Secretary of
        State" is only someone the document has named who ever held that role:
        today's holder would be a guess. "The President", of no country, is the
        holder the document named first."""
        by_name = self.gazetteer.by_name
        if mention.title_kind == COUNTERPART:
            return self._counterpart(mention, day, context)
        people = self.gazetteer.persons if day else [by_name[n] for n in context if n in by_name]
        holders = {
            p.name: p for p in people
            if (mention.country is None or p.country == mention.country)
            and any(mention.title_kind in r.kinds for r in (p.roles_on(day) if day else p.roles))
        }  # fmt: skip
        # "THE PRESIDENT:" in "Remarks by President Biden": the one the document named first
        if len(holders) > 1 and mention.country is None:
            named = [n for n in context if n in holders]
            return holders[named[0]] if named else None
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _counterpart(
        self, mention: PersonMention, day: dt.date | None, context: list[str]
    ) -> PersonEntry | None:
        """ "his Chinese counterpart" on the day: the one person of that country
        whose role meets the role of the last person named from the other side."""
        if day is None or mention.country is None:
            return None
        by_name = self.gazetteer.by_name
        others = [
            by_name[n] for n in context if n in by_name and by_name[n].country != mention.country
        ]
        return self.counterpart_in(others[-1].name, mention.country, day) if others else None

    def counterpart_in(self, name: str, country: str, day: dt.date | None) -> PersonEntry | None:
        """The one person of ``country`` whose role on ``day`` meets the role of
        ``name`` (a president's counterpart, and host on a visit, is the
        president); None when the roles name nobody, or several."""
        entry = self.gazetteer.by_name.get(name)
        if entry is None or day is None:
            return None
        kinds = {k for role in entry.roles_on(day) for kind in role.kinds
                 for k in COUNTERPARTS.get(kind, ())}  # fmt: skip
        holders = [
            p for p in self.gazetteer.persons
            if p.country == country and any(kinds & set(r.kinds) for r in p.roles_on(day))
        ]  # fmt: skip
        return holders[0] if len(holders) == 1 else None

    def _fuzzy(self, text: str, country: str | None) -> tuple[PersonEntry, float] | None:
        tokens = len(normalize_name(text).split())
        table = {
            key: person
            for key, person in self.fuzzy_table.items()
            if (country is None or person.country in (None, country)) and len(key.split()) == tokens
        }
        match = process.extractOne(
            normalize_name(text), list(table), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if match is None:
            return None
        return table[match[0]], float(match[1]) / 100

    def resolve(
        self, mention: PersonMention, day: dt.date | None, context: list[str]
    ) -> Resolution | None:
        if mention.kind == "pronoun":
            return None
        if mention.kind == "descriptor":
            entry = self._by_role(mention, day, context)
            return Resolution(entry.name, "role", 0.9, entry, entry.country) if entry else None
        exact = self._exact(mention)
        if exact is not None:
            return Resolution(exact.name, "exact", 1.0, exact, exact.country)
        name = mention.name or mention.text
        candidates = self._surname_candidates(name)
        if candidates and (mention.kind in ("surname", "label") or len(name.split()) == 1):
            picked = self._pick(candidates, mention, day, context)
            if picked is not None:
                entry, method = picked
                score = 0.95 if method == "title_surname" else 0.85
                return Resolution(entry.name, method, score, entry, entry.country)
        fuzzy = self._fuzzy(name, mention.country)
        if fuzzy is None and mention.kind == "candidate" and mention.gazetteer_key:
            fuzzy = self._fuzzy_surname(name, mention, day, context)
        if fuzzy is not None:
            entry, score = fuzzy
            return Resolution(entry.name, "fuzzy", score, entry, entry.country)
        creatable = mention.kind == "titled_name" and mention.title_kind not in NON_NAME_TITLES
        if creatable and (len(name.split()) >= 2 or _one_word_name(name)):
            clean = " ".join(name.split())
            return Resolution(clean, "title_pattern", 0.7, None, mention.country, mention.title)
        return None

    def _fuzzy_surname(
        self, name: str, mention: PersonMention, day: dt.date | None, context: list[str]
    ) -> tuple[PersonEntry, float] | None:
        """A misspelled bare surname ("Bilinken"): the surname the extractor matched."""
        candidates = self.by_surname.get(normalize_name(mention.gazetteer_key or ""), [])
        picked = self._pick(candidates, mention, day, context) if candidates else None
        if picked is None:
            return None
        score = fuzz.ratio(normalize_name(name), normalize_name(mention.gazetteer_key or "")) / 100
        return picked[0], score
