"""The date words of patterns/dates.yaml as pieces of the date grammar."""

import datetime as dt
import re

from etl.extract.date_words import MONTH_NAMES, MONTH_OF, WEEK_OFFSETS, alternation, compact
from etl.extract.dates import find_dates


def test_every_month_has_its_full_name_first_and_its_abbreviations():
    assert MONTH_NAMES[0] == "january" and MONTH_NAMES[8] == "september"
    assert MONTH_OF["sept"] == MONTH_OF["sep"] == MONTH_OF["september"] == 9


def test_the_longest_word_is_tried_first():
    assert re.fullmatch(alternation(["上周", "上星期"]), "上星期")
    assert re.match(alternation(["jan", "january"]), "january").group(0) == "january"


def test_a_phrase_matches_any_spacing_in_english_and_optional_spacing_in_korean():
    assert re.fullmatch(alternation(["next week"]), "next   week")
    assert re.fullmatch(alternation(["다음 주"]), "다음주")
    assert WEEK_OFFSETS[compact("다음 주")] == 1


def test_a_word_a_relative_day_opens_is_no_day():
    assert find_dates("오늘날 두 나라는", dt.date(2024, 3, 20)) == []
    (today,) = find_dates("오늘 회담에서", dt.date(2024, 3, 20))
    assert today.value.start == dt.date(2024, 3, 20)
