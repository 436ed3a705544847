"""Fitting the confidence model: a regularised logistic regression that keeps
each weight on its side, and `etl calibrate` writing a model the loader reads."""

import datetime as dt

from typer.testing import CliRunner

from etl.cli import app
from etl.evaluate.calibrate import (
    Calibration,
    cross_validate,
    fit_logistic,
    fit_model,
    fit_signed,
    model_yaml,
)
from etl.resolve.confidence import MeetingEvidence, Model, ParticipantEvidence, read_model
from etl.settings import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"


def test_a_feature_that_separates_right_from_wrong_gets_a_large_positive_weight():
    samples = [({"seen_twice": 1.0}, True)] * 20 + [({"seen_twice": 0.0}, n < 5) for n in range(20)]
    weights = fit_logistic(samples, ["seen_twice"], {}, l2=0.1)
    assert weights["seen_twice"] > 2
    assert -1.5 < weights["bias"] < -0.5  # five right in twenty: log(5/15) = -1.1


def test_a_corpus_without_errors_moves_the_level_and_leaves_the_weights_near_their_prior():
    samples = [({"official": float(n % 2)}, True) for n in range(30)]
    weights = fit_logistic(samples, ["official"], {"official": 0.5}, l2=1.0)
    assert weights["bias"] > 2
    assert 0.5 <= weights["official"] < 1.5


def test_a_weight_that_would_take_the_wrong_side_is_held_at_zero():
    # in this sample, the flag that speaks for a fact comes with more errors
    samples = [({"official": 1.0}, n < 10) for n in range(20)]
    samples += [({"official": 0.0}, n < 18) for n in range(20)]
    weights = fit_signed(samples, {"official": 0.5}, l2=0.01)
    assert weights["official"] == 0.0
    misattributed = [({"misattributed": 1.0}, True)] * 10 + [({"misattributed": 0.0}, False)] * 10
    assert fit_signed(misattributed, {}, l2=0.01)["misattributed"] == 0.0


def test_facts_the_gold_did_not_judge_are_left_out_of_the_fit():
    right = MeetingEvidence(1, 2, 1, "text", 1, 2, 2, True)
    wrong = MeetingEvidence(2, 1, 0, None, 1, 2, 2, False)
    unjudged = MeetingEvidence(3, 1, 0, None, 1, 2, 2, False)
    judged = {("meeting", (1,)): True, ("meeting", (2,)): False}
    calibration = fit_model([right, wrong, unjudged], judged)
    assert calibration.samples["meeting"] == 2 and calibration.right["meeting"] == 1
    assert calibration.samples["outcome"] == 0 and "outcome" not in calibration.model.weights
    model = calibration.model
    assert model.confidence(right) > model.confidence(wrong)


def test_each_fact_is_scored_by_a_model_that_never_saw_its_meeting():
    # meetings both governments report are right, single stories wrong; each
    # meeting's participant is judged with it
    evidence, judged, groups = [], {}, {}
    for n in range(1, 41):
        corroborated = n % 2 == 0
        meeting = MeetingEvidence(n, 2 if corroborated else 1, 2 if corroborated else 0,
                                  None, 1, 2, 2, False)  # fmt: skip
        person = ParticipantEvidence(n, 100 + n, 1, 1, True, False, True)
        evidence += [meeting, person]
        for key in (("meeting", (n,)), ("participant", (n, 100 + n))):
            judged[key] = corroborated
            groups[key] = f"meeting {n}"
    held_out = cross_validate(evidence, judged, groups, folds=4)
    assert sorted((j.kind, j.key) for j in held_out) == sorted(judged)
    right = [j.confidence for j in held_out if j.kind == "meeting" and j.right]
    wrong = [j.confidence for j in held_out if j.kind == "meeting" and not j.right]
    assert min(right) > max(wrong)


def test_a_held_out_fact_does_not_train_the_model_that_scores_it():
    # five alike meetings, one wrong: scored without itself, the wrong one
    # looks like four right ones, and each right one like three right and one wrong
    evidence = [MeetingEvidence(n, 1, 0, None, 1, 2, 2, False) for n in range(1, 6)]
    judged = {("meeting", (n,)): n != 5 for n in range(1, 6)}
    groups = {key: f"meeting {key[1][0]}" for key in judged}
    held_out = {j.key: j.confidence for j in cross_validate(evidence, judged, groups, folds=5)}
    assert held_out[(5,)] > max(held_out[(n,)] for n in range(1, 5))


def test_the_written_model_reads_back_with_the_same_weights(tmp_path):
    calibration = Calibration(
        Model({"meeting": {"bias": 1.5, "official": 0.25}}),
        {"meeting": 4, "participant": 0, "speaker": 0, "outcome": 0},
        {"meeting": 3, "participant": 0, "speaker": 0, "outcome": 0},
    )
    path = tmp_path / "model.yaml"
    path.write_text(model_yaml(calibration, dt.date(2026, 1, 2)), encoding="utf-8")
    assert read_model(path) == calibration.model
    assert "2026-01-02" in path.read_text(encoding="utf-8")


def test_etl_calibrate_fits_on_a_gold_file_and_its_documents(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("wire_story.txt", "mfa_readout.txt"):
        (docs / name).write_bytes((FIXTURES / "docs" / name).read_bytes())
    out = tmp_path / "confidence.yaml"
    result = CliRunner().invoke(
        app, ["calibrate", str(FIXTURES / "gold.yaml"), "--docs", str(docs), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "facts judged: meeting" in result.output
    assert "each fact held out of the fit (5 folds)" in result.output
    assert "meeting     | [" in result.output
    model = read_model(out)
    assert "meeting" in model.weights and "bias" in model.weights["meeting"]
    assert not list(tmp_path.glob(".*.partial"))
