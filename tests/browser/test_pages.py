"""What a reader sees in Chromium: every page loads in both languages, filters narrow the timeline
and stay in the URL, the language switch turns the page right to left, links lead where they say,
the map opens a region, and the keyboard reaches the skip link first.

Screenshots of every page land in /tmp/screenshots/<name>-<lang>.png for a person to look at.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db.models import Count, F, Q

from meetings.models import Meeting, Organization, Person, Region, Topic
from tests.conftest import PROJECT_DIR

from .conftest import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF]")
ARABIC_CATALOGUE = PROJECT_DIR / "locale" / "ar" / "LC_MESSAGES" / "django.mo"


@dataclass(frozen=True)
class Sample:
    """One record of each kind that has meetings behind it, to build the detail pages' URLs."""

    meeting: int
    person: int
    topic: str
    region: str
    organization: int


def sample_records() -> Sample:
    visible = Meeting.objects.visible()
    meeting = (
        visible.filter(city__isnull=False, participations__isnull=False)
        .order_by(F("date").desc(nulls_last=True), "pk")
        .first()
    )
    person = Person.objects.filter(merged_into__isnull=True, participations__meeting__in=visible).order_by("pk").first()
    topic = Topic.objects.filter(meetings__in=visible).order_by("pk").first()
    region = Region.objects.filter(cities__meetings__in=visible).order_by("pk").first()
    organization = Organization.objects.filter(participations__meeting__in=visible).order_by("pk").first()
    missing = [
        name
        for name, found in [
            ("meeting", meeting),
            ("person", person),
            ("topic", topic),
            ("region", region),
            ("organization", organization),
        ]
        if not found
    ]
    assert not missing, f"the ingested set has no {', '.join(missing)} with meetings"
    return Sample(meeting.pk, person.pk, topic.slug, region.slug, organization.pk)


def html_pages(sample: Sample) -> dict[str, str]:
    return {
        "timeline": "/",
        "regions": "/regions/",
        "region": f"/regions/{sample.region}/",
        "meeting": f"/meetings/{sample.meeting}/",
        "people": "/people/",
        "person": f"/people/{sample.person}/",
        "topics": "/topics/",
        "topic": f"/topics/{sample.topic}/",
        "organization": f"/organizations/{sample.organization}/",
    }


def prefixed(path: str, lang: str) -> str:
    return path if lang == "en" else f"/{lang}{path}"


def meetings_listed(page) -> int:
    return page.locator("article.meeting-item").count()


def apply_filter(page, name: str, value: str) -> None:
    page.locator(f"form.filters select[name={name}]").select_option(value)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Apply|تطبيق")).click()


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_page_loads_with_a_heading_and_no_console_errors(page, ingested, screenshots_dir, lang) -> None:
    problems = []
    for name, path in html_pages(sample_records()).items():
        response = page.goto(prefixed(path, lang))
        heading = page.locator("h1").first
        if response is None or response.status != 200:
            problems.append(f"{path}: HTTP {response and response.status}")
        elif not heading.count() or not heading.inner_text().strip():
            problems.append(f"{path}: no heading")
        if page.locator("html").get_attribute("lang") != lang:
            problems.append(f"{path}: <html lang> is {page.locator('html').get_attribute('lang')!r}")
        page.screenshot(path=screenshots_dir / f"{name}-{lang}.png", full_page=True)

    # The feed and the API render as text in the browser; the CSV is a download, fetched directly.
    # Chromium asks those plain documents for /favicon.ico, which the site does not serve: not an error on a page.
    errors = list(page.console_errors)
    feed = page.goto(prefixed("/feed.atom", lang))
    if feed is None or feed.status != 200 or "<feed" not in feed.text():
        problems.append(f"feed.atom: HTTP {feed and feed.status}, not an Atom feed")
    page.screenshot(path=screenshots_dir / f"feed-{lang}.png", full_page=True)
    api = page.goto(prefixed("/api/meetings/", lang))
    if api is None or api.status != 200 or not json.loads(api.text()):
        problems.append(f"api/meetings: HTTP {api and api.status}")
    page.screenshot(path=screenshots_dir / f"api-{lang}.png", full_page=True)
    csv = page.request.get(prefixed("/export/meetings.csv", lang))
    if csv.status != 200 or not csv.headers["content-type"].startswith("text/csv") or csv.text().count("\n") < 2:
        problems.append(f"export/meetings.csv: HTTP {csv.status}, {csv.headers.get('content-type')}")

    errors += [e for e in page.console_errors[len(errors) :] if "/favicon.ico" not in e]
    assert not problems + errors, "\n".join(problems + errors)


def test_choosing_a_topic_narrows_the_timeline_and_stays_in_the_url(page, ingested) -> None:
    visible = Meeting.objects.visible()
    topic = (
        Topic.objects.annotate(n=Count("meetings", filter=Q(meetings__in=visible)))
        .filter(n__gt=0, n__lt=visible.count())
        .order_by("-n", "slug")
        .first()
    )
    page.goto("/")
    everything = meetings_listed(page)

    apply_filter(page, "topic", topic.slug)

    assert query_of(page.url)["topic"] == [topic.slug]
    assert page.locator("form.filters select[name=topic]").input_value() == topic.slug
    shown = page.locator("article.meeting-item")
    assert 0 < shown.count() < everything
    for item in shown.all():
        topic_links = item.locator("p.topics a.topic").evaluate_all("links => links.map(a => a.pathname)")
        assert f"/topics/{topic.slug}/" in topic_links, item.inner_text()
    assert not page.console_errors, page.console_errors


def test_choosing_a_venue_region_narrows_the_timeline_and_stays_in_the_url(page, ingested) -> None:
    visible = Meeting.objects.visible()
    region = (
        Region.objects.annotate(n=Count("cities__meetings", filter=Q(cities__meetings__in=visible)))
        .filter(n__gt=0, n__lt=visible.count())
        .order_by("-n", "slug")
        .first()
    )
    page.goto("/")
    everything = meetings_listed(page)

    apply_filter(page, "region", region.slug)

    assert query_of(page.url)["region"] == [region.slug]
    shown = page.locator("article.meeting-item")
    assert 0 < shown.count() < everything
    for item in shown.all():
        region_links = item.locator("p.meta a").evaluate_all("links => links.map(a => a.pathname)")
        assert f"/regions/{region.slug}/" in region_links, item.inner_text()


def test_the_language_switch_turns_the_page_arabic_and_right_to_left(page) -> None:
    page.goto("/regions/")
    assert page.locator("html").get_attribute("dir") == "ltr"

    with page.expect_navigation():
        page.locator("header form.language button").click()

    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    assert urlsplit(page.url).path == "/ar/regions/"
    assert page.locator("header form.language button").inner_text().strip() == "English"
    if ARABIC_CATALOGUE.exists():
        nav = page.locator("header nav").inner_text()
        assert ARABIC_LETTERS.search(nav), f"the Arabic page's menu reads {nav!r}"
        assert ARABIC_LETTERS.search(page.locator("h1").inner_text())

    assert not page.console_errors, page.console_errors


def test_the_language_switch_on_an_arabic_page_returns_to_english(page) -> None:
    page.goto("/ar/regions/")

    with page.expect_navigation():
        page.locator("header form.language button").click()

    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("en", "ltr")
    assert urlsplit(page.url).path == "/regions/"


def test_a_timeline_entry_leads_to_its_meeting_and_on_to_a_participant(page, ingested) -> None:
    page.goto("/")
    # A dated entry, so that "the same date" means something.
    entry = (
        page.locator("article.meeting-item")
        .filter(has=page.locator(".meta .date", has_text=re.compile(r"\d{4}")))
        .filter(has=page.locator("ul.people li a"))
        .first
    )
    date = entry.locator(".meta .date").inner_text().strip()

    with page.expect_navigation():
        entry.locator("h3 a").click()

    meeting_path = urlsplit(page.url).path
    assert re.fullmatch(r"/meetings/\d+/", meeting_path)
    assert date in page.locator("h1").inner_text()

    participant = page.locator("table.participants tbody a").first
    name = participant.inner_text().strip()
    with page.expect_navigation():
        participant.click()

    assert re.fullmatch(r"/people/\d+/", urlsplit(page.url).path)
    assert page.locator("h1").inner_text().strip() == name
    listed = page.locator("article.meeting-item h3 a").evaluate_all("links => links.map(a => a.pathname)")
    assert meeting_path in listed
    assert not page.console_errors, page.console_errors


def test_the_regions_map_has_four_regions_and_clicking_each_opens_it(page, ingested) -> None:
    page.goto("/regions/")
    assert page.locator("figure.map svg path.region").count() == 4
    assert page.locator(".region-cards .region-card").count() == 4
    links = page.locator("figure.map svg a:has(path.region)").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    slugs = [urlsplit(href).path.strip("/").split("/")[-1] for href in links]

    for index, slug in enumerate(slugs):
        page.goto("/regions/")
        shape = page.locator("figure.map svg path.region").nth(index)
        shape.scroll_into_view_if_needed()
        point = shape.evaluate(POINT_ON_SHAPE)
        assert point, f"no visible point of the {slug} shape can be clicked"
        with page.expect_navigation():
            page.mouse.click(point["x"], point["y"])
        assert urlsplit(page.url).path == f"/regions/{slug}/"
        assert page.locator("h1").inner_text().strip()
    assert not page.console_errors, page.console_errors


# A point inside the shape's fill that is not covered by its label or a venue dot, in viewport pixels.
POINT_ON_SHAPE = """shape => {
  const svg = shape.ownerSVGElement, box = shape.getBBox(), toScreen = shape.getScreenCTM();
  for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) {
    const point = svg.createSVGPoint();
    point.x = box.x + box.width * i / 24; point.y = box.y + box.height * j / 24;
    if (!shape.isPointInFill(point)) continue;
    const screen = point.matrixTransform(toScreen);
    if (document.elementFromPoint(screen.x, screen.y) === shape) return {x: screen.x, y: screen.y};
  }
  return null;
}"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_first_tab_from_the_top_reaches_the_skip_link(page, lang) -> None:
    page.goto(prefixed("/", lang))

    page.keyboard.press("Tab")

    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip", "#main"]
    assert page.locator("a.skip").is_visible()
    box = page.locator("a.skip").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, f"the focused skip link is off screen at {box}"
