"""A sentence-opening pronoun stands for the person who opens an earlier sentence."""

import datetime as dt

from tests.support import analyze

DAY = dt.date(2023, 6, 21)


def test_a_leading_pronoun_is_the_subject_of_the_sentence_before():
    text = (
        "Secretary of State Antony Blinken landed in Lima on Monday. "
        "He met Foreign Minister Wang Yi at a hotel near the airport."
    )
    (meeting,) = analyze(text, DAY).meetings
    assert sorted(meeting.participants) == ["Antony Blinken", "Wang Yi"]


def test_a_pronoun_three_sentences_past_the_last_name_stands_for_nobody():
    text = (
        "Secretary of State Antony Blinken landed in Lima on Monday. The weather was mild. "
        "The forum opened late. Crowds gathered outside. "
        "He met Foreign Minister Wang Yi at a hotel near the airport."
    )
    assert all("Antony Blinken" not in m.participants for m in analyze(text, DAY).meetings)
