"""Tag text with topics from the controlled vocabulary in ``patterns/topics.yaml``."""

from __future__ import annotations

from etl.extract.nlp import load_yaml

TOPICS: list[dict[str, object]] = load_yaml("topics.yaml")


def topic_labels() -> dict[str, str]:
    return {str(t["slug"]): str(t["label"]) for t in TOPICS}


def tag_topics(text: str) -> tuple[str, ...]:
    """Slugs of every topic whose keywords occur in ``text``, in vocabulary order."""
    lowered = f" {text.lower()} "
    return tuple(
        str(t["slug"])
        for t in TOPICS
        if any(str(k) in lowered for k in t["keywords"])  # type: ignore[attr-defined]
    )


def primary_topic(text: str) -> str | None:
    tags = tag_topics(text)
    return tags[0] if tags else None
