"""A real Celery worker on Redis ingests an article queued through the broker."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from django.db import connection

from config.celery import app
from meetings.models import Article
from tests.conftest import PROJECT_DIR, SEEDS_DIR

BROKER = os.environ.get("TEST_BROKER_URL", "redis://127.0.0.1:6379/1")


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_queued_article_is_stored_by_a_real_worker() -> None:
    settings = connection.settings_dict
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    database_url = f"postgres://{settings['USER'] or 'postgres'}@{host}:{port}/{settings['NAME']}"
    if connection.vendor != "postgresql":
        pytest.skip("the worker round trip runs on PostgreSQL")
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": BROKER}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1", "-l", "warning"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    old = (app.conf.broker_url, app.conf.task_always_eager)
    try:
        app.conf.broker_url, app.conf.task_always_eager = BROKER, False
        seed = next(SEEDS_DIR.glob("004_*"))
        payload = {"path": str(seed), "text": seed.read_text(encoding="utf-8")}
        app.send_task("ingest.tasks.ingest_payload", args=[payload])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not Article.objects.filter(source_path=str(seed)).exists():
            time.sleep(0.3)
        article = Article.objects.get(source_path=str(seed))
        assert article.status == Article.Status.DONE
        assert article.meetings.count() == 1
    finally:
        app.conf.broker_url, app.conf.task_always_eager = old
        worker.terminate()
        worker.wait(timeout=20)
