"""A transcript whose title names a meeting records that meeting: its speakers
of two countries are the participants, its header gives date and place."""

import datetime as dt

from tests.support import analyze

REMARKS = """Remarks by Secretary Blinken and Director Wang Yi Before Their Meeting

Bangkok, Thailand
January 27, 2024

SECRETARY BLINKEN: Good afternoon. I look forward to our discussion.

DIRECTOR WANG (via interpreter): We welcome Secretary Blinken.
"""


def test_the_title_names_the_meeting_and_the_speakers_held_it():
    resolved = analyze(REMARKS)
    [meeting] = resolved.meetings
    assert (meeting.kind, meeting.status, meeting.start_date, meeting.city) == (
        "in_person",
        "held",
        dt.date(2024, 1, 27),
        "Bangkok",
    )
    assert set(meeting.participants) == {"Antony Blinken", "Wang Yi"}
    wang = resolved.statements[1]
    assert (wang.speaker, wang.record.via_interpreter) == ("Wang Yi", True)


def test_a_call_transcript_is_a_call():
    text = REMARKS.replace("Before Their Meeting", "on Their Phone Call").replace(
        "Bangkok, Thailand\n", ""
    )
    [meeting] = analyze(text).meetings
    assert (meeting.kind, meeting.city) == ("call", None)


def test_a_press_briefing_of_one_side_is_no_meeting():
    text = """Department Press Briefing on the Secretary's Meeting

March 4, 2024

MR. MILLER: Good afternoon. The Secretary will travel to Beijing next week.

QUESTION: Will he meet President Xi?

MR. MILLER: I have nothing to announce.
"""
    assert analyze(text).meetings == []
