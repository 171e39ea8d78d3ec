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
