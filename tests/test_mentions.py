"""Person mentions: names behind titles, and what is not a name."""

from tests.support import extract_text


def names(text):
    return [(m.kind, m.name, m.title) for m in extract_text(text).persons if m.kind != "pronoun"]


def test_a_capitalized_name_behind_a_title_is_a_new_person():
    text = "Commerce Minister Zhang Hanlin joined the talks."
    assert names(text) == [("titled_name", "Zhang Hanlin", "Commerce Minister")]


def test_an_office_named_with_its_country_keeps_the_country_in_its_title():
    (mention,) = extract_text("U.S. Trade Representative Dana Whitfield flew in.").persons
    assert (mention.name, mention.title, mention.country) == (
        "Dana Whitfield",
        "U.S. Trade Representative",
        "US",
    )


def test_descriptors_written_with_a_dotted_initialism_are_found():
    text = "The U.S. president said the talks went well. His U.S. counterpart agreed."
    found = [(m.kind, m.text) for m in extract_text(text).persons if m.kind == "descriptor"]
    assert found == [("descriptor", "The U.S. president"), ("descriptor", "His U.S. counterpart")]


def test_the_person_an_office_serves_is_not_mentioned_by_its_name():
    text = "The envoy met Deputy Assistant to the President Mara Quinn. He spoke to the President."
    found = [m.text for m in extract_text(text).persons if m.kind == "descriptor"]
    assert found == ["the President"]


def test_a_diplomats_standing_before_the_name_is_a_title():
    text = "The minister briefed senior diplomat Zhang Hanlin on Monday."
    assert names(text) == [("titled_name", "Zhang Hanlin", "senior diplomat")]


def test_a_title_with_the_body_it_heads_joins_the_title_before_the_name():
    text = (
        "He met Director of the Joint Staff Department and Defense Minister Zhang Hanlin. "
        "Later he met Director of the Office of the Fisheries Commission Li Ming."
    )
    found = [(m.name, m.title) for m in extract_text(text).persons if m.kind == "titled_name"]
    assert found[0] == (
        "Zhang Hanlin",
        "Director of the Joint Staff Department and Defense Minister",
    )


def test_a_politburo_member_is_a_title():
    text = "Politburo Member Zhang Hanlin joined the talks."
    assert names(text) == [("titled_name", "Zhang Hanlin", "Politburo Member")]


def test_a_headline_verb_after_a_title_is_no_name():
    text = (
        "Chinese Defense Minister Holds Talks With US Counterpart\nThe two ministers met on Friday."
    )
    assert not any(
        name == "Holds Talks" or (name or "").startswith("Holds") for _, name, _ in names(text)
    )


def test_abbreviated_ranks_and_a_middle_initial_make_new_officers():
    text = (
        "Lt. Gen. Marcus Hale held a video call with Maj. Gen. Zhou Peng on Tuesday. "
        "Rear Adm. Dana K. Ortiz joined them."
    )
    found = [(m.name, m.kind) for m in extract_text(text).persons if m.kind == "titled_name"]
    assert found == [("Marcus Hale", "titled_name"), ("Zhou Peng", "titled_name"),
                     ("Dana K. Ortiz", "titled_name")]  # fmt: skip


def test_a_known_surname_with_a_given_name_after_a_title_is_someone_else():
    (mention,) = extract_text("General Wang Haibin spoke first.").persons
    assert (mention.name, mention.title, mention.gazetteer_key) == ("Wang Haibin", "General", None)


def test_a_name_that_modifies_a_noun_is_no_mention_of_the_person():
    names = [
        m.name for m in extract_text("A Biden official spoke with Yang Jiechi on Monday.").persons
    ]
    assert names == ["Yang Jiechi"]
    following = extract_text("Biden met Xi. The Biden administration was pleased.").persons
    assert [m.name for m in following] == ["Biden", "Xi"]
