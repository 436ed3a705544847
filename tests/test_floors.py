"""Quality floors: every headline figure against the floor recorded for its corpus."""

import tomllib
from pathlib import Path

import pytest

from etl.evaluate.figures import Evaluation, Figure
from etl.evaluate.floors import FloorsError, read_floors, shortfalls

FLOORS = Path(__file__).resolve().parent.parent / "eval" / "floors.toml"


def headline(**changes):
    measured = {
        "meetings_f1": 0.9,
        "participants_f1": 0.95,
        "outcomes_f1": 0.8,
        "statements_f1": 0.9,
        "attribution_acc": 0.93,
        "date_acc": 0.9,
        "title_acc": 0.9,
        "person_dups": 0,
    }
    return {**measured, **changes}


def test_figures_at_or_above_their_floors_pass():
    floors = {"meetings_f1": 0.9, "outcomes_f1": 0.8, "max_person_dups": 0}
    assert shortfalls(headline(), floors) == []


def test_each_figure_below_its_floor_or_above_its_ceiling_is_named():
    floors = {"meetings_f1": 0.9, "outcomes_f1": 0.8, "max_person_dups": 0}
    assert shortfalls(headline(outcomes_f1=0.79, person_dups=2), floors) == [
        "outcomes_f1 0.79 below its floor 0.8",
        "person_dups 2 above its ceiling 0",
    ]


def test_a_floor_on_a_figure_that_does_not_exist_is_an_error():
    with pytest.raises(FloorsError, match="no figure called 'meeting_f1'"):
        shortfalls(headline(), {"meeting_f1": 0.5})


def test_the_recorded_floors_name_only_figures_an_evaluation_reports():
    empty = Figure(0, 0, 0)
    reported = Evaluation(
        dict.fromkeys(("meetings", "participants", "outcomes", "statements"), empty), {}, 0
    )
    recorded = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    for corpus in ("seeds", "dev"):
        assert shortfalls(reported.headline(), recorded[corpus])  # zeros break every floor


def test_a_missing_corpus_or_a_broken_file_is_one_clear_error(tmp_path):
    floors = tmp_path / "floors.toml"
    floors.write_text("[dev]\nstatements_f1 = 0.5\n")
    assert read_floors(floors, "dev") == {"statements_f1": 0.5}
    with pytest.raises(FloorsError, match=r"has no \[hidden\] table: it has dev"):
        read_floors(floors, "hidden")
    floors.write_text("[dev\n")
    with pytest.raises(FloorsError, match=r"floors\.toml: "):
        read_floors(floors, "dev")
