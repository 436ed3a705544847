from etl.settings import DEFAULT_DATABASE_URL, get_settings, redact_text, redact_url


def test_default_database_is_the_embedded_sqlite_file(monkeypatch):
    monkeypatch.delenv("ETL_DATABASE_URL", raising=False)
    assert get_settings().database_url == DEFAULT_DATABASE_URL


def test_environment_and_explicit_url_override_the_default(monkeypatch):
    monkeypatch.setenv("ETL_DATABASE_URL", "sqlite:///elsewhere.db")
    assert get_settings().database_url == "sqlite:///elsewhere.db"
    assert get_settings("sqlite:///given.db").database_url == "sqlite:///given.db"


def test_size_limit_is_configurable(monkeypatch):
    monkeypatch.setenv("ETL_MAX_DOCUMENT_BYTES", "1234")
    assert get_settings().max_document_bytes == 1234


def test_passwords_never_survive_redaction():
    url = "postgresql+psycopg://analyst:s3cr3t@db.example:5432/summit"
    assert "s3cr3t" not in redact_url(url)
    assert "analyst" in redact_url(url)
    message = "connection to analyst:s3cr3t@db.example failed"
    assert "s3cr3t" not in redact_text(message, url)
