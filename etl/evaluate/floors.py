"""Quality floors: the figures an evaluation must reach, recorded per corpus in
a TOML file (``eval/floors.toml``). A ``max_`` name is a ceiling instead
(duplicate persons). Raise a floor whenever a change raises its figure."""

from __future__ import annotations

import tomllib
from pathlib import Path


class FloorsError(ValueError):
    """The floors file or the corpus named in it cannot be used."""


def read_floors(path: Path, corpus: str) -> dict[str, float]:
    try:
        tables = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise FloorsError(f"{path}: {str(error).splitlines()[0]}") from None
    if corpus not in tables:
        raise FloorsError(f"{path} has no [{corpus}] table: it has {', '.join(tables) or 'none'}")
    return dict(tables[corpus])


def shortfalls(measured: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Every figure below its floor (or above its ceiling), in the floors' order."""
    found = []
    for name, floor in floors.items():
        figure = name.removeprefix("max_")
        if figure not in measured:
            raise FloorsError(f"no figure called {figure!r}: use one of {', '.join(measured)}")
        value = measured[figure]
        if name.startswith("max_") and value > floor:
            found.append(f"{figure} {value} above its ceiling {floor}")
        elif not name.startswith("max_") and value < floor:
            found.append(f"{figure} {value} below its floor {floor}")
    return found
