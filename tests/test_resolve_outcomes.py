"""When two reports are one result, and which report's words are kept."""

import datetime as dt
from dataclasses import dataclass

from etl.resolve.outcomes import prefer_report, same_outcome
from tests.support import analyze


@dataclass(frozen=True)
class Report:
    description: str
    category: str
    status: str = "agreed"
    topic: str | None = None


def test_reports_of_their_next_meeting_are_one_result_whatever_their_category():
    discussed = Report("discussed meeting in person", "other", "discussed", "next-meeting")
    agreed = Report("agreed to set a date for it", "commitment", "agreed", "next-meeting")
    assert same_outcome(discussed, agreed)
    assert prefer_report(discussed, agreed)
    assert not prefer_report(agreed, discussed)


def test_reports_on_other_topics_need_their_category_and_words_to_agree():
    trade = Report("agreed to lower tariffs", "commitment", topic="trade")
    other = Report("discussed export controls", "other", "discussed", topic="trade")
    assert not same_outcome(trade, other)


def test_an_english_report_replaces_one_in_another_script():
    chinese = Report("同意举行会谈", "talks")
    english = Report("agreed to hold talks", "talks", "discussed")
    assert prefer_report(chinese, english)
    assert not prefer_report(english, chinese)


def test_a_call_that_retells_the_plan_for_a_meeting_keeps_one_result():
    text = (
        "President Joe Biden held a call with Chinese President Xi Jinping on Tuesday about "
        "an in-person meeting later in the year. The two leaders discussed meeting in person "
        "and agreed to have their aides set a date for the next meeting."
    )
    outcomes = analyze(text, dt.date(2024, 4, 3)).outcomes
    assert [(o.record.category, o.record.status) for o in outcomes] == [("commitment", "agreed")]
