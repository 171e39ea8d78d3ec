"""The embedded default end to end: SQLite, in-process tasks, seeds ingested, the home page served."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import PROJECT_DIR, SEEDS_DIR


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_quick_start_migrates_ingests_the_seeds_and_serves_the_dashboard(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'quick.sqlite3'}"
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput"], cwd=PROJECT_DIR, env=env, check=True, capture_output=True)
    ingested = subprocess.run(
        [*manage, "ingest", str(SEEDS_DIR)], cwd=PROJECT_DIR, env=env, capture_output=True, text=True
    )
    assert "5 stored, 0 already present, 0 failed" in ingested.stdout
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("the dev server did not answer")
    finally:
        server.terminate()
        server.wait(timeout=20)
