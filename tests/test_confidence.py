"""A confidence from a fact's evidence: more and better evidence never lowers
it, evidence against never raises it, and the model is data."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.resolve.confidence import (
    AGAINST,
    KINDS,
    MeetingEvidence,
    Model,
    OutcomeEvidence,
    ParticipantEvidence,
    SpeakerEvidence,
    default_model,
    fact_key,
    features,
    read_model,
)

ONE_STORY = MeetingEvidence(
    meeting_id=1,
    documents=1,
    governments=0,
    date_source=None,
    statuses=1,
    people=2,
    sides=2,
    place=False,
)


def test_the_shipped_model_knows_every_kind_and_keeps_every_weight_on_its_side():
    model = default_model()
    assert set(model.weights) == set(KINDS)
    for weights in model.weights.values():
        for name, weight in weights.items():
            if name in AGAINST:
                assert weight <= 0, name
            elif name != "bias":
                assert weight >= 0, name


def test_a_meeting_both_governments_report_with_its_day_in_the_text_beats_one_undated_story():
    corroborated = dataclasses.replace(
        ONE_STORY, documents=3, governments=2, date_source="text", place=True
    )
    model = default_model()
    assert 0 <= model.confidence(ONE_STORY) < model.confidence(corroborated) <= 1


def test_a_meeting_a_cue_like_met_told_beats_one_only_a_weak_cue_told():
    told = dataclasses.replace(ONE_STORY, strong_cue=True)
    assert default_model().confidence(told) > default_model().confidence(ONE_STORY)


def test_sources_that_disagree_on_the_status_lower_a_meetings_confidence():
    disputed = dataclasses.replace(ONE_STORY, documents=2, statuses=2)
    agreed = dataclasses.replace(ONE_STORY, documents=2, statuses=1)
    assert default_model().confidence(disputed) < default_model().confidence(agreed)


meetings = st.builds(
    MeetingEvidence,
    meeting_id=st.just(1),
    documents=st.integers(1, 5),
    governments=st.integers(0, 2),
    date_source=st.sampled_from([None, "text", "context", "dateline", "calendar"]),
    statuses=st.integers(1, 3),
    people=st.integers(1, 6),
    sides=st.integers(0, 2),
    place=st.booleans(),
)


@given(meetings)
def test_another_document_never_lowers_a_meetings_confidence(evidence):
    model = default_model()
    more = dataclasses.replace(evidence, documents=evidence.documents + 1)
    assert model.confidence(more) >= model.confidence(evidence)


@given(st.integers(1, 6), st.integers(1, 6), st.booleans(), st.booleans(), st.booleans())
def test_a_person_more_documents_name_is_never_less_likely_to_have_taken_part(
    named_by, extra, named, third_country, titled
):
    total = named_by + extra
    fewer = ParticipantEvidence(1, 7, named_by, total, named, third_country, titled)
    more = dataclasses.replace(fewer, documents=total)
    model = default_model()
    assert 0 <= model.confidence(fewer) <= model.confidence(more) <= 1


def test_a_quote_without_a_speaker_or_misattributed_elsewhere_is_doubted():
    quote = SpeakerEvidence(5, "direct_quote", "exact", 20, None, False)
    model = default_model()
    assert model.confidence(dataclasses.replace(quote, method=None)) < model.confidence(quote)
    misattributed = dataclasses.replace(quote, verdict="misattributed")
    assert model.confidence(misattributed) < model.confidence(quote)
    confirmed = dataclasses.replace(quote, verdict="exact", confirmed=True)
    assert model.confidence(confirmed) > model.confidence(quote)


def test_an_outcome_both_readouts_report_beats_one_only_a_news_story_mentions():
    news = OutcomeEvidence(3, 1, 3, 0, True, "working_group")
    readouts = dataclasses.replace(news, documents=3, governments=2)
    assert default_model().confidence(readouts) > default_model().confidence(news)


def test_each_fact_is_named_by_its_kind_and_ids():
    assert fact_key(ONE_STORY) == ("meeting", (1,))
    assert fact_key(ParticipantEvidence(1, 7, 1, 1, True, False, True)) == ("participant", (1, 7))
    assert fact_key(SpeakerEvidence(5, "transcript_turn", "exact", 9, None, False))[0] == "speaker"
    assert fact_key(OutcomeEvidence(3, 1, 1, 0, True, "talks")) == ("outcome", (3,))


def test_shares_are_fractions_and_flags_are_zero_or_one():
    kind, values = features(ParticipantEvidence(1, 7, 2, 4, True, False, False))
    assert kind == "participant" and values["named_share"] == 0.5
    assert values["two_documents"] == 1.0 and values["titled"] == 0.0


def test_a_model_without_weights_says_even_odds_and_an_unknown_kind_is_refused(tmp_path):
    assert Model({}).confidence(ONE_STORY) == 0.5
    path = tmp_path / "model.yaml"
    path.write_text("weights:\n  rumour: {bias: 1}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown fact kinds"):
        read_model(path)
