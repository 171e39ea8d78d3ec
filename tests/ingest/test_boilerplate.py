"""Text that is not the story (read-also blocks, source and tag lines, menus) is cut before extraction."""

from __future__ import annotations

from ingest.clean import remove_boilerplate
from tests.ingest.extraction_helpers import KNOWN, extract_text


def test_everything_after_a_read_also_line_is_cut() -> None:
    text = "اجتمع وزير الداخلية مع مدراء الأمن في بنغازي.\n\nإقرأ أيضاً:\n\nوزير الخارجية يبحث مع نظيره أوضاع غزة."
    assert "غزة" not in remove_boilerplate(text, KNOWN)


def test_source_tag_and_share_lines_go_but_the_story_stays() -> None:
    text = (
        "Minister of Interior Imad Trabelsi met security directors in Tripoli on Sunday.\n"
        "Source: Libyan News Agency\nTags: security, Tripoli\nShare on Facebook\n"
        "The meeting reviewed the security plan."
    )
    cleaned = remove_boilerplate(text, KNOWN)
    assert "Source:" not in cleaned and "Tags:" not in cleaned and "Share on" not in cleaned
    assert "The meeting reviewed the security plan." in cleaned


def test_a_menu_above_the_story_is_dropped_but_a_dateline_is_kept() -> None:
    text = (
        "Home\nLibya\nBusiness\n• Login\nTripoli, 3 May 2024 (Lana)\n"
        "The Minister of Interior met the mayors of the western region today."
    )
    cleaned = remove_boilerplate(text, KNOWN)
    assert not cleaned.startswith("Home")
    assert "Tripoli, 3 May 2024" in cleaned


def test_a_person_in_a_story_after_read_also_is_never_a_participant() -> None:
    extraction = extract_text(
        "التقى وزير الداخلية اللواء عصام أبوزريبة بمكتبه في بنغازي مدير أمن درنة.\n"
        "اقرأ أيضا\n"
        "استقبل رئيس مجلس النواب المستشار عقيلة صالح سفير إيطاليا في القبة."
    )
    names = [p.name for p in extraction.meetings[0].participants]
    assert names == ["عصام أبوزريبة"]
    assert extraction.meetings[0].city == "Benghazi"


def test_a_read_also_marker_with_the_other_story_on_its_line_cuts_from_there() -> None:
    text = (
        "The Minister of Interior met the security director of Sirte on Monday.\n"
        "Read also: Foreign minister meets Italian envoy in Rome\nThe envoy praised the cooperation."
    )
    cleaned = remove_boilerplate(text, KNOWN)
    assert "Italian" not in cleaned and "envoy" not in cleaned
    assert "Sirte" in cleaned
    arabic = "بحث وزير الداخلية مع مدير أمن سرت الوضع الأمني.\nاقرأ أيضاً: وزير الصحة يفتتح مستشفى في غريان"
    assert "غريان" not in remove_boilerplate(arabic, KNOWN)


def test_an_html_page_gives_its_title_publication_date_and_canonical_url() -> None:
    page = (
        "<html><head><title>Site</title><meta property='og:title' content='Interior minister meets Ubari elders'>"
        "<meta property='article:published_time' content='2025-03-04T10:00:00+02:00'>"
        "<link rel='canonical' href='https://news.example.ly/2025/03/ubari'></head><body><nav>Home</nav>"
        "<article><p>The Minister of Interior, Major General Essam Abu Zraiba, met on Tuesday with elders of Ubari"
        " to discuss securing the southern border and the fight against smuggling.</p></article>"
        "<footer>© 2019 News</footer></body></html>"
    )
    from ingest.pipeline import extract_article
    from ingest.types import RawArticle

    extraction = extract_article(RawArticle(path="page.html", html=page, raw=page), KNOWN)
    assert extraction.title == "Interior minister meets Ubari elders"
    assert extraction.published and extraction.published.isoformat() == "2025-03-04"
    assert extraction.canonical_url == "https://news.example.ly/2025/03/ubari"
    assert extraction.meetings[0].date == "2025-03-04"  # "Tuesday" of the week published


def test_zero_width_and_bidi_controls_do_not_split_names() -> None:
    text = (
        "التقى وزير الداخلية اللواء عصام\u200c أبو\u200bزريبة\u200f، اليوم، "
        "مدير أمن\u2066 سبها\u2069 لبحث الوضع الأمني."
    )
    extraction = extract_text(text)
    assert [p.name for p in extraction.meetings[0].participants][0] == "عصام أبوزريبة"
    assert "\u200b" not in extraction.body and "\u2066" not in extraction.body
