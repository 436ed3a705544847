"""Bytes to normalized text: detect the encoding (never guess), refuse non-text."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from etl.ingest.records import IngestError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_like_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte of ASCII runs."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _plausible_text(text: str) -> bool:
    """Wide encodings without a BOM are accepted only for text that reads like
    text: mostly printable, with white space between words."""
    if len(text) < 8 or not any(ch.isspace() for ch in text):
        return False
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\t")
    return printable / len(text) > 0.95 and "\ufffd" not in text


def detect_encoding(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    utf16 = _looks_like_utf16_without_bom(data)
    if utf16 and _plausible_text(data.decode(utf16, errors="replace")):
        return utf16
    if b"\x00" in data:
        best = from_bytes(data).best()
        guess = str(best.encoding) if best is not None else ""
        if guess.startswith(("utf_16", "utf_32")) and _plausible_text(
            data.decode(guess, errors="replace")
        ):
            return guess
        raise IngestError("not text: the file contains NUL bytes (binary?)")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise IngestError("not text: no character encoding fits the bytes")
    return str(best.encoding)


# Unicode's space separators (category Zs) other than the ASCII space, and its
# control characters (category Cc); a test holds them to unicodedata's categories.
SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
CONTROLS = "".join(map(chr, [*range(0x00, 0x20), *range(0x7F, 0xA0)]))
_NORMAL = str.maketrans(
    {ch: None for ch in CONTROLS if ch not in "\n\t"}
    | {ch: " " for ch in SPACES}
    | {"\u2028": "\n", "\u2029": "\n", "\ufeff": None, "\u200b": None}
)


def normalize_text(text: str) -> str:
    """NFC, Unix newlines, no BOM, plain spaces for Unicode spaces (no-break,
    thin, ideographic), no control characters other than tab and newline.
    One ``str.translate`` pass, not a Python call per character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text).translate(_NORMAL)


def decode(data: bytes, *, max_bytes: int) -> tuple[str, str]:
    """Decode and normalize; returns ``(text, encoding)`` or raises :class:`IngestError`."""
    if len(data) > max_bytes:
        raise IngestError(f"too large: {len(data)} bytes exceeds the limit of {max_bytes} bytes")
    if not data.strip():
        raise IngestError("empty: the file has no text", status="skipped")
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise IngestError(f"not text: cannot decode as {encoding}") from exc
    if "\x00" in text:
        raise IngestError("not text: the file contains NUL characters (binary?)")
    text = normalize_text(text)
    if not text.strip():
        raise IngestError("empty: the file has only white space", status="skipped")
    return text, encoding
