"""What a curator adds in the admin (a title, a city, a topic signal) is used by the next extraction."""

from __future__ import annotations

import pytest

from ingest import gazetteer
from ingest.models import Term
from ingest.pipeline import extract_article
from ingest.types import RawArticle
from meetings.models import City, Region, Topic

ARTICLE = (
    "اجتمع وزير الداخلية اللواء عصام أبوزريبة بمكتبه في مدينة هراوة، الأحد، مع الرائد الركن سالم الغناي "
    "لبحث ملف الإتجار بالمخدرات الرقمية."
)


def extract_now():
    raw = RawArticle(path="curated.txt", text=ARTICLE, raw=ARTICLE)
    return extract_article(raw, gazetteer.current()).meetings[0]


@pytest.mark.django_db
def test_a_city_added_by_a_curator_becomes_a_venue() -> None:
    assert extract_now().city is None
    City.objects.create(name_en="Harawa", name_ar="هراوة", region=Region.objects.get(slug="central"))
    meeting = extract_now()
    assert (meeting.city, meeting.region) == ("Harawa", "central")


@pytest.mark.django_db
def test_a_topic_signal_added_by_a_curator_tags_the_next_meeting() -> None:
    assert "cybersecurity" not in extract_now().topics
    topic = Topic.objects.get(slug="cybersecurity")
    topic.signals = {**topic.signals, "ar": [*topic.signals.get("ar", []), "المخدرات الرقمية"]}
    topic.save()
    assert "cybersecurity" in extract_now().topics


@pytest.mark.django_db
def test_a_rank_added_by_a_curator_is_split_from_the_name() -> None:
    Term.objects.create(
        kind=Term.Kind.TITLE, language="ar", text="الرائد الركن", canonical="Staff Major", added_by_curator=True
    )
    names = {p.name: p.title for p in extract_now().participants}
    assert names.get("سالم الغناي") == "الرائد الركن"


@pytest.mark.django_db
def test_a_spelling_confirmed_by_a_curator_is_found_without_rank_or_position() -> None:
    from meetings.models import Person, PersonAlias

    text = "اجتمع وزير الداخلية مع مدراء الأمن في بنغازي، الأحد، بحضور قمر الدين الصيد ومدير مكتب الوزير."
    raw = RawArticle(path="alias.txt", text=text, raw=text)
    assert extract_article(raw, gazetteer.current()).meetings[0].participants == []
    person = Person.objects.create(name_latin="Qamar al-Din al-Sayed", name_arabic="قمر الدين الصيد")
    PersonAlias.objects.create(
        person=person, name="قمر الدين الصيد", script="arabic", match_key="x", added_by="curator"
    )
    (participant,) = extract_article(raw, gazetteer.current()).meetings[0].participants
    assert participant.name == "قمر الدين الصيد"
    assert participant.name_latin == "Qamar al-Din al-Sayed"
