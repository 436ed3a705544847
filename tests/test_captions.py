"""Photo captions report nothing of the story: their sentences make no
meeting and date nothing after them (sentences of our own)."""

import datetime as dt

from etl.extract.captions import caption_paragraphs
from etl.extract.nlp import build_pipeline
from etl.extract.pipeline import extract
from etl.extract.quotes import paragraphs

STORY = """Envoys meet in Hanoi

Secretary of State Antony Blinken, right, meets Chinese Foreign Minister Wang Yi at a forum in Hanoi, May 9, 2023. (Lan Nguyen/AP)

HANOI — Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Hanoi on Friday, officials said.
"""


def _captions(text):
    doc = build_pipeline()(text)
    found = caption_paragraphs(doc, paragraphs(text))
    return [text[s:e] for s, e in paragraphs(text) if found.overlaps(s, e)]


def test_a_short_paragraph_ending_in_a_photo_credit_is_a_caption():
    for credit in (
        "(Lan Nguyen/AP)",
        "(AP Photo/Lan Nguyen)",
        "(Lan Nguyen, Pool/AFP)",
        "(Photo by Lan Nguyen)",
        "/ Photo: Reuters",
        "REUTERS/Lan Nguyen",
    ):
        text = f"Envoys in Hanoi\n\nThe two ministers shake hands in Hanoi. {credit}\n\nThey met.\n"
        assert _captions(text) == [f"The two ministers shake hands in Hanoi. {credit}"], credit


def test_the_same_words_just_above_a_caption_are_the_pictures_text_and_a_caption_too():
    text = (
        "Envoys in Hanoi\n\nThe two ministers shake hands in Hanoi.\n"
        "The two ministers shake hands in Hanoi. (Lan Nguyen/AP)\n\nThey met on Friday.\n"
    )
    assert _captions(text) == [
        "The two ministers shake hands in Hanoi.",
        "The two ministers shake hands in Hanoi. (Lan Nguyen/AP)",
    ]


def test_prose_that_names_a_news_agency_or_a_long_paragraph_is_no_caption():
    prose = "Envoys in Hanoi\n\nHANOI (AP) — The two ministers met on Friday, Reuters and AP reported.\n"
    assert _captions(prose) == []
    long = "The ministers met. " * 40 + "(Lan Nguyen/AP)"
    assert _captions(f"Envoys in Hanoi\n\n{long}\n") == []


def test_a_caption_of_another_day_neither_makes_a_meeting_nor_dates_the_story():
    found = extract(STORY, published=dt.date(2024, 5, 10))
    assert [m.date.start if m.date else None for m in found.meetings] == [dt.date(2024, 5, 10)]
    assert all(m.start > STORY.index("(Lan Nguyen/AP)") for m in found.meetings)
