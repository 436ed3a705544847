"""One settings object, read by the application and by ``migrations/env.py``.

Values come from environment variables so that the CLI, the Prefect flow and
Alembic always agree on which database they talk to.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///data/summit.db"
DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc


@dataclass(frozen=True)
class Settings:
    database_url: str = field(
        default_factory=lambda: os.environ.get("ETL_DATABASE_URL", DEFAULT_DATABASE_URL)
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
        return Settings(url, self.max_document_bytes, self.sqlite_busy_timeout_s)


def get_settings(database_url: str | None = None) -> Settings:
    return Settings().with_database(database_url)


def redact_url(url: str) -> str:
    """The URL with its password masked, safe for logs, errors and artifacts."""
    from sqlalchemy.engine import make_url  # imported here: keeps `etl --help` fast

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database URL>"


def redact_text(text: str, url: str) -> str:
    """Remove a URL's password from any message that may have echoed it."""
    from sqlalchemy.engine import make_url

    try:
        password = make_url(url).password
    except Exception:
        return text
    if password:
        text = text.replace(str(password), "***")
    return text
