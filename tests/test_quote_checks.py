"""Quote groups: the same words in several documents, each report checked
against the best source (sentences of our own)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from etl.resolve.quote_checks import (
    NEWS,
    OFFICIAL,
    TRANSCRIPT,
    QuoteSource,
    check_quotes,
    difference,
    normalize_quote,
    official_side,
    source_rank,
)

TURN = (
    "Thank you all for coming. We will not accept any attempt to change the status quo by force. "
    "Our two countries must manage their differences responsibly, and we will keep talking."
)


def source(statement_id, text, speaker=7, side="US", kind="direct_quote", rank=NEWS, meeting=1):
    return QuoteSource(statement_id, meeting, 100 + statement_id, speaker, side, kind, text, rank)


def verdicts(*sources):
    return {c.statement_id: (c.verdict, c.difference) for c in check_quotes(sources)}


TRANSCRIPT_TURN = source(1, TURN, kind="transcript_turn", rank=TRANSCRIPT)


def test_a_whole_sentence_of_the_transcript_is_exact_and_the_transcript_is_the_best_source():
    found = check_quotes(
        [
            TRANSCRIPT_TURN,
            source(2, "“We will not accept any attempt to change the status quo by force.”"),
        ]
    )
    assert [(c.statement_id, c.verdict, c.best_statement_id) for c in found] == [
        (1, "exact", 1),
        (2, "exact", 1),
    ]


def test_part_of_a_sentence_is_truncated():
    quote = source(2, "Our two countries must manage their differences responsibly,")
    assert verdicts(TRANSCRIPT_TURN, quote)[2] == ("truncated", None)


def test_a_changed_word_is_an_alteration_that_names_the_words():
    quote = source(2, "We will never accept any attempt to change the status quo by force.")
    assert verdicts(TRANSCRIPT_TURN, quote)[2] == ("altered", "-not +never")


def test_the_same_words_given_to_another_speaker_are_misattributed():
    quote = source(
        2, "We will not accept any attempt to change the status quo by force.", speaker=8
    )
    assert verdicts(TRANSCRIPT_TURN, quote)[2][0] == "misattributed"


def test_reported_speech_of_the_same_words_is_a_paraphrase():
    reported = source(
        2, "they would not accept any attempt to change the status quo by force", kind="reported"
    )
    assert verdicts(TRANSCRIPT_TURN, reported)[2] == ("paraphrased", "-we -will +they +would")


def test_the_other_sides_words_and_other_meetings_are_never_compared():
    same_words = "We will not accept any attempt to change the status quo by force."
    assert verdicts(TRANSCRIPT_TURN, source(2, same_words, speaker=9, side="CN")) == {}
    assert verdicts(TRANSCRIPT_TURN, source(2, same_words, meeting=2)) == {}


def test_unrelated_words_and_a_single_document_make_no_group():
    other = source(2, "Trade between the two economies grew again in the spring.")
    assert verdicts(TRANSCRIPT_TURN, other) == {}
    assert verdicts(TRANSCRIPT_TURN) == {}


def test_an_official_readout_is_preferred_to_news_and_a_longer_report_to_a_shorter_one():
    words = "Both sides agreed to keep their channels of communication open at every level."
    news = source(2, words)
    readout = source(3, words, rank=OFFICIAL)
    assert {c.best_statement_id for c in check_quotes([news, readout])} == {3}
    longer = source(4, words + " Further talks will follow.")
    assert {c.best_statement_id for c in check_quotes([news, longer])} == {4}


def test_quote_marks_of_any_script_case_and_spacing_do_not_matter():
    assert normalize_quote("“We will  not” ‘yield’,") == normalize_quote('"we will not" yield')
    assert normalize_quote("「我们不会让步。」") == "我们不会让步"


def test_a_chinese_quote_and_its_source_are_grouped():
    readout = source(
        1,
        "双方同意保持各层级沟通渠道畅通。双方将继续就经贸问题进行对话。",
        side="CN",
        rank=OFFICIAL,
    )
    news = source(2, "“双方同意保持各层级沟通渠道畅通。”", side="CN")
    assert verdicts(readout, news)[2] == ("exact", None)


def test_source_rank_reads_government_hosts_and_outlets():
    assert source_rank("transcript_turn", None, None) == TRANSCRIPT
    assert (
        source_rank("direct_quote", "https://www.example.gov/briefings/readout", None) == OFFICIAL
    )
    assert source_rank("direct_quote", "https://www.mfa.gov.cn/web/wjbxw/", None) == OFFICIAL
    assert source_rank("direct_quote", None, "Ministry of Foreign Affairs of the PRC") == OFFICIAL
    assert source_rank("direct_quote", "https://news.example.com/story", "Daily Example") == NEWS
    assert source_rank("direct_quote", "https://governor.example.com/", None) == NEWS
    assert official_side("https://www.mfa.gov.cn/web/wjbxw/", None) == "CN"
    assert official_side(None, "U.S. Department of State") == "US"
    assert official_side(None, "Ministry of Foreign Affairs of Ruritania") is None


def test_difference_ignores_the_source_words_around_the_quote():
    assert difference("the talks were useful", "the talks were useful") == ""
    assert difference("the talks were very useful", "the talks were useful") == "+very"


@given(st.text(max_size=80))
def test_normalising_is_idempotent_and_leaves_no_punctuation(text):
    once = normalize_quote(text)
    assert normalize_quote(once) == once
    assert not any(c in once for c in "\"'“”‘’.,!?。，")


def test_the_published_day_breaks_ties_between_equal_reports():
    words = "Both sides agreed to keep their channels of communication open at every level."
    later = QuoteSource(2, 1, 102, 7, "US", "direct_quote", words, NEWS, dt.date(2031, 5, 2))
    earlier = QuoteSource(3, 1, 103, 7, "US", "direct_quote", words, NEWS, dt.date(2031, 5, 1))
    assert {c.best_statement_id for c in check_quotes([later, earlier])} == {3}


def test_words_are_compared_whole_so_a_negation_is_an_alteration():
    turn = source(
        1,
        "We are dissatisfied with the outcome of these talks so far.",
        rank=TRANSCRIPT,
        kind="transcript_turn",
    )
    quote = source(2, "We are satisfied with the outcome of these talks so far.")
    assert verdicts(turn, quote)[2] == ("altered", "-dissatisfied +satisfied")


def test_a_quote_found_in_two_speakers_turns_belongs_to_its_own_speakers_turn():
    sentence = "We will continue to work together on climate change."
    first = source(
        1,
        "Welcome to our guests. " + sentence + " Thank you.",
        speaker=7,
        kind="transcript_turn",
        rank=TRANSCRIPT,
    )
    second = source(
        2, "Thank you, Secretary. " + sentence, speaker=8, kind="transcript_turn", rank=TRANSCRIPT
    )
    news = source(3, sentence, speaker=8)
    found = {
        c.statement_id: (c.verdict, c.best_statement_id)
        for c in check_quotes([first, second, news])
    }
    assert found[3] == ("exact", 2)


def test_look_alike_quotes_are_not_chained_into_one_group():
    climate = source(
        1, "We will continue to work together on climate change and clean energy.", rank=OFFICIAL
    )
    drugs = source(
        2, "We will continue to work together on fentanyl and illicit drug flows.", rank=OFFICIAL
    )
    short = source(3, "we will continue to work together")
    groups = {c.statement_id: c.group_id for c in check_quotes([climate, drugs, short])}
    assert groups.get(1) != groups.get(2) or 2 not in groups


def test_words_said_are_the_best_source_before_words_reported():
    reported = source(
        1,
        "Wang Yi said China would never accept interference in its internal affairs",
        kind="reported",
        rank=OFFICIAL,
    )
    quoted = source(2, "China will never accept interference in its internal affairs.")
    assert {c.best_statement_id for c in check_quotes([reported, quoted])} == {2}
    assert verdicts(reported, quoted)[1][0] == "paraphrased"


def test_identical_reported_speech_in_two_documents_is_exact():
    words = "the two sides would keep their channels of communication open at every level"
    first, second = source(1, words, kind="reported"), source(2, words, kind="reported")
    assert {v for v, _ in verdicts(first, second).values()} == {"exact"}


def test_near_copies_are_compared_with_their_group_not_with_each_other(monkeypatch):
    import etl.resolve.quote_checks as checks

    compared = []
    original = checks.process.cdist

    def counting(queries, choices, **options):
        compared.append(len(choices))
        return original(queries, choices, **options)

    monkeypatch.setattr(checks.process, "cdist", counting)
    base = "Both sides agreed to keep their channels of communication open at every level number {}"
    copies = [source(i, base.format(i)) for i in range(1, 401)]
    found = check_quotes(copies)
    assert len({c.group_id for c in found}) == 1 and len(found) == 400
    assert sum(compared) < 2 * 400  # one leader to compare with, not every earlier copy
