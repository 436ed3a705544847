"""Precision per confidence band, sparse bands merged, and monotonicity."""

from etl.evaluate.bands import EDGES, MIN_FACTS, confidence_bands, monotone, unordered_kinds
from etl.evaluate.figures import Judged


def facts(kind, confidence, right, wrong):
    return [Judged(kind, (n,), confidence, n < right) for n in range(right + wrong)]


def test_facts_fall_into_fixed_bands_with_their_precision_and_mean_confidence():
    judged = facts("meeting", 0.6, 3, 3) + facts("meeting", 0.97, 9, 1)
    bands = confidence_bands(judged)
    assert [(b.label, b.facts, b.right) for b in bands] == [
        ("[0.50, 0.70)", 6, 3),
        ("[0.95, 1.00]", 10, 9),
    ]
    assert bands[0].precision == 0.5 and bands[1].mean_confidence == 0.97
    assert monotone(bands, "meeting")


def test_a_higher_band_with_a_lower_precision_is_not_monotone():
    judged = facts("outcome", 0.6, 9, 1) + facts("outcome", 0.9, 5, 5)
    assert not monotone(confidence_bands(judged), "outcome")
    assert unordered_kinds(judged + facts("meeting", 0.9, 5, 0)) == ["outcome"]


def test_a_band_of_too_few_facts_joins_the_band_above_and_the_top_one_the_band_below():
    low = facts("speaker", 0.3, 1, 0)  # one fact: no precision to speak of
    judged = low + facts("speaker", 0.8, 6, 0) + facts("speaker", 0.99, 5, 1)
    bands = confidence_bands(judged)
    assert [(b.label, b.facts) for b in bands] == [("[0.00, 0.85)", 7), ("[0.95, 1.00]", 6)]
    top_few = facts("outcome", 0.6, 5, 0) + facts("outcome", 0.99, 1, 1)
    assert [(b.label, b.facts) for b in confidence_bands(top_few)] == [("[0.50, 1.00]", 7)]
    assert all(b.facts >= MIN_FACTS for b in bands)


def test_facts_without_a_confidence_are_left_out_and_edges_cover_zero_to_one():
    judged = facts("participant", None, 4, 0) + facts("participant", 1.0, 5, 0)
    assert [(b.label, b.facts) for b in confidence_bands(judged)] == [("[0.95, 1.00]", 5)]
    assert EDGES[0] == 0.0 and EDGES[-1] == 1.0
