"""Regions, cities, topics and organizations of the domain reference, shipped as JSON.

Data migrations call `load_reference_data` with the historical app registry;
it upserts, so a later migration can call it again after the files grow.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(name: str) -> list[dict[str, Any]]:
    return json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))


def load_reference_data(apps: Any, schema_editor: Any = None) -> None:
    Region = apps.get_model("meetings", "Region")
    City = apps.get_model("meetings", "City")
    Topic = apps.get_model("meetings", "Topic")
    Organization = apps.get_model("meetings", "Organization")

    regions = {}
    for row in read("regions"):
        region, _ = Region.objects.update_or_create(
            slug=row["slug"], defaults={k: v for k, v in row.items() if k != "slug"}
        )
        regions[region.slug] = region
    for row in read("cities"):
        defaults = {k: v for k, v in row.items() if k not in {"name_en", "region"}}
        existing = City.objects.filter(name_en=row["name_en"]).first()
        if existing:  # spellings curators added stay
            defaults["variants"] = union(existing.variants, defaults.get("variants", []))
        City.objects.update_or_create(name_en=row["name_en"], defaults={**defaults, "region": regions[row["region"]]})
    for row in read("topics"):
        defaults = {k: v for k, v in row.items() if k != "slug"}
        existing = Topic.objects.filter(slug=row["slug"]).first()
        if existing:  # signal words curators added stay
            shipped = defaults.get("signals", {})
            kept = existing.signals or {}
            defaults["signals"] = {lang: union(kept.get(lang, []), shipped.get(lang, [])) for lang in {*kept, *shipped}}
        Topic.objects.update_or_create(slug=row["slug"], defaults=defaults)
    for row in read("organizations"):
        defaults = {k: v for k, v in row.items() if k not in {"name_en", "parent"}}
        Organization.objects.update_or_create(name_en=row["name_en"], defaults=defaults)


def union(kept: list[str] | None, shipped: list[str]) -> list[str]:
    """The shipped list with every entry already stored kept, in a stable order."""
    out = list(shipped)
    out += [item for item in kept or [] if item not in out]
    return out
