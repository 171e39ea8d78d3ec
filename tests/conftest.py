"""Shared fixtures. The shared/ folder (seeds, dev set, spec) sits beside the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("LSM_SHARED_DIR") or PROJECT_DIR.parent / "shared")
SEEDS_DIR = SHARED_DIR / "seeds"
DEV_SET_DIR = SHARED_DIR / "dev-set"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def dev_set_dir() -> Path:
    return DEV_SET_DIR


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with `prefix` ("000", "004", ...)."""
    return next(SEEDS_DIR.glob(f"{prefix}_*"))


@pytest.fixture(autouse=True)
def reference_data(request: pytest.FixtureRequest) -> None:
    """Regions, cities, topics and the extraction vocabulary, as the migrations seed them.

    A transactional test (a live server, a real worker) empties every table when it ends, the
    seeded rows included; whichever test comes next finds them missing and gets them back here.
    """
    if not request.node.get_closest_marker("django_db"):
        return
    request.getfixturevalue("django_db_setup")
    from django.apps import apps

    from ingest.models import Term
    from ingest.reference_data import load_terms
    from meetings.models import Region
    from meetings.reference_data import load_reference_data

    blocker = request.getfixturevalue("django_db_blocker")
    with blocker.unblock():
        if not Region.objects.exists():
            load_reference_data(apps)
        if not Term.objects.exists():
            load_terms(apps)
