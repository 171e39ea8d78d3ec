"""The source-language filter reads Meeting.source_languages: it must name the languages of the
meeting's sources after every way a source is linked, moved, unlinked or corrected."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from meetings import curation, source_languages
from meetings.models import Article, City, Meeting

pytestmark = pytest.mark.django_db


def report(n: int, language: str) -> Article:
    return Article.objects.create(content_hash=f"h{n}", body=f"report {n}", language=language, status="done")


def meeting_on(day: int) -> Meeting:
    return Meeting.objects.create(
        date=dt.date(2025, 3, day), date_precision="day", city=City.objects.get(name_en="Sabha")
    )


def listed(language: str) -> set[int]:
    filtered = Meeting.objects.filter(**source_languages.with_language(language))
    return set(filtered.values_list("pk", flat=True))


def test_languages_follow_sources_linked_moved_unlinked_and_corrected():
    first, second = meeting_on(5), meeting_on(6)
    arabic, english = report(1, "ar"), report(2, "en")
    arabic.meetings.add(first)
    first.articles.add(english)  # from the meeting's side too
    second.articles.add(report(3, "en"))
    first.refresh_from_db()
    assert first.source_languages == "ar en"
    assert listed("ar") == {first.pk} and listed("en") == {first.pk, second.pk}

    curation.merge_meetings(first, second)  # the sources move to the meeting kept
    assert listed("ar") == {second.pk}

    arabic.language = "en"  # a curator corrects a detected language
    arabic.save()
    assert listed("ar") == set()
    arabic.meetings.clear()
    english.meetings.remove(second)
    second.refresh_from_db()
    assert second.source_languages == "en"  # its third report is still English


def test_a_save_of_other_fields_leaves_languages_alone(django_assert_max_num_queries):
    article = report(4, "ar")
    article.meetings.add(meeting_on(7))
    article.status = "failed"
    with django_assert_max_num_queries(1):
        article.save(update_fields=["status"])


def test_rebuild_gives_what_the_signals_kept():
    meeting = meeting_on(8)
    report(5, "en").meetings.add(meeting)
    report(6, "ar").meetings.add(meeting)
    Meeting.objects.update(source_languages="")  # as a bulk load leaves it
    source_languages.rebuild()
    meeting.refresh_from_db()
    assert meeting.source_languages == "ar en"


def test_the_language_filter_lists_only_meetings_with_a_source_in_that_language():
    arabic_only, both = meeting_on(9), meeting_on(10)
    report(7, "ar").meetings.add(arabic_only)
    report(8, "ar").meetings.add(both)
    report(9, "en").meetings.add(both)
    page = Client().get("/?language=en&date_from=2025-03-01&date_to=2025-03-31")
    assert page.status_code == 200
    assert [m.pk for m in page.context["page"]] == [both.pk]
