"""Feeds and the pages they link: which feeds are due, which entries are new, one page into the pipeline.

The Celery tasks in tasks.py only wrap these functions. Network calls happen
outside any transaction; rows are claimed with `update()` so that two beats
or two workers do not poll the same feed twice.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser
from django.db.models import F
from django.utils import timezone

from meetings.models import Article, Feed

from .fetch import fetch_url
from .pipeline import ingest_article
from .store import canonicalize_url, outlet_of
from .types import ArticleError, RawArticle

PLAIN_TEXT_TYPES = {"text/plain"}
XML_ENCODING_DECLARATION = re.compile(r"""(^\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])""")


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str = ""
    published: dt.datetime | None = None
    summary: str = ""

    @property
    def published_date(self) -> dt.date | None:
        """The day in the project's time zone (Libya), which is the day the outlet printed."""
        return timezone.localdate(self.published) if self.published else None


def parse_feed(text: str, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS or Atom document, links made absolute against `base_url`; entries without a link dropped."""
    # The text is decoded already; feedparser would otherwise decode it again by the declared encoding.
    text = XML_ENCODING_DECLARATION.sub(r"\1utf-8\2", text, count=1)
    parsed = feedparser.parse(text, response_headers={"content-location": base_url})
    if not parsed.version and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise ArticleError(f"{base_url} is not an RSS or Atom feed: {reason}")
    entries = []
    for item in parsed.entries:
        link = (item.get("link") or "").strip()
        if not link:
            continue
        entries.append(
            FeedEntry(
                link=urljoin(base_url, link),
                title=(item.get("title") or "").strip(),
                published=entry_time(item.get("published_parsed") or item.get("updated_parsed")),
                summary=(item.get("summary") or "").strip(),
            )
        )
    return entries


def entry_time(parsed: time.struct_time | None) -> dt.datetime | None:
    """feedparser normalizes entry dates to UTC struct_time."""
    if parsed is None:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)


def feed_is_due(feed: Feed, now: dt.datetime) -> bool:
    return feed.last_polled is None or feed.last_polled <= now - dt.timedelta(minutes=feed.interval_minutes)


def claim_due_feeds(now: dt.datetime | None = None) -> list[int]:
    """Ids of enabled feeds due for a poll, each claimed by moving its last_polled to now.

    Claiming keeps a feed from being queued again on the next beat while its
    poll still waits in the queue.
    """
    now = now or timezone.now()
    claimed = []
    for feed in Feed.objects.filter(enabled=True).only("pk", "last_polled", "interval_minutes"):
        if not feed_is_due(feed, now):
            continue
        if Feed.objects.filter(pk=feed.pk, last_polled=feed.last_polled).update(last_polled=now) == 1:
            claimed.append(feed.pk)
    return claimed


def poll_feed(feed: Feed, *, backoff_seconds: float = 1.0) -> list[FeedEntry]:
    """Conditional GET of the feed; its new entries (no Article yet under their canonical URL).

    A failure is stored on the feed as last_error and gives no entries: the next
    poll tries again.
    """
    try:
        result = fetch_url(feed.url, etag=feed.etag, last_modified=feed.last_modified, backoff_seconds=backoff_seconds)
        entries = [] if result.not_modified else parse_feed(result.text, result.url)
    except ArticleError as error:
        Feed.objects.filter(pk=feed.pk).update(last_polled=timezone.now(), last_error=str(error))
        return []
    # update(), not save(): a curator may be editing the feed in the admin meanwhile.
    Feed.objects.filter(pk=feed.pk).update(
        etag=result.etag[:500],
        last_modified=result.last_modified[:100],
        last_polled=timezone.now(),
        last_error="",
    )
    return new_entries(entries)


def new_entries(entries: list[FeedEntry]) -> list[FeedEntry]:
    """Entries whose canonical URL is not an Article yet, each URL once."""
    by_url: dict[str, FeedEntry] = {}
    for entry in entries:
        canonical = canonicalize_url(entry.link)
        if canonical:
            by_url.setdefault(canonical, entry)
    known = set(Article.objects.filter(canonical_url__in=list(by_url)).values_list("canonical_url", flat=True))
    return [entry for canonical, entry in by_url.items() if canonical not in known]


def ingest_page(
    url: str, *, feed_id: int | None = None, title: str = "", published: dt.date | None = None
) -> tuple[Article, bool]:
    """Fetch one page (no in-process retries: the caller retries) and store it; returns the article and
    whether it was new. Raises TransientFetchError for failures worth retrying, ArticleError otherwise."""
    canonical = canonicalize_url(url)
    if canonical is None:
        raise ArticleError("no URL given")
    existing = Article.objects.filter(canonical_url=canonical).exclude(status=Article.Status.FAILED).first()
    if existing is not None:
        return existing, False
    result = fetch_url(url, retries=0)
    feed = Feed.objects.filter(pk=feed_id).first() if feed_id else None
    body = {"text": result.text} if result.content_type in PLAIN_TEXT_TYPES else {"html": result.text}
    language = feed.language if feed else ""
    raw = RawArticle(url=result.url, title=title, published=published, language=language, raw=result.text, **body)
    # An earlier failure left a placeholder under this URL; the real article takes its place.
    Article.objects.filter(
        canonical_url__in={canonical, canonicalize_url(result.url)}, status=Article.Status.FAILED
    ).delete()
    article, created = ingest_article(raw)
    if created and feed is not None:
        Article.objects.filter(pk=article.pk, feed__isnull=True).update(feed=feed)
    return article, created


def record_failure(url: str, error: str, *, feed_id: int | None = None, attempts: int = 1) -> Article:
    """Keep a page that could not be ingested as a FAILED Article with its error, for the admin to see.

    An article stored under the URL meanwhile is returned unchanged.
    """
    canonical = canonicalize_url(url)
    if canonical is None:
        raise ArticleError("no URL given")
    article, created = Article.objects.get_or_create(
        canonical_url=canonical,
        defaults={
            "url": url,
            "outlet": outlet_of(RawArticle(url=url)),
            # content_hash is unique and there is no content: derive one that no text can collide with.
            "content_hash": hashlib.sha256(f"failed fetch\0{canonical}".encode()).hexdigest(),
            "status": Article.Status.FAILED,
            "error": error,
            # The feed may have been deleted while its entry waited in the queue.
            "feed_id": feed_id if feed_id and Feed.objects.filter(pk=feed_id).exists() else None,
            "attempts": attempts,
        },
    )
    if not created and article.status == Article.Status.FAILED:
        Article.objects.filter(pk=article.pk).update(error=error, attempts=F("attempts") + attempts)
        article.refresh_from_db()
    return article
