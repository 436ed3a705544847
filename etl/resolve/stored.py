"""Which stored meeting a document's meeting is: a resolve decision over a small
interface to what the database holds (the candidates of a draft: stored meetings
of its kind near its days, with their people and the days their documents
allow). The loader asks it for each of a document's meetings in turn, so a
later one sees what the earlier ones created or changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from etl.resolve.meetings import MeetingDraft, same_meeting


@dataclass(frozen=True)
class StoredMeeting:
    id: int
    draft: MeetingDraft  # the stored attributes, people and allowed days


class StoredMeetings(Protocol):
    def candidates(self, draft: MeetingDraft) -> list[StoredMeeting]:
        """Stored meetings that could be the draft's, oldest first."""
        ...


def match_meeting(draft: MeetingDraft, stored: StoredMeetings) -> int | None:
    """The first stored meeting (oldest first) the draft reports, if any."""
    for candidate in stored.candidates(draft):
        if same_meeting(candidate.draft, draft, across_documents=True):
            return candidate.id
    return None
