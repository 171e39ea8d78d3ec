"""Thin Celery wrappers: ids or plain values in, one pipeline call."""
from __future__ import annotations

import datetime as dt
from typing import Any

from celery import Task, shared_task
from celery.exceptions import Retry
from django.conf import settings

from meetings.models import Feed

from . import feeds
from .fetch import TransientFetchError, backoff_delay
from .pipeline import ingest_article
from .readers import from_mapping
from .types import ArticleError


@shared_task(name="ingest.tasks.ingest_payload")
def ingest_payload(payload: dict[str, Any]) -> int:
    """Ingest one article given as a contract JSON object; returns the article id."""
    article, _ = ingest_article(from_mapping(payload, payload.get("path", "")))
    return article.pk


@shared_task(bind=True, name="ingest.tasks.ingest_url", max_retries=settings.FETCH_MAX_RETRIES)
def ingest_url(self: Task, url: str, feed_id: int | None = None, title: str = "", published: str = "") -> int | Retry:
    """Fetch one page and ingest it; returns the article id, a FAILED article's when it could not be ingested."""
    attempts = self.request.retries + 1
    try:
        article, _ = feeds.ingest_page(
            url, feed_id=feed_id, title=title, published=dt.date.fromisoformat(published) if published else None
        )
    except TransientFetchError as error:
        if self.request.retries < self.max_retries:
            countdown = backoff_delay(self.request.retries, settings.FETCH_RETRY_BACKOFF_SECONDS, error.retry_after)
            # On a worker retry() raises and the broker redelivers after the countdown. Run in-process
            # (no broker), a raised Retry would escape to the caller; returned, Celery applies it at once.
            return self.retry(exc=error, countdown=countdown, throw=not self.request.is_eager)
        message = f"gave up after {attempts} attempts: {error}"
        article = feeds.record_failure(url, message, feed_id=feed_id, attempts=attempts)
    except ArticleError as error:
        article = feeds.record_failure(url, str(error), feed_id=feed_id, attempts=attempts)
    except Exception as error:
        # A bug, not the page: keep the URL visible in the admin, and fail loudly.
        message = f"internal error: {type(error).__name__}: {error}"
        feeds.record_failure(url, message, feed_id=feed_id, attempts=attempts)
        raise
    return article.pk


@shared_task(name="ingest.tasks.poll_feed")
def poll_feed(feed_id: int) -> int:
    """Poll one feed and queue its new entries; returns how many were queued."""
    feed = Feed.objects.filter(pk=feed_id, enabled=True).first()
    if feed is None:
        return 0
    entries = feeds.poll_feed(feed)
    for entry in entries:
        published = entry.published_date.isoformat() if entry.published_date else ""
        ingest_url.delay(entry.link, feed_id=feed.pk, title=entry.title, published=published)
    return len(entries)


@shared_task(name="ingest.tasks.poll_due_feeds")
def poll_due_feeds() -> int:
    """Queue a poll for every enabled feed whose interval has passed; returns how many."""
    due = feeds.claim_due_feeds()
    for feed_id in due:
        poll_feed.delay(feed_id)
    return len(due)
