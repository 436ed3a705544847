"""Named parameters of an analyst query: declared in the file's header
(``-- params: person, since=``; a name ending in ``=`` may be left out and is
then NULL) and always bound, never pasted into the SQL, so a value cannot
change what the query does."""

from __future__ import annotations

from dataclasses import dataclass


class ParamError(ValueError):
    """A missing, unknown or malformed parameter: one line for the user."""


@dataclass(frozen=True)
class Declared:
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return self.required + self.optional

    def describe(self) -> str:
        if not self.names:
            return "no parameters"
        return ", ".join([*self.required, *(f"{n} (optional)" for n in self.optional)])


def declared(sql: str) -> Declared:
    """The parameters a query's header declares (``-- params: a, b=``)."""
    required: list[str] = []
    optional: list[str] = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        body = line.removeprefix("--").strip()
        if body.lower().startswith("params:"):
            for item in body.split(":", 1)[1].split(","):
                name = item.strip()
                if name.endswith("="):
                    optional.append(name.removesuffix("=").strip())
                elif name:
                    required.append(name)
    return Declared(tuple(required), tuple(optional))


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
    """The values to bind: every declared name, optional ones NULL when not given."""
    unknown = sorted(set(given) - set(declared_params.names))
    if unknown:
        raise ParamError(
            f"unknown parameter {unknown[0]} for {query}: it takes {declared_params.describe()}"
        )
    missing = [n for n in declared_params.required if n not in given]
    if missing:
        raise ParamError(
            f"missing parameter {missing[0]} for {query}: it takes {declared_params.describe()}"
            f" (--param {missing[0]}=VALUE)"
        )
    return {name: given.get(name) for name in declared_params.names}
