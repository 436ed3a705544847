"""``etl``: options in, library calls out. Heavy imports (spaCy, Prefect) happen
inside the commands that need them, so ``etl --help`` answers at once."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from etl.settings import get_settings, redact_text, redact_url

app = typer.Typer(
    help="summit-etl: documents about US–China diplomacy into a relational database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Schema migrations (Alembic).", no_args_is_help=True)
app.add_typer(db_app, name="db")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (default: $ETL_DATABASE_URL or sqlite:///data/summit.db)."
    ),
]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(help="Files or folders to ingest (default: seeds/).", exists=True),
]
ReprocessOption = Annotated[
    bool, typer.Option("--reprocess", help="Re-extract documents loaded by an older extractor.")
]
FullRefreshOption = Annotated[
    bool, typer.Option("--full-refresh", help="Re-extract every document, current or not.")
]
T = TypeVar("T")


class CliError(Exception):
    """A user-facing error: printed as one line, exit code 1."""


def _guard(action: Callable[[], T], database_url: str | None = None) -> T:
    """Run a command body; any error becomes one redacted line and exit code 1."""
    url = get_settings(database_url).database_url
    try:
        return action()
    except typer.Exit:
        raise
    except Exception as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        typer.echo(f"error: {redact_text(message, url)}", err=True)
        raise typer.Exit(1) from None


@contextmanager
def _migrated_engine(url: str) -> Iterator[Any]:
    """An engine on a database brought to the newest schema, disposed afterwards."""
    from etl.db.migrate import ensure_schema
    from etl.db.session import make_engine

    engine = make_engine(url)
    try:
        ensure_schema(engine)
        yield engine
    finally:
        engine.dispose()


def _refresh_mode(reprocess: bool, full_refresh: bool) -> str:
    if full_refresh:
        return "full_refresh"
    return "reprocess" if reprocess else "incremental"


def _flow_database(url: str) -> str | None:
    """The database URL a flow run may carry as a parameter. Prefect stores and
    shows parameters, so a URL with a password is passed through the environment
    (ETL_DATABASE_URL, inherited by served runs) and the parameter stays empty."""
    from sqlalchemy.engine import make_url

    os.environ["ETL_DATABASE_URL"] = url
    return None if make_url(url).password else url


def _prefect_defaults(log_level: str = "WARNING") -> None:
    """Quiet, patient defaults; any PREFECT_* variable the user set wins."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", log_level)


def _print_report(report: Any, database_url: str) -> None:
    from etl.db.queries import render
    from etl.pipeline import summary_rows

    rows = summary_rows(report)
    if rows:
        columns = list(rows[0])
        typer.echo(render(columns, [tuple(r.values()) for r in rows], "table"))
    for problem in report.problems:
        typer.echo(f"warning: {problem}", err=True)
    counts = ", ".join(f"{k} {v}" for k, v in report.counts.items())
    typer.echo(
        f"run {report.run_id} {report.status} into {redact_url(database_url)}: "
        f"{report.count('loaded')} loaded, {report.count('unchanged')} unchanged, "
        f"{report.count('skipped')} skipped, {len(report.failures)} failed"
    )
    typer.echo(f"database: {counts}")
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
    db: DbOption = None,
) -> None:
    """Run the ingest flow (Prefect) over PATHS and print a summary."""
    _prefect_defaults(log_level="CRITICAL")  # the summary and one-line errors say it all
    url = get_settings(db).database_url
    refresh = _refresh_mode(reprocess, full_refresh)

    def body() -> Any:
        from etl.flows.ingest import ingest_flow

        return ingest_flow([str(p) for p in paths or [Path("seeds")]], _flow_database(url), refresh)

    _print_report(_guard(body, url), url)


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="Files or folders to load now.", exists=True)],
    reprocess: ReprocessOption = False,
    full_refresh: FullRefreshOption = False,
    db: DbOption = None,
) -> None:
    """Load files directly, without Prefect: answers in seconds."""
    url = get_settings(db).database_url
    refresh = _refresh_mode(reprocess, full_refresh)

    def body() -> Any:
        from etl.pipeline import Pipeline

        pipeline = Pipeline(get_settings(url))
        try:
            return pipeline.run(files, refresh=refresh)
        finally:
            pipeline.close()

    _print_report(_guard(body, url), url)


@app.command()
def serve(
    paths: PathsArgument = None,
    cron: Annotated[str, typer.Option(help="Cron schedule, e.g. '0 * * * *'.")] = "0 * * * *",
    name: Annotated[str, typer.Option(help="Deployment name.")] = "summit-ingest-scheduled",
    db: DbOption = None,
) -> None:
    """Serve the ingest flow as a scheduled deployment (uses PREFECT_API_URL if set)."""
    _prefect_defaults()
    url = get_settings(db).database_url

    def body() -> None:
        from etl.flows.ingest import ingest_flow

        parameters = {
            "paths": [str(p) for p in paths or [Path("seeds")]],
            "database_url": _flow_database(url),
        }
        ingest_flow.serve(name=name, cron=cron, parameters=parameters)

    _guard(body, url)


@app.command()
def query(
    name_or_file: Annotated[str, typer.Argument(help="A query in sql/queries/ or a .sql file.")],
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    db: DbOption = None,
) -> None:
    """Run an analyst query and print its rows."""
    url = get_settings(db).database_url

    def body() -> str:
        from etl.db.queries import FORMATS, render, resolve_query, run_query
        from etl.db.session import make_engine

        if fmt not in FORMATS:
            raise CliError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        path = resolve_query(name_or_file)
        engine = make_engine(url)
        try:
            columns, rows = run_query(engine, path)
        finally:
            engine.dispose()
        return render(columns, rows, fmt)

    typer.echo(_guard(body, url))


@app.command()
def status(db: DbOption = None) -> None:
    """Documents by status, with the reason of each failure, the last run and its checks."""
    url = get_settings(db).database_url

    def body() -> list[str]:
        from etl.db.session import session_factory
        from etl.load.runs import status_lines

        with _migrated_engine(url) as engine, session_factory(engine)() as session:
            return [f"database {redact_url(url)}", *status_lines(session)]

    typer.echo("\n".join(_guard(body, url)))


@app.command()
def check(db: DbOption = None) -> None:
    """Run the data checks in sql/checks; exit 1 if any rule is violated."""
    url = get_settings(db).database_url

    def body() -> list[Any]:
        from etl.db.checks import run_checks

        with _migrated_engine(url) as engine, engine.connect() as connection:
            return run_checks(connection)

    results = _guard(body, url)
    for result in results:
        typer.echo("\n".join(result.report_lines()))
    failed = [r.name for r in results if not r.passed]
    typer.echo(f"{len(results) - len(failed)} of {len(results)} checks passed")
    if failed:
        typer.echo(f"failed checks: {', '.join(failed)}", err=True)
        raise typer.Exit(1)


@db_app.command("upgrade")
def db_upgrade(revision: str = "head", db: DbOption = None) -> None:
    """Upgrade the schema (default: to the newest revision)."""
    _migrate("upgrade", revision, db)


@db_app.command("downgrade")
def db_downgrade(revision: str = "-1", db: DbOption = None) -> None:
    """Downgrade the schema (default: one revision)."""
    _migrate("downgrade", revision, db)


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the schema revision of the database."""
    _migrate("current", "", db)


def _migrate(action: str, revision: str, db: str | None) -> None:
    url = get_settings(db).database_url

    def body() -> str:
        from etl.db import migrate
        from etl.db.session import make_engine

        engine = make_engine(url)
        try:
            if action == "upgrade":
                migrate.upgrade(engine, revision)
            elif action == "downgrade":
                migrate.downgrade(engine, revision)
            current = migrate.current_revision(engine) or "base (empty)"
        finally:
            engine.dispose()
        return f"{redact_url(url)}: {current}"

    typer.echo(_guard(body, url))


def main() -> None:
    app(prog_name="etl")


if __name__ == "__main__":  # pragma: no cover
    main()
