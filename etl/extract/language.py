"""Language of a passage from its script: enough to tell Korean and Chinese
passages from English ones without a statistical model."""

from __future__ import annotations

from collections import Counter


def _script(ch: str) -> str | None:
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "ko"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "zh"
    if 0x3040 <= code <= 0x30FF:
        return "ja"
    if ch.isalpha():
        return "latin"
    return None


def detect_language(text: str, default: str = "en") -> str:
    counts: dict[str, int] = {}
    for ch, count in Counter(text).items():  # each distinct character judged once
        script = _script(ch)
        if script:
            counts[script] = counts.get(script, 0) + count
    letters = sum(counts.values())
    if not letters:
        return default
    for script in ("ko", "ja", "zh"):
        if counts.get(script, 0) / letters > 0.3:
            return script
    return default
