"""Pages and feeds over HTTP: one polite GET, decoded to text. No database here.

`fetch_url` retries transient failures itself; the Celery task calls it with
`retries=0` and retries the task instead, so a worker is not held asleep and
the two kinds of retry do not multiply.
"""
from __future__ import annotations

import codecs
import re
import time
from dataclasses import dataclass
from email.message import Message

import requests
from django.conf import settings

from .types import ArticleError

# A server's Retry-After is honoured up to this many seconds, no longer.
MAX_RETRY_AFTER_SECONDS = 60.0
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"
TRANSIENT_STATUSES = {408, 425, 429}
TEXT_TYPES = {"application/xhtml+xml", "application/xml", "application/json", "application/javascript"}
# Declarations looked for in the first bytes of a body when the header names no charset.
DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_.:-]+)""",
    re.IGNORECASE,
)
DECLARATION_SCAN_BYTES = 16 * 1024
# Browsers read these labels as windows-1252, and so do the pages that declare them.
WEB_CODEC_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
BYTE_ORDER_MARKS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    status: int
    text: str = ""
    content_type: str = ""
    encoding: str = ""
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False


class TransientFetchError(ArticleError):
    """A failure that may pass if tried again later: no connection, a timeout, 429 or 5xx."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def fetch_url(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    retries: int | None = None,
    backoff_seconds: float = 1.0,
) -> FetchResult:
    """GET `url` as text; a conditional GET when `etag` or `last_modified` is given (304: not_modified)."""
    retries = settings.FETCH_MAX_RETRIES if retries is None else retries
    for attempt in range(retries + 1):
        try:
            return fetch_once(url, etag=etag, last_modified=last_modified)
        except TransientFetchError as error:
            if attempt == retries:
                raise
            time.sleep(backoff_delay(attempt, backoff_seconds, error.retry_after))
    raise AssertionError("unreachable")


def backoff_delay(attempt: int, base_seconds: float, retry_after: float | None = None) -> float:
    """base, 2×base, 4×base...; longer when the server asked for it with Retry-After."""
    delay = base_seconds * 2**attempt
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER_SECONDS))
    return delay


def fetch_once(url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
    headers = {"User-Agent": settings.FETCH_USER_AGENT, "Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = settings.FETCH_TIMEOUT_SECONDS
    try:
        with requests.get(url, headers=headers, timeout=timeout, stream=True) as response:
            status = response.status_code
            if status == 304:
                return FetchResult(
                    url=response.url,
                    status=status,
                    etag=response.headers.get("ETag", etag),
                    last_modified=response.headers.get("Last-Modified", last_modified),
                    not_modified=True,
                )
            check_status(url, response)
            content_type, header_charset = parse_content_type(response.headers.get("Content-Type", ""))
            if content_type and not is_text_type(content_type):
                raise ArticleError(f"{url} is {content_type}, not a text page or feed")
            body = read_capped(url, response, deadline=time.monotonic() + timeout)
            text, encoding = decode_body(url, body, header_charset)
            return FetchResult(
                url=response.url,
                status=status,
                text=text,
                content_type=content_type,
                encoding=encoding,
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
            )
    except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as error:
        raise TransientFetchError(f"{url}: {type(error).__name__}: {error}") from error
    except requests.RequestException as error:
        # Bad URL, unsupported scheme, a redirect loop: trying again will not help.
        raise ArticleError(f"{url}: {type(error).__name__}: {error}") from error


def check_status(url: str, response: requests.Response) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    reason = f"{url}: HTTP {status} {response.reason or ''}".rstrip()
    if status in TRANSIENT_STATUSES or status >= 500:
        raise TransientFetchError(reason, retry_after=parse_retry_after(response.headers.get("Retry-After", "")))
    raise ArticleError(reason)


def parse_retry_after(value: str) -> float | None:
    """Seconds from a Retry-After header; the HTTP-date form is ignored (backoff applies)."""
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def parse_content_type(header: str) -> tuple[str, str]:
    """('text/html', 'windows-1256') from 'text/html; charset=windows-1256'; '' for what is absent."""
    if not header.strip():
        return "", ""
    message = Message()
    message["Content-Type"] = header
    charset = message.get_param("charset")
    return message.get_content_type(), charset.strip() if isinstance(charset, str) else ""


def is_text_type(content_type: str) -> bool:
    return content_type.startswith("text/") or content_type in TEXT_TYPES or content_type.endswith("+xml")


def read_capped(url: str, response: requests.Response, *, deadline: float) -> bytes:
    """The body, refused as soon as it passes INGEST_MAX_BYTES (the header may lie or be absent)."""
    limit = settings.INGEST_MAX_BYTES
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ArticleError(f"{url} is {int(declared)} bytes, over the {limit}-byte limit")
    chunks: list[bytes] = []
    received = 0
    for chunk in response.iter_content(chunk_size=64 * 1024):
        received += len(chunk)
        if received > limit:
            raise ArticleError(f"{url} is over the {limit}-byte limit (stopped after {received} bytes)")
        # The read timeout is per socket read; a server dripping bytes would never trip it.
        if time.monotonic() > deadline:
            raise TransientFetchError(f"{url}: body not received within {settings.FETCH_TIMEOUT_SECONDS} seconds")
        chunks.append(chunk)
    return b"".join(chunks)


def decode_body(url: str, body: bytes, header_charset: str = "") -> tuple[str, str]:
    """Text and the encoding used: a byte-order mark, the header's charset, the page's own
    declaration, then charset_normalizer's guess."""
    if b"\x00" in body[:4096] and not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ArticleError(f"{url} looks binary, not text")
    for mark, encoding in BYTE_ORDER_MARKS:
        if body.startswith(mark):
            return body.decode(encoding, errors="replace"), encoding
    for candidate in (header_charset, declared_charset(body)):
        encoding = known_codec(candidate)
        if encoding:
            try:
                return body.decode(encoding), encoding
            except UnicodeDecodeError:
                continue  # a wrong declaration is common; fall through to the next clue
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is None:
        raise ArticleError(f"{url}: unknown text encoding")
    return str(best), best.encoding


def declared_charset(body: bytes) -> str:
    match = DECLARED_CHARSET.search(body[:DECLARATION_SCAN_BYTES])
    if not match:
        return ""
    return (match.group(1) or match.group(2)).decode("ascii", errors="ignore")


def known_codec(name: str) -> str:
    """Python's codec name for a web charset label, '' when Python does not know it."""
    if not name:
        return ""
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return ""
    return WEB_CODEC_ALIASES.get(codec, codec)
