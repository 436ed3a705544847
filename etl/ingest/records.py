"""What ingestion hands to extraction: a decoded document and its source metadata."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


class IngestError(Exception):
    """A document that cannot be loaded, with the status to record for it.

    ``status`` is ``failed`` for input we reject (binary, too large, undecodable)
    and ``skipped`` for input with nothing to extract (empty).
    """

    def __init__(self, reason: str, status: str = "failed") -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class SourceMeta:
    """Per-document metadata from a manifest (or a JSON Lines record)."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None

    def or_(self, fallback: SourceMeta) -> SourceMeta:
        """Each field from here, or from ``fallback`` where this one has none."""
        return SourceMeta(
            title=self.title if self.title is not None else fallback.title,
            outlet=self.outlet if self.outlet is not None else fallback.outlet,
            author=self.author if self.author is not None else fallback.author,
            url=self.url if self.url is not None else fallback.url,
            published=self.published if self.published is not None else fallback.published,
            language=self.language if self.language is not None else fallback.language,
        )


def parse_published(value: object) -> dt.date | None:
    """An ISO date, or the date part of an ISO timestamp; ValueError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"published is not an ISO date: {text[:40]!r}") from None


@dataclass(frozen=True)
class RawDocument:
    """A document read from disk: its bytes' hash, its decoded text, its metadata."""

    name: str
    path: Path
    sha256: str
    text: str
    meta: SourceMeta = field(default_factory=SourceMeta)
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RejectedDocument:
    """A file that ingestion refused, kept so the run can record why."""

    name: str
    path: Path
    sha256: str
    reason: str
    status: str = "failed"
    meta: SourceMeta = field(default_factory=SourceMeta)
