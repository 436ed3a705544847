"""Honorific transcript labels read as the full name the document gives."""

from etl.extract.label_names import full_name
from tests.support import analyze, quotes

PREVIEW = (
    "Preview of the state visit\n\n"
    "MODERATOR: Welcome. We have with us Dana Whitfield, who leads the Asia desk, and "
    "Secretary Whitfield's deputy.\n\n"
    "MS WHITFIELD: Thank you. We will host President Biden and President Xi Jinping for "
    "their summit in Lima tomorrow.\n\n"
    "QUESTION: What will they discuss?\n\n"
    "MS. WHITFIELD: Trade and security, mostly, and much else besides.\n"
)


def test_the_most_frequent_given_name_before_the_surname_and_never_a_title():
    text = "Dana Whitfield spoke. Secretary Whitfield left. Dana Whitfield returned. Jo Whitfield."
    assert full_name(text, "WHITFIELD") == "Dana Whitfield"
    assert full_name("Lee K. Ortiz briefed.", "ORTIZ") == "Lee K. Ortiz"
    assert full_name("Nobody here.", "ORTIZ") is None


def test_a_briefers_label_names_the_briefer_in_every_form():
    spoken = [speaker for speaker, _ in quotes(PREVIEW)]
    assert spoken == [None, "Dana Whitfield", None, "Dana Whitfield"]


def test_a_briefers_we_does_not_make_the_briefer_a_participant():
    (meeting,) = analyze(PREVIEW).meetings
    assert set(meeting.participants) == {"Joe Biden", "Xi Jinping"}
