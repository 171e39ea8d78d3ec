"""Settings come from the environment, default to the embedded set-up, and fail loudly on bad values."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import PROJECT_DIR

PROBE = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps([s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.DEBUG]))"
)
UNSET = {"DATABASE_URL", "CELERY_BROKER_URL", "DEBUG", "SECRET_KEY"}


def settings_with(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "DEBUG", "SECRET_KEY"}
    }
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PROBE}"],
        cwd=PROJECT_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_with_nothing_set_it_runs_embedded_on_sqlite_with_tasks_in_process() -> None:
    engine, eager, debug = json.loads(settings_with().stdout)
    assert engine == "django.db.backends.sqlite3" and eager and debug


def test_database_and_broker_urls_take_effect() -> None:
    result = settings_with(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/x", CELERY_BROKER_URL="redis://127.0.0.1:6379/9"
    )
    engine, eager, _ = json.loads(result.stdout)
    assert engine == "django.db.backends.postgresql" and not eager


def test_a_bad_boolean_fails_at_start_up_with_its_name() -> None:
    result = settings_with(DEBUG="maybe")
    assert result.returncode != 0 and "DEBUG='maybe' is not a boolean" in result.stderr


def test_production_settings_pass_the_deploy_check() -> None:
    # A production environment: none of the test run's own switches (the browser tests allow async-unsafe ORM calls).
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DEBUG="false", SECRET_KEY="x" * 60 + "-production-key-for-the-check", ALLOWED_HOSTS="meetings.example.org"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
