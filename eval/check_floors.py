"""Compare a scorer report (``score.py DB GOLD --json OUT``) with the floors of
one corpus in ``eval/floors.toml``; exit 1 naming every figure below its floor.

usage: python eval/check_floors.py REPORT.json CORPUS [FLOORS.toml]
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path


def figures(report: dict) -> dict[str, float]:
    """The headline figures of a report, by the names the floors use."""
    return {
        "meetings_f1": report["meetings"]["f1"],
        "participants_f1": report["participants"]["f1"],
        "outcomes_f1": report["outcomes"]["f1"],
        "statements_f1": report["statements"]["f1"],
        "attribution_acc": report["statements"]["attribution_acc"],
        "date_acc": report["meetings"]["date_acc"],
        "title_acc": report["participants"]["title_acc"],
        "person_dups": report["persons"]["duplicates"],
    }


def shortfalls(measured: dict[str, float], floors: dict[str, float]) -> list[str]:
    found = []
    for name, floor in floors.items():
        if name.startswith("max_"):
            value = measured[name.removeprefix("max_")]
            if value > floor:
                found.append(f"{name.removeprefix('max_')} {value} above its ceiling {floor}")
        elif measured[name] < floor:
            found.append(f"{name} {measured[name]} below its floor {floor}")
    return found


def main(argv: list[str]) -> int:
    report_path, corpus = argv[1], argv[2]
    floors_path = Path(argv[3]) if len(argv) > 3 else Path(__file__).with_name("floors.toml")
    floors = tomllib.loads(floors_path.read_text(encoding="utf-8"))[corpus]
    measured = figures(json.loads(Path(report_path).read_text(encoding="utf-8")))
    print(f"{corpus}: " + ", ".join(f"{k}={v}" for k, v in measured.items()))
    problems = shortfalls(measured, floors)
    for problem in problems:
        print(f"quality floor broken ({corpus}): {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
