"""Whole documents of other genres and meetings, end to end through extraction
and resolution: a wire story from a leaders' summit, a White House call readout,
an announcement of planned talks."""

import datetime as dt

from tests.support import DOCS, analyze


def read(name):
    return (DOCS / name).read_text(encoding="utf-8")


def test_summit_wire_story():
    resolved = analyze(read("summit_wire.txt"), dt.date(2023, 11, 15))
    [meeting] = resolved.meetings
    assert (meeting.kind, meeting.status, meeting.start_date) == (
        "in_person",
        "held",
        dt.date(2023, 11, 15),
    )
    assert (meeting.city, meeting.venue) == ("Woodside", "Filoli Estate")
    assert set(meeting.participants) == {"Joe Biden", "Xi Jinping"}
    outcomes = [(o.record.category, o.record.topic) for o in resolved.outcomes]
    assert ("commitment", "military-communication") in outcomes
    assert ("working_group", "counternarcotics") in outcomes
    assert all(not o.record.description.endswith("said") for o in resolved.outcomes)
    quotes = {
        s.record.text: s.speaker for s in resolved.statements if s.record.kind == "direct_quote"
    }
    assert quotes["has never been smooth sailing"] == "Xi Jinping"
    assert quotes["planet Earth is big enough for the two countries to succeed."] == "Xi Jinping"


def test_white_house_call_readout():
    resolved = analyze(read("call_readout.txt"), dt.date(2024, 4, 2))
    [meeting] = resolved.meetings
    assert (meeting.kind, meeting.start_date, meeting.city) == ("call", dt.date(2024, 4, 2), None)
    assert set(meeting.participants) == {"Joe Biden", "Xi Jinping"}


def test_announced_talks_are_planned_where_they_will_happen():
    resolved = analyze(read("planned_talks.txt"), dt.date(2024, 1, 18))
    planned = [m for m in resolved.meetings if m.status == "planned"]
    held = [m for m in resolved.meetings if m.status == "held"]
    assert [(m.city, set(m.participants)) for m in planned] == [
        ("Bangkok", {"Jake Sullivan", "Wang Yi"})
    ]
    assert [m.city for m in held] == ["Vienna"]
    [quote] = [s for s in resolved.statements if s.record.kind == "direct_quote"]
    assert quote.speaker is None


def test_a_person_who_spoke_with_reporters_had_no_call():
    text = "Blinken spoke with reporters on Friday about the detained Americans."
    assert analyze(text, dt.date(2023, 6, 19)).meetings == []


def test_korean_news_of_a_call():
    resolved = analyze(read("ko_call.txt"), dt.date(2024, 4, 3))
    [meeting] = resolved.meetings
    assert (meeting.kind, meeting.start_date) == ("call", dt.date(2024, 4, 2))
    assert set(meeting.participants) == {"Joe Biden", "Xi Jinping"}
    [quote] = [s for s in resolved.statements if s.record.kind == "direct_quote"]
    assert (quote.speaker, quote.record.language) == ("Joe Biden", "ko")
    assert [(o.record.status, o.record.topic) for o in resolved.outcomes] == [
        ("discussed", "taiwan")
    ]


def test_chinese_readout_of_a_call():
    resolved = analyze(read("zh_call.txt"), dt.date(2024, 4, 3))
    [meeting] = resolved.meetings
    assert (meeting.kind, meeting.start_date, meeting.city) == ("call", dt.date(2024, 4, 2), None)
    assert [s.speaker for s in resolved.statements if s.record.kind == "direct_quote"] == [
        "Xi Jinping"
    ]
    assert [o.record.category for o in resolved.outcomes] == ["commitment"]


def test_defense_ministers_on_the_sidelines_of_a_forum():
    resolved = analyze(read("austin_dong.txt"), dt.date(2024, 5, 31))
    [meeting] = resolved.meetings
    assert (meeting.city, meeting.start_date) == ("Singapore", dt.date(2024, 5, 31))
    assert {p: v.title for p, v in meeting.participants.items()} == {
        "Lloyd Austin": "Secretary of Defense",
        "Dong Jun": "Minister of National Defense",
    }
    quotes = [(s.speaker, s.record.kind) for s in resolved.statements]
    assert ("Dong Jun", "direct_quote") in quotes and ("Lloyd Austin", "reported") in quotes


def test_foreign_ministry_briefing_with_title_case_labels():
    resolved = analyze(read("mfa_briefing.txt"), dt.date(2023, 6, 19))
    turns = [(s.record.speaker_label, s.speaker) for s in resolved.statements]
    assert turns == [
        ("AFP", None),
        ("Mao Ning", "Mao Ning"),
        ("Bloomberg", None),
        ("Mao Ning", "Mao Ning"),
    ]
    [meeting] = resolved.meetings
    assert set(meeting.participants) == {"Antony Blinken", "Xi Jinping"}
    assert meeting.start_date == dt.date(2023, 6, 19)


def test_in_a_transcript_the_speaker_meets_whom_they_say_they_met():
    resolved = analyze(read("press_transcript.txt"))
    [meeting] = resolved.meetings
    assert set(meeting.participants) == {"Antony Blinken", "Wang Yi"}
    aside = (
        "SECRETARY BLINKEN:  I just returned from meetings with Secretary of Defense Austin.\n\n"
        "MODERATOR:  Thank you."
    )
    assert analyze(aside, dt.date(2021, 3, 18)).meetings == []


def test_korean_summit_news_written_with_compounds_and_titles_after_names():
    resolved = analyze(read("ko_summit.txt"), dt.date(2024, 11, 17))
    [meeting] = resolved.meetings  # "두 정상의 대면 회담은 …" refers back to it
    assert (meeting.kind, meeting.status, meeting.start_date, meeting.city) == (
        "in_person",
        "held",
        dt.date(2024, 11, 16),
        "Lima",
    )
    assert set(meeting.participants) == {"Joe Biden", "Xi Jinping"}
    speakers = [s.speaker for s in resolved.statements if s.record.kind == "direct_quote"]
    assert speakers == ["Xi Jinping", "Joe Biden"]  # "시 주석은", "바이든 대통령은"


def test_korean_headline_is_not_a_meeting_and_a_surname_with_its_title_is_a_person():
    resolved = analyze(read("ko_titles.txt"), dt.date(2024, 4, 27))
    call, received = resolved.meetings
    assert (call.kind, call.start_date, set(call.participants)) == (
        "call",
        dt.date(2024, 4, 26),
        {"Wang Yi", "Antony Blinken"},
    )
    assert (received.kind, received.city, set(received.participants)) == (
        "in_person",
        "Beijing",
        {"Xi Jinping", "Janet Yellen"},
    )
    assert [s.speaker for s in resolved.statements] == ["Wang Yi"]  # "왕 부장은"


def test_talks_over_two_named_weekdays_and_a_scheduled_meeting():
    resolved = analyze(read("two_day_talks.txt"), dt.date(2024, 4, 6))
    held, planned = resolved.meetings
    assert (held.start_date, held.end_date, held.city) == (
        dt.date(2024, 4, 5),
        dt.date(2024, 4, 6),
        "Guangzhou",
    )
    assert (planned.status, planned.start_date, planned.city, set(planned.participants)) == (
        "planned",
        dt.date(2024, 4, 7),
        "Beijing",
        {"Janet Yellen", "Li Qiang"},
    )
    categories = [(o.record.category, o.record.topic) for o in resolved.outcomes]
    assert categories[0] == ("dialogue_mechanism", "trade")  # "exchanges on balanced growth"


def test_chinese_report_of_talks_over_two_days():
    resolved = analyze(read("zh_two_day_talks.txt"))
    [meeting] = resolved.meetings
    assert (meeting.start_date, meeting.end_date) == (dt.date(2023, 9, 16), dt.date(2023, 9, 17))
    assert set(meeting.participants) == {"Wang Yi", "Jake Sullivan"}


def test_a_presidents_press_conference_after_a_summit():
    resolved = analyze(read("white_house_presser.txt"), dt.date(2023, 11, 15))
    [meeting] = resolved.meetings  # "I just concluded several hours of meetings with President Xi"
    assert (meeting.status, meeting.start_date, meeting.city, meeting.venue) == (
        "held",
        dt.date(2023, 11, 15),
        "Woodside",
        "Filoli Estate",
    )
    assert set(meeting.participants) == {"Joe Biden", "Xi Jinping"}
    speakers = [s.speaker for s in resolved.statements]
    assert speakers == ["Joe Biden", None, "Joe Biden"]  # "THE PRESIDENT:" of the title; "Q:"
    assert [o.record.description for o in resolved.outcomes] == [
        "agreed to resume military-to-military communication at the highest levels"
    ]


def test_a_briefing_announces_a_planned_meeting_and_its_questions_assert_none():
    resolved = analyze(read("state_briefing.txt"), dt.date(2023, 6, 14))
    assert {s.speaker for s in resolved.statements if s.record.speaker_label == "MR MILLER"} == {
        "Matthew Miller"
    }
    [meeting] = resolved.meetings  # not "Will he meet President Xi?"
    assert (meeting.status, meeting.city) == ("planned", "Beijing")
    assert set(meeting.participants) == {"Antony Blinken", "Qin Gang"}


def test_a_history_of_summits_names_each_meeting_once():
    resolved = analyze(read("summit_history.txt"), dt.date(2024, 3, 1))
    found = [(m.city, m.start_date) for m in resolved.meetings]
    assert found == [
        ("Palm Beach", dt.date(2017, 4, 6)),  # "in April 2017": the calendar's days
        ("Beijing", dt.date(2017, 11, 9)),
        ("Buenos Aires", dt.date(2018, 12, 1)),  # "At a dinner …, the two leaders agreed"
        ("Osaka", dt.date(2019, 6, 29)),  # "They met again in Osaka in June 2019"
    ]
    for meeting in resolved.meetings:
        assert set(meeting.participants) == {"Donald Trump", "Xi Jinping"}
        assert meeting.participants["Donald Trump"].title == "President"  # April 2017: a month
    assert [
        (resolved.meetings[o.meeting].city, o.record.description) for o in resolved.outcomes
    ] == [
        ("Buenos Aires", "agreed to a 90-day truce in their trade war"),
        ("Osaka", "agreed to restart trade negotiations"),
    ]


def test_a_wire_story_of_a_summit_told_after_the_agreement():
    resolved = analyze(read("busan_wire.txt"), dt.date(2025, 10, 30))
    [meeting, visit] = resolved.meetings  # "Trump said he would visit China in April"
    assert (meeting.start_date, meeting.city, set(meeting.participants)) == (
        dt.date(2025, 10, 30),
        "Busan",
        {"Donald Trump", "Xi Jinping"},
    )
    assert (visit.status, visit.country, visit.start_date) == ("planned", "CN", None)
    assert set(visit.participants) == {"Donald Trump", "Xi Jinping"}


def test_a_chinese_foreign_ministry_press_conference():
    resolved = analyze(read("zh_mfa_qa.txt"), dt.date(2024, 4, 24))
    speakers = [(s.record.speaker_label, s.speaker) for s in resolved.statements]
    assert speakers == [("问", None), ("答", "Wang Wenbin"), ("问", None), ("答", "Wang Wenbin")]
    [meeting] = resolved.meetings  # not the question "布林肯是否会见习近平主席？"
    assert (meeting.status, meeting.start_date, meeting.end_date) == (
        "planned",
        dt.date(2024, 4, 24),  # "访问期间": the days of the visit announced before
        dt.date(2024, 4, 26),
    )
    assert set(meeting.participants) == {"Antony Blinken", "Wang Yi"}
    assert resolved.outcomes == []  # "应…王毅邀请" is how the visit came about


def test_a_meeting_while_in_the_city_of_an_announced_trip_takes_its_days():
    resolved = analyze(read("state_briefing.txt"), dt.date(2023, 6, 14))
    [meeting] = resolved.meetings
    assert (meeting.start_date, meeting.end_date) == (dt.date(2023, 6, 16), dt.date(2023, 6, 21))


def test_korean_news_of_a_postponed_visit_filed_from_washington():
    resolved = analyze(read("ko_postponed.txt"), dt.date(2023, 2, 4))
    [meeting] = resolved.meetings  # the postponed visit and the talks it was to hold: one
    assert (meeting.status, meeting.start_date, meeting.end_date, meeting.city) == (
        "cancelled",
        dt.date(2023, 2, 5),  # not "3일(현지시간) 밝혔다", the day it was announced
        dt.date(2023, 2, 6),
        "Beijing",  # not the "(워싱턴=연합뉴스)" dateline
    )
    assert set(meeting.participants) == {"Antony Blinken", "Qin Gang"}


def test_a_readout_listing_a_numbered_consensus():
    resolved = analyze(read("mfa_consensus.txt"), dt.date(2024, 4, 26))
    [meeting] = resolved.meetings
    assert (meeting.start_date, meeting.city) == (dt.date(2024, 4, 26), "Beijing")
    found = [(o.record.category, o.record.description) for o in resolved.outcomes]
    assert len(found) == 5  # "First, …" to "Fifth, …"
    assert found[2] == (
        "dialogue_mechanism",
        "the two sides will hold the first meeting of the China-U.S. intergovernmental dialogue "
        "on artificial intelligence",
    )
    assert found[4] == (
        "talks",
        "the two sides will continue consultations on Asia-Pacific affairs",
    )
