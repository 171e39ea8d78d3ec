"""The free-text filter finds a word in either language in a source's title or body, or in a
participant's spelling, on PostgreSQL (stemmed by each source's language) and on SQLite."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from meetings.models import Article, City, Meeting, Participation, Person, PersonAlias

pytestmark = pytest.mark.django_db


def reported(day: int, language: str, title: str, body: str) -> Meeting:
    meeting = Meeting.objects.create(
        date=dt.date(2025, 3, day), date_precision="day", city=City.objects.get(name_en="Tripoli")
    )
    Article.objects.create(
        content_hash=f"h{day}", language=language, title=title, body=body, status="done"
    ).meetings.add(meeting)
    return meeting


def found(query: str) -> set[int]:
    page = Client().get("/", {"q": query, "date_from": "2025-03-01", "date_to": "2025-03-31"})
    assert page.status_code == 200
    return {meeting.pk for meeting in page.context["page"]}


def test_words_are_found_in_sources_of_either_language_and_in_participants_spellings():
    english = reported(2, "en", "Interior minister meets directors", "The minister met security directors in Tripoli.")
    arabic = reported(3, "ar", "اجتماع أمني", "اجتمع وزير الداخلية بمدير الأمن في طرابلس لبحث تأمين الحدود.")
    other = reported(4, "en", "Border patrol", "Coast guard officials reviewed border patrols.")
    minister = Person.objects.create(name_latin="Issam Abu Zareba")
    PersonAlias.objects.create(person=minister, name="عصام أبوزريبة", script="arabic", match_key="x")
    Participation.objects.create(meeting=other, person=minister)

    assert found("director") == {english.pk}  # "directors" in the body
    assert found("مدير") == {arabic.pk}  # "بمدير": with a prefix
    assert found("أبوزريبة") == {other.pk}  # a participant's spelling, in no source
    assert found("minister Tripoli") == {english.pk}  # every word must be found
    assert found("border") == {other.pk}
    assert found("smuggling") == set()
