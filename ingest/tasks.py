"""Thin Celery wrappers: ids or plain values in, one pipeline call."""
from __future__ import annotations

from typing import Any

from celery import shared_task

from .pipeline import ingest_article
from .readers import from_mapping


@shared_task(name="ingest.tasks.ingest_payload")
def ingest_payload(payload: dict[str, Any]) -> int:
    """Ingest one article given as a contract JSON object; returns the article id."""
    article, _ = ingest_article(from_mapping(payload, payload.get("path", "")))
    return article.pk


@shared_task(name="ingest.tasks.poll_due_feeds")
def poll_due_feeds() -> int:
    return 0
