"""``etl``: options in, library calls out. Heavy imports (spaCy, Prefect) happen
inside the commands that need them, so ``etl --help`` answers at once."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from etl.settings import describe_database, get_settings, redact_text

app = typer.Typer(
    help="summit-etl: documents about US–China diplomacy into a relational database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: no type column ("<str>", "<path>") beside options
)
db_app = typer.Typer(
    help="Schema migrations (Alembic).", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(db_app, name="db")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL",
        help="Database URL (default: $ETL_DATABASE_URL, else summit.db in the user data folder).",
    ),
]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="[PATHS]...", help="Files or folders to ingest (default: ./seeds).", exists=True
    ),
]
ReprocessOption = Annotated[
    bool, typer.Option("--reprocess", help="Re-extract documents loaded by an older extractor.")
]
FullRefreshOption = Annotated[
    bool, typer.Option("--full-refresh", help="Re-extract every document, current or not.")
]
AllowEmptyOption = Annotated[
    bool,
    typer.Option("--allow-empty", help="Succeed when the input holds no document at all."),
]
ParamOption = Annotated[
    list[str] | None,
    typer.Option(
        "--param", metavar="NAME=VALUE", help="A parameter the query declares (repeatable)."
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print the run report as JSON (for scripts).")
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="Processes that extract documents at once (default: the cores). "
        "The database is the same whatever the number.",
    ),
]
DEFAULT_INPUT = Path("seeds")
T = TypeVar("T")


class CliError(Exception):
    """A user-facing error: printed as one line, exit code 1."""


def _guard(action: Callable[[], T], database_url: str | None = None) -> T:
    """Run a command body; any error becomes one redacted line and exit code 1."""
    url = database_url or ""
    try:
        url = get_settings(database_url).database_url
        return action()
    except typer.Exit:
        raise
    except Exception as error:
        from etl.db.session import BUSY_MESSAGE, is_locked_error

        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        if is_locked_error(error):
            message = BUSY_MESSAGE
        elif isinstance(error, FileNotFoundError) and error.filename:
            message = f"file not found: {error.filename}"
        typer.echo(f"error: {redact_text(message, url)}", err=True)
        raise typer.Exit(1) from None


def _url(db: str | None) -> str:
    """The database URL, or one line and exit 1 when the settings are unusable."""
    return _guard(lambda: get_settings(db).database_url)


def _engine(url: str, read_only: bool = False) -> Any:
    from etl.db.session import make_engine

    timeout = get_settings(url).sqlite_busy_timeout_s
    return make_engine(url, busy_timeout_s=timeout, read_only=read_only)


@contextmanager
def _reading(url: str) -> Iterator[Any]:
    """An engine that can only read, on an existing database at head."""
    from etl.db.migrate import require_head

    engine = _engine(url, read_only=True)
    try:
        require_head(engine)
        yield engine
    finally:
        engine.dispose()


def _refresh_mode(reprocess: bool, full_refresh: bool) -> str:
    if full_refresh:
        return "full_refresh"
    return "reprocess" if reprocess else "incremental"


def _inputs(paths: list[Path] | None, refresh: str, allow_empty: bool) -> list[Path]:
    """The input paths, absolute; a run with nothing to read is a warning and
    exit 1 unless --allow-empty (a refresh may re-extract stored documents)."""
    from etl.ingest.discover import discover

    chosen = paths or [DEFAULT_INPUT]
    if not paths and not DEFAULT_INPUT.exists():
        reason = f"no PATHS given and there is no {DEFAULT_INPUT.resolve()} folder"
    elif not discover(chosen).candidates:
        reason = f"no documents found in {', '.join(str(p) for p in chosen)}"
    else:
        return [p.resolve() for p in chosen]
    if allow_empty or refresh != "incremental":
        typer.echo(f"warning: {reason}", err=True)
        return [p.resolve() for p in chosen if p.exists()]
    typer.echo(f"warning: {reason}; nothing to do (--allow-empty accepts that)", err=True)
    raise typer.Exit(1)


def _flow_database(url: str) -> str | None:
    """The database URL a flow run may carry as a parameter. Prefect stores and
    shows parameters, so a URL with a password is passed through the environment
    (ETL_DATABASE_URL, inherited by served runs) and the parameter stays empty."""
    from etl.settings import secrets_of

    os.environ["ETL_DATABASE_URL"] = url
    return None if secrets_of(url) else url


def _prefect_defaults(log_level: str = "WARNING") -> None:
    """Quiet, patient defaults; any PREFECT_* variable the user set wins."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", log_level)


def _print_report(report: Any, database_url: str, as_json: bool = False) -> None:
    from etl.db.queries import render
    from etl.load.runs import rows_line
    from etl.pipeline import summary_rows

    if as_json:
        from etl.results import report_dict

        typer.echo(
            json.dumps(
                report_dict(report, describe_database(database_url)), ensure_ascii=False, indent=2
            )
        )
        if report.failures:
            raise typer.Exit(1)
        return

    rows = summary_rows(report)
    if rows:
        columns = list(rows[0])
        typer.echo(render(columns, [tuple(r.values()) for r in rows], "table"))
    for problem in report.problems:
        typer.echo(f"warning: {problem}", err=True)
    typer.echo(f"run {report.run_id} {report.status}: {report.run_counts.describe()}")
    typer.echo(f"database: {describe_database(database_url)}")
    typer.echo(rows_line(report.counts))
    if report.stale:
        typer.echo(
            f"stale: {report.stale} document(s) were loaded by an older extractor version; "
            "`etl run --reprocess` re-extracts them"
        )
    if report.checks:
        passed = len(report.checks) - len(report.failed_checks)
        typer.echo(f"checks: {passed} of {len(report.checks)} passed")
    for check in report.failed_checks:
        typer.echo(f"check failed: {check.name}: {check.violations} violation(s)", err=True)
    if report.failures:
        for failure in report.failures:
            typer.echo(f"failed: {failure.name}: {failure.reason}", err=True)
        raise typer.Exit(1)


@app.command()
def run(
    paths: PathsArgument = None,
    reprocess: ReprocessOption = False,
    full_refresh: FullRefreshOption = False,
    allow_empty: AllowEmptyOption = False,
    workers: WorkersOption = None,
    task_runner: Annotated[
        str,
        typer.Option(
            "--task-runner",
            metavar="threads|dask",
            help="Where analysis tasks run: threads of this process, each with a process "
            "pool (default), or a Dask cluster (needs summit-etl[dask]).",
        ),
    ] = "threads",
    dask_address: Annotated[
        str | None,
        typer.Option(
            "--dask-address",
            metavar="tcp://HOST:PORT",
            help="An existing Dask scheduler (default: a local cluster of --workers processes).",
        ),
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Run the ingest flow (Prefect) over PATHS and print a summary."""
    _prefect_defaults(log_level="CRITICAL")  # the summary and one-line errors say it all
    url = _url(db)
    refresh = _refresh_mode(reprocess, full_refresh)
    inputs = _inputs(paths, refresh, allow_empty)

    def body() -> Any:
        from etl.analysis import worker_count
        from etl.flows.ingest import ingest_flow
        from etl.flows.runners import analysis_workers
        from etl.flows.runners import task_runner as runner_for
        from etl.flows.server import prefect_api
        from etl.progress import shown

        count = worker_count(workers)
        runner = runner_for(task_runner, address=dask_address, workers=count)
        flow = ingest_flow if runner is None else ingest_flow.with_options(task_runner=runner)
        with (
            prefect_api(),
            shown(not as_json),
        ):  # prefect_api: the configured server, or a local one
            return flow(
                [str(p) for p in inputs],
                _flow_database(url),
                refresh,
                workers=analysis_workers(task_runner, count),
            )

    _print_report(_guard(body, url), url, as_json)


@app.command()
def load(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="PATHS...", help="Files or folders to load now.", exists=True),
    ],
    reprocess: ReprocessOption = False,
    full_refresh: FullRefreshOption = False,
    allow_empty: AllowEmptyOption = False,
    workers: WorkersOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Load files directly, without Prefect: answers in seconds."""
    url = _url(db)
    refresh = _refresh_mode(reprocess, full_refresh)
    inputs = _inputs(files, refresh, allow_empty)

    def body() -> Any:
        from etl.analysis import worker_count
        from etl.pipeline import Pipeline
        from etl.progress import shown

        count = worker_count(workers)
        pipeline = Pipeline(get_settings(url), workers=count)
        try:
            with shown(not as_json):
                return pipeline.run(inputs, refresh=refresh)
        finally:
            pipeline.close()

    _print_report(_guard(body, url), url, as_json)


@app.command()
def serve(
    paths: PathsArgument = None,
    cron: Annotated[
        str | None,
        typer.Option(metavar="EXPR", help="Cron schedule (default '0 * * * *', hourly)."),
    ] = None,
    interval: Annotated[
        str | None, typer.Option(metavar="SECONDS", help="Run every SECONDS instead of a cron.")
    ] = None,
    name: Annotated[
        str, typer.Option(metavar="NAME", help="Deployment name.")
    ] = "summit-ingest-scheduled",
    allow_empty: AllowEmptyOption = False,
    db: DbOption = None,
) -> None:
    """Run the ingest flow on a schedule until Ctrl-C. Uses the Prefect server of
    PREFECT_API_URL, or starts a local one (and says where its UI is)."""
    _prefect_defaults()
    url = _url(db)

    def body() -> None:
        from etl.flows.serve import parse_schedule
        from etl.flows.serve import serve as serve_flow

        schedule = parse_schedule(cron, interval)  # a bad value stops here, before anything
        inputs = _inputs(paths, "incremental", allow_empty)
        parameters = {
            "paths": [str(p) for p in inputs],
            "database_url": _flow_database(url),
            "announce": True,
        }
        typer.echo(f"database: {describe_database(url)}")
        serve_flow(parameters, schedule, name, typer.echo)

    _guard(body, url)


@app.command()
def bench(
    docs: Annotated[int, typer.Option("--docs", min=1, help="Documents in the corpus.")] = 1000,
    source: Annotated[
        list[Path] | None,
        typer.Option(
            "--source",
            exists=True,
            help="Folders or files the corpus is copied from (repeatable; default: ./seeds).",
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="A PostgreSQL server to measure on: the bench creates and drops its own "
            "databases there (default: SQLite files in a temporary folder).",
        ),
    ] = None,
    workers: WorkersOption = None,
    no_flow: Annotated[
        bool, typer.Option("--no-flow", help="Skip the Prefect flow (etl run) measurement.")
    ] = False,
) -> None:
    """Time etl load and etl run on a corpus of DOCS unique copies of known
    documents, against the floor of any spaCy-based extractor on the same texts."""
    import tempfile

    if not source and not DEFAULT_INPUT.exists():  # given sources are checked by typer
        typer.echo(f"error: no --source given and no {DEFAULT_INPUT.resolve()} folder", err=True)
        raise typer.Exit(1)
    sources = source or [DEFAULT_INPUT]
    _prefect_defaults(log_level="CRITICAL")

    def body() -> str:
        from etl.analysis import worker_count
        from etl.bench.run import bench as measure
        from etl.bench.run import table

        count = worker_count(workers)
        with tempfile.TemporaryDirectory(prefix="etl-bench-") as folder:
            result = measure(
                docs, sources, Path(folder), server=db, workers=count, flow=not no_flow
            )
        return table(result)

    typer.echo(_guard(body, db))


@app.command()
def query(
    name_or_file: Annotated[
        str, typer.Argument(metavar="NAME_OR_FILE", help="A query in sql/queries/ or a .sql file.")
    ],
    fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help="table, csv or json.")] = (
        "table"
    ),
    param: ParamOption = None,
    db: DbOption = None,
) -> None:
    """Run an analyst query and print its rows (read-only)."""
    url = _url(db)

    def body() -> str:
        from etl.db.params import parse_assignments
        from etl.db.queries import FORMATS, render, resolve_query, run_query

        if fmt not in FORMATS:
            raise CliError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        path = resolve_query(name_or_file)
        given = parse_assignments(param or [])
        with _reading(url) as engine:
            columns, rows = run_query(engine, path, given)
        return render(columns, rows, fmt)

    typer.echo(_guard(body, url))


@app.command()
def export(
    name: Annotated[
        str,
        typer.Argument(
            metavar="VIEW_OR_QUERY",
            help="A view (v_statements), a query in sql/queries/ or a .sql file.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")],
    fmt: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="csv, jsonl or parquet.")
    ] = "csv",
    param: ParamOption = None,
    db: DbOption = None,
) -> None:
    """Write a view's or a query's rows to a file, streaming (read-only)."""
    url = _url(db)

    def body() -> str:
        from etl.db.export import export as write_export
        from etl.db.params import parse_assignments

        given = parse_assignments(param or [])
        with _reading(url) as engine:
            count = write_export(engine, name, fmt, out, given)
        return f"{count} rows of {name} written to {out} ({fmt})"

    typer.echo(_guard(body, url))


@app.command()
def browse(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
    db: DbOption = None,
) -> None:
    """Browse the SQLite database in Datasette, with the query library (read-only)."""
    url = _url(db)

    def body() -> tuple[Path, dict[str, Any]]:
        from etl.browse import BrowseError
        from etl.db.dictionary import meanings
        from etl.settings import sqlite_file

        path = sqlite_file(url)
        if path is None:
            raise BrowseError(
                "etl browse serves a SQLite database; on PostgreSQL the same query library "
                "is etl query NAME (etl query --help)"
            )
        with _reading(url):  # exists, at head; nothing is created
            pass
        return path, meanings()

    path, described = _guard(body, url)
    typer.echo(f"Datasette on http://{host}:{port}/{path.stem} (read-only; Ctrl-C stops it)")

    def run() -> None:
        from etl.browse import serve

        serve(path, described, host, port)

    _guard(run, url)


@app.command()
def dictionary(
    docs: Annotated[
        list[Path] | None,
        typer.Option("--docs", help="Documents for the examples (default ./seeds).", exists=True),
    ] = None,
    out: Annotated[Path, typer.Option(help="The data dictionary to write.")] = Path(
        "docs/data-dictionary.md"
    ),
    readme: Annotated[
        Path, typer.Option(help="The README whose diagram is refreshed.", exists=True)
    ] = Path("README.md"),
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if either file is stale.")
    ] = False,
) -> None:
    """Generate docs/data-dictionary.md and the README's diagram from the code."""

    def body() -> str:
        from etl.docs import write_or_check

        return write_or_check(docs or [Path("seeds")], out, readme, check)

    typer.echo(_guard(body))


@app.command()
def status(db: DbOption = None) -> None:
    """Documents by status, with the reason of each failure, the last run and its checks."""
    url = _url(db)

    def body() -> list[str]:
        from etl.db.session import session_factory
        from etl.load.runs import status_lines

        with _reading(url) as engine, session_factory(engine)() as session:
            return [f"database: {describe_database(url)}", *status_lines(session)]

    typer.echo("\n".join(_guard(body, url)))


@app.command()
def check(db: DbOption = None) -> None:
    """Run the data checks in sql/checks; exit 1 if any rule is violated."""
    url = _url(db)

    def body() -> list[Any]:
        from etl.db.checks import run_checks

        with _reading(url) as engine, engine.connect() as connection:
            return run_checks(connection)

    results = _guard(body, url)
    for result in results:
        typer.echo("\n".join(result.report_lines()))
    failed = [r.name for r in results if not r.passed]
    typer.echo(f"{len(results) - len(failed)} of {len(results)} checks passed")
    if failed:
        typer.echo(f"failed checks: {', '.join(failed)}", err=True)
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD",
            help="A gold file (YAML: persons, meetings, statements).",
            exists=True,
            dir_okay=False,
        ),
    ],
    docs: Annotated[
        list[Path] | None,
        typer.Option(
            "--docs",
            metavar="PATH",
            help="Documents to load into a throwaway database and evaluate (repeatable).",
            exists=True,
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="table or json.")
    ] = "table",
    floors: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="A TOML file of floors; exit 1 when a figure is below one.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    corpus: Annotated[
        str | None, typer.Option(metavar="NAME", help="The table of --floors to check (e.g. dev).")
    ] = None,
    monotone: Annotated[
        bool,
        typer.Option(
            "--monotone", help="Exit 1 when a fact kind's confidence bands are not monotone."
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Score extraction against a gold file: precision, recall and F1 per fact
    kind, then each document's missed, spurious and wrong facts. Reads --db (or
    the default database) unless --docs is given; never writes to a database of yours."""
    if docs and db:
        _fail("give --docs (loaded into a throwaway database) or --db (read as it is), not both")
    if (floors is None) != (corpus is None):
        _fail("--floors and --corpus go together: the file, and which of its tables to check")
    url = _url(db)

    def body() -> tuple[str, list[str]]:
        from etl.evaluate import load_gold
        from etl.evaluate.bands import unordered_kinds
        from etl.evaluate.floors import read_floors, shortfalls
        from etl.evaluate.report import FORMATS, format_evaluation
        from etl.evaluate.run import evaluate_database, evaluate_documents

        if fmt not in FORMATS:
            raise CliError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        expected = load_gold(gold)
        limits = read_floors(floors, corpus) if floors and corpus else {}
        problems: list[str] = []
        if docs:
            evaluation, failed = evaluate_documents([p.resolve() for p in docs], expected)
            problems += [f"warning: not loaded: {reason}" for reason in failed]
        else:
            with _reading(url) as engine:
                evaluation = evaluate_database(engine, expected)
        problems += [
            f"quality floor broken ({corpus}): {s}"
            for s in shortfalls(evaluation.headline(), limits)
        ]
        if monotone:
            problems += [
                f"quality floor broken: {kind} confidence bands are not monotone"
                for kind in unordered_kinds(evaluation.judged)
            ]
        return format_evaluation(evaluation, fmt), problems

    text, problems = _guard(body, url)
    typer.echo(text)
    for problem in problems:
        typer.echo(problem, err=True)
    if any(p.startswith("quality floor") for p in problems):
        raise typer.Exit(1)


@app.command()
def calibrate(
    gold: Annotated[
        Path,
        typer.Argument(metavar="GOLD", help="A gold file.", exists=True, dir_okay=False),
    ],
    docs: Annotated[
        list[Path],
        typer.Option(
            "--docs", metavar="PATH", help="The gold's documents (repeatable).", exists=True
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(metavar="FILE", help="Where to write the model (YAML).", dir_okay=False),
    ],
) -> None:
    """Fit the confidence model on an annotated corpus: load the documents into a
    throwaway database, judge each fact against the gold, fit the weights, and
    write them to --out (the shipped model is etl/resolve/data/confidence.yaml);
    then print the precision per band of each fact scored by a model fitted
    without its meeting (cross-validation)."""
    from etl.evaluate import load_gold
    from etl.evaluate.bands import bands_table
    from etl.evaluate.calibrate import FOLDS, calibrate_documents, write_model

    calibration, problems = calibrate_documents([p.resolve() for p in docs], load_gold(gold))
    write_model(calibration, out)
    for problem in problems:
        typer.echo(f"warning: not loaded: {problem}", err=True)
    judged = ", ".join(f"{k} {n}" for k, n in calibration.samples.items())
    typer.echo(f"wrote {out} (facts judged: {judged})")
    typer.echo(f"\nprecision per confidence band, each fact held out of the fit ({FOLDS} folds):")
    typer.echo(bands_table(calibration.held_out))


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


RevisionArgument = Annotated[
    str, typer.Argument(metavar="REV", help="head, base, a relative step (-1, +1) or an id.")
]
YesOption = Annotated[
    bool, typer.Option("--yes", "-y", help="Drop the data the downgrade removes, without asking.")
]


@db_app.command("upgrade")
def db_upgrade(revision: RevisionArgument = "head", db: DbOption = None) -> None:
    """Upgrade the schema (default: to the newest revision)."""
    url = _url(db)

    def body() -> str:
        from etl.db import migrate

        engine = _engine(url)
        try:
            return migrate.upgrade(engine, revision).describe("upgraded")
        finally:
            engine.dispose()

    typer.echo(f"{describe_database(url)}: {_guard(body, url)}")


@db_app.command("downgrade")
def db_downgrade(
    revision: RevisionArgument = "-1", yes: YesOption = False, db: DbOption = None
) -> None:
    """Downgrade the schema (default: one revision). Says what data it drops and
    asks first (--yes to skip; without a terminal --yes is required)."""
    url = _url(db)

    def body() -> str:
        from etl.db import losses, migrate

        _engine(url, read_only=True).dispose()  # a missing database is not created
        engine = _engine(url)
        try:
            migrate.refuse_unknown(migrate.current_revision(engine))
            loss = losses.plan_downgrade(engine, revision)
            if loss:
                typer.echo(f"downgrading to {revision} drops: " + "; ".join(loss.lines))
                if not yes and not _confirm("drop this data?"):
                    raise CliError("downgrade refused: nothing changed (--yes drops the data)")
                marked = losses.mark_for_reextraction(engine, loss)
            done = migrate.downgrade(engine, revision).describe("downgraded")
            if loss and marked:
                done += f"; {marked} document(s) will be re-extracted by the next run"
            return done
        finally:
            engine.dispose()

    typer.echo(f"{describe_database(url)}: {_guard(body, url)}")


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    return typer.confirm(question, default=False)


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the schema revision of the database (read-only)."""
    url = _url(db)

    def body() -> str:
        from etl.db import migrate

        engine = _engine(url, read_only=True)
        try:
            current = migrate.current_revision(engine)
        finally:
            engine.dispose()
        head = migrate.head_revision()
        note = "" if current == head else f" (this summit-etl's newest is {head})"
        return f"{current or 'base (empty)'}{note}"

    typer.echo(f"{describe_database(url)}: {_guard(body, url)}")


def main() -> None:
    try:
        app(prog_name="etl")
    finally:
        # The command is done: spare the interpreter's exit a garbage collection
        # over spaCy's and SQLAlchemy's objects (~0.35 s of a one-document load).
        # Objects are still released and exit handlers still run.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
