"""Reads for the dashboard, one place per question."""
from __future__ import annotations

from django.db.models import QuerySet

from .models import Meeting


def latest_meetings(*, limit: int = 50) -> QuerySet[Meeting]:
    return (
        Meeting.objects.visible()
        .select_related("city__region")
        .prefetch_related("topics", "participations__person", "articles")[:limit]
    )
