"""The meeting date by the spec's rules: relative days against the publication date, never another event's."""

from __future__ import annotations

import datetime as dt

from tests.ingest.extraction_helpers import meeting_of

TEXT_EN = "The Minister of Interior, Imad Trabelsi, met on Monday with the security director of Zawiya in Tripoli."


def test_a_bare_weekday_is_the_latest_such_day_on_or_before_publication() -> None:
    meeting = meeting_of(TEXT_EN, published=dt.date(2025, 5, 8))  # a Thursday
    assert (meeting.date, meeting.date_precision) == ("2025-05-05", "day")


def test_a_month_only_url_dates_the_meeting_to_that_month() -> None:
    meeting = meeting_of(TEXT_EN, url="https://news.example.ly/2025/05/trabelsi-zawiya")
    assert (meeting.date, meeting.date_precision) == ("2025-05", "month")


def test_a_full_date_in_the_url_places_the_weekday() -> None:
    meeting = meeting_of(TEXT_EN, url="https://news.example.ly/2025/05/08/trabelsi-zawiya")
    assert (meeting.date, meeting.date_precision) == ("2025-05-05", "day")


def test_an_absolute_date_in_the_text_wins_over_a_month_only_url() -> None:
    text = "التقى وزير الداخلية عماد الطرابلسي، يوم 12 مايو 2025، مدير أمن الزاوية في طرابلس لبحث الوضع الأمني."
    meeting = meeting_of(text, url="https://news.example.ly/2025/05/trabelsi")
    assert (meeting.date, meeting.date_precision) == ("2025-05-12", "day")


def test_no_publication_date_and_no_absolute_date_leaves_the_date_unknown() -> None:
    meeting = meeting_of(TEXT_EN)
    assert (meeting.date, meeting.date_precision) == (None, "unknown")


def test_a_weekday_told_in_the_first_line_is_the_meeting_day_not_a_stamp() -> None:
    text = "انطلقت اليوم الأحد بالعاصمة طرابلس أعمال المؤتمر السنوي لمديري الأمن بمشاركة وكيل الوزارة."
    meeting = meeting_of(text, published=dt.date(2024, 12, 29))
    assert (meeting.date, meeting.date_precision) == ("2024-12-29", "day")


def test_a_numeric_date_with_the_letter_of_the_era_glued_to_it() -> None:
    text = "ترأس مدير أمن مصراتة العميد محمد سالم، يوم الأربعاء الموافق 16-10-2024م، اجتماعاً بمقر المديرية."
    meeting = meeting_of(text)
    assert (meeting.date, meeting.date_precision) == ("2024-10-16", "day")


def test_a_dateline_under_the_byline_is_not_the_meeting_date() -> None:
    text = (
        "Chief of Staff meets commanders\n\nBy our reporter.\n\nTripoli, 15 May 2024:\n\n"
        "The Chief of General Staff, Lt. Gen. Mohammed al-Haddad, met in Tripoli on Tuesday, 14 May, with the "
        "commanders of the military regions."
    )
    meeting = meeting_of(text, published=dt.date(2024, 5, 15))
    assert meeting.date == "2024-05-14"
