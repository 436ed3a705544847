"""A benchmark corpus: N documents cycled from source folders, each copy made
unique (its own content hash) by a closing line, so every copy is loaded and
reports the same meetings as its original, as an archive backfill does."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from etl.ingest.discover import discover, read_documents
from etl.ingest.manifest import COLUMNS, MANIFEST_NAME
from etl.ingest.records import RawDocument

MAX_SOURCE_BYTES = 20_000_000


@dataclass(frozen=True)
class Corpus:
    folder: Path
    documents: int
    words: int
    characters: int

    def texts(self) -> list[str]:
        return [p.read_text(encoding="utf-8") for p in sorted(self.folder.glob("*.txt"))]


def source_documents(paths: Iterable[Path]) -> list[RawDocument]:
    """Every readable document under ``paths``, in discovery order."""
    found = discover(list(paths))
    return [
        document
        for candidate in found.candidates
        for document in read_documents(candidate, max_bytes=MAX_SOURCE_BYTES)
        if isinstance(document, RawDocument)
    ]


def unique_copy(text: str, copy: int) -> str:
    """The text with a closing line naming the copy: no date, no name, no
    quotation mark, so it adds nothing for the extractor to find."""
    mark = hashlib.sha256(f"copy {copy}".encode()).hexdigest()[:12]
    return f"{text.rstrip()}\n\nArchive reference {mark}.\n"


def build_corpus(sources: list[RawDocument], count: int, folder: Path) -> Corpus:
    """Write ``count`` unique copies of ``sources`` (cycled) into ``folder``,
    with a manifest carrying each original's metadata."""
    if not sources:
        raise ValueError("no source documents to build a benchmark corpus from")
    folder.mkdir(parents=True, exist_ok=True)
    words = characters = 0
    with (folder / MANIFEST_NAME).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for copy in range(count):
            source = sources[copy % len(sources)]
            name = f"{copy:06d}_{Path(source.name).stem[:60]}.txt"
            text = unique_copy(source.text, copy)
            (folder / name).write_text(text, encoding="utf-8")
            words += len(text.split())
            characters += len(text)
            meta = source.meta
            published = meta.published.isoformat() if meta.published else ""
            writer.writerow(
                [name, meta.title or "", meta.outlet or "", meta.author or "", meta.url or "",
                 published, meta.language or ""]
            )  # fmt: skip
    return Corpus(folder, count, words, characters)
