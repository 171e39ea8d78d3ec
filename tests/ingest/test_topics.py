"""Topics from the taxonomy's signal words, read only in the meeting's part of the story."""

from __future__ import annotations

from tests.ingest.extraction_helpers import meeting_of


def test_it_finds_each_topic_the_meeting_discussed() -> None:
    meeting = meeting_of(
        "اجتمع وزير الداخلية اللواء عصام أبوزريبة مع مدير أمن الكفرة لبحث مكافحة التهريب والهجرة غير الشرعية "
        "وتأمين المنافذ الحدودية، وتوفير الإمكانيات اللازمة للمديرية."
    )
    assert {"smuggling", "illegal_migration", "border_security", "equipment_and_logistics"} <= set(meeting.topics)


def test_background_after_a_notably_marker_gives_no_topic() -> None:
    meeting = meeting_of(
        "The Minister of Interior, Major General Imad Trabelsi, met in Tripoli on Sunday with the Director of the "
        "Civil Registry Authority to discuss the national identity database.\n"
        "Notably, armed clashes broke out in the capital last month between rival militias."
    )
    assert "digital_transformation" in meeting.topics
    assert "armed_conflict" not in meeting.topics


def test_human_smuggling_is_trafficking_not_goods_smuggling() -> None:
    meeting = meeting_of(
        "Interior Minister Imad Trabelsi held a meeting in Tripoli on Monday with Italian officials on the fight "
        "against human smuggling networks."
    )
    assert "human_trafficking" in meeting.topics
    assert "smuggling" not in meeting.topics


def test_generic_coordination_is_not_a_topic() -> None:
    meeting = meeting_of(
        "التقى وزير الداخلية اللواء عصام أبوزريبة، الأحد، مدير أمن بنغازي، وأكد على ضرورة التنسيق بين الأجهزة "
        "الأمنية وتعزيز الأمن والاستقرار."
    )
    assert "coordination" not in meeting.topics
