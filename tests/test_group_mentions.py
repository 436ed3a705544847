"""Meeting sentences whose subject is a group: whose meeting they tell of."""

import datetime as dt

from tests.support import analyze
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


def test_someone_who_attended_joins_the_meeting_told_before():
    text = (
        "Biden met Xi Jinping in Woodside on November 15, 2023. Blinken, who attended the "
        "expanded talks, said the meeting was candid."
    )
    (meeting,) = analyze(text, dt.date(2023, 11, 16)).meetings
    assert sorted(meeting.participants) == ["Antony Blinken", "Joe Biden", "Xi Jinping"]


def test_an_attendee_in_korean_joins_the_summit():
    text = (
        "바이든 대통령과 시진핑 주석은 15일 리마에서 정상회담을 했다. "
        "회담에 참석한 블링컨 국무장관은 “양측이 솔직하게 대화했다”고 설명했다."
    )
    (meeting,) = analyze(text, dt.date(2023, 11, 16)).meetings
    assert sorted(meeting.participants) == ["Antony Blinken", "Joe Biden", "Xi Jinping"]


def test_the_leaders_of_each_sides_delegation_are_the_talks_participants():
    text = (
        "Officials met in Geneva this week. The US side of the talks was headed by Treasury "
        "Secretary Janet Yellen. The Chinese side of the talks was headed by Vice "
        "Premier He Lifeng. The two sides agreed to hold further talks on financial stability."
    )
    (meeting,) = analyze(text, dt.date(2024, 4, 8)).meetings
    assert sorted(meeting.participants) == ["He Lifeng", "Janet Yellen"]


def test_one_sides_lead_alone_is_no_meeting():
    text = "The US side of the talks was headed by Treasury Secretary Janet Yellen."
    assert analyze(text, dt.date(2024, 4, 8)).meetings == []


def test_talks_of_both_sides_naming_one_side_take_the_other_sides_person_of_the_story():
    text = (
        "美中在伦敦举行新一轮经贸会谈，美国商务部长卢特尼克表示，会谈很有成效。"
        "卢特尼克说：「我们在出口管制问题上取得了进展，但分歧仍然存在。」"
        "另据报道，特朗普下周将与习近平通电话。中国国务院副总理何立峰没有对记者发表评论。"
    )
    talks, call = analyze(text, dt.date(2025, 6, 10)).meetings
    assert sorted(talks.participants) == ["He Lifeng", "Howard Lutnick"]  # not the callers
    assert sorted(call.participants) == ["Donald Trump", "Xi Jinping"]
