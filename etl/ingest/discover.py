"""Find input documents under the given paths, with their manifest metadata."""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from etl.ingest.decode import decode, normalize_text
from etl.ingest.formats import FORMATS_BY_SUFFIX, declared_charset, format_of, to_text
from etl.ingest.jsonl import read_jsonl
from etl.ingest.manifest import MANIFEST_NAME, Manifest, read_manifest
from etl.ingest.records import IngestError, RawDocument, RejectedDocument, SourceMeta

SUPPORTED_SUFFIXES = tuple(FORMATS_BY_SUFFIX)


MAX_NAME_CHARS = 400


@dataclass(frozen=True)
class Candidate:
    """A file to ingest and the metadata its folder's manifest gives it. Its
    ``name`` is its identity: the path relative to the folder given (a file
    given directly: its file name), printable whatever bytes the name holds."""

    path: Path
    name: str
    meta: SourceMeta = field(default_factory=SourceMeta)


@dataclass(frozen=True)
class Skipped:
    """An entry discovery passed over on purpose, with the reason (recorded)."""

    path: Path
    name: str
    reason: str

    def rejection(self) -> RejectedDocument:
        return RejectedDocument(self.name, self.path, "", self.reason, status="skipped")


@dataclass
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def printable(text: str) -> str:
    """Any file name or path as printable UTF-8: undecodable bytes as ``\\xNN``,
    control characters escaped (a newline is ``\\n``)."""
    decoded = os.fsencode(text).decode("utf-8", "backslashreplace")
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in decoded
    )


def safe_name(name: str) -> str:
    """A document name from a file name: :func:`printable`, and a very long
    name shortened with a digest so it stays unique and fits the database."""
    text = printable(name)
    if len(text) > MAX_NAME_CHARS:
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        text = f"{text[: MAX_NAME_CHARS - 17]}…{digest}"
    return text


def _is_document(path: Path) -> bool:
    return (
        not path.name.startswith(".")
        and path.name != MANIFEST_NAME
        and path.suffix.lower() in SUPPORTED_SUFFIXES
    )


def _link_problem(path: Path, root: Path) -> str | None:
    """Why a link under ``root`` is not followed, or None when it stays inside."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "a link loop: not followed"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link loop: not followed"
        return "a dangling link: its target does not exist"
    if not target.is_relative_to(root):
        return "a link to outside the input folder: not followed"
    if target.is_dir():
        return "a link to a folder: not followed"
    return None


def _walk(given: Path, found: Discovery) -> list[tuple[Path, str]]:
    """The document files under a folder, with their names relative to it;
    links that leave it, loop or dangle and unreadable folders are recorded."""
    root = given.resolve()
    files: list[tuple[Path, str]] = []

    def skip(path: Path, reason: str) -> None:
        name = safe_name(os.fspath(path.relative_to(given)) if path != given else given.name)
        found.skipped.append(Skipped(path, name, reason))

    def unreadable(error: OSError) -> None:
        path = Path(error.filename or given)
        skip(path, f"an unreadable folder: {error.strerror or error}")

    for folder, folders, names in os.walk(given, onerror=unreadable):
        here = Path(folder)
        folders.sort()
        for sub in list(folders):
            if (here / sub).is_symlink():
                folders.remove(sub)
                problem = _link_problem(here / sub, root)
                skip(here / sub, problem or "a link to a folder: not followed")
        for name in sorted(names):
            path = here / name
            if not _is_document(path):
                continue
            problem = _link_problem(path, root) if path.is_symlink() else None
            if problem:
                skip(path, problem)
            elif path.is_file() or path.is_symlink():
                files.append((path, safe_name(path.relative_to(given).as_posix())))
    return sorted(files, key=lambda pair: pair[0].relative_to(given).parts)


def discover(paths: Iterable[Path]) -> Discovery:
    """Files named directly are taken whatever their suffix; folders are walked
    without leaving them. Each file is named by its path relative to the folder
    given, so ``2021/article.txt`` and ``2023/article.txt`` are two documents."""
    found = Discovery()
    manifests: dict[Path, Manifest] = {}
    matched: dict[Path, set[str]] = {}

    def manifest_for(folder: Path) -> Manifest:
        if folder not in manifests:
            manifests[folder] = read_manifest(folder)
            found.problems.extend(manifests[folder].problems)
            matched[folder] = set()
        return manifests[folder]

    seen: set[Path] = set()
    for given in paths:
        if given.is_dir():
            files = _walk(given, found)
        elif given.is_file():
            files = [(given, safe_name(given.name))]
        else:
            found.problems.append(f"{safe_name(str(given))}: no such file or folder")
            continue
        for path, name in files:
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            manifest = manifest_for(path.parent)
            matched[path.parent].add(path.name)
            found.candidates.append(Candidate(path, name, manifest.meta_for(path.name)))
    for folder, manifest in manifests.items():
        for missing in sorted(set(manifest.entries) - matched[folder]):
            if not (folder / missing).exists():
                name = safe_name(str(folder / MANIFEST_NAME))
                found.problems.append(f"{name}: names {missing!r}, which is not there")
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
