"""Curators answer the identity-review queue and fix meetings from the admin, and their answers stick."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ingest.resolve import resolve_participant
from ingest.types import Participant
from meetings.models import IdentityJudgement, Meeting, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "c@example.org", "pw")
    client.force_login(user)
    return client


def test_answering_an_open_identity_question_merges_the_pair_and_later_mentions_follow(curator):
    first = resolve_participant(Participant(name="أحمد السعيطي")).person
    second = resolve_participant(Participant(name="حماد السعيطي")).person
    question = IdentityJudgement.objects.get(verdict=IdentityJudgement.Verdict.UNSURE)
    response = curator.post(
        reverse("admin:meetings_identityjudgement_changelist"),
        {"action": "same_person", "_selected_action": [question.pk]},
    )
    assert response.status_code == 302
    assert Person.objects.get(pk=second.pk).merged_into == first
    assert resolve_participant(Participant(name="حماد السعيطي")).person == first


def test_a_field_a_curator_corrects_is_locked(curator):
    meeting = Meeting.objects.create(summary="")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = {
        "date": "2025-01-02",
        "date_precision": "day",
        "status": "extracted",
        "summary": "",
        "participations-TOTAL_FORMS": 0,
        "participations-INITIAL_FORMS": 0,
    }
    response = curator.post(url, form)
    assert response.status_code == 302, response.content[:2000]
    meeting.refresh_from_db()
    assert "date" in meeting.locked_fields
