"""Optional ``manifest.csv`` beside the documents: source metadata per file.

A malformed row is reported with its file and line and the other rows still
apply; a row naming a path outside the folder is refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from etl.ingest.records import SourceMeta

MANIFEST_NAME = "manifest.csv"
COLUMNS = ("file", "title", "outlet", "author", "url", "published", "language")


@dataclass
class Manifest:
    entries: dict[str, SourceMeta] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def meta_for(self, name: str) -> SourceMeta:
        return self.entries.get(name, SourceMeta())


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _parse_row(row: dict[str, str | None], folder: Path) -> tuple[str, SourceMeta]:
    name = _clean(row.get("file"))
    if not name:
        raise ValueError("the file column is empty")
    target = (folder / name).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise ValueError(f"refused path outside the input folder: {name!r}")
    published_raw = _clean(row.get("published"))
    try:
        published = dt.date.fromisoformat(published_raw) if published_raw else None
    except ValueError as exc:
        raise ValueError(f"published is not an ISO date: {published_raw!r}") from exc
    meta = SourceMeta(
        title=_clean(row.get("title")),
        outlet=_clean(row.get("outlet")),
        author=_clean(row.get("author")),
        url=_clean(row.get("url")),
        published=published,
        language=_clean(row.get("language")),
    )
    return str(target.relative_to(folder.resolve())), meta


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST_NAME
    manifest = Manifest()
    if not path.is_file():
        return manifest
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        manifest.problems.append(f"{path}: unreadable manifest ({exc})")
        return manifest
    reader = csv.DictReader(io.StringIO(raw, newline=""))  # the csv module splits lines
    try:
        if not reader.fieldnames or "file" not in reader.fieldnames:
            manifest.problems.append(f"{path}:1: the header has no 'file' column")
            return manifest
        unknown = [c for c in reader.fieldnames if c not in COLUMNS]
        if unknown:
            manifest.problems.append(f"{path}:1: unknown columns ignored: {', '.join(unknown)}")
        for row in reader:
            line = reader.line_num
            if None in row:
                manifest.problems.append(f"{path}:{line}: more fields than the header")
                continue
            try:
                name, meta = _parse_row(row, folder)
            except ValueError as exc:
                manifest.problems.append(f"{path}:{line}: {exc}")
                continue
            manifest.entries[name] = meta
    except csv.Error as exc:
        manifest.problems.append(f"{path}:{reader.line_num}: {exc}")
    return manifest
