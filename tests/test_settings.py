"""Settings: one database wherever the user stands, URLs normalised once, errors in one line."""

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.settings import (
    SettingsError,
    default_database_path,
    describe_database,
    get_settings,
    normalize_url,
    redact_text,
    redact_url,
    secrets_of,
)


def test_the_default_database_is_one_file_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("ETL_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    expected = tmp_path / "data-home" / "summit-etl" / "summit.db"
    assert default_database_path() == expected
    (tmp_path / "elsewhere").mkdir()
    for folder in (tmp_path, tmp_path / "elsewhere"):
        monkeypatch.chdir(folder)
        assert get_settings().database_url == f"sqlite:///{expected}"


def test_environment_and_explicit_url_override_the_default(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ETL_DATABASE_URL", "sqlite:///elsewhere.db")
    assert get_settings().database_url == f"sqlite:///{tmp_path / 'elsewhere.db'}"
    assert get_settings("sqlite:////srv/given.db").database_url == "sqlite:////srv/given.db"


def test_a_relative_sqlite_path_is_made_absolute_where_the_command_runs(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    url = get_settings("sqlite:///out/summit.db").database_url
    assert url == f"sqlite:///{tmp_path / 'out' / 'summit.db'}"
    assert describe_database(url) == str(tmp_path / "out" / "summit.db")
    assert Path(describe_database(url)).is_absolute()
    assert normalize_url("sqlite://") == "sqlite://"  # in memory stays in memory


@pytest.mark.parametrize(
    "given_url",
    [
        "postgres://analyst:pw@db.example:5432/summit",
        "postgresql://analyst:pw@db.example:5432/summit",
        "postgresql+psycopg://analyst:pw@db.example:5432/summit",
    ],
)
def test_postgres_urls_use_the_installed_driver(given_url):
    assert normalize_url(given_url) == "postgresql+psycopg://analyst:pw@db.example:5432/summit"


def test_a_postgres_url_keeps_its_query_string():
    url = normalize_url("postgres://analyst@db.example/summit?sslmode=require")
    assert url == "postgresql+psycopg://analyst@db.example/summit?sslmode=require"


def test_a_postgres_database_is_described_without_its_password():
    described = describe_database("postgresql+psycopg://analyst:s3cr3t@db.example/summit")
    assert "s3cr3t" not in described and "db.example/summit" in described


def test_something_that_is_no_url_is_one_clear_error():
    with pytest.raises(SettingsError, match="not a database URL"):
        normalize_url("summit.db")


def test_size_limit_is_configurable(monkeypatch):
    monkeypatch.setenv("ETL_MAX_DOCUMENT_BYTES", "1234")
    assert get_settings().max_document_bytes == 1234


@pytest.mark.parametrize("value", ["ten", "1.5", "-3", "0"])
def test_a_bad_number_names_the_variable_and_the_value(monkeypatch, value):
    monkeypatch.setenv("ETL_SQLITE_BUSY_TIMEOUT", value)
    with pytest.raises(SettingsError) as raised:
        get_settings()
    assert "ETL_SQLITE_BUSY_TIMEOUT" in str(raised.value) and value in str(raised.value)


def test_passwords_never_survive_redaction():
    url = "postgresql+psycopg://analyst:s3cr3t@db.example:5432/summit"
    assert "s3cr3t" not in redact_url(url)
    assert "analyst" in redact_url(url)
    message = "connection to analyst:s3cr3t@db.example failed"
    assert "s3cr3t" not in redact_text(message, url)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_normalising_a_sqlite_path_is_idempotent(name):
    name = name.replace("\x00", "").replace("?", "").replace("#", "").strip()
    if not name or name.startswith("file:"):
        return
    url = normalize_url(f"sqlite:///{os.path.join('/tmp', name)}")
    assert normalize_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://analyst:Pa55-word@db.example/summit",
        "postgresql+psycopg://analyst@db.example/summit?password=Pa55-word",
        "postgresql+psycopg://analyst@db.example/summit?sslmode=require&sslpassword=Pa55-word",
    ],
)
def test_every_credential_form_is_redacted(url):
    assert secrets_of(url) == ["Pa55-word"]
    assert "Pa55-word" not in redact_url(url) and "***" in redact_url(url)
    assert "db.example/summit" in redact_url(url)
    assert redact_text(f"could not connect with Pa55-word to {url}", url).count("Pa55-word") == 0
    assert "Pa55-word" not in describe_database(url)


def test_a_service_file_or_environment_password_leaves_nothing_in_the_url():
    assert secrets_of("postgresql+psycopg:///?service=summit") == []
