"""Chromium through Playwright against pytest-django's live server, with the seeds and dev set ingested.

Every test that uses `live_server` runs as a transactional test: its data must be committed to be
seen by the server thread, and the tables are flushed afterwards. The module therefore marks its
tests `serialized_rollback=True`, so the reference data the migrations seeded (regions, cities,
topics) comes back before each test, and `ingested` loads the articles again for each test that
needs them (about two seconds).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DEV_SET_DIR, SEEDS_DIR

# Playwright's sync API keeps an event loop running in this thread; Django's guard against
# ORM calls from async code would otherwise refuse the fixtures' and tests' queries.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS_DIR = Path("/tmp/screenshots")


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class ConsoleErrors(list):
    """Console errors and uncaught exceptions seen by one page, as readable lines."""

    def watch(self, page) -> None:
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and self.append(f"console: {message.text} ({message.location.get('url') or page.url})")
            ),
        )
        page.on("pageerror", lambda error: self.append(f"pageerror: {error} ({page.url})"))


@pytest.fixture
def page(browser, live_server) -> Iterator:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.console_errors = ConsoleErrors()
    tab.console_errors.watch(tab)
    yield tab
    context.close()


@pytest.fixture
def ingested(live_server) -> int:
    """The seeds and the dev set stored through the real pipeline; returns how many articles."""
    from ingest.pipeline import ingest_article
    from ingest.readers import expand_paths, read_file
    from ingest.types import ArticleError

    count = 0
    for path in expand_paths([str(SEEDS_DIR), str(DEV_SET_DIR)]):
        for raw in read_file(path):
            if isinstance(raw, ArticleError):
                raise raw
            ingest_article(raw)
            count += 1
    assert count, f"no articles found in {SEEDS_DIR} or {DEV_SET_DIR}"
    return count


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS_DIR
