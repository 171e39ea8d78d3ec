"""Where a meeting was held and which regions it was about, on articles written for these tests."""

from __future__ import annotations

from tests.ingest.extraction_helpers import meeting_of


def test_a_city_after_at_his_office_in_is_the_venue() -> None:
    meeting = meeting_of("التقى وزير الداخلية اللواء عصام أبوزريبة بمكتبه في مدينة طبرق، الأحد، عددا من مدراء الأمن.")
    assert (meeting.city, meeting.region) == ("Tobruk", "east")


def test_a_city_in_a_position_is_not_the_venue_but_is_a_focus() -> None:
    meeting = meeting_of(
        "اجتمع وكيل وزارة الداخلية العميد خالد مازن بمقر الوزارة في طرابلس مع مدير أمن سرت العميد محمد الفيتوري "
        "لبحث الأوضاع الأمنية."
    )
    assert meeting.city == "Tripoli"
    assert meeting.focus_regions == ["central"]


def test_a_place_after_to_discuss_is_the_subject_not_the_venue() -> None:
    meeting = meeting_of(
        "اجتمع وزير الداخلية اللواء عصام أبوزريبة، الأحد، مع رئيس جهاز مكافحة الهجرة غير الشرعية لمناقشة "
        "نتائج الحملة الأمنية في مدينة مرزق."
    )
    assert meeting.city is None
    assert meeting.focus_regions == ["south"]


def test_an_english_dateline_gives_the_venue_and_a_byline_does_not() -> None:
    meeting = meeting_of(
        "The Libya Observer | Benghazi – Libya\n\nSabha – The Minister of Interior, Major General Essam Abu Zraiba, "
        "held a meeting with security directors of the southern region."
    )
    assert (meeting.city, meeting.region) == ("Sabha", "south")
    assert meeting.focus_regions == ["south"]


def test_an_arabic_dateline_with_a_date_gives_the_venue() -> None:
    meeting = meeting_of(
        "غات 12 مارس 2025 (وال) – عقد عميد بلدية غات السيد قمر ابراهيم اجتماعا مع أعيان ومشايخ المدينة "
        "لبحث سبل تعزيز المصالحة."
    )
    assert meeting.city == "Ghat"
    assert meeting.focus_regions == ["south"], "meeting a city's elders is about that city's region"


def test_a_region_phrase_names_the_focus_region() -> None:
    meeting = meeting_of(
        "Interior Minister Imad Trabelsi met in Tripoli on Monday with the heads of security directorates of "
        "the eastern region to discuss border security."
    )
    assert meeting.city == "Tripoli"
    assert meeting.focus_regions == ["east"]


def test_the_tripoli_government_is_not_a_place() -> None:
    meeting = meeting_of(
        "Brigadier General Ahmed Al-Mismari met in Benghazi on Sunday with the Tripoli government's envoy, "
        "Counselor Salem Al-Zawi, to discuss the exchange of detainees."
    )
    assert meeting.city == "Benghazi"
    assert "west" not in meeting.focus_regions


def test_a_meeting_at_the_hosts_own_office_is_in_the_hosts_city() -> None:
    meeting = meeting_of(
        "استقبل عميد بلدية غريان الأستاذ يوسف البدري، بديوان البلدية، مدير أمن غريان العميد سالم الككلي "
        "لبحث الخطة الأمنية للمدينة."
    )
    assert meeting.city == "Gharyan"


def test_a_place_named_for_the_premises_after_the_subject_of_a_workshop_is_the_venue() -> None:
    meeting = meeting_of(
        "افتتح وكيل وزارة الداخلية اللواء محمود سعيد، اليوم، ورشة العمل حول حماية المعلومات التي تنظمها إدارة "
        "التدريب بمقر نادي الشرطة في طرابلس."
    )
    assert meeting.city == "Tripoli"


def test_an_official_who_inspected_a_border_port_met_there() -> None:
    meeting = meeting_of(
        "The head of the Border Guard, Major General Idris Bukhatwa, inspected on Saturday the Emsaed land port, "
        "where he met with the port's director, Colonel Awad Salem."
    )
    assert meeting.city == "Emsaed"


def test_a_mayor_who_received_visitors_received_them_in_his_town() -> None:
    meeting = meeting_of(
        "The Mayor of Al-Khums Municipality, Abdelmajid Salem, received on Wednesday a delegation from the IOM "
        "to discuss the situation of migrants."
    )
    assert meeting.city == "Khoms"
    assert meeting.participants[0].name == "Abdelmajid Salem"


def test_a_minister_receiving_a_city_s_security_director_is_not_placed_in_that_city() -> None:
    meeting = meeting_of(
        "استقبل وزير الداخلية اللواء عصام أبوزريبة مدير أمن سبها العميد خالد البسطة لبحث الوضع الأمني."
    )
    assert meeting.city is None
