"""Fixtures of the ingest tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ingest.local_site import LocalSite


@pytest.fixture
def site() -> Iterator[LocalSite]:
    local = LocalSite()
    local.thread.start()
    yield local
    local.server.shutdown()
    local.server.server_close()
