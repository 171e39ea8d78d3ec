"""fetch_url against a real HTTP server on 127.0.0.1: charsets, the size cap, retries, conditional GET."""

from __future__ import annotations

import socket

import pytest
from pytest_django.fixtures import Settings

from ingest.fetch import TransientFetchError, backoff_delay, decode_body, fetch_url
from ingest.types import ArticleError
from tests.ingest.local_site import LocalSite, Reply, article_page, first_sentence, seed_text


def test_a_windows_1256_arabic_page_is_decoded_by_its_header_charset(site: LocalSite) -> None:
    arabic = seed_text("002")
    body = article_page(arabic, lang="ar").encode("windows-1256")
    url = site.serve("/ar", Reply(body, headers={"Content-Type": "text/html; charset=windows-1256"}))

    result = fetch_url(url)

    assert result.encoding == "cp1256"
    assert first_sentence(arabic) in result.text
    assert result.content_type == "text/html"


def test_the_meta_charset_is_honoured_when_the_header_names_none(site: LocalSite) -> None:
    arabic = seed_text("003")
    body = article_page(arabic, lang="ar", head='<meta charset="windows-1256">').encode("windows-1256")
    url = site.serve("/ar", Reply(body, headers={"Content-Type": "text/html"}))

    result = fetch_url(url)

    assert result.encoding == "cp1256"
    assert first_sentence(arabic) in result.text


def test_the_http_equiv_declaration_is_honoured_too() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    body = article_page("اجتمع وزير الداخلية بمدراء الأمن", lang="ar", head=head).encode("windows-1256")

    text, encoding = decode_body("http://example.test/", body)

    assert encoding == "cp1256"
    assert "اجتمع وزير الداخلية" in text


def test_the_header_charset_wins_over_the_page_declaration(site: LocalSite) -> None:
    body = article_page("اجتمع وزير الداخلية", lang="ar", head='<meta charset="windows-1256">').encode("utf-8")
    url = site.serve("/ar", Reply(body, headers={"Content-Type": "text/html; charset=utf-8"}))

    result = fetch_url(url)

    assert result.encoding == "utf-8"
    assert "اجتمع وزير الداخلية" in result.text


def test_an_undeclared_windows_1256_page_is_detected(site: LocalSite) -> None:
    arabic = seed_text("002")
    body = article_page(arabic, lang="ar").encode("windows-1256")
    url = site.serve("/ar", Reply(body, headers={"Content-Type": "text/html"}))

    result = fetch_url(url)

    assert first_sentence(arabic) in result.text


def test_a_body_over_the_size_limit_is_refused_naming_size_and_limit(site: LocalSite) -> None:
    body = b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>"
    url = site.serve("/big", Reply(body, headers={"Content-Type": "text/html"}))

    with pytest.raises(ArticleError, match=rf"is {len(body)} bytes, over the 5242880-byte limit") as refused:
        fetch_url(url)

    assert not isinstance(refused.value, TransientFetchError)


def test_a_body_without_content_length_is_cut_off_while_streaming(site: LocalSite) -> None:
    body = b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>"
    url = site.serve("/big", Reply(body, headers={"Content-Type": "text/html"}, content_length=False))

    with pytest.raises(ArticleError, match=r"over the 5242880-byte limit \(stopped after \d+ bytes\)"):
        fetch_url(url)


def test_the_size_limit_setting_takes_effect(site: LocalSite, settings: Settings) -> None:
    settings.INGEST_MAX_BYTES = 1000
    url = site.serve("/page", Reply(b"<p>" + b"x" * 2000 + b"</p>", headers={"Content-Type": "text/html"}))

    with pytest.raises(ArticleError, match="over the 1000-byte limit"):
        fetch_url(url)


def test_a_503_is_retried_and_the_200_that_follows_is_returned(site: LocalSite) -> None:
    page = Reply(article_page(seed_text("000")).encode(), headers={"Content-Type": "text/html; charset=utf-8"})
    url = site.serve("/flaky", Reply(b"busy", 503), page)

    result = fetch_url(url, backoff_seconds=0)

    assert result.status == 200
    assert "Essam Abu Zraiba" in result.text
    assert len(site.hits("/flaky")) == 2


def test_a_404_fails_clearly_without_a_retry(site: LocalSite) -> None:
    url = site.serve("/gone", Reply(b"no such page", 404))

    with pytest.raises(ArticleError, match=r"/gone: HTTP 404 Not Found") as failed:
        fetch_url(url, backoff_seconds=0)

    assert not isinstance(failed.value, TransientFetchError)
    assert len(site.hits("/gone")) == 1


def test_retries_stop_after_fetch_max_retries(site: LocalSite, settings: Settings) -> None:
    settings.FETCH_MAX_RETRIES = 2
    url = site.serve("/down", Reply(b"", 502))

    with pytest.raises(TransientFetchError, match="HTTP 502"):
        fetch_url(url, backoff_seconds=0)

    assert len(site.hits("/down")) == 3


def test_429_is_transient_and_its_retry_after_is_kept(site: LocalSite) -> None:
    url = site.serve("/slow-down", Reply(b"", 429, headers={"Retry-After": "7"}))

    with pytest.raises(TransientFetchError) as failed:
        fetch_url(url, retries=0)

    assert failed.value.retry_after == 7


def test_a_refused_connection_is_transient() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(TransientFetchError, match="ConnectionError"):
        fetch_url(f"http://127.0.0.1:{port}/", retries=1, backoff_seconds=0)


def test_a_server_slower_than_the_timeout_is_transient(site: LocalSite, settings: Settings) -> None:
    settings.FETCH_TIMEOUT_SECONDS = 1
    url = site.serve("/slow", Reply(b"late", delay_seconds=2))

    with pytest.raises(TransientFetchError, match="Timeout"):
        fetch_url(url, retries=0)


def test_the_etag_is_sent_back_and_a_304_gives_not_modified(site: LocalSite) -> None:
    def page(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"v1"':
            return Reply(status=304, headers={"ETag": '"v1"'})
        return Reply(b"<p>first</p>", headers={"Content-Type": "text/html", "ETag": '"v1"'})

    url = site.serve("/feed", page)

    first = fetch_url(url)
    second = fetch_url(url, etag=first.etag)

    assert (first.not_modified, first.etag, first.text) == (False, '"v1"', "<p>first</p>")
    assert (second.not_modified, second.etag, second.text) == (True, '"v1"', "")
    assert site.hits("/feed")[1]["if-none-match"] == '"v1"'


def test_last_modified_is_sent_back_as_if_modified_since(site: LocalSite) -> None:
    stamp = "Sun, 02 Jun 2024 08:00:00 GMT"
    url = site.serve("/feed", Reply(b"<p>x</p>", headers={"Last-Modified": stamp}), Reply(status=304))

    first = fetch_url(url)
    second = fetch_url(url, last_modified=first.last_modified)

    assert first.last_modified == stamp
    assert second.not_modified and second.last_modified == stamp
    assert site.hits("/feed")[1]["if-modified-since"] == stamp


def test_redirects_are_followed_and_the_final_url_returned(site: LocalSite) -> None:
    start = site.serve("/short", Reply(status=301, headers={"Location": "/news/2024/meeting"}))
    final = site.serve("/news/2024/meeting", Reply(b"<p>the story</p>", headers={"Content-Type": "text/html"}))

    result = fetch_url(start)

    assert result.url == final
    assert result.text == "<p>the story</p>"


def test_a_non_text_content_type_is_refused(site: LocalSite) -> None:
    url = site.serve("/photo", Reply(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}))

    with pytest.raises(ArticleError, match="is image/png, not a text page or feed"):
        fetch_url(url)


def test_a_binary_body_is_refused_even_when_labelled_html(site: LocalSite) -> None:
    url = site.serve("/odd", Reply(b"PK\x03\x04\x00\x00binary", headers={"Content-Type": "text/html"}))

    with pytest.raises(ArticleError, match="looks binary, not text"):
        fetch_url(url)


def test_requests_carry_the_configured_user_agent(site: LocalSite, settings: Settings) -> None:
    settings.FETCH_USER_AGENT = "LSM-test/2.0"
    url = site.serve("/page", Reply(b"<p>x</p>"))

    fetch_url(url)

    assert site.hits("/page")[0]["user-agent"] == "LSM-test/2.0"


def test_backoff_doubles_and_honours_retry_after_up_to_a_minute() -> None:
    assert [backoff_delay(attempt, 1.5) for attempt in range(4)] == [1.5, 3.0, 6.0, 12.0]
    assert backoff_delay(0, 1.0, retry_after=20) == 20
    assert backoff_delay(0, 1.0, retry_after=3600) == 60
