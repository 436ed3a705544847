"""Where the predictions come from: a database that exists, or documents loaded
into a throwaway SQLite database that is deleted afterwards (the user's
databases are never written by an evaluation)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import Engine

from etl.evaluate.figures import Evaluation
from etl.evaluate.gold import Gold
from etl.evaluate.predicted import read_predicted
from etl.evaluate.scoring import evaluate


def evaluate_database(engine: Engine, gold: Gold) -> Evaluation:
    with engine.connect() as connection:
        return evaluate(gold, read_predicted(connection))


def evaluate_documents(paths: list[Path], gold: Gold) -> tuple[Evaluation, list[str]]:
    """Load ``paths`` as ``etl load`` would into a fresh database, then evaluate
    it; also, one line each, the documents it could not load and why."""
    from etl.pipeline import Pipeline
    from etl.settings import Settings

    with tempfile.TemporaryDirectory(prefix="summit-evaluate-") as folder:
        url = f"sqlite:///{Path(folder) / 'evaluate.db'}"
        pipeline = Pipeline(Settings(database_url=url))
        try:
            report = pipeline.run(paths)
            evaluation = evaluate_database(pipeline.engine, gold)
        finally:
            pipeline.close()
    problems = [
        f"{r.name}: {r.status}: {r.reason}"
        for r in report.results
        if r.status in ("failed", "skipped")
    ]
    return evaluation, problems
