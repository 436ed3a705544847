"""Markup to plain text: HTML pages give their main text (trafilatura), Markdown its
text without markup. Each also gives the metadata it carries (HTML meta tags,
Markdown front matter) so the manifest only has to fill what is missing.

Character spans in the database index the plain text these functions return.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import yaml

from etl.ingest.records import SourceMeta, parse_published

FORMATS_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
TEXT_FORMATS = ("text", "html", "markdown")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_HTML_ROOT = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_HTML_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I
)


@dataclass(frozen=True)
class Converted:
    """A document's plain text, the metadata it carries, and what was wrong with it."""

    text: str
    meta: SourceMeta = field(default_factory=SourceMeta)
    warnings: tuple[str, ...] = ()


def format_of(path: PurePath) -> str | None:
    return FORMATS_BY_SUFFIX.get(path.suffix.lower())


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first kilobytes, if any."""
    match = _HTML_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def to_text(source: str, fmt: str) -> Converted:
    """Plain text and embedded metadata of a decoded document."""
    if fmt == "html":
        return html_to_text(source)
    if fmt == "markdown":
        return markdown_to_text(source)
    if fmt == "text":
        return Converted(source)
    raise ValueError(f"unknown document format {fmt!r}: use one of {', '.join(TEXT_FORMATS)}")


def html_to_text(html: str) -> Converted:
    """Main text without navigation, boilerplate or scripts; all visible text when
    the page is too short for main-text detection."""
    import trafilatura

    if not _HTML_ROOT.search(html[:4096]):
        html = f"<html><body>{html}</body></html>"  # a fragment: give it a document
    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True
    )
    if not text:
        text = trafilatura.html2txt(html) or ""
    meta = SourceMeta()
    found = trafilatura.extract_metadata(html, extensive=False)
    if found is not None:
        meta = SourceMeta(
            title=found.title or None,
            outlet=found.sitename or None,
            author=found.author or None,
            url=found.url or None,
            published=_date_or_none(found.date),
        )
    return Converted(text, meta)


def markdown_to_text(source: str) -> Converted:
    """Text of each block, blocks separated by blank lines; links keep their words,
    images and raw HTML drop out. YAML front matter becomes metadata."""
    from markdown_it import MarkdownIt

    meta, warnings, body = _front_matter(source)
    blocks: list[str] = []
    for token in MarkdownIt("commonmark").enable("table").parse(body):
        if token.type == "inline":
            blocks.append(_inline_text(token.children or []))
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
    return Converted("\n\n".join(b for b in blocks if b.strip()), meta, warnings)


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts).strip()


def _front_matter(source: str) -> tuple[SourceMeta, tuple[str, ...], str]:
    match = _FRONT_MATTER.match(source)
    if match is None:
        return SourceMeta(), (), source
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return SourceMeta(), (), source  # not front matter after all: keep it as text
    if not isinstance(data, dict):
        return SourceMeta(), (), source
    meta, warnings = meta_from_mapping(data)
    return meta, warnings, source[match.end() :]


def meta_from_mapping(data: dict[str, Any]) -> tuple[SourceMeta, tuple[str, ...]]:
    """Metadata from a record's keys (JSON Lines, front matter). A published value
    that is not an ISO date is left out, with a warning, not guessed."""

    def text(*keys: str) -> str | None:
        for key in keys:
            value = data.get(key)
            if value is not None and str(value).strip():
                return str(value).strip()
        return None

    warnings: tuple[str, ...] = ()
    try:
        published = parse_published(data.get("published", data.get("date")))
    except ValueError as exc:
        published, warnings = None, (str(exc),)
    meta = SourceMeta(
        title=text("title", "headline"),
        outlet=text("outlet", "source", "sitename"),
        author=text("author", "byline"),
        url=text("url", "link"),
        published=published,
        language=text("language", "lang"),
    )
    return meta, warnings


def _date_or_none(value: str | None) -> dt.date | None:
    try:
        return parse_published(value)
    except ValueError:
        return None
