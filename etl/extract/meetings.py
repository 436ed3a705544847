"""Meeting mentions: a sentence with a meeting cue ("met with", "held talks",
"a phone call", "canceled his planned visit"), its kind, status, participants,
date and place. Mentions are merged into meetings later, during resolution."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span

from etl.extract import meeting_people as people
from etl.extract.dates import DateMention, find_dates
from etl.extract.meeting_status import relative_future, status_of, undone
from etl.extract.nlp import SPEECH, lexicon
from etl.extract.records import MeetingRecord, Place
from etl.extract.sentences import OUTCOME_LABELS, SentenceView
from etl.extract.spans import Intervals
from etl.extract.subjects import pronoun_subjects

TRIP_REACH = 3  # sentences after a trip's announcement that may tell of its meetings
LOCATIVE_LEADS = lexicon("meetings", "locative_leads")
CITY_OF = re.compile(
    r"\b(?:in|at|to)\s+the\s+(?:[\w-]+\s+){0,3}"
    rf"(?:{'|'.join(lexicon('meetings', 'place_nouns'))})\s+of\s+$",
    re.IGNORECASE,
)
ORIGIN_WORDS = lexicon("meetings", "origin_words")
SPEECH_AFTER_DATE = re.compile(
    rf"\s*(?:[(（](?:{'|'.join(lexicon('meetings', 'local_time'))})[)）]\s*)?"
    rf"(?:{'|'.join(lexicon('meetings', 'speech_after_date'))})"
)
SPEECH_LEAD_REACH = 12  # characters before a date where "said on" makes it a statement's
# "agreed to cut tariffs after talks with Xi": the talks are the occasion, not the result
OCCASION_WORDS = frozenset(lexicon("meetings", "occasion_words"))
DETERMINERS = frozenset(lexicon("meetings", "determiners"))
EVENT_NOUNS = frozenset(lexicon("meetings", "event_nouns"))


def _occasion(text: str, view: SentenceView, cue: Span) -> bool:
    """ "after talks with Xi", "during their meeting": the meeting is when, not what."""
    words = text[view.start : cue.start_char].lower().split()
    while words and words[-1] in DETERMINERS:
        words.pop()
    return bool(words) and words[-1] in OCCASION_WORDS


def _named_gathering(text: str, view: SentenceView, cue: Span) -> bool:
    """ "at the G7 Lima Summit", "during the Halifax Security Dialogue": a named
    gathering of many where people were, not a meeting between them."""
    if cue.text.lower() not in EVENT_NOUNS:
        return False
    words = text[view.start : cue.start_char].split()
    named = False
    while words and (words[-1][:1].isupper() or words[-1][:1].isdigit()):
        words.pop()
        named = True
    while words and words[-1].lower() in DETERMINERS:
        words.pop()
    return named and bool(words) and words[-1].lower() in OCCASION_WORDS


def _meeting_cue(view: SentenceView, text: str) -> Span | None:
    """The sentence's first meeting cue that is not the name of a gathering."""
    labels = ("MEET", "CALL", "VIDEO", "SPOKE", "MEET_WEAK", "SIGNING")
    return next(
        (c for c in view.cues if c.label_ in labels and not _named_gathering(text, view, c)),
        None,
    )


def _kind(view: SentenceView, cue: Span) -> str:
    """The kind of the cue that opened the mention; a video cue is the most specific."""
    if "VIDEO" in view.labels():
        return "video"
    return "call" if cue.label_ in ("CALL", "SPOKE") else "in_person"


def _is_question(text: str, view: SentenceView) -> bool:
    return text[view.start : view.end].rstrip().endswith(("?", "？"))


def _date(
    view: SentenceView,
    cue: Span,
    text: str,
    reference: dt.date | None,
    status: str,
    dateline: Intervals,
) -> DateMention | None:
    sentence = text[view.start : view.end]
    # a weekday of a plan is ahead; of a cancellation, ahead only when the sentence
    # still speaks of the plan ("called off Friday's scheduled talks"), else past
    ahead = status == "planned" or (status == "cancelled" and "PLANNED" in view.labels())
    dates = [
        DateMention(view.start + d.start, view.start + d.end, d.value)
        for d in find_dates(sentence, reference, prefer_future=ahead)
    ]
    if status != "held":  # the day a story was filed is not the day of a meeting to come
        dates = [d for d in dates if not dateline.overlaps(d.start, d.end)]

    def about_the_meeting(candidate: DateMention) -> bool:
        """ "officials said on Friday", "국무부가 14일 밝혔다", "毛宁14日宣布"
        date the statement, not the meeting."""
        trail = text[candidate.end : candidate.end + 20]
        # "…, whose king opened a museum Friday": another event's day
        relative = candidate.start > cue.end_char and any(
            c.label_ == "RELATIVE"
            and cue.end_char <= c.start_char - 2
            and c.end_char <= candidate.start
            and text[c.start_char - 2 : c.start_char] == ", "
            for c in view.cues
        )
        return not (
            any(
                c.label_ == "SPEECH_DATE_LEAD"
                and candidate.start - SPEECH_LEAD_REACH <= c.end_char <= candidate.start
                for c in view.cues
            )
            or SPEECH_AFTER_DATE.match(trail)
            or relative
        )

    dates = [d for d in dates if about_the_meeting(d)]
    after = [d for d in dates if d.start >= cue.start_char]
    if after:
        return after[0]
    return dates[-1] if dates else None


def _locative(place: Place, text: str) -> bool:
    """ "in Beijing", "at the Great Hall", "to Bali", "in the northern city of
    Tianjin", "在北京", "베이징에서"."""
    lead = text[max(0, place.start - 4) : place.start].lower()
    if lead.endswith(LOCATIVE_LEADS) or place.text.endswith(("에서", "을", "를")):
        return True
    return bool(CITY_OF.search(text, max(0, place.start - 48), place.start))


def _place(
    view: SentenceView, cue: Span, text: str, dateline: Intervals, status: str
) -> Place | None:
    """Venue, then a city or country introduced as a location ("in", "在",
    "에서"), a trip's destination first. A bare city ("pressing Beijing") is a
    government, used only when no dateline tells where a held meeting took
    place. Never a place that speaks ("…, the White House said": a source), one
    left behind ("depart Washington") or the dateline itself."""
    speech = [c.start_char for c in view.cues if c.label_ == SPEECH]
    clauses = people.main_clauses(view, cue)
    places = [
        p
        for p in view.places
        if clauses.overlaps(p.start, p.start + 1)
        and not any(0 <= s - p.end <= 2 for s in speech)
        and not dateline.overlaps(p.start, p.end)
        and not text[max(0, p.start - 8) : p.start].lower().endswith(ORIGIN_WORDS)
    ]
    places.sort(key=lambda p: p.start < cue.start_char)  # "… after talks with Xi in Busan"
    venues = [p for p in places if p.venue]
    located = [p for p in places if p.city and _locative(p, text)]
    bare = [] if status == "held" and dateline else [p for p in places if p.city]
    countries = [p for p in places if not p.city and _locative(p, text)]
    for found in (venues, located, bare, countries):
        if found:
            return found[0]
    return None


@dataclass(frozen=True)
class Trip:
    """A visit announced or told with its days ("will travel to Beijing from June
    16 to 21"): meetings "while in Beijing" or "during the visit" share them."""

    date: DateMention
    place: Place | None
    sentence: int


def _trip(
    view: SentenceView,
    text: str,
    reference: dt.date | None,
    dateline: Intervals,
    number: int,
) -> Trip | None:
    cue = view.first("VISIT")
    if cue is None or "CANCELLED" in view.labels():
        return None
    status = status_of(view, cue, text)
    date = _date(view, cue, text, reference, status, dateline)
    if date is None or date.value.start is None:
        return None
    return Trip(date, _place(view, cue, text, dateline, status), number)


def _last_day(view: SentenceView, text: str, reference: dt.date | None) -> DateMention | None:
    """The last day a sentence states, for a later "이날", "当天", "that day"."""
    days = [d for d in find_dates(text[view.start : view.end], reference) if d.value.start]
    return days[-1] if days else None


def meeting_mentions(
    views: list[SentenceView],
    text: str,
    reference: dt.date | None,
    dateline: tuple[int, int] | None = None,
) -> list[MeetingRecord]:
    filed = Intervals([dateline] if dateline else [])
    called_off = any(view.labels() & {"CANCELLED", "REFUSED"} for view in views)
    records = []
    trip: Trip | None = None
    last_day: DateMention | None = None
    subjects = pronoun_subjects(views)
    for number, view in enumerate(views):
        if view.headline:
            continue
        trip = _trip(view, text, reference, filed, number) or trip
        told_before, last_day = last_day, _last_day(view, text, reference) or last_day
        cue = _meeting_cue(view, text)
        if cue is None and view.labels() & {"CANCELLED", "REFUSED"}:
            cue = view.first("VISIT")
        if cue is None:
            continue
        status = status_of(view, cue, text)
        if status == "planned" and called_off and undone(view, cue, text):
            status = "cancelled"
        if cue.label_ == "VISIT" and status != "cancelled":
            continue
        if _is_question(text, view):
            continue  # "Will he meet President Xi?" asserts no meeting
        participants = people.participants(view, cue, text)
        subject = subjects.get(view.start)
        if subject is not None and subject.key not in {p.key for p in participants}:
            participants = (subject, *participants)  # "He met Wang in Lima."
        countries = {m.country for m in participants if m.country}
        two_sides = len(countries) >= 2
        if view.speaker is not None and people.first_person_before(text, view, cue):
            participants = (view.speaker, *participants)  # "I just met Foreign Minister Wang"
            two_sides = two_sides or bool(countries - {view.speaker.country})
        group_subject = any(
            c.label_ == "JOINT" or (c.label_ == "GROUP" and c.start_char < cue.start_char)
            for c in view.cues
        )  # "At a dinner in Buenos Aires, the two leaders agreed …"
        # a weak cue tells a meeting only between named people of two countries
        weak = cue.label_ in ("MEET_WEAK", "SIGNING") or (
            cue.label_ == "SPOKE" and not group_subject
        )
        found_by = "weak_cue" if weak else ("visit" if cue.label_ == "VISIT" else "cue")
        if (weak or view.in_turn) and not two_sides:
            continue  # weak cue, or a speaker's aside: only a meeting of two named sides
        outcome = view.first(*OUTCOME_LABELS)
        result_first = outcome is not None and outcome.start_char < cue.start_char
        if result_first and not _occasion(text, view, cue):
            continue  # "agreed to hold talks": the talks are the result
        date = _date(view, cue, text, reference, status, filed)
        if status == "held" and date and relative_future(date, reference):
            status = "planned"  # "… the first summit between them, tomorrow": still to come
        kind = _kind(view, cue)
        place = _place(view, cue, text, filed, status) if kind == "in_person" else None
        during = trip if trip and number - trip.sentence <= TRIP_REACH else None
        if during and date is None and "DURING_TRIP" in view.labels():
            date, place = during.date, place or during.place
        same_day = view.first("SAME_DAY")
        if date is None and same_day and told_before is not None:  # "왕 부장은 이날 …"
            date = DateMention(same_day.start_char, same_day.end_char, told_before.value)
        records.append(
            MeetingRecord(
                start=view.start,
                end=view.end,
                kind=kind,
                status=status,
                participants=participants,
                date=date.value if date else None,
                date_span=(date.start, date.end) if date else None,
                place=place,
                group_subject=group_subject,
                found_by=found_by,
            )
        )
    return records
