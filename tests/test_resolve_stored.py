"""Resolve decides which stored meeting a document's meeting is, over a small
interface to what is stored; any implementation of it will do, here a list."""

import datetime as dt
from dataclasses import dataclass

from etl.resolve.meetings import MeetingDraft, Participant
from etl.resolve.stored import StoredMeeting, match_meeting


def _draft(day: dt.date | None, *names: str, kind: str = "in_person") -> MeetingDraft:
    draft = MeetingDraft(kind, "held", day, day, "Geneva", "CH", None)
    sides = {"Ada Marsh": "US", "Bo Tian": "CN", "Cyd Roe": "US"}
    draft.participants = {n: Participant(n, sides[n], (), 0, 0) for n in names}
    return draft


@dataclass
class Listed:
    """Stored meetings as a plain list: the candidates are all of them."""

    meetings: list[StoredMeeting]

    def candidates(self, draft: MeetingDraft) -> list[StoredMeeting]:
        return self.meetings


DAY = dt.date(2033, 4, 12)


def test_a_report_of_a_stored_meeting_is_matched_to_it():
    stored = Listed([StoredMeeting(7, _draft(DAY, "Ada Marsh", "Bo Tian"))])
    assert match_meeting(_draft(DAY, "Ada Marsh", "Bo Tian"), stored) == 7


def test_another_day_or_other_people_is_another_meeting():
    stored = Listed([StoredMeeting(7, _draft(DAY, "Ada Marsh", "Bo Tian"))])
    assert match_meeting(_draft(dt.date(2033, 9, 1), "Ada Marsh", "Bo Tian"), stored) is None
    assert match_meeting(_draft(DAY, "Cyd Roe", "Bo Tian"), stored) is None


def test_the_oldest_matching_meeting_wins():
    older, newer = _draft(DAY, "Ada Marsh", "Bo Tian"), _draft(DAY, "Ada Marsh", "Bo Tian")
    stored = Listed([StoredMeeting(3, older), StoredMeeting(9, newer)])
    assert match_meeting(_draft(DAY, "Ada Marsh", "Bo Tian"), stored) == 3


def test_a_call_is_not_matched_to_an_in_person_meeting():
    stored = Listed([StoredMeeting(7, _draft(DAY, "Ada Marsh", "Bo Tian"))])
    call = _draft(DAY, "Ada Marsh", "Bo Tian", kind="call")
    assert match_meeting(call, stored) is None
    assert match_meeting(_draft(DAY, "Ada Marsh", "Bo Tian"), stored) == 7
