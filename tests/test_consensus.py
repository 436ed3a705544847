"""Results listed after a consensus, one outcome per item."""

import datetime as dt

from tests.test_outcomes import outcomes


def test_numbered_sentences_are_results_only_after_a_consensus():
    text = (
        "Wang Yi met Antony Blinken in Beijing on April 26, 2024. First, Wang raised Taiwan. "
        "The two sides reached a two-point consensus. First, the two sides will maintain "
        "high-level exchanges. Second, the two sides will continue consultations on maritime "
        "affairs. Blinken then left."
    )
    assert [o[2] for o in outcomes(text)] == [
        "the two sides will maintain high-level exchanges",
        "the two sides will continue consultations on maritime affairs",
    ]


def test_a_chinese_consensus_lists_its_items_in_one_sentence():
    text = (
        "国家主席习近平26日在人民大会堂会见美国国务卿布林肯。\n"
        "双方达成五点共识：一是继续落实两国元首旧金山会晤共识；二是保持高层交往；"
        "三是举行中美人工智能政府间对话首次会议。"
    )
    assert [(o[0], o[2]) for o in outcomes(text, dt.date(2024, 4, 26))] == [
        ("commitment", "继续落实两国元首旧金山会晤共识"),
        ("commitment", "保持高层交往"),
        ("dialogue_mechanism", "举行中美人工智能政府间对话首次会议"),
    ]


def test_exchanges_on_numbered_issues_are_discussed_unless_an_item_says_more():
    text = (
        "Blinken held talks with Wang Yi in Beijing on June 18, 2023. The two sides held candid "
        "exchanges on three issues:\n\n"
        "First, trade and investment ties between the two countries should be strengthened.\n\n"
        "Second, the two sides agreed to resume consular talks in Washington.\n\n"
        "Third, fentanyl trafficking remains a serious shared challenge."
    )
    assert sorted((status, description) for _, status, description in outcomes(text)) == [
        ("agreed", "agreed to resume consular talks in Washington"),
        ("discussed", "fentanyl trafficking remains a serious shared challenge"),
        ("discussed", "trade and investment ties between the two countries should be strengthened"),
    ]
