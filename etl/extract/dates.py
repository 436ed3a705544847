"""Date expressions in text, resolved against a reference date when they lack a
year or are relative ("Thursday", "tomorrow"). Without a reference date, such
expressions stay unresolved rather than guessed. All patterns are bounded, so
matching is linear in the length of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from etl.extract.date_words import (
    DAY_OFFSETS,
    MONTH_NAMES,
    MONTH_OF,
    PERIOD_PARTS,
    PERIOD_WHICH,
    RANGE_WORDS,
    WEEK_OFFSETS,
    WEEKDAYS,
    WORDS,
    alternation,
    cjk,
    cjk_relative_days,
    compact,
    latin,
)
from etl.extract.records import DateRange

_MONTH = rf"(?P<month>{alternation(MONTH_OF)})"
_RANGE = rf"(?:\s?(?:-|–|—|{alternation(RANGE_WORDS)})\s?(?P<d2>\d{{1,2}}))?"
MONTH_FIRST = re.compile(
    rf"\b{_MONTH}\.?\s(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_RANGE}(?:,?\s(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
DAY_FIRST = re.compile(
    rf"\b(?P<d1>\d{{1,2}}){_RANGE}\s(?:of\s)?{_MONTH}\.?(?:,?\s(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
# "in June 2023": a month, not a day; it dates a meeting to another time than
# the story's without giving its day
MONTH_YEAR = re.compile(rf"\b{_MONTH}\.?,?\s(?P<year>\d{{4}})\b", re.IGNORECASE)
ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<d1>\d{2})\b")
KOREAN = re.compile(
    r"(?:(?P<year>\d{4})년\s?)?(?:(?P<month>\d{1,2})월\s?)?(?P<d1>\d{1,2})(?:\s?[~\-∼～–]\s?(?P<d2>\d{1,2}))?일"
)
CHINESE = re.compile(
    r"(?:(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月)?(?P<d1>\d{1,2})日?"
    r"(?:\s?[至到~\-－—]\s?(?:(?P<month2>\d{1,2})月)?(?P<d2>\d{1,2}))?日"
)
_WEEKDAY = alternation(WEEKDAYS)
_DAYS = alternation(latin(w for ws in WORDS["relative_days"].values() for w in ws))
RELATIVE = re.compile(
    rf"\b(?P<word>{_DAYS}|{_WEEKDAY})"
    rf"(?:\s?(?:-|–|{alternation(RANGE_WORDS)})\s?(?P<word2>{_WEEKDAY}))?\b",
    re.IGNORECASE,
)
# Korean and Chinese relative days: no word boundaries in scripts without spaces
RELATIVE_CJK = re.compile(rf"(?P<word>{cjk_relative_days()})")
# "next week", "다음 주", "下周": a week, not a day; kept as the bounds it gives
_WEEKS = [w for ws in WORDS["weeks"].values() for w in ws]
WEEK = re.compile(
    rf"\b(?P<en>{alternation(latin(_WEEKS))})\b|(?P<cjk>{alternation(cjk(_WEEKS))})",
    re.IGNORECASE,
)
# "late last year", "earlier this month", "last November", "지난해", "去年": a
# period before the story, kept as the bounds it gives (no day)
_LAST = next(w for w, n in PERIOD_WHICH.items() if n == -1)
PERIOD = re.compile(
    rf"\b(?P<part>{alternation(PERIOD_PARTS)})?\s?(?P<which>{alternation(PERIOD_WHICH)})"
    rf"\s(?P<unit>{alternation(WORDS['period_units'])})\b"
    rf"|\b{re.escape(_LAST)}\s(?P<month_name>{alternation(MONTH_NAMES)})\b"
    rf"|(?P<cjk_year>{alternation(WORDS['last_year'])})|(?P<cjk_month>{alternation(WORDS['last_month'])})",
    re.IGNORECASE,
)
# "this morning", "tonight": the story's own day
SAME_DAY_WORDS = re.compile(rf"\b(?:{alternation(WORDS['same_day'])})\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: DateRange


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(raw: str) -> int:
    return int(raw) if raw.isdigit() else MONTH_OF[raw.lower()]


def _build(match: re.Match[str], reference: dt.date | None) -> DateRange | None:
    groups = match.groupdict()
    if groups.get("month") is None:
        if reference is None:
            return DateRange(None, None, match.group(0), year_known=False)
        month = reference.month
    else:
        month = _month_number(groups["month"])
    day1 = int(groups["d1"])
    day2 = int(groups["d2"]) if groups.get("d2") else None
    if groups.get("year"):
        year: int | None = int(groups["year"])
    elif reference is not None:
        year = reference.year
    else:
        year = None
    if year is None:
        return DateRange(None, None, match.group(0), year_known=False, month_day=(month, day1))
    start = _safe_date(year, month, day1)
    month2 = int(groups["month2"]) if groups.get("month2") else month
    end = _safe_date(year + (month2 < month), month2, day2) if day2 else start
    if start is None or end is None or end < start:
        return None
    return DateRange(start, end, match.group(0), year_known=bool(groups.get("year")))


def _weekday(word: str, reference: dt.date, prefer_future: bool) -> dt.date:
    target = WEEKDAYS.index(word)
    delta = target - reference.weekday()
    if prefer_future:
        return reference + dt.timedelta(days=delta % 7)
    return reference - dt.timedelta(days=(-delta) % 7)


def find_dates(
    text: str, reference: dt.date | None = None, *, prefer_future: bool = False
) -> list[DateMention]:
    """All date expressions in ``text``, in order, without overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def exact(match: re.Match[str]) -> DateRange | None:
        return _build(match, reference)

    def week(match: re.Match[str]) -> DateRange:
        return _week(match, reference)

    def relative(match: re.Match[str]) -> DateRange:
        return _relative(match, reference, prefer_future)

    def period(match: re.Match[str]) -> DateRange | None:
        return _period(match, reference)

    def same_day(match: re.Match[str]) -> DateRange | None:
        return DateRange(reference, reference, match.group(0)) if reference else None

    # most specific first: "June 18, 2023" is not read again as "June 2023"
    readers: list[tuple[re.Pattern[str], Callable[[re.Match[str]], DateRange | None]]] = [
        *((pattern, exact) for pattern in (ISO, MONTH_FIRST, DAY_FIRST, KOREAN, CHINESE)),
        (MONTH_YEAR, _month),
        (WEEK, week),
        (PERIOD, period),
        (SAME_DAY_WORDS, same_day),
        (RELATIVE, relative),
        (RELATIVE_CJK, relative),
    ]
    for pattern, read in readers:
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            value = read(match)
            if value is not None:
                found.append(DateMention(match.start(), match.end(), value))
                taken.append((match.start(), match.end()))
    return _with_weekdays_joined(sorted(found, key=lambda m: m.start), text)


def _with_weekdays_joined(found: list[DateMention], text: str) -> list[DateMention]:
    """ "Tuesday, March 16, 2021" is one date: the weekday before a full date of that
    weekday names the same day, not a second one."""
    joined: list[DateMention] = []
    for mention in found:
        before = joined[-1] if joined else None
        day = mention.value.start
        if (
            before is not None
            and day is not None
            and before.value.text.lower() == WEEKDAYS[day.weekday()]
            and text[before.end : mention.start].strip(" ,") == ""
        ):
            value = replace(mention.value, text=text[before.start : mention.end])
            joined[-1] = DateMention(before.start, mention.end, value)
            continue
        joined.append(mention)
    return joined


def _week(match: re.Match[str], reference: dt.date | None) -> DateRange:
    """ "next week" from a Wednesday: no day, but Monday to Sunday of the week after."""
    if reference is None:
        return DateRange(None, None, match.group(0), year_known=False)
    offset = WEEK_OFFSETS.get(compact(match.group(0)), 0)
    monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=offset)
    return DateRange(None, None, match.group(0), within=(monday, monday + dt.timedelta(days=6)))


def _relative(match: re.Match[str], reference: dt.date | None, prefer_future: bool) -> DateRange:
    """ "tomorrow", "내일", "Thursday"; "Friday and Saturday" is a range that ends
    on the first such weekday after its start."""
    word = match.group("word").lower()
    if reference is None:
        weekday = WEEKDAYS.index(word) if word in WEEKDAYS else None
        return DateRange(None, None, match.group(0), year_known=False, weekday=weekday)
    if compact(word) in DAY_OFFSETS:
        day = reference + dt.timedelta(days=DAY_OFFSETS[compact(word)])
        return DateRange(day, day, match.group(0))
    start = _weekday(word, reference, prefer_future)
    end = start
    second = match.groupdict().get("word2")
    if second:
        end = start + dt.timedelta(days=(WEEKDAYS.index(second.lower()) - start.weekday()) % 7)
    return DateRange(start, end, match.group(0))


def _period(match: re.Match[str], reference: dt.date | None) -> DateRange | None:
    """ "late last year" from March 2024: within September to December 2023."""
    if reference is None:
        return None
    groups = match.groupdict()
    if groups["month_name"]:
        month = MONTH_NAMES.index(groups["month_name"].lower()) + 1
        year = reference.year - (month >= reference.month)
        first, last = _bounds(year, month)
    elif groups["cjk_year"] or (groups["unit"] or "").lower() == "year":
        this = PERIOD_WHICH.get((groups["which"] or "").lower()) == 0
        year = reference.year if this else reference.year - 1
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        this = PERIOD_WHICH.get((groups["which"] or "").lower()) == 0
        year, month = (reference.year, reference.month) if this else _previous(reference)
        first, last = _bounds(year, month)
    part = PERIOD_PARTS.get((groups["part"] or "").lower())
    middle = first + (last - first) / 2
    if part == "second_half":
        first = middle
    elif part == "first_half":
        last = middle
    last = min(last, reference)  # "earlier this month": before the story
    if last < first:
        return None
    return DateRange(None, None, match.group(0), within=(first, last))


def _previous(day: dt.date) -> tuple[int, int]:
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)


def _bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), following - dt.timedelta(days=1)


def dateline(text: str, max_chars: int = 300) -> dt.date | None:
    """The document's own date: the first full date (with a year) near its top."""
    for mention in find_dates(text[:max_chars]):
        if mention.value.start is not None and mention.value.year_known:
            return mention.value.start
    return None


def date_line(text: str, max_chars: int = 400) -> dt.date | None:
    """The date of the text itself: the last line near its top that holds nothing
    but a full date. A reposted readout keeps its own ("March 4, 2022" of the
    page, then "MARCH 03, 2022" of the readout): the readout's "today" is the
    line just above it."""
    found = None
    for line in text[:max_chars].splitlines():
        said = find_dates(line.strip())
        whole = len(said) == 1 and (said[0].start, said[0].end) == (0, len(line.strip()))
        if whole and said[0].value.start is not None and said[0].value.year_known:
            found = said[0].value.start
    return found


def _month(match: re.Match[str]) -> DateRange:
    """ "in April 2017": no day, but the month's first and last."""
    return DateRange(None, None, match[0], within=_month_bounds(match))


def _month_bounds(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    month, year = _month_number(match["month"]), int(match["year"])
    if not 1 <= year <= 9998:
        return None
    return _bounds(year, month)


def filed_on(
    text: str, dateline_span: tuple[int, int] | None, reference: dt.date | None
) -> dt.date | None:
    """The day a datelined story was filed: the date in its dateline ("BUSAN,
    Oct 30 (Reuters) -"), or else the document's own date. None without a dateline."""
    if dateline_span is None:
        return None
    start, end = dateline_span
    for mention in find_dates(text[start:end], reference):
        if mention.value.start is not None:
            return mention.value.start
    return reference
