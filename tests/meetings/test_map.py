"""The region map: four closed outlines, cities landing in their region, shades by activity."""

from __future__ import annotations

import re

import pytest

from meetings.maps import RegionShape, project, region_map, view_box

Point = tuple[float, float]
SUBPATH = re.compile(r"M([^Z]*)Z")
NUMBER_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")


def rings(path: str) -> list[list[Point]]:
    """The closed rings of an `M x,y L x,y ... Z` path, first point repeated at the end."""
    result = []
    for subpath in SUBPATH.findall(path):
        points = [(float(x), float(y)) for x, y in NUMBER_PAIR.findall(subpath)]
        result.append(points + points[:1])
    return result


def inside(point: Point, path: str) -> bool:
    """Even-odd point-in-polygon, as the SVG renderer fills the path."""
    x, y = point
    crossings = 0
    for ring in rings(path):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def shapes(counts: dict[str, int] | None = None) -> dict[str, RegionShape]:
    return {shape.slug: shape for shape in region_map(counts or {})}


def test_it_draws_the_four_regions_as_closed_paths() -> None:
    regions = shapes()
    assert set(regions) == {"east", "west", "south", "central"}
    for shape in regions.values():
        assert shape.path.startswith("M") and shape.path.endswith("Z")
        assert rings(shape.path) and all(len(ring) >= 4 for ring in rings(shape.path))


def test_every_point_lies_in_the_view_box() -> None:
    _, _, width, height = (float(value) for value in view_box().split())
    for shape in shapes().values():
        for ring in rings(shape.path):
            assert all(0 <= x <= width and 0 <= y <= height for x, y in ring)


@pytest.mark.parametrize(
    ("city", "lon", "lat", "region"),
    [
        ("Tripoli", 13.19, 32.89, "west"),
        ("Benghazi", 20.07, 32.12, "east"),
        ("Sabha", 14.43, 27.04, "south"),
        ("Sirte", 16.59, 31.2, "central"),
        ("Misrata", 15.09, 32.38, "west"),
        ("Tobruk", 23.98, 32.08, "east"),
        ("Kufra", 23.31, 24.18, "south"),
        ("Hun", 15.95, 29.12, "central"),
    ],
)
def test_a_city_projects_inside_its_region_and_no_other(city: str, lon: float, lat: float, region: str) -> None:
    point = project(lon, lat)
    assert [slug for slug, shape in shapes().items() if inside(point, shape.path)] == [region], city


def test_each_label_sits_inside_its_region() -> None:
    for shape in shapes().values():
        assert inside((shape.label_x, shape.label_y), shape.path), shape.slug


def test_the_busiest_region_gets_the_darkest_shade_and_an_empty_one_none() -> None:
    regions = shapes({"west": 40, "east": 10, "south": 1, "central": 0})
    assert regions["west"].shade == 4
    assert regions["central"].shade == 0
    assert regions["south"].shade == 1
    assert 1 <= regions["east"].shade < 4
    assert regions["west"].count == 40 and regions["central"].count == 0


def test_with_no_meetings_every_region_is_unshaded() -> None:
    assert {shape.shade for shape in region_map({})} == {0}


def test_unknown_slugs_are_ignored() -> None:
    regions = shapes({"abroad": 99, "east": 3})
    assert regions["east"].shade == 4 and "abroad" not in regions
