"""The quality gate of .ci/run: every headline figure against its floor."""

import json
import tomllib
from pathlib import Path

from eval.check_floors import figures, main, shortfalls

FLOORS = Path(__file__).resolve().parent.parent / "eval" / "floors.toml"


def report(**changes):
    base = {
        "meetings": {"f1": 0.9, "date_acc": 0.9},
        "participants": {"f1": 0.95, "title_acc": 0.9},
        "outcomes": {"f1": 0.8},
        "statements": {"f1": 0.9, "attribution_acc": 0.93},
        "persons": {"duplicates": 0},
    }
    for path, value in changes.items():
        section, key = path.split("__")
        base[section][key] = value
    return base


def test_figures_at_or_above_their_floors_pass():
    floors = {"meetings_f1": 0.9, "outcomes_f1": 0.8, "max_person_dups": 0}
    assert shortfalls(figures(report()), floors) == []


def test_each_figure_below_its_floor_is_named():
    floors = {"meetings_f1": 0.9, "outcomes_f1": 0.8, "max_person_dups": 0}
    measured = figures(report(outcomes__f1=0.79, persons__duplicates=2))
    assert shortfalls(measured, floors) == [
        "outcomes_f1 0.79 below its floor 0.8",
        "person_dups 2 above its ceiling 0",
    ]


def test_the_recorded_floors_name_only_known_figures():
    recorded = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    known = set(figures(report()))
    for corpus in ("seeds", "dev"):
        assert {name.removeprefix("max_") for name in recorded[corpus]} <= known


def test_the_command_exits_1_on_a_shortfall(tmp_path, capsys):
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report(statements__f1=0.1)))
    floors = tmp_path / "floors.toml"
    floors.write_text("[dev]\nstatements_f1 = 0.5\n")
    assert main(["check_floors.py", str(path), "dev", str(floors)]) == 1
    assert "statements_f1 0.1 below its floor 0.5" in capsys.readouterr().err
