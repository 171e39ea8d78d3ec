"""Gazetteer terms shipped as JSON, loaded by data migrations (upsert, curators' rows untouched)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent / "data" / "terms.json"


def read_terms() -> list[dict[str, str]]:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def load_terms(apps: Any, schema_editor: Any = None) -> None:
    Term = apps.get_model("ingest", "Term")
    for row in read_terms():
        Term.objects.update_or_create(
            kind=row["kind"], language=row["language"], text=row["text"],
            defaults={"canonical": row.get("canonical", ""), "note": row.get("note", "")},
        )
