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
