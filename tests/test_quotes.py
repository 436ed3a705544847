from hypothesis import given
from hypothesis import strategies as st

from etl.extract.quotes import find_quotes, paragraphs
from tests.support import growth


def bodies(text):
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_and_straight_quotes_pair_within_a_paragraph():
    text = '“We are ready,” he said. "So are we," she replied.'
    assert bodies(text) == ["We are ready,", "So are we,"]


def test_an_unbalanced_mark_never_swallows_the_rest():
    text = 'He said "we will see.\n\nThe next paragraph is prose.\n\n"A real quote," she said.'
    assert bodies(text) == ["A real quote,"]


def test_a_quote_continued_in_the_next_paragraph():
    text = "“The first part of the remarks ends here.\n\n“And the quote goes on,” he said."
    found = find_quotes(text)
    assert found[0].continued and text[found[0].start : found[0].end].startswith("The first")
    assert text[found[1].start : found[1].end] == "And the quote goes on,"


def test_paragraph_offsets_skip_blank_lines():
    assert paragraphs("a\n\n  b  \n") == [(0, 1), (5, 6)]


def test_many_quote_marks_are_linear():
    calls, cpu = growth(find_quotes, ('"' * 10_000,), ('"' * 100_000,))
    assert calls < 11 and cpu < 40  # ten times the marks, about ten times the work


@given(st.text(alphabet=st.sampled_from(list('ab "“”\n.,')), max_size=400))
def test_quotes_stay_inside_their_paragraph(text):
    spans = paragraphs(text)
    for quote in find_quotes(text):
        start, end = spans[quote.paragraph]
        assert start <= quote.outer_start < quote.outer_end <= end
        assert quote.outer_start <= quote.start <= quote.end <= quote.outer_end


def test_a_straight_opening_mark_may_close_with_a_curly_one():
    text = '"The talks were frank and useful,” a spokeswoman said. “We will meet again soon," she added.'
    assert bodies(text) == ["The talks were frank and useful,", "We will meet again soon,"]


def test_a_quote_inside_a_quote_stays_part_of_it():
    text = "他在社交媒体上说：「我们就一家『特定』公司达成了协议，双方都很满意。」"
    assert bodies(text) == ["我们就一家『特定』公司达成了协议，双方都很满意。"]
    text = "“He told me ‘we are ready’ before the meeting,” the envoy said."
    assert bodies(text) == ["He told me ‘we are ready’ before the meeting,"]


def test_an_opening_mark_of_the_same_kind_starts_the_quote_again():
    assert bodies("“Lost its closer “but this one is whole” here.") == ["but this one is whole"]
