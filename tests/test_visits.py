"""Visits to come: a planned meeting with the visitor's counterpart who hosts him."""

import datetime as dt

from tests.support import analyze

DAY = dt.date(2024, 4, 26)


def test_a_visit_looked_forward_to_is_planned_with_the_host_country_counterpart():
    text = (
        "US President Joe Biden spoke with Chinese President Xi Jinping by phone on Friday. "
        "He added that he looked forward to visiting China in the spring."
    )
    call, visit = analyze(text, DAY).meetings
    assert (call.kind, call.status) == ("call", "held")
    assert (visit.kind, visit.status, visit.country) == ("in_person", "planned", "CN")
    assert sorted(visit.participants) == ["Joe Biden", "Xi Jinping"]


def test_a_visit_told_with_whom_the_visitor_meets_is_not_told_twice():
    text = "Secretary of State Antony Blinken will travel to Beijing to meet Wang Yi next week."
    (meeting,) = analyze(text, DAY).meetings
    assert sorted(meeting.participants) == ["Antony Blinken", "Wang Yi"]


def test_a_visit_without_a_known_host_is_no_meeting():
    text = "Commerce official Dana Whitfield said she planned to visit China in the autumn."
    assert analyze(text, DAY).meetings == []


def test_a_visit_home_is_no_meeting():
    text = "US President Joe Biden will travel to Chicago on Friday."
    assert analyze(text, DAY).meetings == []
