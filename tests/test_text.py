"""Judgements about raw text: titles and headings, scripts, word counts."""

from hypothesis import given
from hypothesis import strategies as st

from etl.extract.text import (
    is_hangul,
    is_headline,
    title_end,
    word_count,
)


def test_a_sentence_case_first_line_is_the_title():
    text = "Trump and Xi agree on tariff truce at Busan summit\n\nBUSAN (AP) — Trump met Xi."
    assert text[: title_end(text)] == "Trump and Xi agree on tariff truce at Busan summit"


def test_a_first_line_that_is_a_sentence_or_the_whole_text_is_no_title():
    assert title_end("Blinken met Wang Yi on Friday.\nThey agreed to talk again.") == 0
    assert title_end("Blinken met Wang Yi on Friday") == 0


def test_headings_in_each_script():
    assert is_headline("EMPHASIS ON THE TAIWAN ISSUE")
    assert is_headline("Blinken Says No Concessions to Beijing")
    assert is_headline('왕이 외교부장, 블링컨 장관과 통화…"대만 문제 신중히 다뤄야"')
    assert not is_headline("블링컨 장관은 왕이 부장과 회담했다.")
    assert is_headline("习近平同美国总统拜登通电话")


def test_words_in_scripts_without_spaces():
    assert word_count("Blinken met Wang") == 3
    assert word_count("习近平同拜登通电话") == 5
    assert is_hangul("회담") and not is_hangul("会谈")


@given(st.text(max_size=200))
def test_a_title_ends_inside_the_text(text):
    assert 0 <= title_end(text) <= len(text)


def test_a_chinese_line_ending_in_a_corner_quote_is_a_sentence_not_a_headline():
    assert not is_headline("发言人说：「双方将保持沟通，推动关系稳定发展。」")
    assert is_headline("中美元首会晤")
