"""Publication and meeting dates by the date rules of the domain reference.

Date phrases are found with our own patterns (dateparser misses most Arabic
relative forms, see notes/libraries.md) and resolved against the publication
date: "today"/«اليوم» is that day, a bare weekday the latest such day on or
before it, "yesterday"/«أمس» the day before. Without a day expression the
meeting date is the publication month; without a publication date and no
absolute date, unknown. Dates in background sentences are not looked at.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ingest.types import Span

from .text import fold

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    "كانون الثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الاول": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "الاثنين": 0,
    "الاتنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+(?:من\s+)?({MONTH_NAMES})\s*,?\s+(\d{{4}})")
MONTH_DAY_YEAR = re.compile(rf"\b({MONTH_NAMES})\s+(\d{{1,2}}),?\s+(\d{{4}})")
# Digit lookarounds, not \b: «16-10-2024م» has a letter glued to the year.
NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+(?:من\s+)?({MONTH_NAMES})\b(?!\s*,?\s*\d{{4}})")
WEEKDAY = re.compile(r"(?<![\w\u0621-\u064a])(?:يوم\s+)?(" + "|".join(WEEKDAYS) + r")(?![\w\u0621-\u064a])")
TODAY = re.compile(
    r"(?<![\w\u0621-\u064a])(?:today|this morning|this evening|اليوم|صباح اليوم|مساء اليوم)(?![\w\u0621-\u064a])"
)
YESTERDAY = re.compile(r"(?<![\w\u0621-\u064a])(?:yesterday|امس|مساء امس|صباح امس)(?![\w\u0621-\u064a])")
URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})(?:/(\d{1,2}))?/")
STAMP = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})", re.I)


@dataclass
class MeetingDate:
    date: str | None = None
    precision: str = "unknown"
    evidence: list[Span] = field(default_factory=list)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def absolute_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """(date, start, end) of every full date written in the (folded) text."""
    found: list[tuple[dt.date, int, int]] = []
    for match in DAY_MONTH_YEAR.finditer(text):
        day = _safe(int(match[3]), MONTHS[match[2]], int(match[1]))
        if day:
            found.append((day, match.start(), match.end()))
    for match in MONTH_DAY_YEAR.finditer(text):
        day = _safe(int(match[3]), MONTHS[match[1]], int(match[2]))
        if day:
            found.append((day, match.start(), match.end()))
    for match in NUMERIC.finditer(text):
        day = (
            _safe(int(match[3]), int(match[2]), int(match[1]))
            if match[1]
            else _safe(int(match[4]), int(match[5]), int(match[6]))
        )
        if day:
            found.append((day, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def publication_date(body: str, url: str, published: dt.date | None) -> tuple[dt.date | None, bool]:
    """The publication date given, else a stamp or dateline at the top of the text, else a date in the URL.

    The flag says the date stands for a month only: it came from a `/YYYY/MM/` URL and nothing better.
    """
    if published:
        return published, False
    head = fold(body[:300]).text.translate(DIGITS)
    stamp = STAMP.match(head)
    if stamp:
        day = _safe(int(stamp[1]), int(stamp[2]), int(stamp[3]))
        if day:
            return day, False
    first_lines = "\n".join(head.splitlines()[:6])
    dated = absolute_dates(first_lines)
    if dated:
        return dated[0][0], False
    match = URL_DATE.search(url or "")
    if match:
        return _safe(int(match[1]), int(match[2]), int(match[3] or 1)), not match[3]
    return None, False


def is_dateline(text: str, start: int) -> bool:
    """A date on one of the first lines, with at most a place name before it: the article's stamp.

    Also a short line of its own near the top ("Tripoli, 15 May 2024:" under a byline).
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else None]
    if start < 600 and len(line.split()) <= 6 and len(text[line_start:start].split()) <= 3:
        return True
    return text.count("\n", 0, start) < 4 and len(text[line_start:start].split()) <= 3 and start < 400


def told_in_prose(text: str, start: int) -> bool:
    """«انطلقت اليوم الأحد», "on Sunday": a weekday the sentence tells, not a stamp above the story."""
    return bool(re.search(r"(?:اليوم|صباح|مساء|ظهر|on|this)\s+$", text[max(0, start - 10) : start]))


def meeting_date(
    body: str,
    language: str,
    published: dt.date | None,
    *,
    meeting_text: str | None = None,
    month_only: bool = False,
) -> MeetingDate:
    """The meeting's date from the meeting's part of the story (`meeting_text`, folded), else the publication month.

    `month_only`: only the publication month is known (a `/2024/07/` URL), so "today" or a weekday
    cannot be placed on a day; the meeting is dated to that month.
    """
    folded = fold(body)
    text = (meeting_text if meeting_text is not None else folded.text).translate(DIGITS)
    slack = 38 if month_only else 7
    for day, start, end in absolute_dates(text):
        if is_dateline(text, start):
            continue  # «الكفرة 17 أبريل 2024 (وال)» dates the article, not the meeting
        if published is None or abs((published - day).days) <= slack:
            return MeetingDate(day.isoformat(), "day", [folded.span(start, end)])
    if published and month_only:
        return MeetingDate(published.strftime("%Y-%m"), "month")
    if published:
        for pattern, shift in ((YESTERDAY, 1), (TODAY, 0)):
            match = pattern.search(text)
            if match and not WEEKDAY.search(text[match.end() : match.end() + 12]):
                day = published - dt.timedelta(days=shift)
                return MeetingDate(day.isoformat(), "day", [folded.span(match.start(), match.end())])
        match = next(
            (m for m in WEEKDAY.finditer(text) if told_in_prose(text, m.start()) or not is_dateline(text, m.start())),
            None,
        )
        if match:
            weekday = WEEKDAYS[match[1]]
            before = text[max(0, match.start() - 12) : match.start()]
            back = (published.weekday() - weekday) % 7
            if re.search(r"امس\s*$", before):
                back = back or 7
            tail = text[match.end() : match.end() + 10]
            if re.match(r"\s*(?:الماضي|الفائت)", tail) or re.search(r"\blast\s*$", before):
                back = back or 7
            day = published - dt.timedelta(days=back)
            return MeetingDate(day.isoformat(), "day", [folded.span(match.start(), match.end())])
        for match in DAY_MONTH.finditer(text):
            candidate = _safe(published.year, MONTHS[match[2]], int(match[1]))
            if candidate and 0 <= (published - candidate).days <= 31:
                return MeetingDate(candidate.isoformat(), "day", [folded.span(match.start(), match.end())])
        return MeetingDate(published.strftime("%Y-%m"), "month")
    return MeetingDate()
