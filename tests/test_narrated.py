"""Quotes that report a meeting's results: a reporter's partial quote and an
institution's account count as narration; a person's own words do not."""

from tests.support import analyze

MET = "Blinken met Wang Yi in Beijing on June 18, 2023. "


def results(text):
    return [(o.record.category, o.record.description) for o in analyze(MET + text).outcomes]


def test_a_partial_quote_continues_the_reporters_sentence():
    text = 'Blinken and Wang "also agreed to resume the fisheries talks next spring," the ministry said.'
    assert results(text) == [("talks", "agreed to resume the fisheries talks next spring")]


def test_an_institutions_quoted_account_of_a_joint_result_is_a_result():
    text = '"The two sides agreed to set up a working group on fentanyl," the statement said.'
    assert results(text) == [("working_group", "agreed to set up a working group on fentanyl")]


def test_a_persons_quoted_words_are_not_an_outcome():
    assert results('"We agreed to nothing at all today," Blinken said.') == []
    assert results('"Both sides should agree to resume the fisheries talks," Wang said.') == []


def test_a_quote_that_opens_the_sentence_without_a_joint_subject_is_not_a_result():
    assert results('"Agreed to disagree, as usual, on most things," the official said.') == []


def test_a_quoted_result_ends_where_the_quote_does():
    text = (
        'Blinken and Wang "agreed to resume the fisheries talks next spring," said the official, '
        "who called the meeting candid."
    )
    (outcome,) = analyze(MET + text).outcomes
    assert outcome.record.description == "agreed to resume the fisheries talks next spring"
    assert (MET + text)[outcome.record.start : outcome.record.end].rstrip(",").endswith("spring")
