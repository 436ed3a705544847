"""Meetings told without their day, dated by another sentence of the same act."""

import datetime as dt

from tests.support import analyze

DAY = dt.date(2021, 3, 5)


def test_the_day_both_sides_agreed_dates_their_undated_meeting():
    text = (
        "Blinken met Wang Yi on the last day of the forum in Lima. Blinken and Wang agreed "
        "Tuesday to reopen the consulates."
    )
    (meeting,) = analyze(text, dt.date(2023, 6, 22)).meetings
    assert meeting.start_date == dt.date(2023, 6, 20)


def test_a_signing_told_with_its_day_dates_the_signing_told_with_its_signatories():
    text = (
        "Washington and Beijing signed a fisheries accord on March 3 after two years of "
        "haggling. The accord was signed by Secretary of State Antony Blinken and Foreign "
        "Minister Wang Yi."
    )
    (meeting,) = analyze(text, DAY).meetings
    assert meeting.start_date == dt.date(2021, 3, 3)


def test_two_signing_days_leave_the_signing_undated():
    text = (
        "Washington signed a first fisheries accord with China on March 3, 2020. A second "
        "accord was signed on March 3, 2021. The accord was signed by Secretary of State "
        "Antony Blinken and Foreign Minister Wang Yi."
    )
    (meeting,) = analyze(text, DAY).meetings
    assert meeting.start_date is None


def test_a_signing_day_does_not_date_a_meeting_told_by_other_words():
    text = (
        "The United States on March 3 signed a fisheries accord with China. Secretary of "
        "State Antony Blinken met Foreign Minister Wang Yi in Anchorage."
    )
    (meeting,) = analyze(text, DAY).meetings
    assert meeting.start_date is None
