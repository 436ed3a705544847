"""Meeting sentences whose subject is a group: whose meeting they tell of."""

import datetime as dt

from tests.test_meetings import meetings


def test_the_two_leaders_meeting_adds_its_day_to_the_meeting_named_before():
    text = (
        "U.S. President Donald Trump and Chinese President Xi Jinping held talks in Busan. "
        "The two leaders met on Thursday for about 100 minutes."
    )
    assert meetings(text, dt.date(2025, 10, 31)) == [
        ("in_person", "held", dt.date(2025, 10, 30), "Busan", ["Donald Trump", "Xi Jinping"])
    ]


def test_the_two_leaders_are_the_quoted_side_and_the_most_named_person_of_the_other():
    text = (
        'Biden said the talks were "candid and constructive, and we made progress." Xi Jinping '
        "had warned against interference, and "
        "Xi's aides were cautious. The two leaders met for four hours on Nov. 15, 2023."
    )
    [meeting] = meetings(text)
    assert meeting[4] == ["Joe Biden", "Xi Jinping"]
