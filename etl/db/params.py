"""Named parameters of an analyst query: declared in the file's header
(``-- params: person (name), since= (date)``; a name ending in ``=`` may be left
out and is then NULL; a kind in brackets says how a value is read) and always
bound, never pasted into the SQL, so a value cannot change what the query does.

Kinds: ``name`` is compared with ``person_aliases.normalized``, so it is
normalised as aliases are (letter case, script, punctuation); ``date`` must be an
ISO date; anything else is text as given."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from etl.resolve.names import normalize_name

_DECLARED = re.compile(r"^\s*([A-Za-z_]\w*)\s*(=)?\s*(?:\((\w+)\))?\s*$")


class ParamError(ValueError):
    """A missing, unknown or malformed parameter: one line for the user."""


@dataclass(frozen=True)
class Param:
    name: str
    optional: bool = False
    kind: str = "text"

    def describe(self) -> str:
        return f"{self.name} (optional)" if self.optional else self.name


@dataclass(frozen=True)
class Declared:
    params: tuple[Param, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if not p.optional)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if p.optional)

    def describe(self) -> str:
        return ", ".join(p.describe() for p in self.params) or "no parameters"


def declared(sql: str) -> Declared:
    """The parameters a query's header declares (``-- params: a (name), b=``)."""
    params: list[Param] = []
    for line in sql.lstrip("\ufeff").splitlines():
        if not line.startswith("--"):
            break
        body = line.removeprefix("--").strip()
        if not body.lower().startswith("params:"):
            continue
        for item in filter(str.strip, body.split(":", 1)[1].split(",")):
            found = _DECLARED.match(item)
            if found is None:
                raise ParamError(f"the header declares a parameter as {item.strip()!r}")
            name, optional, kind = found.groups()
            params.append(Param(name, bool(optional), kind or "text"))
    return Declared(tuple(params))


def parse_assignments(assignments: list[str]) -> dict[str, str]:
    """``["person=Wang Yi", "since=2023-01-01"]`` → a dict; a repeated name or a
    piece without ``=`` is refused."""
    given: dict[str, str] = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        name = name.strip()
        if not equals or not name:
            raise ParamError(f"--param takes NAME=VALUE, not {assignment!r}")
        if name in given:
            raise ParamError(f"parameter {name} given twice")
        given[name] = value
    return given


def bind(query: str, declared_params: Declared, given: dict[str, str]) -> dict[str, str | None]:
    """The values to bind: every declared name, optional ones NULL when not
    given (an empty value counts as not given)."""
    unknown = sorted(set(given) - set(declared_params.names))
    if unknown:
        raise ParamError(
            f"unknown parameter {unknown[0]} for {query}: it takes {declared_params.describe()}"
        )
    present = {name: value for name, value in given.items() if value.strip()}
    missing = [n for n in declared_params.required if n not in present]
    if missing:
        raise ParamError(
            f"missing parameter {missing[0]} for {query}: it takes {declared_params.describe()}"
            f" (--param {missing[0]}=VALUE)"
        )
    return {p.name: read_value(p, present.get(p.name)) for p in declared_params.params}


def read_value(param: Param, value: str | None) -> str | None:
    """A value as its kind reads it; a blank one is not given (None)."""
    if value is None or not value.strip():
        return None
    if param.kind == "name":
        return normalize_name(value)
    if param.kind == "date":
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise ParamError(f"{param.name} takes a date as YYYY-MM-DD, not {value!r}") from None
    return value
