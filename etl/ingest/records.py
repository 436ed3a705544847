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


@dataclass(frozen=True)
class RawDocument:
    """A document read from disk: its bytes' hash, its decoded text, its metadata."""

    name: str
    path: Path
    sha256: str
    text: str
    meta: SourceMeta = field(default_factory=SourceMeta)
    encoding: str = "utf-8"


@dataclass(frozen=True)
class RejectedDocument:
    """A file that ingestion refused, kept so the run can record why."""

    name: str
    path: Path
    sha256: str
    reason: str
    status: str = "failed"
    meta: SourceMeta = field(default_factory=SourceMeta)
