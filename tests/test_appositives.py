"""Titles in apposition join the title a mention carries."""

from tests.support import extract_text


def titles(text):
    return [(m.name, m.title) for m in extract_text(text).persons if m.name]


def test_an_office_after_the_name_between_commas():
    text = (
        "Gen. Zhou Peng, the commander of the Northern Theater Command, met Lt. Gen. Marcus Hale."
    )
    assert titles(text)[0] == ("Zhou Peng", "Gen., commander of the Northern Theater Command")


def test_an_office_that_opens_the_sentence_before_the_name():
    text = "The commander of U.S. Pacific Fleet, Adm. Dana Ortiz, spoke with Gen. Zhou Peng."
    assert titles(text)[0] == ("Dana Ortiz", "Adm., commander of U.S. Pacific Fleet")


def test_a_name_without_a_rank_takes_the_office_alone():
    text = "He met Wang Yi, director of the foreign affairs office, in Beijing on Tuesday."
    assert ("Wang Yi", "director of the foreign affairs office") in titles(text)


def test_a_clause_or_a_place_after_the_name_is_no_title():
    assert titles("In Beijing, Blinken met Wang Yi, who said little.") == [
        ("Blinken", None),
        ("Wang Yi", None),
    ]
    assert titles("After the talks, Secretary Blinken flew home.") == [("Blinken", "Secretary")]


def test_a_qualified_office_and_never_another_persons_title():
    text = "Talks were led by Ambassador Dana Ortiz, the United States Trade Representative, in Geneva."
    assert titles(text)[0] == ("Dana Ortiz", "Ambassador, United States Trade Representative")
    listed = "Blinken met Wang Yi, Foreign Minister Qin Gang and others in Beijing."
    assert ("Wang Yi", None) in titles(listed)


def test_an_office_in_apposition_gives_a_bare_name_its_role_kind():
    (mention,) = [
        m
        for m in extract_text(
            "Talks were led by Steven Mnuchin, the Secretary of the Treasury."
        ).persons
        if m.name
    ]
    assert (mention.title, mention.title_kind) == (
        "Secretary of the Treasury",
        "treasury_secretary",
    )
