"""Curators ingest from the admin: paste, upload, a URL; extract again and retry failed fetches as actions.

Tasks run in-process (CELERY_TASK_ALWAYS_EAGER without a broker).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.messages import constants
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from config.celery import app
from ingest.feeds import record_failure
from ingest.pipeline import ingest_article
from ingest.readers import read_file
from ingest.types import RawArticle
from meetings.models import Article, DeletedRecord, Feed, Meeting, Participation
from tests.conftest import seed_path
from tests.ingest.local_site import LocalSite, Reply, article_page, seed_text

INGEST = "admin:meetings_article_ingest"
CHANGELIST = "admin:meetings_article_changelist"


@pytest.fixture(autouse=True)
def forget_the_in_memory_broker() -> Iterator[None]:
    """Drop the broker connections that eager `.delay()` opens on memory:// (see test_feed_polling)."""
    yield
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def curator(admin_client: Client) -> Client:
    return admin_client


def messages_of(response) -> list[tuple[int, str]]:
    return [(message.level, str(message)) for message in response.context["messages"]]


def levels(response) -> list[int]:
    return [level for level, _ in messages_of(response)]


def upload(prefix: str) -> SimpleUploadedFile:
    seed = seed_path(prefix)
    return SimpleUploadedFile(seed.name, seed.read_bytes(), content_type="text/plain")


def stored_seed(prefix: str) -> Article:
    [raw] = read_file(seed_path(prefix))
    assert isinstance(raw, RawArticle)
    article, created = ingest_article(raw)
    assert created
    return article


def run_action(client: Client, action: str, *articles: Article, changelist: str = CHANGELIST):
    data = {"action": action, "_selected_action": [a.pk for a in articles]}
    return client.post(reverse(changelist), data, follow=True)


@pytest.mark.django_db
def test_the_changelist_links_to_the_ingest_pages_and_shows_status_columns(curator: Client) -> None:
    record_failure("https://news.example/broken", "HTTP 500 from news.example " + "x" * 200)
    response = curator.get(reverse(CHANGELIST))
    page = response.content.decode()
    assert reverse(INGEST) in page and "Paste or upload articles" in page and "Ingest from a URL" in page
    assert "HTTP 500 from news.example" in page and "x" * 200 not in page  # the error is truncated
    for column in ("column-status", "column-short_error", "column-warning_count", "column-meeting_count"):
        assert column in page
    form_page = curator.get(reverse(INGEST)).content.decode()
    assert 'enctype="multipart/form-data"' in form_page and 'name="files"' in form_page and 'name="url"' in form_page


@pytest.mark.django_db
def test_a_pasted_arabic_seed_is_stored_with_its_meeting(curator: Client) -> None:
    text = seed_path("002").read_text(encoding="utf-8")
    response = curator.post(reverse(INGEST), {"text": text, "language": "ar"}, follow=True)

    [article] = Article.objects.all()
    assert article.language == "ar" and article.status == Article.Status.DONE
    [meeting] = article.meetings.all()
    assert {"عصام أبوزريبة", "ناصر شرح البال"} <= set(meeting.participations.values_list("name_as_written", flat=True))
    [(level, message)] = messages_of(response)
    assert level == constants.SUCCESS
    assert "with 1 meeting" in message
    link = reverse("admin:meetings_article_change", args=[article.pk])
    assert f'<a href="{link}">article {article.pk} «' in response.content.decode()  # a link, not escaped text

    again = curator.post(reverse(INGEST), {"text": text}, follow=True)
    assert messages_of(again)[0][0] == constants.INFO and "already stored" in messages_of(again)[0][1]
    assert Article.objects.count() == 1 and Meeting.objects.count() == 1


@pytest.mark.django_db
def test_a_pasted_url_and_title_are_kept(curator: Client) -> None:
    text = seed_path("000").read_text(encoding="utf-8")
    curator.post(reverse(INGEST), {"text": text, "url": "https://www.libyaobserver.ly/news/1", "title": "Security"})
    article = Article.objects.get()
    assert (article.title, article.outlet) == ("Security", "libyaobserver.ly")
    assert article.canonical_url == "https://www.libyaobserver.ly/news/1"


@pytest.mark.django_db
def test_of_two_uploaded_files_the_bad_one_is_reported_and_the_good_one_stored(curator: Client) -> None:
    bad = SimpleUploadedFile("broken.json", b'{"text": "cut off', content_type="application/json")
    response = curator.post(reverse(INGEST), {"files": [bad, upload("003")]}, follow=True)

    [article] = Article.objects.all()
    assert article.source_path == seed_path("003").name and article.meetings.count() == 1
    (error_level, error), (stored_level, stored) = messages_of(response)
    assert error_level == constants.ERROR and error.startswith("broken.json: ") and "Unterminated string" in error
    assert "/tmp" not in error
    assert stored_level == constants.SUCCESS and "with 1 meeting" in stored


@pytest.mark.django_db
def test_uploads_go_on_after_an_empty_a_binary_and_an_unsupported_file(curator: Client) -> None:
    files = [
        SimpleUploadedFile("empty.txt", b""),
        SimpleUploadedFile("picture.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        SimpleUploadedFile("notes.docx", b"PK\x03\x04 word"),
        upload("000"),
        upload("004"),
    ]
    response = curator.post(reverse(INGEST), {"files": files}, follow=True)
    found = messages_of(response)
    assert levels(response) == [constants.ERROR] * 3 + [constants.SUCCESS] * 2
    assert found[0][1] == "empty.txt: the file is empty"
    assert found[1][1] == "picture.html looks binary, not text"
    assert found[2][1] == "notes.docx: unsupported file type .docx"
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_a_jsonl_upload_reports_each_line(curator: Client) -> None:
    lines = [json.dumps({"text": seed_text("000")}), "{oops", json.dumps({"text": seed_text("004")})]
    bundle = SimpleUploadedFile("bundle.jsonl", "\n".join(lines).encode())
    response = curator.post(reverse(INGEST), {"files": [bundle]}, follow=True)
    assert levels(response) == [constants.SUCCESS, constants.ERROR, constants.SUCCESS]
    assert messages_of(response)[1][1].startswith("bundle.jsonl line 2: ")
    assert sorted(Article.objects.values_list("source_path", flat=True)) == ["bundle.jsonl:1", "bundle.jsonl:3"]


@pytest.mark.django_db
def test_an_upload_over_the_size_limit_is_refused_with_its_size(curator: Client, settings: Settings) -> None:
    seed = upload("001")
    settings.INGEST_MAX_BYTES = 1000
    response = curator.post(reverse(INGEST), {"files": [seed, upload("000")]}, follow=True)
    (level, message), _ = messages_of(response)
    assert level == constants.ERROR
    assert message == f"{seed.name}: {seed.size} bytes, over the 1000-byte limit"
    assert not Article.objects.filter(source_path=seed.name).exists()


@pytest.mark.django_db
def test_the_form_asks_for_text_or_a_file(curator: Client) -> None:
    response = curator.post(reverse(INGEST), {"text": "   ", "title": "nothing"})
    assert response.status_code == 200
    assert "Paste an article&#x27;s text or choose at least one file." in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_crash_while_storing_is_reported_and_leaves_nothing_half_written(
    curator: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest import store

    def broken_lookup(name: str | None) -> None:
        raise RuntimeError("organization lookup failed")

    monkeypatch.setattr(store, "organization_named", broken_lookup)
    response = curator.post(reverse(INGEST), {"files": [upload("000")]}, follow=True)
    [(level, message)] = messages_of(response)
    assert level == constants.ERROR and "internal error: RuntimeError: organization lookup failed" in message
    assert not (Article.objects.exists() or Meeting.objects.exists() or Participation.objects.exists())


@pytest.mark.django_db
def test_ingest_from_a_url_fetches_the_page_and_stores_it(curator: Client, site: LocalSite) -> None:
    url = site.serve(
        "/news/1",
        Reply(
            article_page(seed_text("001"), title="Minister meets").encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        ),
    )
    response = curator.post(reverse("admin:meetings_article_ingest_url"), {"url": url}, follow=True)
    article = Article.objects.get(url=url)
    assert article.status == Article.Status.DONE and article.meetings.count() == 1
    [(level, message)] = messages_of(response)
    assert level == constants.SUCCESS and "with 1 meeting" in message


@pytest.mark.django_db
def test_ingest_from_a_url_that_fails_shows_the_error(curator: Client, site: LocalSite) -> None:
    url = site.serve("/gone", Reply(b"gone", 404))
    response = curator.post(reverse("admin:meetings_article_ingest_url"), {"url": url}, follow=True)
    article = Article.objects.get(url=url)
    assert article.status == Article.Status.FAILED
    [(level, message)] = messages_of(response)
    assert level == constants.ERROR and "the fetch failed" in message and "404" in message


@pytest.mark.django_db
def test_extract_again_keeps_one_meeting_per_article(curator: Client) -> None:
    first, second = stored_seed("002"), stored_seed("004")
    assert Meeting.objects.count() == 2
    for _ in range(2):
        response = run_action(curator, "extract_again", *Article.objects.all())
        assert levels(response) == [constants.SUCCESS, constants.SUCCESS]
    articles = list(Article.objects.all())
    assert len(articles) == 2 and Meeting.objects.count() == 2
    assert all(article.meetings.count() == 1 for article in articles)
    assert {a.source_path for a in articles} == {first.source_path, second.source_path}
    # The meetings that had no other source were deleted, with a tombstone for the API.
    assert DeletedRecord.objects.filter(model="meeting").count() == 4
    assert not Participation.objects.filter(article__isnull=True).exists()


@pytest.mark.django_db
def test_extract_again_detaches_from_a_meeting_another_article_also_reports() -> None:
    from meetings.admin_ingest import article_extract_again

    first, second = stored_seed("000"), stored_seed("003")
    shared = first.meetings.get()
    second.meetings.add(shared)  # as if merged: the meeting has two sources
    fresh, created = article_extract_again(second)
    assert created
    assert Meeting.objects.filter(pk=shared.pk).exists()
    assert list(shared.articles.all()) == [first]
    assert not shared.participations.filter(article=second).exists()
    assert fresh.meetings.count() == 1


@pytest.mark.django_db
def test_extract_again_reports_an_article_without_stored_input(curator: Client) -> None:
    failed = record_failure("https://news.example/broken", "HTTP 500")
    good = stored_seed("001")
    response = run_action(curator, "extract_again", failed, good)
    found = dict((text.split(":")[0], level) for level, text in messages_of(response))
    assert constants.ERROR in found.values() and constants.SUCCESS in found.values()
    assert Article.objects.filter(pk=failed.pk, status=Article.Status.FAILED).exists()
    assert Article.objects.filter(source_path=good.source_path).get().meetings.count() == 1


@pytest.mark.django_db
def test_retry_failed_fetch_requeues_failed_articles_with_a_url(
    curator: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest import tasks

    queued: list[tuple[str, int | None]] = []
    monkeypatch.setattr(tasks.ingest_url, "delay", lambda url, feed_id=None: queued.append((url, feed_id)))
    feed = Feed.objects.create(url="https://news.example/rss")
    failed = record_failure("https://news.example/broken", "HTTP 500", feed_id=feed.pk)
    done = stored_seed("000")
    response = run_action(curator, "retry_failed_fetch", failed, done)
    assert queued == [("https://news.example/broken", feed.pk)]
    texts = [text for _, text in messages_of(response)]
    assert "Queued 1 failed articles to be fetched again." in texts
    assert "Skipped 1 articles that did not fail or have no URL." in texts


@pytest.mark.django_db
def test_retry_failed_fetch_stores_the_page_once_the_site_answers(curator: Client, site: LocalSite) -> None:
    url = site.serve(
        "/news/2",
        Reply(
            article_page(seed_text("000"), title="Security").encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        ),
    )
    failed = record_failure(url, "HTTP 503")
    run_action(curator, "retry_failed_fetch", failed)
    article = Article.objects.get(url=url)
    assert article.status == Article.Status.DONE and article.meetings.count() == 1
    assert not Article.objects.filter(pk=failed.pk).exists()


@pytest.mark.django_db
def test_the_change_page_shows_error_and_warnings_read_only(curator: Client) -> None:
    failed = record_failure("https://news.example/broken", "HTTP 500 from the site")
    Article.objects.filter(pk=failed.pk).update(warnings=["no article text found", "odd <b>markup</b>"])
    page = curator.get(reverse("admin:meetings_article_change", args=[failed.pk])).content.decode()
    assert "HTTP 500 from the site" in page and 'name="error"' not in page
    assert "no article text found" in page and "odd &lt;b&gt;markup&lt;/b&gt;" in page and 'name="warnings"' not in page


@pytest.mark.django_db
def test_poll_now_queues_enabled_feeds_and_the_list_shows_their_error(
    curator: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest import tasks

    polled: list[int] = []
    monkeypatch.setattr(tasks.poll_feed, "delay", polled.append)
    enabled = Feed.objects.create(url="https://news.example/rss", last_error="HTTP 502 from news.example")
    disabled = Feed.objects.create(url="https://other.example/rss", enabled=False)
    response = run_action(curator, "poll_now", enabled, disabled, changelist="admin:meetings_feed_changelist")
    assert polled == [enabled.pk]
    texts = [text for _, text in messages_of(response)]
    assert "Queued a poll of 1 feeds." in texts and "Skipped 1 disabled feeds." in texts
    assert "HTTP 502 from news.example" in response.content.decode()


@pytest.mark.django_db
def test_the_ingest_pages_are_for_staff_only(client: Client) -> None:
    response = client.get(reverse(INGEST))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.post(reverse("admin:meetings_article_ingest_url"), {"url": "https://x.example"}).status_code == 302
    assert not Article.objects.exists()


def test_uploaded_names_never_leave_the_scratch_folder() -> None:
    from meetings.admin_ingest import uploaded_articles

    sneaky = SimpleUploadedFile("../../etc/evil.txt", b"Minister meets envoy in Tripoli on Sunday.")
    [(label, raw)] = list(uploaded_articles(sneaky))
    assert isinstance(raw, RawArticle) and label == "evil.txt"
    assert not Path("/etc/evil.txt").exists()


@pytest.mark.django_db
def test_extract_again_keeps_the_title_and_url_given_with_pasted_text(curator: Client) -> None:
    text = seed_path("000").read_text(encoding="utf-8")
    curator.post(reverse(INGEST), {"text": text, "url": "https://news.example/a", "title": "Given title"})
    run_action(curator, "extract_again", Article.objects.get())
    article = Article.objects.get()
    assert (article.title, article.url, article.meetings.count()) == ("Given title", "https://news.example/a", 1)


@pytest.mark.django_db
def test_extract_again_refuses_to_drop_a_meeting_a_curator_reviewed(curator: Client) -> None:
    article = stored_seed("002")
    meeting = article.meetings.get()
    meeting.status = Meeting.Status.REVIEWED
    meeting.save()
    response = run_action(curator, "extract_again", article)
    [(level, message)] = messages_of(response)
    assert level == constants.ERROR and "curator" in message
    assert Meeting.objects.filter(pk=meeting.pk).exists()
