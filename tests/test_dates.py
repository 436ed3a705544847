import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.dates import date_line, dateline, filed_on, find_dates

THURSDAY = dt.date(2021, 3, 18)


def only(text, reference=None, **kwargs):
    found = find_dates(text, reference, **kwargs)
    assert len(found) == 1, found
    return found[0].value


def test_explicit_dates_with_and_without_year():
    assert only("on March 18, 2021 local time").start == dt.date(2021, 3, 18)
    assert only("on 19 March 2021").start == dt.date(2021, 3, 19)
    assert only("talks on Dec. 21", dt.date(2023, 12, 30)).start == dt.date(2023, 12, 21)
    assert only("2024-04-26").start == dt.date(2024, 4, 26)


def test_ranges_are_start_and_end():
    value = only("On March 18 and 19, 2021, the two sides met")
    assert (value.start, value.end) == (dt.date(2021, 3, 18), dt.date(2021, 3, 19))
    value = only("from June 18-19", dt.date(2023, 6, 1))
    assert (value.start, value.end) == (dt.date(2023, 6, 18), dt.date(2023, 6, 19))


def test_weekdays_resolve_against_the_reference_date():
    assert only("met Thursday", THURSDAY).start == THURSDAY
    assert only("met on Monday", THURSDAY).start == dt.date(2021, 3, 15)
    assert only("will meet again Friday", THURSDAY, prefer_future=True).start == dt.date(
        2021, 3, 19
    )
    assert only("arrived yesterday", THURSDAY).start == dt.date(2021, 3, 17)
    assert only("talks tomorrow", THURSDAY).start == dt.date(2021, 3, 19)


def test_two_weekdays_are_a_range():
    value = only("held talks on Thursday and Friday", THURSDAY, prefer_future=True)
    assert (value.start, value.end) == (THURSDAY, dt.date(2021, 3, 19))
    value = only("from Monday through Wednesday", THURSDAY)
    assert (value.start, value.end) == (dt.date(2021, 3, 15), dt.date(2021, 3, 17))


def test_korean_and_chinese_relative_days():
    assert only("어제 전화 통화를 했다", THURSDAY).start == dt.date(2021, 3, 17)
    assert only("내일 회담할 예정이다", THURSDAY).start == dt.date(2021, 3, 19)
    assert only("双方明天将举行会谈", THURSDAY).start == dt.date(2021, 3, 19)
    assert find_dates("오늘날 미중 관계", THURSDAY) == []  # "nowadays"


def test_chinese_day_ranges_within_and_across_months():
    value = only("2023年9月16日至17日，王毅在马耳他")
    assert (value.start, value.end) == (dt.date(2023, 9, 16), dt.date(2023, 9, 17))
    value = only("2024年11月30日至12月1日")
    assert (value.start, value.end) == (dt.date(2024, 11, 30), dt.date(2024, 12, 1))
    assert only("16日在北京", THURSDAY).start == dt.date(2021, 3, 16)


def test_without_a_reference_relative_dates_stay_unresolved():
    value = only("held talks on Friday")
    assert value.start is None and not value.year_known
    assert only("met on Dec. 21").start is None


def test_korean_and_chinese_dates():
    value = only("지난 18~19일(현지시간) 회담", THURSDAY)
    assert (value.start, value.end) == (dt.date(2021, 3, 18), dt.date(2021, 3, 19))
    assert only("2023年6月18日会谈").start == dt.date(2023, 6, 18)


def test_impossible_dates_are_ignored():
    assert find_dates("February 30, 2021") == []
    assert find_dates("May be later") == []


def test_dateline_is_the_first_full_date_near_the_top():
    assert dateline("MARCH 18, 2021\n\nU.S.-China talks") == dt.date(2021, 3, 18)
    assert dateline("Talks on Friday in Beijing") is None


def test_a_story_is_filed_on_its_datelines_date_or_else_its_own_date():
    text = "BUSAN, South Korea, Oct 30 (Reuters) - Trump met Xi."
    dateline_span = (0, text.index("-") + 1)
    assert filed_on(text, dateline_span, dt.date(2025, 10, 31)) == dt.date(2025, 10, 30)
    assert filed_on("BUSAN (AP) — Trump met Xi.", (0, 12), dt.date(2025, 10, 30)) == dt.date(
        2025, 10, 30
    )
    assert filed_on(text, None, dt.date(2025, 10, 31)) is None


@given(
    st.text(max_size=300), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1))
)
def test_find_dates_never_fails_and_spans_are_in_the_text(text, reference):
    for mention in find_dates(text, reference):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.value.text


def test_a_month_and_year_is_a_time_without_a_day():
    [found] = find_dates("met briefly in June 2023")
    assert (found.value.start, found.value.text) == (None, "June 2023")
    assert dateline("Filed in June 2023") is None


def test_a_month_and_year_knows_its_first_and_last_day():
    assert only("in February 2024").within == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert only("in December 2018").within == (dt.date(2018, 12, 1), dt.date(2018, 12, 31))


def test_a_relative_week_is_no_day_but_the_days_it_may_be():
    wednesday = dt.date(2023, 7, 12)
    next_week = (dt.date(2023, 7, 17), dt.date(2023, 7, 23))
    for text in ("next week", "다음 주", "다음주", "下周"):
        value = only(text, wednesday)
        assert (value.start, value.within) == (None, next_week), text
    assert only("last week", wednesday).within == (dt.date(2023, 7, 3), dt.date(2023, 7, 9))
    assert only("this week", wednesday).within == (dt.date(2023, 7, 10), dt.date(2023, 7, 16))
    assert only("next week").within is None


def test_korean_ranges_with_a_wave_dash():
    value = only("5∼6일로 예정됐던 방문", dt.date(2023, 2, 3))
    assert (value.start, value.end) == (dt.date(2023, 2, 5), dt.date(2023, 2, 6))


def test_without_a_reference_a_date_keeps_what_it_says():
    [dec] = find_dates("They met on Dec. 21 in Beijing.")
    assert (dec.value.start, dec.value.month_day) == (None, (12, 21))
    [korean] = find_dates("6월 18일 회담")
    assert korean.value.month_day == (6, 18)
    [thursday] = find_dates("The talks on Thursday were candid.")
    assert (thursday.value.start, thursday.value.weekday) == (None, 3)
    [dated] = find_dates("on June 18", dt.date(2023, 6, 20))
    assert dated.value.month_day is None  # a full date needs nothing more


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [
        ("late last year", dt.date(2023, 7, 2), dt.date(2023, 12, 31)),
        ("earlier this month", dt.date(2024, 2, 1), dt.date(2024, 2, 17)),
        ("last November", dt.date(2023, 11, 1), dt.date(2023, 11, 30)),
        ("last month", dt.date(2024, 1, 1), dt.date(2024, 1, 31)),
        ("지난해", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("去年", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ],
)
def test_a_period_before_the_story_is_kept_as_its_bounds(words, first, last):
    (mention,) = find_dates(f"They met {words} in Geneva.", dt.date(2024, 2, 17))
    assert (mention.value.start, mention.value.within) == (None, (first, last))


def test_this_morning_is_the_storys_day():
    (mention,) = find_dates("The ministers spoke this morning for an hour.", dt.date(2023, 5, 9))
    assert mention.value.start == dt.date(2023, 5, 9)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
       st.sampled_from(["last year", "late last year", "earlier this year", "last month",
                        "earlier this month", "last March", "last December"]))  # fmt: skip
def test_periods_end_by_the_story_and_never_run_backwards(reference, words):
    (mention,) = find_dates(words, reference)
    first, last = mention.value.within
    assert first <= last <= reference


def test_a_weekday_before_a_full_date_of_that_weekday_is_one_date():
    (found,) = find_dates("in Lima on Tuesday, March 16, 2021, after the forum")
    assert (found.value.start, found.value.text) == (
        dt.date(2021, 3, 16),
        "Tuesday, March 16, 2021",
    )


def test_a_weekday_before_a_date_of_another_weekday_stays_apart():
    found = find_dates("on Monday, March 16, 2021", THURSDAY)
    assert [f.value.start for f in found] == [dt.date(2021, 3, 15), dt.date(2021, 3, 16)]


def test_the_texts_own_date_is_the_last_line_near_its_top_that_is_only_a_date():
    text = "Readout of the Talks\nMarch 4, 2022\n\nMARCH 03, 2022\n\nThe envoys met today in Oslo."
    assert date_line(text) == dt.date(2022, 3, 3)
    assert date_line("Posted March 4, 2022 by the desk\nThe envoys met today.") is None
