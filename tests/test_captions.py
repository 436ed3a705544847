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
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"
    doc = build_pipeline(lang=lang)(text)
    found = caption_paragraphs(doc, paragraphs(text))
    return [text[s:e] for s, e in paragraphs(text) if found.overlaps(s, e)]


def test_a_short_paragraph_ending_in_a_photo_credit_is_a_caption():
    for credit in (
        "(Lan Nguyen/AP)",
        "(AP Photo/Lan Nguyen)",
        "(AP Photo/J. Scott Mills, File)",
        "(Lan Nguyen, Pool/AFP)",
        "(Xinhua/Lan Nguyen)",
        "(Photo by Lan Nguyen)",
        "/ Photo: Reuters",
        "Photo: Getty Images",
        "Lan Nguyen/Reuters",
        "REUTERS/Lan Nguyen",
        "EPA-EFE/LAN NGUYEN",
        "(Lan Nguyen/AP).",
        "File Photo by Lan Nguyen/UPI | License Photo",
        "(Official Embassy Photo by Lan Nguyen)",
    ):
        text = f"Envoys in Hanoi\n\nThe two ministers shake hands in Hanoi. {credit}\n\nThey met.\n"
        assert _captions(text) == [f"The two ministers shake hands in Hanoi. {credit}"], credit


def test_a_chinese_or_korean_credit_ends_a_caption_too():
    zh = "两国外长会谈\n\n两国外长在河内握手。新华社记者李明摄\n\n双方举行了会谈。\n"
    assert _captions(zh) == ["两国外长在河内握手。新华社记者李明摄"]
    ko = "외교장관 회담\n\n두 장관이 하노이에서 악수하고 있다. 사진=연합뉴스\n\n양측은 회담했다.\n"
    assert _captions(ko) == ["두 장관이 하노이에서 악수하고 있다. 사진=연합뉴스"]


def test_the_same_words_just_above_a_caption_are_the_pictures_text_and_a_caption_too():
    text = (
        "Envoys in Hanoi\n\nThe two ministers shake hands in Hanoi.\n"
        "The two ministers shake hands in Hanoi. (Lan Nguyen/AP)\n\nThey met on Friday.\n"
    )
    assert _captions(text) == [
        "The two ministers shake hands in Hanoi.",
        "The two ministers shake hands in Hanoi. (Lan Nguyen/AP)",
    ]
    subhead = (
        "Envoys in Hanoi\n\nThe ministers meet\n"
        "The ministers meet at a forum in Hanoi on a rainy morning in May. (Lan Nguyen/AP)\n"
    )
    assert _captions(subhead) == [  # a subhead that only begins the caption stays
        "The ministers meet at a forum in Hanoi on a rainy morning in May. (Lan Nguyen/AP)"
    ]


def test_prose_that_names_an_agency_or_a_credit_glued_to_the_lede_is_no_caption():
    for prose in (
        "HANOI (AP) — The two ministers met on Friday, Reuters and AP reported.",
        "BEIJING (Reuters) - The two ministers met on Friday.",
        "A poll (Ipsos/Reuters) found that most voters backed the talks held in Hanoi.",
        "The ministry confirmed the meeting to Beijing/AP via email.",
        "REUTERS/Ipsos polling showed support for the talks, which began on Friday.",
        "Both shook hands. (AP Photo/Lan Nguyen) HANOI (AP) — The ministers met on Friday"
        " and agreed to resume talks.",
    ):
        assert _captions(f"Envoys in Hanoi\n\n{prose}\n") == [], prose
    long = "The ministers met. " * 40 + "(Lan Nguyen/AP)"
    assert _captions(f"Envoys in Hanoi\n\n{long}\n") == []


def test_a_caption_of_another_day_neither_makes_a_meeting_nor_dates_the_story():
    found = extract(STORY, published=dt.date(2024, 5, 10))
    assert [m.date.start if m.date else None for m in found.meetings] == [dt.date(2024, 5, 10)]
    assert all(m.start > STORY.index("(Lan Nguyen/AP)") for m in found.meetings)
