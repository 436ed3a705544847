"""One settings object, read by the application and by ``migrations/env.py``.

Values come from environment variables so that the CLI, the Prefect flow and
Alembic always agree on which database they talk to. A database URL is
normalised once, here: ``postgres://`` becomes the installed driver's URL and a
relative SQLite path becomes absolute, so a run summary names one file whatever
folder the user stood in, and a scheduled run (started elsewhere) finds it too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Where sql/, migrations/ and alembic.ini are: a wheel carries them inside the
# package (etl/_resources, see pyproject.toml); a checkout has them at its top.
_BUNDLED = Path(__file__).resolve().parent / "_resources"
RESOURCE_ROOT = _BUNDLED if (_BUNDLED / "sql").is_dir() else PROJECT_ROOT
APP_NAME = "summit-etl"
POSTGRES_DRIVER = "postgresql+psycopg"


class SettingsError(ValueError):
    """A setting the user gave cannot be used; the message names it."""


def default_database_path() -> Path:
    """``summit.db`` in the platform's per-user data folder (on Linux
    ``~/.local/share/summit-etl``): one place, wherever the command is run."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "summit.db"


def default_database_url() -> str:
    return f"sqlite:///{default_database_path()}"


def normalize_url(url: str) -> str:
    """The URL SQLAlchemy should open: ``postgres://`` and ``postgresql://``
    (what hosting services hand out) use the installed psycopg driver, and a
    SQLite file path is made absolute."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    url = url.strip()
    for scheme in ("postgres://", "postgresql://"):
        if url.startswith(scheme):
            url = POSTGRES_DRIVER + "://" + url.removeprefix(scheme)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise SettingsError(f"not a database URL: {redact_url(url)}") from None
    path = sqlite_file(url)
    if path is not None and not path.is_absolute() and not str(parsed.database).startswith("file:"):
        absolute = str(path.expanduser().resolve())
        url = parsed.set(database=absolute).render_as_string(hide_password=False)
    return url


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL, or None (PostgreSQL, in-memory databases)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:"):
        return Path(database.removeprefix("file:").split("?", 1)[0])
    return Path(database)


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if value <= 0:
        raise SettingsError(f"{name} must be positive, got {raw!r}")
    return value


@dataclass(frozen=True)
class Settings:
    database_url: str = field(
        default_factory=lambda: normalize_url(
            os.environ.get("ETL_DATABASE_URL") or default_database_url()
        )
    )
    max_document_bytes: int = field(
        default_factory=lambda: _int_env("ETL_MAX_DOCUMENT_BYTES", DEFAULT_MAX_DOCUMENT_BYTES)
    )
    sqlite_busy_timeout_s: int = field(
        default_factory=lambda: _int_env("ETL_SQLITE_BUSY_TIMEOUT", 30)
    )

    def with_database(self, url: str | None) -> Settings:
        if not url:
            return self
        return Settings(normalize_url(url), self.max_document_bytes, self.sqlite_busy_timeout_s)


def get_settings(database_url: str | None = None) -> Settings:
    if database_url:
        return Settings(database_url=normalize_url(database_url))
    return Settings()


def describe_database(url: str) -> str:
    """What a summary calls the database: the absolute file of a SQLite
    database, or the URL without its password."""
    path = sqlite_file(url)
    return str(path) if path is not None else redact_url(url)


SECRET_QUERY_KEYS = frozenset({"password", "sslpassword"})
"""URL query parameters that carry a credential (``?password=…``)."""


def secrets_of(url: str) -> list[str]:
    """Every credential a URL carries: its password and secret query values."""
    from sqlalchemy.engine import make_url  # imported here: keeps `etl --help` fast

    try:
        parsed = make_url(url)
    except Exception:
        return []
    found = [str(parsed.password)] if parsed.password else []
    for key, value in parsed.query.items():
        if key.lower() in SECRET_QUERY_KEYS:
            found += [value] if isinstance(value, str) else list(value)
    return [secret for secret in found if secret]


def redact_url(url: str) -> str:
    """The URL with every credential masked, safe for logs, errors and artifacts."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
        query = {
            k: ("***" if k.lower() in SECRET_QUERY_KEYS else v) for k, v in parsed.query.items()
        }
        rendered = parsed.set(query=query).render_as_string(hide_password=True)
        return rendered.replace("%2A%2A%2A", "***")
    except Exception:
        return "<unparseable database URL>"


def redact_text(text: str, url: str) -> str:
    """Remove a URL's credentials from any message that may have echoed them."""
    for secret in secrets_of(url):
        text = text.replace(secret, "***")
    return text
