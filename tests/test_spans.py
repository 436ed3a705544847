from hypothesis import given
from hypothesis import strategies as st

from etl.extract.spans import Intervals, SpanIndex

span = st.tuples(st.integers(0, 200), st.integers(1, 40)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(span, max_size=30), span)
def test_overlaps_agrees_with_a_scan(ranges, probe):
    expected = any(probe[0] < e and probe[1] > s for s, e in ranges)
    assert Intervals(ranges).overlaps(*probe) == expected


@given(st.lists(st.integers(0, 100), max_size=50), st.integers(0, 100), st.integers(0, 100))
def test_starting_in_agrees_with_a_scan(starts, low, high):
    index = SpanIndex(starts, start=lambda x: x)
    assert index.starting_in(low, high) == sorted(x for x in starts if low <= x < high)
