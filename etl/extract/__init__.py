"""Stage 2: pure text → typed records. No database, no Prefect.

Bump ``EXTRACTOR_VERSION`` whenever a change can alter what is extracted, so
``etl run --reprocess`` knows which documents are stale.
"""

EXTRACTOR_VERSION = "0.6.0"
