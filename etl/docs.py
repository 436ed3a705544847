"""Generated documentation: the data dictionary and the README's diagram.

A throwaway SQLite database is built from the documents given (the seeds) in
one process, so the examples are the same on every machine; the database is
deleted afterwards.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from etl.db.dictionary import markdown, meanings, missing_meanings, tables, views, with_diagram
from etl.pipeline import Pipeline
from etl.settings import get_settings


class StaleDocs(ValueError):
    """A generated file differs from what the code gives now."""


@dataclass(frozen=True)
class Generated:
    dictionary: str
    readme: str


def generate(documents: list[Path], readme: str) -> Generated:
    with tempfile.TemporaryDirectory(prefix="summit-dictionary-") as folder:
        pipeline = Pipeline(get_settings(f"sqlite:///{Path(folder) / 'summit.db'}"), workers=1)
        try:
            pipeline.run(documents)
            described = meanings()
            problems = missing_meanings(pipeline.engine, described)
            if problems:
                raise StaleDocs(f"sql/dictionary.yaml: {problems[0]} ({len(problems)} in all)")
            relations = views(pipeline.engine, described) + tables(pipeline.engine, described)
        finally:
            pipeline.close()
    return Generated(markdown(relations), with_diagram(readme))


def write_or_check(documents: list[Path], out: Path, readme: Path, check: bool) -> str:
    """Write the dictionary and the README's diagram, or (check) say which is stale."""
    generated = generate(documents, readme.read_text(encoding="utf-8"))
    targets = [(out, generated.dictionary), (readme, generated.readme)]
    if check:
        stale = [str(p) for p, t in targets if not p.is_file() or p.read_text("utf-8") != t]
        if stale:
            raise StaleDocs(f"{' and '.join(stale)} out of date: run etl dictionary")
        return f"{out} and the diagram in {readme} are current"
    out.parent.mkdir(parents=True, exist_ok=True)
    for path, content in targets:
        path.write_text(content, encoding="utf-8")
    return f"wrote {out} and the diagram in {readme}"
