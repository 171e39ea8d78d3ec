"""The map of Libya's four regions as SVG paths, shaded by meeting activity.

The shapes come from meetings/data/libya_regions.json, built once from Natural
Earth boundaries by tools/build_libya_map.py (see docs/map.md); nothing is
fetched at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

MAP_FILE = Path(__file__).resolve().parent / "data" / "libya_regions.json"
MAX_SHADE = 4


@dataclass(frozen=True)
class RegionShape:
    """One region ready to draw: its outline, where its label goes, and how dark to fill it."""

    slug: str
    path: str
    label_x: float
    label_y: float
    count: int
    shade: int


@cache
def map_data() -> dict[str, Any]:
    """The generated map file, read once per process."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def view_box() -> str:
    """The SVG viewBox the paths and projected points are drawn in."""
    return map_data()["viewBox"]


def shade(count: int, busiest: int) -> int:
    """0 for no meetings, otherwise 1..4 in proportion to the busiest region."""
    if count <= 0 or busiest <= 0:
        return 0
    return max(1, min(MAX_SHADE, math.ceil(MAX_SHADE * count / busiest)))


def region_map(counts: dict[str, int]) -> list[RegionShape]:
    """Every region of the map with its meeting count and shade; slugs missing from `counts` count 0."""
    regions = map_data()["regions"]
    busiest = max((counts.get(slug, 0) for slug in regions), default=0)
    return [
        RegionShape(
            slug=slug,
            path=region["path"],
            label_x=region["label_x"],
            label_y=region["label_y"],
            count=counts.get(slug, 0),
            shade=shade(counts.get(slug, 0), busiest),
        )
        for slug, region in regions.items()
    ]


def project(lon: float, lat: float) -> tuple[float, float]:
    """SVG (x, y) of a longitude/latitude, with the projection the paths were drawn in."""
    projection = map_data()["projection"]
    x = projection["x_offset"] + (lon - projection["lon_origin"]) * projection["cos_lat"] * projection["scale"]
    y = projection["y_offset"] + (projection["lat_origin"] - lat) * projection["scale"]
    return round(x, 1), round(y, 1)
