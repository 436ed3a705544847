"""Find input documents under the given paths, with their manifest metadata."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from etl.ingest.decode import decode, normalize_text
from etl.ingest.formats import FORMATS_BY_SUFFIX, declared_charset, format_of, to_text
from etl.ingest.jsonl import read_jsonl
from etl.ingest.manifest import MANIFEST_NAME, Manifest, read_manifest
from etl.ingest.records import IngestError, RawDocument, RejectedDocument, SourceMeta

SUPPORTED_SUFFIXES = tuple(FORMATS_BY_SUFFIX)


@dataclass(frozen=True)
class Candidate:
    """A file to ingest and the metadata its folder's manifest gives it."""

    path: Path
    name: str
    meta: SourceMeta = field(default_factory=SourceMeta)


@dataclass
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _is_document(path: Path) -> bool:
    return (
        path.is_file()
        and not path.name.startswith(".")
        and path.name != MANIFEST_NAME
        and path.suffix.lower() in SUPPORTED_SUFFIXES
    )


def discover(paths: Iterable[Path]) -> Discovery:
    """Files named directly are taken whatever their suffix; folders are walked."""
    found = Discovery()
    manifests: dict[Path, Manifest] = {}

    def manifest_for(folder: Path) -> Manifest:
        if folder not in manifests:
            manifests[folder] = read_manifest(folder)
            found.problems.extend(manifests[folder].problems)
        return manifests[folder]

    seen: set[Path] = set()
    for given in paths:
        if given.is_dir():
            files = sorted(p for p in given.rglob("*") if _is_document(p))
        elif given.is_file():
            files = [given]
        else:
            found.problems.append(f"{given}: no such file or folder")
            continue
        for path in files:
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            meta = manifest_for(path.parent).meta_for(path.name)
            found.candidates.append(Candidate(path=path, name=path.name, meta=meta))
    return found


def read_documents(candidate: Candidate, *, max_bytes: int) -> list[RawDocument | RejectedDocument]:
    """The documents in one file (one, or one per line of JSON Lines); never raises
    for bad content, only reports it."""
    if format_of(candidate.path) == "jsonl":
        try:
            return list(
                read_jsonl(candidate.path, candidate.name, candidate.meta, max_bytes=max_bytes)
            )
        except OSError as exc:
            reason = f"unreadable: {exc.strerror or exc}"
            rejected = RejectedDocument(
                candidate.name, candidate.path, "", reason, meta=candidate.meta
            )
            return [rejected]
    return [read_document(candidate, max_bytes=max_bytes)]


def read_document(candidate: Candidate, *, max_bytes: int) -> RawDocument | RejectedDocument:
    """Read, decode and convert one file (text, HTML or Markdown; any other
    suffix named directly is read as text)."""
    try:
        size = candidate.path.stat().st_size
        if size > max_bytes:
            raise IngestError(f"too large: {size} bytes exceeds the limit of {max_bytes} bytes")
        data = candidate.path.read_bytes()
    except IngestError as exc:
        return RejectedDocument(
            candidate.name, candidate.path, "", exc.reason, exc.status, candidate.meta
        )
    except OSError as exc:
        reason = f"unreadable: {exc.strerror or exc}"
        return RejectedDocument(
            candidate.name, candidate.path, "", reason, "failed", candidate.meta
        )
    digest = hashlib.sha256(data).hexdigest()
    fmt = format_of(candidate.path) or "text"
    try:
        text, encoding = _decode(data, fmt, max_bytes)
        converted = to_text(text, fmt)
        text = normalize_text(converted.text)
        if not text.strip():
            raise IngestError(f"empty: the {fmt} file has no text", status="skipped")
    except IngestError as exc:
        return RejectedDocument(
            candidate.name, candidate.path, digest, exc.reason, exc.status, candidate.meta
        )
    meta = candidate.meta.or_(converted.meta)
    return RawDocument(
        candidate.name, candidate.path, digest, text, meta, encoding, converted.warnings
    )


def _decode(data: bytes, fmt: str, max_bytes: int) -> tuple[str, str]:
    """An HTML page's declared charset is tried first; detection otherwise."""
    charset = declared_charset(data) if fmt == "html" else None
    if charset:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
        else:
            if "\x00" not in text:
                return normalize_text(text), charset
    return decode(data, max_bytes=max_bytes)
