"""Helpers shared by the test modules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from etl.extract.pipeline import extract
from etl.extract.records import Extraction
from etl.resolve.document import ResolvedDocument, resolve_document
from etl.resolve.gazetteer import default_gazetteer
from etl.resolve.persons import PersonResolver

FIXTURES = Path(__file__).parent / "fixtures"
DOCS = FIXTURES / "docs"


def extract_text(text: str, published: dt.date | None = None) -> Extraction:
    return extract(text, names=default_gazetteer().name_patterns(), published=published)


def analyze(text: str, published: dt.date | None = None) -> ResolvedDocument:
    return resolve_document(extract_text(text, published), PersonResolver(default_gazetteer()))


def quotes(text: str, published: dt.date | None = None) -> list[tuple[str | None, str]]:
    """(speaker, text) of the direct quotes and transcript turns."""
    return [
        (s.speaker, s.record.text)
        for s in analyze(text, published).statements
        if s.record.kind != "reported"
    ]
