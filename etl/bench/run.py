"""``etl bench``: build the corpus, time the spaCy floor, then ``etl load``
(full, unchanged re-run, one new document into the populated database) and
``etl run``, each command in a process of its own; figures as a table."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.bench.corpus import Corpus, build_corpus, source_documents, unique_copy
from etl.bench.databases import fresh_database
from etl.bench.floor import floor_seconds
from etl.resolve.gazetteer import default_gazetteer


@dataclass
class Bench:
    corpus: Corpus
    workers: int
    floor: float
    load: dict[str, Any]
    rerun: dict[str, Any]
    one_new: float
    flow: dict[str, Any] | None


def _child(command: str, corpus: Path, url: str, workers: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "etl.bench.child", command, str(corpus), url, str(workers)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the benchmark's {command} failed: {last}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _one_new_document(corpus: Corpus, folder: Path, url: str) -> float:
    """Wall seconds of the ``etl load`` command for one new document."""
    folder.mkdir(parents=True, exist_ok=True)
    first = sorted(corpus.folder.glob("*.txt"))[0]
    (folder / "new.txt").write_text(unique_copy(first.read_text("utf-8"), -1), "utf-8")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(folder), "--db", url],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"loading one new document failed: {done.stderr.strip()[-300:]}")
    return seconds


def bench(
    count: int,
    sources: list[Path],
    folder: Path,
    *,
    server: str | None = None,
    workers: int = 1,
    flow: bool = True,
) -> Bench:
    corpus = build_corpus(source_documents(sources), count, folder / "corpus")
    phrases = [p.phrase for p in default_gazetteer().name_patterns()]
    floor = floor_seconds(corpus.texts(), phrases)
    with fresh_database(server, folder, "bench_load") as url:
        load = _child("load", corpus.folder, url, workers)
        rerun = _child("load", corpus.folder, url, workers)
        one_new = _one_new_document(corpus, folder / "new", url)
    flow_figures = None
    if flow:
        with fresh_database(server, folder, "bench_run") as url:
            flow_figures = _child("run", corpus.folder, url, workers)
    return Bench(corpus, workers, floor, load, rerun, one_new, flow_figures)


def growth(progress: list[list[float]], share: float = 0.1) -> tuple[float, float] | None:
    """Documents per second over the first and the last ``share`` of a run."""
    if len(progress) < 3:
        return None
    total = progress[-1][0]
    points = [(0.0, 0.0), *((float(d), float(s)) for d, s in progress)]
    first = next(p for p in points if p[0] >= total * share)
    last_start = max(p for p in points if p[0] <= total * (1 - share))
    end = points[-1]
    if first[1] <= 0 or end[1] <= last_start[1]:
        return None
    return first[0] / first[1], (end[0] - last_start[0]) / (end[1] - last_start[1])


def table(result: Bench) -> str:
    corpus, floor = result.corpus, result.floor
    lines = [
        f"corpus: {corpus.documents} documents, {corpus.words:,} words; workers: {result.workers}",
        "",
        "| command | seconds | docs/s | words/s | × floor | peak RSS MB (main / worker) |",
        "|---|---|---|---|---|---|",
        f"| spaCy floor | {floor:.1f} | {corpus.documents / floor:.0f} | "
        f"{corpus.words / floor:,.0f} | 1.0 | – |",
    ]

    def row(name: str, figures: dict[str, Any]) -> str:
        seconds = figures["seconds"]
        return (
            f"| {name} | {seconds:.1f} | {corpus.documents / seconds:.1f} | "
            f"{corpus.words / seconds:,.0f} | {seconds / floor:.1f} | "
            f"{figures['rss_mb']:.0f} / {figures['worker_rss_mb']:.0f} |"
        )

    lines.append(row("etl load", result.load))
    if result.flow is not None:
        lines.append(row("etl run (Prefect flow)", result.flow))
    share = result.rerun["seconds"] / result.load["seconds"]
    lines += [
        f"| unchanged re-run (etl load) | {result.rerun['seconds']:.1f} | – | – | "
        f"{share:.1%} of the full load | {result.rerun['rss_mb']:.0f} / – |",
        f"| one new document (etl load, wall) | {result.one_new:.2f} | – | – | – | – |",
        "",
        "| stage of etl load | seconds |",
        "|---|---|",
        *[f"| {stage} | {seconds:.1f} |" for stage, seconds in result.load["stages"].items()],
    ]
    rates = growth(result.load["progress"])
    if rates is not None:
        first, last = rates
        lines.append("")
        lines.append(
            f"throughput as the database grows: first 10% {first:.1f} docs/s, "
            f"last 10% {last:.1f} docs/s ({last / first:.0%})"
        )
    lines.append("")
    lines.append("(extract and resolve: seconds spent in the worker processes, summed)")
    return "\n".join(lines)
