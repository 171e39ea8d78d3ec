"""Feeds served on 127.0.0.1 are polled, their pages ingested once, and failures kept as FAILED articles.

Tasks run in-process (CELERY_TASK_ALWAYS_EAGER without a broker), retries included.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from pytest_django.fixtures import Settings

from config.celery import app
from ingest.feeds import FeedEntry, parse_feed
from ingest.fetch import fetch_url
from ingest.store import canonicalize_url
from ingest.tasks import ingest_url, poll_due_feeds, poll_feed
from ingest.types import ArticleError
from meetings.models import Article, Feed
from tests.conftest import PROJECT_DIR
from tests.ingest.local_site import LocalSite, Reply, article_page, first_sentence, seed_text

PUBLISHED = dt.datetime(2024, 6, 2, 7, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def forget_the_in_memory_broker() -> Iterator[None]:
    """Drop the broker connections that eager `.delay()` opens on memory://.

    Celery keeps them on the app; a later test that points the app at Redis
    (the worker round trip) would otherwise publish into the in-memory broker.
    """
    yield
    app._pool = None
    app.amqp._producer_pool = None


def rss(entries: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<pubDate>{format_datetime(PUBLISHED)}</pubDate><description>{escape(title)} summary</description></item>"
        for link, title in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Security news</title>'
        f"<link>http://news.test/</link><description>x</description>{items}</channel></rss>"
    ).encode()


def atom(entries: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f'<entry><title>{escape(title)}</title><link rel="alternate" href="{escape(link)}"/>'
        f"<id>{escape(link)}</id><updated>2024-06-02T07:30:00Z</updated>"
        f"<summary>{escape(title)} summary</summary></entry>"
        for link, title in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry news</title>'
        f"<id>urn:feed</id><updated>2024-06-02T07:30:00Z</updated>{items}</feed>"
    ).encode()


def serve_seed_pages(site: LocalSite) -> dict[str, str]:
    """Two meeting articles: the English seed as UTF-8, an Arabic one as windows-1256. Path -> seed text."""
    english, arabic = seed_text("000"), seed_text("002")
    site.serve(
        "/news/interior-minister-meets",
        Reply(
            article_page(english, title="Interior minister meets security officials").encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        ),
    )
    site.serve(
        "/ar/news/tobruk-meeting",
        Reply(
            article_page(arabic, title="اجتماع أمني في طبرق", lang="ar").encode("windows-1256"),
            headers={"Content-Type": "text/html; charset=windows-1256"},
        ),
    )
    return {"/news/interior-minister-meets": english, "/ar/news/tobruk-meeting": arabic}


def entries_for(site: LocalSite, pages: dict[str, str]) -> list[tuple[str, str]]:
    return [(site.url(path), f"story {number}") for number, path in enumerate(pages)]


def test_an_rss_entry_gives_link_title_date_and_summary() -> None:
    [entry] = parse_feed(rss([("http://news.test/a", "Minister meets")]).decode(), "http://news.test/rss")

    assert entry == FeedEntry(
        link="http://news.test/a", title="Minister meets", published=PUBLISHED, summary="Minister meets summary"
    )


def test_an_atom_entry_gives_link_title_date_and_summary_with_relative_links_resolved() -> None:
    [entry] = parse_feed(atom([("/news/a", "Minister meets")]).decode(), "http://news.test/feeds/atom.xml")

    assert entry == FeedEntry(
        link="http://news.test/news/a", title="Minister meets", published=PUBLISHED, summary="Minister meets summary"
    )


def test_a_windows_1256_feed_keeps_its_arabic_titles(site: LocalSite) -> None:
    document = (
        '<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>أخبار</title>'
        "<item><title>اجتماع أمني في طبرق</title><link>http://news.test/a</link></item></channel></rss>"
    )
    headers = {"Content-Type": "application/rss+xml"}
    url = site.serve("/rss.xml", Reply(document.encode("windows-1256"), headers=headers))
    result = fetch_url(url)

    [entry] = parse_feed(result.text, result.url)

    assert entry.title == "اجتماع أمني في طبرق"


def test_a_page_that_is_not_a_feed_is_refused() -> None:
    with pytest.raises(ArticleError, match="is not an RSS or Atom feed"):
        parse_feed("<html><body><p>Hello</p></body></html>", "http://news.test/")


@pytest.mark.django_db
def test_an_rss_feed_is_polled_and_its_pages_ingested_then_a_304_queues_nothing(site: LocalSite) -> None:
    pages = serve_seed_pages(site)
    document = rss(entries_for(site, pages))

    def feed_reply(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"rss-1"':
            return Reply(status=304, headers={"ETag": '"rss-1"'})
        return Reply(document, headers={"Content-Type": "application/rss+xml", "ETag": '"rss-1"'})

    feed = Feed.objects.create(url=site.serve("/rss.xml", feed_reply), name="Security news")

    assert poll_feed.delay(feed.pk).get() == 2

    for path, seed in pages.items():
        article = Article.objects.get(canonical_url=canonicalize_url(site.url(path)))
        assert article.status == Article.Status.DONE
        assert article.feed == feed
        assert article.published == dt.date(2024, 6, 2)
        assert first_sentence(seed) in article.body
    feed.refresh_from_db()
    assert (feed.etag, feed.last_error) == ('"rss-1"', "")
    first_polled = feed.last_polled

    assert poll_feed.delay(feed.pk).get() == 0

    assert site.hits("/rss.xml")[1]["if-none-match"] == '"rss-1"'
    assert all(len(site.hits(path)) == 1 for path in pages)
    feed.refresh_from_db()
    assert feed.last_polled > first_polled
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_an_atom_feed_without_etag_queues_only_entries_not_yet_stored(site: LocalSite) -> None:
    pages = serve_seed_pages(site)
    entries = entries_for(site, pages)
    feed_url = site.serve("/atom.xml", Reply(atom(entries), headers={"Content-Type": "application/atom+xml"}))
    feed = Feed.objects.create(url=feed_url, name="Ministry news", language="ar")

    assert poll_feed.delay(feed.pk).get() == 2
    assert poll_feed.delay(feed.pk).get() == 0

    assert all(len(site.hits(path)) == 1 for path in pages)
    assert Article.objects.filter(feed=feed, status=Article.Status.DONE).count() == 2


@pytest.mark.django_db
def test_a_feed_that_cannot_be_fetched_keeps_the_error_on_the_feed(site: LocalSite) -> None:
    feed = Feed.objects.create(url=site.serve("/missing.xml", Reply(b"", 404)))

    assert poll_feed.delay(feed.pk).get() == 0

    feed.refresh_from_db()
    assert "HTTP 404" in feed.last_error
    assert feed.last_polled is not None


@pytest.mark.django_db
def test_a_url_that_keeps_failing_ends_as_a_failed_article_with_its_error(site: LocalSite, settings: Settings) -> None:
    url = site.serve("/news/down", Reply(b"overloaded", 503))

    article_id = ingest_url.delay(url).get()

    article = Article.objects.get(pk=article_id)
    assert article.status == Article.Status.FAILED
    assert article.canonical_url == canonicalize_url(url)
    assert "HTTP 503" in article.error
    assert f"gave up after {settings.FETCH_MAX_RETRIES + 1} attempts" in article.error
    assert len(site.hits("/news/down")) == settings.FETCH_MAX_RETRIES + 1


@pytest.mark.django_db
def test_a_missing_page_fails_at_once_and_is_kept(site: LocalSite) -> None:
    url = site.serve("/news/removed", Reply(b"", 404))

    article = Article.objects.get(pk=ingest_url.delay(url).get())

    assert article.status == Article.Status.FAILED
    assert "HTTP 404 Not Found" in article.error
    assert len(site.hits("/news/removed")) == 1


@pytest.mark.django_db
def test_a_failed_article_gives_way_when_its_page_comes_back(site: LocalSite) -> None:
    url = site.serve("/news/later", Reply(b"", 404))
    failed_id = ingest_url.delay(url).get()
    site.serve("/news/later", Reply(article_page(seed_text("000")).encode(), headers={"Content-Type": "text/html"}))

    article = Article.objects.get(pk=ingest_url.delay(url).get())

    assert article.pk != failed_id
    assert article.status == Article.Status.DONE
    assert not Article.objects.filter(status=Article.Status.FAILED).exists()


@pytest.mark.django_db
def test_only_enabled_feeds_past_their_interval_are_polled(site: LocalSite) -> None:
    document = Reply(rss([]), headers={"Content-Type": "application/rss+xml"})
    now = timezone.now()
    never = Feed.objects.create(url=site.serve("/never.xml", document))
    overdue = Feed.objects.create(url=site.serve("/overdue.xml", document), last_polled=now - dt.timedelta(hours=1))
    Feed.objects.create(url=site.serve("/recent.xml", document), last_polled=now - dt.timedelta(minutes=5))
    Feed.objects.create(url=site.serve("/off.xml", document), enabled=False)

    assert poll_due_feeds.delay().get() == 2

    assert {path for path, _ in site.requests} == {"/never.xml", "/overdue.xml"}
    for feed in (never, overdue):
        feed.refresh_from_db()
        assert feed.last_polled >= now
    assert poll_due_feeds.delay().get() == 0


@pytest.fixture
def committed_database(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The test database in autocommit, so a worker process sees what the test writes, left as it was found.

    Not `django_db(transaction=True)`: its flush afterwards would also take the reference data that the
    migrations loaded (regions, gazetteer terms), and a later worker test would extract with none. This
    is Django's serialized rollback done around the test instead of before the next one.
    """
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(snapshot)


@pytest.mark.worker
def test_a_real_worker_retries_a_failing_page_then_records_it_and_ingests_a_polled_feed(
    committed_database: None, site: LocalSite, settings: Settings, tmp_path: Path
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the worker round trip runs on PostgreSQL")
    database = connection.settings_dict
    database_url = (
        f"postgres://{database['USER'] or 'postgres'}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
        f"/{database['NAME']}"
    )
    # Not the round-trip test's Redis database: a worker of a concurrent run there would take these tasks.
    broker = os.environ.get("TEST_FEED_BROKER_URL", "redis://127.0.0.1:6379/2")
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": broker, "FETCH_RETRY_BACKOFF_SECONDS": "0"}
    pages = serve_seed_pages(site)
    feed = Feed.objects.create(url=site.serve("/rss.xml", Reply(rss(entries_for(site, pages)))))
    failing = site.serve("/news/down", Reply(b"", 503))
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-l", "warning"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        # Its own connection: the app's pool may already hold one to the in-memory broker of eager tests.
        with app.connection_for_write(broker) as broker_connection:
            app.send_task("ingest.tasks.ingest_url", args=[failing], connection=broker_connection)
            app.send_task("ingest.tasks.poll_feed", args=[feed.pk], connection=broker_connection)
        # Generous: the worker's start-up alone can take most of a minute on a busy two-core machine.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and worker.poll() is None and Article.objects.count() < 3:
            time.sleep(0.3)
        failed = Article.objects.get(canonical_url=canonicalize_url(failing))
        assert failed.status == Article.Status.FAILED
        assert "HTTP 503" in failed.error
        assert len(site.hits("/news/down")) == settings.FETCH_MAX_RETRIES + 1
        # Stored, not failed. Whether each is a meeting depends on reference data an earlier
        # transactional test may have flushed; the eager tests above check the extraction.
        assert Article.objects.filter(feed=feed).exclude(status=Article.Status.FAILED).count() == 2
    finally:
        worker.terminate()
        worker.wait(timeout=20)
        log.close()
        print((tmp_path / "worker.log").read_text())  # shown by pytest when the test fails
