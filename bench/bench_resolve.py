"""Person resolution with 50,000 people on file: mentions resolved per second, and queries per mention.

    .venv/bin/python bench/bench_resolve.py      (or: make bench)
Uses BENCH_DATABASE_URL (default: PostgreSQL lsm_bench on 127.0.0.1, created if missing; the
embedded SQLite file /tmp/lsm_bench.sqlite3 when PostgreSQL is not reachable). The people are
synthetic: random given and family names drawn from both scripts' syllables.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "50000"))


def choose_database() -> str:
    url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lsm_bench")
    if url.startswith("postgres"):
        try:
            import psycopg

            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
                if not conn.execute("select 1 from pg_database where datname = 'lsm_bench'").fetchone():
                    conn.execute("create database lsm_bench")
        except Exception as error:  # noqa: BLE001 - any failure means: no server here
            print(f"PostgreSQL not reachable ({error.__class__.__name__}); using SQLite")
            url = "sqlite:////tmp/lsm_bench.sqlite3"
    return url


os.environ["DATABASE_URL"] = choose_database()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ingest.resolve import alias_keys, resolve_participant  # noqa: E402
from ingest.types import Participant  # noqa: E402
from meetings.models import Person, PersonAlias  # noqa: E402

SYLLABLES = ["ka", "ra", "mi", "su", "da", "lo", "fi", "ha", "zu", "ba", "ni", "ta", "sa", "ja", "ma", "qu", "we"]


def synthetic_name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}{' ' + word() if rng.random() < 0.3 else ''}"


def populate(rng: random.Random) -> list[str]:
    Person.objects.all().delete()
    names = list({synthetic_name(rng) for _ in range(PEOPLE * 2)})[:PEOPLE]
    people = Person.objects.bulk_create([Person(name_latin=n) for n in names], batch_size=5000)
    aliases = [PersonAlias(person=p, name=n, **alias_keys(n)) for p, n in zip(people, names, strict=True)]
    PersonAlias.objects.bulk_create(aliases, batch_size=5000)
    return names


def main() -> None:
    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    started = time.perf_counter()
    names = populate(rng)
    print(
        f"database {connection.vendor}: {Person.objects.count()} people loaded in {time.perf_counter() - started:.1f}s"
    )
    # Mentions as articles bring them: known people respelt (dropped vowels), and newcomers.
    mentions = [rng.choice(names).replace("a", "e", 1) for _ in range(300)] + [synthetic_name(rng) for _ in range(200)]
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        # Three mentions per article, each article stored in one transaction as the pipeline does.
        for i in range(0, len(mentions), 3):
            with transaction.atomic():
                for mention in mentions[i : i + 3]:
                    resolve_participant(Participant(name=mention))
        elapsed = time.perf_counter() - start
    rate = len(mentions) / elapsed
    print(
        f"resolve: {rate:.0f} mentions/s with {PEOPLE} people ({elapsed * 1000 / len(mentions):.2f} ms each), "
        f"{len(queries) / len(mentions):.1f} queries per mention"
    )
    print(
        "target: ingest stays fast (>= 200 mentions/s, well above extraction's articles/s x ~3 people)",
        "MET" if rate >= 200 else "MISSED",
    )


if __name__ == "__main__":
    main()
