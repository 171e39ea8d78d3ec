"""One meeting, one record: reports from several outlets and languages merge; distinct meetings do not."""

from __future__ import annotations

import pytest

from ingest import store
from ingest.pipeline import ingest_article
from ingest.readers import read_file
from ingest.types import Extraction, MeetingFacts, Participant, RawArticle
from meetings import curation
from meetings.models import Article, Meeting

from ..conftest import DEV_SET_DIR

pytestmark = pytest.mark.django_db


def ingest_dev(stem: str) -> Article:
    raw = next(read_file(DEV_SET_DIR / f"{stem}.json"))
    article, _ = ingest_article(raw)
    return article


def report(tag: str, date: str, city: str, people: list[tuple[str, str]], topics: list[str]) -> Meeting:
    """Store one report of a meeting as the pipeline would after extraction."""
    facts = MeetingFacts(
        date=date,
        date_precision="day",
        city=city,
        topics=topics,
        participants=[Participant(name=name, role=role) for name, role in people],
    )
    extraction = Extraction(
        path=tag, language="en", title=tag, published=None, body=f"report {tag}", is_meeting=True, meetings=[facts]
    )
    article, _ = store.store_extraction(RawArticle(path=tag, text=f"report {tag}"), extraction)
    return article.meetings.get()


def test_an_arabic_and_an_english_report_of_one_meeting_become_one_meeting_with_two_sources():
    english, arabic = ingest_dev("dev25"), ingest_dev("dev26")
    meeting = english.meetings.get()
    assert arabic.meetings.get() == meeting
    assert {a.language for a in meeting.articles.all()} == {"en", "ar"}
    assert meeting.merge_log and meeting.merge_log[-1]["matched"]["same_chair"]
    assert Meeting.objects.visible().count() == 1


def test_two_arabic_outlets_reporting_one_meeting_share_it():
    first, second = ingest_dev("dev10"), ingest_dev("dev11")
    assert first.meetings.get() == second.meetings.get()


def test_one_minister_on_one_day_in_two_cities_is_two_meetings():
    morning = report(
        "a",
        "2025-03-04",
        "Benghazi",
        [("Essam Abu Zraiba", "chair"), ("Salah al-Khafifi", "participant")],
        ["illegal_migration"],
    )
    evening = report(
        "b",
        "2025-03-04",
        "Tobruk",
        [("Essam Abu Zraiba", "chair"), ("Salah al-Khafifi", "participant")],
        ["illegal_migration"],
    )
    assert morning != evening


def test_a_conference_and_a_bilateral_meeting_on_one_day_stay_apart():
    conference = report(
        "conf",
        "2025-05-10",
        "Tripoli",
        [
            ("Imad Trabelsi", "participant"),
            ("Abdullah al-Lafi", "participant"),
            ("Khaled Mazen", "participant"),
            ("Mohammed al-Menfi", "chair"),
            ("Aisha Shalabi", "participant"),
        ],
        ["border_security", "illegal_migration"],
    )
    bilateral = report(
        "bilat",
        "2025-05-10",
        "Tripoli",
        [
            ("Imad Trabelsi", "chair"),
            ("Giuseppe Rossi", "participant"),
        ],
        ["illegal_migration"],
    )
    assert conference != bilateral


def test_a_report_dated_a_day_later_by_another_outlet_still_merges():
    first = report(
        "x", "2025-06-01", "Sabha", [("Khaled al-Basta", "chair"), ("Ahmed Hassouna", "participant")], ["smuggling"]
    )
    second = report(
        "y", "2025-06-02", "Sabha", [("خالد البسطة", "chair"), ("أحمد حسونة", "participant")], ["smuggling"]
    )
    assert first == second
    assert first.articles.count() == 2


def test_a_curator_can_split_a_merged_report_off_again():
    english, arabic = ingest_dev("dev25"), ingest_dev("dev26")
    merged = english.meetings.get()
    separate = curation.split_source(merged, arabic)
    assert separate != merged
    assert list(arabic.meetings.all()) == [separate]
    assert list(merged.articles.all()) == [english]
    assert separate.participations.count() == 2
