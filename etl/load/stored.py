"""What the database already holds about a document: is this content loaded, by
which extractor version, and the stored text that re-extraction starts from."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from etl.db.models import Document
from etl.ingest.records import RawDocument, SourceMeta


def stored_document(session: Session, name: str) -> Document | None:
    return session.scalars(select(Document).where(Document.name == name)).one_or_none()


def adopt_legacy_name(session: Session, name: str, path: Path) -> None:
    """Documents stored before names were paths relative to the input folder
    were named by their file name alone (``article.txt`` for
    ``2021/article.txt``). The first time such a file is seen under its new
    name, the stored row of the same file takes that name instead of a second
    row being made. Only the run knows the input folder, so this happens here,
    at load time, not in a migration."""
    if "/" not in name or stored_document(session, name) is not None:
        return
    parts = name.split("/")
    older = ["/".join(parts[i:]) for i in range(1, len(parts))]
    target = path.resolve()
    for row in session.scalars(select(Document).where(Document.name.in_(older))):
        if row.source_path and Path(row.source_path).resolve() == target:
            row.name = name
            session.flush()
            return


def loaded_version(session: Session, raw: RawDocument) -> str | None:
    """The extractor version that loaded exactly this content, or None when this
    content is not loaded (new, changed, or failed before)."""
    stored = stored_document(session, raw.name)
    if stored is None or stored.sha256 != raw.sha256 or stored.status != "loaded":
        return None
    return stored.extractor_version or ""


def loaded_versions(session: Session, raws: list[RawDocument]) -> list[str | None]:
    """:func:`loaded_version` of many documents in one query, without their text."""
    rows = session.execute(
        select(Document.name, Document.sha256, Document.status, Document.extractor_version).where(
            Document.name.in_([raw.name for raw in raws])
        )
    )
    stored = {name: (sha, status, version) for name, sha, status, version in rows}
    versions: list[str | None] = []
    for raw in raws:
        sha, status, version = stored.get(raw.name, (None, None, None))
        loaded = sha == raw.sha256 and status == "loaded"
        versions.append((version or "") if loaded else None)
    return versions


def stored_raw_documents(
    session: Session, *, older_than: str | None, exclude: set[str]
) -> list[RawDocument]:
    """Loaded documents rebuilt from their stored text, for re-extraction without
    the source files: those loaded by another extractor version, or every one
    when ``older_than`` is None."""
    query = select(Document).where(Document.status == "loaded", Document.text.is_not(None))
    if older_than is not None:
        query = query.where(
            (Document.extractor_version != older_than) | Document.extractor_version.is_(None)
        )
    rows = session.scalars(query.order_by(Document.name)).all()
    return [
        RawDocument(
            name=row.name,
            path=Path(row.source_path or row.name),
            sha256=row.sha256,
            text=row.text or "",
            meta=SourceMeta(
                row.title, row.outlet, row.author, row.url, row.published_date, row.language
            ),
        )
        for row in rows
        if row.name not in exclude
    ]


def stale_count(session: Session, version: str) -> int:
    """Loaded documents whose facts came from another extractor version."""
    query = select(func.count()).where(
        Document.status == "loaded",
        (Document.extractor_version != version) | Document.extractor_version.is_(None),
    )
    return session.scalar(query) or 0
