"""One document's resolution: persons the document names twice are one person."""

import datetime as dt

from tests.support import analyze

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
