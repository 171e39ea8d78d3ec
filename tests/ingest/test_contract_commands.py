"""The extract, ingest and export commands keep the extraction contract on the seeds."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Article, Meeting
from tests.conftest import SEEDS_DIR


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_extract_prints_one_contract_object_per_seed_in_order() -> None:
    rows = [json.loads(line) for line in run("extract", str(SEEDS_DIR)).splitlines()]
    assert [row["path"] for row in rows] == sorted(str(p) for p in SEEDS_DIR.iterdir())
    for row in rows:
        assert {"path", "language", "title", "published", "body", "is_meeting", "meetings", "warnings"} <= set(row)
        assert row["is_meeting"] and row["meetings"][0]["participants"]


@pytest.mark.django_db
def test_a_bad_file_gives_an_error_object_and_a_failing_status_while_the_rest_prints(tmp_path) -> None:
    bad = tmp_path / "a_bad.json"
    bad.write_text("{not json", encoding="utf-8")
    good = next(SEEDS_DIR.iterdir())
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("extract", str(bad), str(good), stdout=out, stderr=io.StringIO())
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert "error" in rows[0] and rows[0]["path"] == str(bad)
    assert rows[1]["is_meeting"]


@pytest.mark.django_db
def test_ingesting_the_seeds_twice_changes_nothing_and_export_keeps_the_contract() -> None:
    run("ingest", str(SEEDS_DIR))
    counts = (Article.objects.count(), Meeting.objects.count())
    run("ingest", str(SEEDS_DIR))
    assert (Article.objects.count(), Meeting.objects.count()) == counts == (5, 5)
    document = json.loads(run("export", "--format", "json"))
    assert {"id", "name_latin", "name_arabic", "aliases"} <= set(document["people"][0])
    meeting = document["meetings"][0]
    keys = {"id", "date", "date_precision", "city", "region", "focus_regions", "topics", "status", "participants"}
    assert keys | {"sources"} <= set(meeting)
    assert meeting["sources"][0]["path"].startswith(str(SEEDS_DIR))
    csv_text = run("export", "--format", "csv")
    assert len(csv_text.strip().splitlines()) > 1
