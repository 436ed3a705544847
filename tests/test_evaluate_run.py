"""`etl evaluate` agrees with the evaluation's own scorer (``../shared/eval/score.py``,
beside the repository) to ±0.01 on every headline figure: on the seeds and on
the development corpus. Its documents are loaded into a throwaway database."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from etl.evaluate import load_gold
from etl.evaluate.run import evaluate_database, evaluate_documents
from etl.pipeline import Pipeline
from etl.settings import PROJECT_ROOT, Settings

EVAL = PROJECT_ROOT.parent / "shared" / "eval"
CORPORA = {
    "seeds": (PROJECT_ROOT / "seeds", EVAL / "seeds-gold.yaml"),
    "dev": (EVAL / "dev" / "docs", EVAL / "dev" / "gold.yaml"),
}


def scorer_headline(database: Path, gold: Path, tmp_path: Path) -> dict:
    out = tmp_path / "score.json"
    command = [sys.executable, str(EVAL / "score.py"), str(database), str(gold), "--json", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    return {
        **report["headline"],
        "date_acc": report["meetings"]["date_acc"],
        "title_acc": report["participants"]["title_acc"],
    }


@pytest.mark.skipif(not (EVAL / "score.py").is_file(), reason="no ../shared/eval beside the clone")
@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_every_headline_figure_agrees_with_the_evaluation_scorer(corpus, tmp_path):
    docs, gold_path = CORPORA[corpus]
    database = tmp_path / f"{corpus}.db"
    pipeline = Pipeline(Settings(database_url=f"sqlite:///{database}"))
    try:
        pipeline.run([docs])
        ours = evaluate_database(pipeline.engine, load_gold(gold_path)).headline()
    finally:
        pipeline.close()
    theirs = scorer_headline(database, gold_path, tmp_path)
    assert set(ours) == set(theirs)
    for figure, value in theirs.items():
        assert ours[figure] == pytest.approx(value, abs=0.01), figure


def test_documents_are_evaluated_in_a_throwaway_database_that_is_gone_afterwards(tmp_path):
    fixtures = PROJECT_ROOT / "tests" / "fixtures"
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("wire_story.txt", "mfa_readout.txt"):
        (folder / name).write_bytes((fixtures / "docs" / name).read_bytes())
    (folder / "broken.jsonl").write_text("{not json\n")
    before = set(Path(tmp_path).rglob("*"))
    evaluation, problems = evaluate_documents([folder], load_gold(fixtures / "gold.yaml"))
    assert set(Path(tmp_path).rglob("*")) == before
    assert evaluation.figures["meetings"].recall == 1.0
    assert len(problems) == 1 and problems[0].startswith("broken.jsonl:1: failed: invalid JSON")


def test_a_database_is_read_as_it_is(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    Pipeline(Settings(database_url=url)).close()  # migrated, nothing loaded
    engine = create_engine(url)
    try:
        evaluation = evaluate_database(
            engine, load_gold(PROJECT_ROOT / "tests" / "fixtures" / "gold.yaml")
        )
    finally:
        engine.dispose()
    assert evaluation.figures["meetings"].true_positives == 0
    assert evaluation.figures["meetings"].gold == 2


@pytest.mark.postgres
def test_a_postgresql_database_scores_as_its_sqlite_twin(postgres_database, tmp_path):
    fixtures = PROJECT_ROOT / "tests" / "fixtures"
    gold = load_gold(fixtures / "gold.yaml")
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("wire_story.txt", "mfa_readout.txt"):
        (folder / name).write_bytes((fixtures / "docs" / name).read_bytes())
    headlines = []
    for url in (postgres_database, f"sqlite:///{tmp_path / 'twin.db'}"):
        pipeline = Pipeline(Settings(database_url=url))
        try:
            pipeline.run([folder])
            headlines.append(evaluate_database(pipeline.engine, gold).headline())
        finally:
            pipeline.close()
    assert headlines[0] == headlines[1]
    assert headlines[0]["meetings_f1"] == 1.0
