"""The reference calendar: facts with sources, and a match only when exactly one
known meeting fits what a text says."""

import datetime as dt

import pytest
import yaml

from etl.extract.nlp import load_yaml
from etl.resolve.engagements import DEFAULT_PATH, Calendar, Engagement, Told, default_calendar
from etl.resolve.gazetteer import default_gazetteer
from tests.support import NO_CALENDAR, analyze

VIENNA = Engagement(
    dt.date(2023, 5, 10), dt.date(2023, 5, 11), frozenset({"Jake Sullivan", "Wang Yi"}),
    "Vienna", "AT", None, None,
)  # fmt: skip
BEIJING_2023 = Engagement(
    dt.date(2023, 6, 19), dt.date(2023, 6, 19), frozenset({"Antony Blinken", "Xi Jinping"}),
    "Beijing", "CN", "Great Hall of the People", None,
)  # fmt: skip
BEIJING_2024 = Engagement(
    dt.date(2024, 4, 26), dt.date(2024, 4, 26), frozenset({"Antony Blinken", "Xi Jinping"}),
    "Beijing", "CN", None, None,
)  # fmt: skip
CALENDAR = Calendar((VIENNA, BEIJING_2023, BEIJING_2024))


def told(*names: str, kind: str = "in_person", sides: int = 2, **said) -> Told:
    return Told(kind=kind, participants=frozenset(names), sides=sides, **said)


def test_every_entry_names_known_persons_known_places_and_a_source():
    names = {person.name for person in default_gazetteer().persons}
    places = load_yaml("places.yaml")
    cities = {p.get("city") for group in places.values() for p in group} - {None}
    raw = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert len(raw) == len(default_calendar().entries)
    for entry in default_calendar().entries:
        assert entry.participants <= names, entry
        assert entry.source and entry.source.startswith("http"), entry
        assert entry.city is None or entry.city in cities, entry
        assert entry.start <= entry.end
        assert len({default_gazetteer().by_name[n].country for n in entry.participants}) == 2


def test_the_one_meeting_that_fits_is_matched():
    assert CALENDAR.match(told("Jake Sullivan", "Wang Yi")) == VIENNA
    assert CALENDAR.match(told("Jake Sullivan", "Wang Yi", city="Vienna")) == VIENNA


def test_several_that_fit_match_nothing_unless_one_is_the_storys_week():
    assert CALENDAR.match(told("Antony Blinken", "Xi Jinping")) is None
    near = told("Antony Blinken", "Xi Jinping", near=dt.date(2024, 4, 27))
    assert CALENDAR.match(near) == BEIJING_2024


def test_what_the_text_says_must_agree():
    assert CALENDAR.match(told("Antony Blinken", "Xi Jinping", month_day=(6, 19))) == BEIJING_2023
    assert CALENDAR.match(told("Antony Blinken", "Xi Jinping", weekday=4)) == BEIJING_2024  # Friday
    assert CALENDAR.match(told("Jake Sullivan", "Wang Yi", city="Malta")) is None
    assert CALENDAR.match(told("Jake Sullivan", "Wang Yi", month_day=(9, 16))) is None
    assert CALENDAR.match(told("Jake Sullivan", "Wang Yi", not_after=dt.date(2023, 1, 1))) is None
    assert CALENDAR.match(told("Jake Sullivan", "Wang Yi", start=dt.date(2023, 5, 11))) == VIENNA


def test_both_sides_and_nobody_else_or_no_match():
    assert CALENDAR.match(told("Jake Sullivan", "Wang Yi", "Antony Blinken")) is None
    assert CALENDAR.match(told("Jake Sullivan", "Wang Yi", sides=1)) is None
    assert CALENDAR.match(told("Jake Sullivan", "Wang Yi", kind="call")) is None


def test_an_undated_story_takes_the_days_of_the_meeting_it_tells():
    text = (
        "Secretary of State Antony Blinken met Foreign Minister Qin Gang at the Diaoyutai State "
        "Guesthouse, the first visit by a US secretary of state in five years."
    )
    [meeting] = analyze(text).meetings
    assert (meeting.start_date, meeting.city) == (dt.date(2023, 6, 18), "Beijing")
    assert [span.date_source for span in meeting.spans] == ["calendar"]


def test_a_day_no_year_allows_is_dropped_and_the_calendar_gives_the_real_one():
    text = "Secretary of State Blinken held talks with Foreign Minister Qin Gang in Beijing on Dec. 21."
    [meeting] = analyze(text).meetings
    assert meeting.start_date == dt.date(2023, 6, 18)
    [conflict] = meeting.conflicts
    assert (conflict.parsed, conflict.resolution, conflict.adopted) == (
        None, "calendar", dt.date(2023, 6, 18),
    )  # fmt: skip
    assert "Qin Gang" in conflict.reason


def test_the_roles_alone_can_tell_the_year_of_a_month_and_day():
    text = "Secretary of State Blinken met Foreign Minister Qin Gang in Beijing on June 18."
    [meeting] = analyze(text, calendar=NO_CALENDAR).meetings
    assert meeting.start_date == dt.date(2023, 6, 18)  # Qin's only June as minister


def test_a_month_and_day_chooses_among_known_visits():
    text = "Blinken met President Xi Jinping in Beijing on June 19."
    [meeting] = analyze(text).meetings
    assert meeting.start_date == dt.date(2023, 6, 19)
    assert meeting.venue == "Great Hall of the People"


def test_a_dated_meeting_without_a_place_takes_the_known_place():
    text = "President Biden and President Xi Jinping met on Nov. 14, 2022."
    [meeting] = analyze(text).meetings
    assert (meeting.city, meeting.country) == ("Bali", "ID")
    assert meeting.spans[0].date_source == "text"


def test_no_calendar_for_cancelled_visits_calls_or_unknown_meetings():
    cancelled = "Blinken postponed his planned trip to Beijing to meet Foreign Minister Qin Gang."
    assert all(m.start_date is None for m in analyze(cancelled).meetings)
    call = "Secretary of State Blinken spoke by phone with Foreign Minister Qin Gang."
    assert all(m.start_date is None for m in analyze(call).meetings)
    unknown = "Secretary of State Blinken met Foreign Minister Wang Yi in New York."
    assert all(m.start_date is None for m in analyze(unknown).meetings)


def test_a_plan_is_matched_only_to_a_meeting_in_the_coming_weeks():
    text = "Secretary of State Blinken will travel to Beijing to meet Foreign Minister Qin Gang."
    [soon] = analyze(text, dt.date(2023, 6, 14)).meetings
    assert (soon.status, soon.start_date) == ("planned", dt.date(2023, 6, 18))
    [early] = analyze(text, dt.date(2023, 1, 27)).meetings  # the February trip, postponed
    assert early.start_date is None


@pytest.mark.parametrize(
    "text",
    [
        "토니 블링컨 미국 국무장관은 친강 중국 외교부장과 베이징 댜오위타이 국빈관에서 회담했다.",
        "布林肯国务卿在钓鱼台国宾馆同秦刚外长举行会谈。",
    ],
)
def test_korean_and_chinese_stories_find_the_known_meeting_too(text):
    [meeting] = analyze(text).meetings
    assert (meeting.start_date, set(meeting.participants)) == (
        dt.date(2023, 6, 18), {"Antony Blinken", "Qin Gang"},
    )  # fmt: skip


def test_a_weekday_in_an_undated_story_must_be_one_of_the_meetings_days():
    friday = "Rubio and Wang Yi held their first face-to-face talks on Friday in Kuala Lumpur."
    assert analyze(friday).meetings[0].start_date == dt.date(2025, 7, 11)
    monday = "Rubio and Wang Yi held their first face-to-face talks on Monday in Kuala Lumpur."
    assert analyze(monday).meetings[0].start_date is None
