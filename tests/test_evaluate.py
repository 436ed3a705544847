"""How `etl evaluate` scores: hand-made gold and predictions, one rule per test."""

from datetime import date

from etl.evaluate import evaluate
from etl.evaluate.gold import parse_gold
from etl.evaluate.predicted import (
    Predicted,
    PredictedMeeting,
    PredictedOutcome,
    PredictedStatement,
    Source,
)

GOLD = {
    "persons": [
        {"name": "Antony Blinken", "aliases": ["blinken", "secretary blinken"], "required": True},
        {"name": "Wang Yi", "aliases": ["wang", "王毅"], "required": True},
        {"name": "Qin Gang", "aliases": ["qin"], "required": False},
    ],
    "meetings": [
        {
            "key": "beijing",
            "required": True,
            "start": ["2023-06-18"],
            "city": ["Beijing"],
            "status": "held",
            "docs": ["a.txt"],
            "participants": ["Antony Blinken", "Wang Yi"],
            "optional_participants": ["Qin Gang"],
            "titles": {"Antony Blinken": ["secretary of state"]},
            "outcomes": [
                {
                    "key": "flights",
                    "keywords": ["flights|air travel", "increase"],
                    "category": "commitment",
                    "status": "agreed",
                    "required": True,
                },
                {
                    "key": "visit",
                    "keywords": ["visit"],
                    "category": "other",
                    "status": "discussed",
                    "required": False,
                },
            ],
        },
        {
            "key": "cancelled-trip",
            "required": True,
            "start": [],
            "city": [],
            "status": "cancelled",
            "docs": ["b.txt"],
            "participants": ["Antony Blinken", "Wang Yi"],
            "outcomes": [],
        },
    ],
    "statements": {
        "a.txt": [
            {"speaker": "Antony Blinken", "starts_with": "We made progress on", "required": True},
            {"speaker": ["Antony Blinken", "Wang Yi"], "starts_with": "Both sides agree"},
            {"speaker": None, "starts_with": "Welcome to the briefing", "required": False},
        ]
    },
}


def meeting(mid, people, start=None, city="", status="held", title="secretary of state"):
    m = PredictedMeeting(mid, f"meeting {mid}", status, start, city)
    m.participants.extend((name, title) for name in people)
    m.sources.append(Source("a.txt", 10 * mid, 10 * mid + 5))
    return m


def said(text, speaker, document="a.txt"):
    return PredictedStatement(text.lower(), text, speaker, Source(document, 0, len(text)))


def predicted(meetings=(), outcomes=(), statements=None, persons=()):
    return Predicted(tuple(persons), tuple(meetings), tuple(outcomes), statements or {})


def figures(evaluation):
    return {k: (f.true_positives, f.predicted, f.gold) for k, f in evaluation.figures.items()}


def test_a_meeting_is_found_through_aliases_and_an_optional_participant_costs_nothing():
    found = meeting(1, ["Secretary Blinken", "王毅", "Qin Gang"], date(2023, 6, 18), "beijing")
    result = evaluate(parse_gold(GOLD), predicted([found]))
    assert figures(result)["meetings"] == (1, 1, 2)
    assert figures(result)["participants"] == (2, 2, 2)
    assert result.accuracy["date"] == result.accuracy["city"] == result.accuracy["title"] == 1.0
    missed_meetings = [
        (f.document, f.what)
        for f in result.findings
        if (f.kind, f.verdict) == ("meeting", "missed")
    ]
    assert missed_meetings == [("b.txt", "cancelled-trip")]


def test_a_contradicting_date_place_or_status_keeps_meetings_apart():
    gold = parse_gold(GOLD)
    for wrong in (
        meeting(1, ["Blinken", "Wang Yi"], date(2023, 6, 21)),  # three days off
        meeting(1, ["Blinken", "Wang Yi"], city="washington"),
    ):
        assert figures(evaluate(gold, predicted([wrong])))["meetings"][0] == 0
    a_day_off = meeting(1, ["Blinken", "Wang Yi"], date(2023, 6, 19), "beijing city")
    result = evaluate(gold, predicted([a_day_off]))
    assert figures(result)["meetings"][0] == 1 and result.accuracy["date"] == 0.0
    wrong = [f.what for f in result.findings if f.verdict == "wrong"]
    assert wrong == ["beijing: date 2023-06-19, gold 2023-06-18"]
    held = meeting(2, ["Blinken", "Wang Yi"])  # the cancelled gold meeting needs 'cancelled'
    cancelled = meeting(3, ["Blinken", "Wang Yi"], status="cancelled")
    result = evaluate(gold, predicted([a_day_off, held, cancelled]))
    assert figures(result)["meetings"] == (2, 3, 2)


def test_a_title_that_does_not_contain_the_gold_title_is_wrong():
    found = meeting(1, ["Blinken", "Wang Yi"], date(2023, 6, 18), "beijing", title="diplomat")
    result = evaluate(parse_gold(GOLD), predicted([found]))
    assert result.accuracy["title"] == 0.0
    assert [f.what for f in result.findings if f.verdict == "wrong"] == [
        "beijing: title of Antony Blinken diplomat, gold secretary of state"
    ]


def test_a_meeting_with_too_few_shared_participants_is_spurious():
    stranger = meeting(1, ["Blinken", "Someone Else", "Another One"], date(2023, 6, 18))
    result = evaluate(parse_gold(GOLD), predicted([stranger]))
    assert figures(result)["meetings"] == (0, 1, 2)
    spurious = [f for f in result.findings if f.verdict == "spurious"]
    assert [(f.document, f.what, f.start, f.end) for f in spurious] == [
        ("a.txt", "meeting 1", 10, 15)
    ]


def test_outcomes_match_by_keyword_groups_within_the_paired_meeting_and_optional_ones_are_neutral():
    found = meeting(1, ["Blinken", "Wang Yi"], date(2023, 6, 18), "beijing")
    outcomes = [
        PredictedOutcome(
            1, "agreed to increase air travel", "commitment", "agreed", Source("a.txt", 0, 9)
        ),
        PredictedOutcome(1, "invited Wang to visit", "other", "discussed", Source("a.txt", 9, 20)),
        PredictedOutcome(1, "discussed Taiwan", "other", "discussed", Source("a.txt", 20, 30)),
        PredictedOutcome(
            None, "agreed to increase flights", "commitment", "agreed", Source("a.txt", 30, 40)
        ),
    ]
    result = evaluate(parse_gold(GOLD), predicted([found], outcomes))
    assert figures(result)["outcomes"] == (1, 3, 1)  # the invitation is neutral
    assert result.accuracy["outcome_category"] == result.accuracy["outcome_status"] == 1.0
    spurious = {f.what for f in result.findings if f.kind == "outcome"}
    assert spurious == {"discussed Taiwan", "agreed to increase flights"}


def test_statements_need_the_opening_and_the_speaker_and_joint_speakers_are_a_list():
    statements = {
        "a.txt": (
            said("Well, we made progress on several fronts today.", "Blinken"),
            said("Both sides agree to keep talking.", "Wang Yi"),
            said("Welcome to the briefing, everyone here.", None),
            said("This is nothing the gold knows about.", "Blinken"),
        ),
        "elsewhere.txt": (
            said("A document the gold does not cover at all.", None, "elsewhere.txt"),
        ),
    }
    result = evaluate(parse_gold(GOLD), predicted(statements=statements))
    assert figures(result)["statements"] == (2, 3, 2)
    assert result.accuracy["attribution"] == 1.0


def test_a_wrong_speaker_is_spurious_and_counts_against_attribution():
    statements = {"a.txt": (said("We made progress on trade.", "Wang Yi"),)}
    result = evaluate(parse_gold(GOLD), predicted(statements=statements))
    assert figures(result)["statements"] == (0, 1, 2)
    assert result.accuracy["attribution"] == 0.0
    verdicts = sorted((f.verdict, f.what) for f in result.findings if f.kind == "statement")
    assert verdicts == [
        ("missed", "Antony Blinken / Wang Yi: Both sides agree"),
        ("missed", "Antony Blinken: We made progress on"),
        ("spurious", "Wang Yi: We made progress on trade."),
    ]


def test_the_two_halves_of_a_split_quote_are_both_right_and_recall_counts_the_gold_once():
    statements = {
        "a.txt": (
            said("We made progress on trade, he said,", "Blinken"),
            said("we made progress on climate as well.", "Blinken"),
        )
    }
    statements_figure = evaluate(parse_gold(GOLD), predicted(statements=statements)).figures[
        "statements"
    ]
    assert (statements_figure.precision, statements_figure.recall) == (1.0, 0.5)


def test_two_persons_rows_for_one_gold_person_are_a_duplicate():
    persons = ["Antony Blinken", "Secretary Blinken", "Wang Yi", "Unknown Person"]
    assert evaluate(parse_gold(GOLD), predicted(persons=persons)).person_duplicates == 1


def test_each_fact_the_figures_count_is_judged_with_the_confidence_it_was_given():
    people = ["Blinken", "Wang Yi", "Someone Else", "Secretary Blinken"]
    found = meeting(1, people, date(2023, 6, 18), "beijing")
    found.confidence = 0.9
    found.people.update({"Blinken": (11, 0.95), "Wang Yi": (12, 0.9), "Someone Else": (13, 0.4)})
    found.people["Secretary Blinken"] = (14, 0.5)  # the same gold person: judged once
    stray = meeting(2, ["Blinken", "Another Stranger", "Third Stranger"])
    stray.confidence = 0.3
    outcomes = [
        PredictedOutcome(
            1, "agreed to increase flights", "commitment", "agreed", Source("a.txt", 0, 9), 21, 0.8
        ),
        PredictedOutcome(1, "invited Wang to visit", "other", "discussed", Source("a.txt", 9, 20)),
        PredictedOutcome(1, "discussed Taiwan", "other", "discussed", Source("a.txt", 20, 30), 23),
    ]
    statements = {
        "a.txt": (
            PredictedStatement(
                "we made progress on trade",
                "We made progress on trade",
                "Blinken",
                Source("a.txt", 0, 25),
                31,
                0.7,
            ),
            PredictedStatement(
                "we made progress on it",
                "We made progress on it",
                "Wang Yi",
                Source("a.txt", 30, 52),
                32,
                0.6,
            ),
        )
    }
    result = evaluate(parse_gold(GOLD), predicted([found, stray], outcomes, statements))
    judged = sorted((j.kind, j.key, j.confidence, j.right) for j in result.judged)
    assert judged == [
        ("meeting", (1,), 0.9, True),
        ("meeting", (2,), 0.3, False),
        ("outcome", (21,), 0.8, True),
        ("outcome", (23,), None, False),  # Taiwan; the invitation is neutral, not judged
        ("participant", (1, 11), 0.95, True),
        ("participant", (1, 12), 0.9, True),
        ("participant", (1, 13), 0.4, False),
        ("speaker", (31,), 0.7, True),
        ("speaker", (32,), 0.6, False),  # the right words, the wrong speaker
    ]
