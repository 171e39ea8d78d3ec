"""The data migration holds every region and city of the domain reference, with the right region."""

from __future__ import annotations

import re

import pytest

from meetings.models import City, Region, Topic
from tests.conftest import SHARED_DIR


def domain_cities() -> dict[str, str]:
    text = (SHARED_DIR / "spec" / "domain.md").read_text(encoding="utf-8")
    cities = {}
    for region, names in re.findall(r"^- (east|west|south|central): (.+?)(?=^- |^\s*$)", text, re.M | re.S):
        for english in re.findall(r"([A-Z][A-Za-z' -]+?) [\u0600-\u06ff]", names):
            cities[english.strip().removeprefix("- ")] = region
    return cities


@pytest.mark.django_db
def test_every_region_and_city_of_the_domain_reference_is_loaded() -> None:
    assert set(Region.objects.values_list("slug", flat=True)) >= {"east", "west", "south", "central"}
    expected = domain_cities()
    assert len(expected) > 50
    stored = dict(City.objects.values_list("name_en", "region__slug"))
    for name, region in expected.items():
        assert stored.get(name) == region, name
    assert Topic.objects.count() == 18


@pytest.mark.django_db
def test_reloading_the_shipped_data_keeps_the_signal_words_a_curator_added() -> None:
    from django.apps import apps

    from meetings.models import Topic
    from meetings.reference_data import load_reference_data

    topic = Topic.objects.get(slug="smuggling")
    topic.signals = {**topic.signals, "ar": [*topic.signals.get("ar", []), "تهريب الماشية"]}
    topic.save()
    load_reference_data(apps)
    assert "تهريب الماشية" in Topic.objects.get(slug="smuggling").signals["ar"]
