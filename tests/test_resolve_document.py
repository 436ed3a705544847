"""One document's resolution: persons the document names twice are one person."""

import datetime as dt

from etl.resolve.document import resolve_document
from etl.resolve.gazetteer import default_gazetteer
from etl.resolve.persons import PersonResolver
from tests.support import NO_CALENDAR, analyze, extract_text

DAY = dt.date(2022, 5, 4)


def test_a_later_mention_by_the_end_of_a_created_name_is_the_same_person():
    text = (
        "Spanish Foreign Minister Carla Di Santo hosted the fisheries talks in Madrid. "
        "Minister Di Santo flew to Lisbon afterwards."
    )
    resolved = analyze(text, DAY)
    names = [r.name for _, r in resolved.mentions]
    assert "Carla Di Santo" in names
    assert "Di Santo" not in names
    assert list(resolved.new_persons) == ["Carla Di Santo"]


def test_a_different_person_sharing_only_a_first_word_stays_apart():
    text = (
        "Foreign Minister Carla Di Santo met reporters in Madrid. "
        "Deputy Minister Carla Benetti spoke later."
    )
    resolved = analyze(text, DAY)
    assert set(resolved.new_persons) == {"Carla Di Santo", "Carla Benetti"}


def test_a_date_without_a_year_is_resolved_against_the_callers_clock():
    extraction = extract_text(
        "Secretary of State Antony Blinken met Foreign Minister Qin Gang in Beijing on June 18."
    )
    resolver = PersonResolver(default_gazetteer())

    def day(today):
        (meeting,) = resolve_document(extraction, resolver, NO_CALENDAR, today).meetings
        return meeting.start_date

    assert day(dt.date(2024, 1, 1)) == dt.date(2023, 6, 18)  # the one June 18 both held office
    assert day(dt.date(2023, 6, 1)) is None  # that day had not come yet
