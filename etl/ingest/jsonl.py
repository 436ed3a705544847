"""JSON Lines feeds: one document per line, its text and metadata in one object.

A record is named ``<file>#<id>`` (its ``id``, else its ``url``) so edits and
reordering keep its identity, or ``<file>:<line>`` when it has neither. A bad line
is rejected on its own with its line number; the other lines still load. Lines
are read with a size limit, so one huge line never sits whole in memory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from etl.ingest.decode import normalize_text
from etl.ingest.formats import TEXT_FORMATS, meta_from_mapping, to_text
from etl.ingest.records import IngestError, RawDocument, RejectedDocument, SourceMeta

TEXT_KEYS = ("text", "content", "body")
ID_KEYS = ("id", "name", "url")


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes), or None for a line over the limit (skipped unread)."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(1 << 20)
            yield number, None
            continue
        yield number, line


def _record_name(file_name: str, record: dict[str, Any], number: int) -> str:
    for key in ID_KEYS:
        value = record.get(key)
        if isinstance(value, str | int) and str(value).strip():
            return f"{file_name}#{str(value).strip()[:200]}"
    return f"{file_name}:{number}"


def _line_rejected(
    file_name: str, path: Path, number: int, digest: str, reason: str, meta: SourceMeta
) -> RejectedDocument:
    """A line that is not a record at all, named by its line number."""
    return RejectedDocument(f"{file_name}:{number}", path, digest, reason, meta=meta)


def _document(
    record: Any, file_name: str, path: Path, number: int, digest: str, fallback: SourceMeta
) -> RawDocument | RejectedDocument:
    if not isinstance(record, dict):
        reason = f"line {number}: not a JSON object"
        return _line_rejected(file_name, path, number, digest, reason, fallback)
    name = _record_name(file_name, record, number)
    source = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str)), None)
    meta, warnings = meta_from_mapping(record)
    meta = meta.or_(fallback)
    fmt = str(record.get("format") or "text").lower()
    try:
        if source is None:
            raise IngestError(f"line {number}: no text field ({', '.join(TEXT_KEYS)})")
        if fmt not in TEXT_FORMATS:
            raise IngestError(f"line {number}: unknown format {fmt!r}")
        if "\x00" in source:
            raise IngestError(f"not text: line {number} contains NUL characters")
        converted = to_text(normalize_text(source), fmt)
        text = normalize_text(converted.text)
        if not text.strip():
            raise IngestError(f"empty: line {number} has no text", status="skipped")
    except IngestError as exc:
        return RejectedDocument(name, path, digest, exc.reason, exc.status, meta)
    meta = meta.or_(converted.meta)
    return RawDocument(name, path, digest, text, meta, "utf-8", warnings + converted.warnings)


def read_jsonl(
    path: Path, file_name: str, fallback: SourceMeta, *, max_bytes: int
) -> Iterator[RawDocument | RejectedDocument]:
    """Each non-blank line as a document, or as a rejection that names its line."""
    with path.open("rb") as handle:
        for number, line in _lines(handle, max_bytes):
            if line is None:
                reason = f"too large: line {number} exceeds the limit of {max_bytes} bytes"
                yield _line_rejected(file_name, path, number, "", reason, fallback)
                continue
            if not line.strip():
                continue
            digest = hashlib.sha256(line.strip()).hexdigest()
            try:
                record = json.loads(line.strip().decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError:
                reason = f"not text: line {number} is not UTF-8"
            except json.JSONDecodeError as exc:
                reason = f"invalid JSON at line {number}, column {exc.colno}: {exc.msg}"
            else:
                yield _document(record, file_name, path, number, digest, fallback)
                continue
            yield _line_rejected(file_name, path, number, digest, reason, fallback)
