"""Person mentions: names behind titles, and what is not a name."""

from tests.support import extract_text


def names(text):
    return [(m.kind, m.name, m.title) for m in extract_text(text).persons if m.kind != "pronoun"]


def test_a_capitalized_name_behind_a_title_is_a_new_person():
    text = "Commerce Minister Zhang Hanlin joined the talks."
    assert names(text) == [("titled_name", "Zhang Hanlin", "Commerce Minister")]


def test_a_headline_verb_after_a_title_is_no_name():
    text = (
        "Chinese Defense Minister Holds Talks With US Counterpart\nThe two ministers met on Friday."
    )
    assert not any(
        name == "Holds Talks" or (name or "").startswith("Holds") for _, name, _ in names(text)
    )
