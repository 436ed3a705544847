"""When two meeting mentions are one meeting."""

import datetime as dt

from etl.resolve.meetings import (
    MeetingDraft,
    Participant,
    meeting_title,
    merge_drafts,
    merge_into,
    same_meeting,
)
from tests.support import analyze

D = dt.date


def draft(people, *, kind="in_person", status="held", start=None, end=None, city=None):
    participants = {name: Participant(name, country, None, 0, 0) for name, country in people}
    return MeetingDraft(kind, status, start, end or start, city, None, None, participants)


BLINKEN, SULLIVAN = ("Antony Blinken", "US"), ("Jake Sullivan", "US")
YANG, WANG, XI = ("Yang Jiechi", "CN"), ("Wang Yi", "CN"), ("Xi Jinping", "CN")


def test_overlapping_people_compatible_date_and_place_merge():
    a = draft(
        [BLINKEN, SULLIVAN, YANG, WANG], start=D(2021, 3, 18), end=D(2021, 3, 19), city="Anchorage"
    )
    b = draft([BLINKEN, YANG], start=D(2021, 3, 19), city="Anchorage")
    assert same_meeting(a, b, across_documents=True)


def test_other_counterpart_other_city_other_kind_do_not_merge():
    a = draft([BLINKEN, XI], start=D(2024, 4, 26), city="Beijing")
    assert not same_meeting(a, draft([BLINKEN, WANG], start=D(2024, 4, 26), city="Beijing"))
    assert not same_meeting(a, draft([BLINKEN, XI], start=D(2024, 4, 26), city="Shanghai"))
    assert not same_meeting(a, draft([BLINKEN, XI], kind="call", start=D(2024, 4, 26)))
    assert not same_meeting(a, draft([BLINKEN, XI], start=D(2024, 4, 29), city="Beijing"))
    assert not same_meeting(a, draft([BLINKEN, XI], status="cancelled"))


def test_across_documents_something_besides_one_person_must_agree():
    a = draft([BLINKEN, WANG], start=D(2023, 6, 18), city="Beijing")
    assert not same_meeting(a, draft([BLINKEN]), across_documents=True)
    assert same_meeting(a, draft([BLINKEN, WANG]), across_documents=True)


def test_a_planned_mention_folds_into_the_held_meeting():
    held = draft([BLINKEN, YANG], start=D(2021, 3, 18), end=D(2021, 3, 19), city="Anchorage")
    planned = draft([BLINKEN, SULLIVAN, YANG, WANG], status="planned", start=D(2021, 3, 17))
    merged = merge_into(planned, held)
    assert (merged.status, merged.start_date, merged.end_date) == (
        "held",
        D(2021, 3, 18),
        D(2021, 3, 19),
    )
    assert set(merged.participants) == {"Antony Blinken", "Jake Sullivan", "Yang Jiechi", "Wang Yi"}
    assert (
        meeting_title(merged) == "Antony Blinken – Jake Sullivan – Wang Yi – Yang Jiechi, Anchorage"
    )


def test_an_undated_mention_stays_within_the_days_its_own_story_allows():
    held = draft([BLINKEN, WANG], start=D(2023, 6, 19), city="Beijing")
    announced = draft([BLINKEN, WANG], status="planned")  # "next month", said in March 2024
    announced.not_before = D(2024, 3, 15)
    assert not same_meeting(held, announced, across_documents=True)
    announced.not_before = D(2023, 6, 10)  # announced before the trip: the same meeting
    assert same_meeting(held, announced, across_documents=True)
    reported = draft([BLINKEN, WANG])  # "Blinken met Wang", in a story of June 2023
    reported.not_after = D(2023, 6, 1)
    assert not same_meeting(held, reported, across_documents=True)


def test_talks_planned_for_next_week_merge_only_with_a_meeting_that_week():
    announced = analyze(
        "U.S. climate envoy John Kerry will travel to China next week for talks with his "
        "counterpart Xie Zhenhua.",
        dt.date(2023, 7, 12),
    ).meetings
    [planned] = announced
    assert (planned.start_date, planned.not_before, planned.not_after) == (
        None,
        dt.date(2023, 7, 17),
        dt.date(2023, 7, 23),
    )
    held = analyze(
        "John Kerry met Xie Zhenhua in Beijing on July 18, 2023.", dt.date(2023, 7, 18)
    ).meetings
    later = analyze(
        "John Kerry met Xie Zhenhua in Beijing on Nov. 4, 2023.", dt.date(2023, 11, 4)
    ).meetings
    assert len(merge_drafts(announced + held)[0]) == 1
    assert len(merge_drafts(announced + later)[0]) == 2


def test_a_meeting_of_another_relationship_is_out_of_scope():
    text = (
        "Blinken met Wang Yi in Beijing on June 18, 2023. Blinken will meet Putin in Moscow "
        "next week. Wang Yi met Putin in Moscow on June 20, 2023. Blinken postponed his trip "
        "to Beijing."
    )
    kept = [sorted(m.participants) for m in analyze(text, dt.date(2023, 6, 21)).meetings]
    assert kept == [["Antony Blinken", "Wang Yi"], ["Antony Blinken"]]


def test_a_call_and_a_video_call_of_one_story_are_one_video_meeting():
    text = (
        "Vice Premier He Lifeng held a video call with Treasury Secretary Janet Yellen on Tuesday. "
        "In the call, He Lifeng and Janet Yellen spoke about export controls."
    )
    kinds = [m.kind for m in analyze(text, dt.date(2023, 9, 27)).meetings]
    assert kinds == ["video"]


def test_across_stories_the_same_people_undated_are_one_meeting_only_near_in_time():
    dated = draft([BLINKEN, WANG], kind="call", start=D(2023, 3, 14))
    told_soon = draft([BLINKEN, WANG], kind="call")
    told_soon.not_after = D(2023, 3, 30)
    told_years_later = draft([BLINKEN, WANG], kind="call")
    told_years_later.not_after = D(2025, 1, 20)
    assert same_meeting(dated, told_soon, across_documents=True)
    assert not same_meeting(dated, told_years_later, across_documents=True)
    assert same_meeting(dated, told_years_later)  # within one story, the people suffice


def test_a_third_countrys_official_new_to_the_gazetteer_is_known_by_nationality():
    text = (
        "Rubio and Foreign Minister Wang Yi are scheduled to meet Friday in Lima. "
        "Rubio spoke after holding talks with Russian Foreign Minister Ivan Petrov."
    )
    (meeting,) = analyze(text, dt.date(2025, 3, 4)).meetings
    assert (meeting.status, sorted(meeting.participants)) == ("planned", ["Marco Rubio", "Wang Yi"])
