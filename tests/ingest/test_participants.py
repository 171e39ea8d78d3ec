"""Who took part and who chaired, on short articles written for these tests in the agencies' style."""

from __future__ import annotations

from tests.ingest.extraction_helpers import chair, meeting_of, names


def test_it_finds_an_arabic_official_after_position_and_rank() -> None:
    meeting = meeting_of(
        "استقبل وزير الداخلية اللواء محمد سالم الهوني بمكتبه في مدينة البيضاء، اليوم الاثنين، مدير أمن درنة "
        "العميد عبدالحكيم الشاعري، وبحث معه الاحتياجات اللازمة للمديرية."
    )
    assert names(meeting) == ["محمد سالم الهوني", "عبدالحكيم الشاعري"]
    assert chair(meeting) == "محمد سالم الهوني"
    director = meeting.participants[1]
    assert director.title == "العميد"
    assert director.position == "Security Director of Derna"


def test_it_takes_the_name_after_a_comma_when_no_rank_is_given() -> None:
    meeting = meeting_of(
        "عقد رئيس الحكومة الليبية اجتماعا بحضور وزير الصحة، عثمان عبدالجليل، وعميد بلدية سبها، حامد الخيالي، "
        "لمناقشة أوضاع المدينة."
    )
    assert {"عثمان عبدالجليل", "حامد الخيالي"} <= set(names(meeting))
    assert "Mayor" in (meeting.participants[names(meeting).index("حامد الخيالي")].position or "")


def test_people_only_present_in_an_earlier_event_are_not_participants() -> None:
    meeting = meeting_of(
        "التقى وزير الداخلية اللواء عصام أبوزريبة، الثلاثاء، عميد بلدية غات السيد محمد الطاهر، لبحث الوضع الأمني.\n"
        "وكان رئيس الحكومة أسامة حماد قد زار غات الشهر الماضي برفقة الفريق صدام حفتر."
    )
    assert names(meeting) == ["عصام أبوزريبة", "محمد الطاهر"]


def test_the_person_after_chaired_by_is_the_chair_even_when_named_second() -> None:
    meeting = meeting_of(
        "A security meeting was held in Misrata on Sunday, attended by Colonel Ali Abu Shaala and chaired by "
        "the Minister of Interior, Major General Imad Trabelsi, to review the city's security plan."
    )
    assert set(names(meeting)) == {"Ali Abu Shaala", "Imad Trabelsi"}
    assert chair(meeting) == "Imad Trabelsi"


def test_an_english_host_is_the_chair_and_a_later_surname_is_not_a_new_person() -> None:
    meeting = meeting_of(
        "Minister of Interior Major General Essam Abu Zraiba met on Monday in Benghazi with the head of the "
        "Criminal Investigation Agency, Brigadier General Salah Huwaidi.\n"
        "Abu Zraiba stressed the importance of fighting organized crime."
    )
    assert names(meeting) == ["Essam Abu Zraiba", "Salah Huwaidi"]
    assert chair(meeting) == "Essam Abu Zraiba"
    assert meeting.participants[0].title == "Major General"


def test_a_passive_meeting_with_attendees_has_no_chair() -> None:
    meeting = meeting_of(
        "انعقد في مدينة سبها اجتماع أمني موسع بحضور مدير أمن سبها العميد محمد بشر ورئيس فرع جهاز البحث الجنائي "
        "العقيد علي الحضيري، لمناقشة الخطة الأمنية."
    )
    assert set(names(meeting)) == {"محمد بشر", "علي الحضيري"}
    assert chair(meeting) is None


def test_somebody_who_only_gave_instructions_is_not_present() -> None:
    meeting = meeting_of(
        "The Deputy Minister of Interior, Colonel Mahmoud Saeed, chaired a meeting in Tripoli on Tuesday with "
        "security directors. The plan was drawn up on the instructions of the Prime Minister, Abdul Hamid Dbeibah."
    )
    assert names(meeting) == ["Mahmoud Saeed"]


def test_a_byline_is_not_a_participant() -> None:
    meeting = meeting_of(
        "بنغازي: خالد المصراتي\n"
        "اجتمع وكيل وزارة الداخلية اللواء فرج اقعيم، الأحد، مع مدراء مراكز الشرطة بمدينة بنغازي "
        "لمناقشة خطة تأمين المدينة."
    )
    assert names(meeting) == ["فرج اقعيم"]


def test_evidence_offsets_point_at_each_name_as_written() -> None:
    text = "عقدَ وزير الداخلية، لواء عصـام أبوزريبة، اجتماعًا مع مدير أمن طبرق، العميد موسى البدين."
    meeting = meeting_of(text)
    for participant in meeting.participants:
        start, end = participant.evidence
        assert text[start:end] == participant.name
    assert names(meeting)[0] == "عصـام أبوزريبة", "the name keeps its tatweel as written"


def test_a_minister_and_a_un_envoy_meeting_as_peers_have_no_chair() -> None:
    meeting = meeting_of(
        "UN envoy Hanna Tetteh met with Interior Minister Essam Abu Zraiba in Benghazi on Thursday to discuss "
        "the security situation in the south."
    )
    assert set(names(meeting)) == {"Hanna Tetteh", "Essam Abu Zraiba"}
    assert chair(meeting) is None


def test_a_minister_who_receives_an_ambassador_chairs_and_the_ambassador_keeps_his_post() -> None:
    meeting = meeting_of(
        "Tripoli, 12 March 2024 (LANA) - The Minister of Interior in the Government of National Unity, Imad "
        "Trabelsi, received on Tuesday at the Ministry's headquarters the Ambassador of Italy to Libya, "
        "Gianluca Alberini, and discussed cooperation against illegal migration."
    )
    assert names(meeting) == ["Imad Trabelsi", "Gianluca Alberini"]
    assert chair(meeting) == "Imad Trabelsi"
    assert meeting.participants[1].position == "Ambassador of Italy to Libya"
    assert meeting.city == "Tripoli"


def test_an_arabic_name_ends_where_the_verbal_noun_of_the_talks_begins() -> None:
    meeting = meeting_of(
        "بحث وزير الداخلية، اللواء عصام أبوزريبة تطوير العمل الأمني في المنافذ، خلال لقائه في بنغازي مدير أمن "
        "الكفرة العميد سالم العبيدي."
    )
    assert "عصام أبوزريبة" in names(meeting)


def test_a_position_before_the_first_of_two_names_is_not_the_seconds() -> None:
    meeting = meeting_of(
        "On Monday, Interior Minister Essam Abu Zraiba and Milad al-Zawi, head of the border guard, met tribal elders "
        "in Ubari to discuss securing the southern border."
    )
    second = meeting.participants[names(meeting).index("Milad al-Zawi")]
    assert second.position and "Minister" not in second.position
    assert "border guard" in second.position


def test_a_dateline_glued_to_the_first_word_is_not_part_of_the_position() -> None:
    meeting = meeting_of(
        "Sabha-The Minister of Interior, Imad Trabelsi, met on Tuesday with the security director of Sabha to "
        "review the security plan for the city."
    )
    assert meeting.participants[0].position == "Minister of Interior"


def test_the_host_not_the_head_of_a_received_delegation_chairs() -> None:
    arabic = meeting_of(
        "استقبل وزير الداخلية اللواء عصام أبوزريبة، اليوم الأحد بمكتبه في بنغازي، وفداً من أعيان مدينة الكفرة "
        "برئاسة الشيخ صالح الزوي، وبحث معهم الأوضاع الأمنية في المدينة."
    )
    assert chair(arabic) == "عصام أبوزريبة"
    assert "صالح الزوي" in names(arabic)
    english = meeting_of(
        "Interior Minister Imad Trabelsi received on Sunday in Tripoli a delegation from the Italian interior "
        "ministry headed by Deputy Minister Nicola Molteni to discuss illegal migration."
    )
    assert chair(english) == "Imad Trabelsi"


def test_a_meeting_held_under_the_chairmanship_of_an_official_has_him_as_chair() -> None:
    meeting = meeting_of(
        "عقد اجتماع أمني موسع برئاسة وزير الداخلية اللواء عصام أبوزريبة في بنغازي بحضور مدير أمن بنغازي."
    )
    assert chair(meeting) == "عصام أبوزريبة"


def test_women_officials_are_found_with_their_feminine_titles() -> None:
    meeting = meeting_of(
        "التقت وزيرة الشؤون الاجتماعية المهندسة وفاء الكيلاني، اليوم الثلاثاء في طرابلس، مديرة إدارة الهجرة "
        "الدكتورة سعاد الفيتوري لبحث أوضاع المهاجرين."
    )
    assert names(meeting) == ["وفاء الكيلاني", "سعاد الفيتوري"]
    assert meeting.participants[0].title == "المهندسة"
    assert chair(meeting) == "وفاء الكيلاني"


def test_the_official_who_opens_a_workshop_chairs_it_and_a_family_name_may_begin_with_waw() -> None:
    meeting = meeting_of(
        "افتتح وزير الداخلية اللواء عماد الطرابلسي، اليوم، ورشة عمل في طرابلس بمشاركة مدير جهاز مكافحة الهجرة "
        "العميد محمد بركة، ومدير أمن طرابلس العميد خليل وهيبة."
    )
    assert chair(meeting) == "عماد الطرابلسي"
    assert "خليل وهيبة" in names(meeting)


def test_opening_a_police_station_is_not_a_meeting() -> None:
    from tests.ingest.extraction_helpers import extract_text

    assert not extract_text("افتتح وزير الداخلية مركز شرطة جديد في سبها.").is_meeting


def test_a_possessive_country_before_the_position_does_not_hide_the_name() -> None:
    meeting = meeting_of(
        "Libya's Interior Minister Imad Trabelsi held talks on Thursday with his Tunisian counterpart Khaled Nouri "
        "at the Ras Ajdir border crossing on reopening the crossing."
    )
    assert "Imad Trabelsi" in names(meeting)
    assert chair(meeting) is None  # counterparts: neither hosts


def test_a_two_word_title_is_not_part_of_the_name() -> None:
    meeting = meeting_of(
        "UN envoy Hanna Tetteh met on Monday in Benghazi with the commander of the Libyan National Army, "
        "Field Marshal Khalifa Haftar, to discuss the unification of the military institution."
    )
    haftar = meeting.participants[names(meeting).index("Khalifa Haftar")]
    assert haftar.title == "Field Marshal"


def test_a_guest_received_abroad_does_not_chair() -> None:
    meeting = meeting_of(
        "Libya's Acting Interior Minister, Emad Trabelsi, was received on Thursday in Tunis by his Tunisian "
        "counterpart to discuss the Ras Ajdir border crossing."
    )
    assert chair(meeting) is None


def test_the_official_under_whose_supervision_a_conference_opens_chairs_it() -> None:
    meeting = meeting_of(
        "انطلقت اليوم بالعاصمة طرابلس أعمال المؤتمر السنوي لمديري الأمن، تحت إشراف وزير الداخلية عماد الطرابلسي، "
        "وبمشاركة وكيل الوزارة اللواء محمود حمزة."
    )
    assert chair(meeting) == "عماد الطرابلسي"


def test_people_listed_as_attending_in_a_later_sentence_are_participants() -> None:
    meeting = meeting_of(
        "The Head of the Criminal Investigation Agency, Major General Mahmoud Hamza, met on Wednesday in Gharyan "
        "with the heads of the agency's branches.\nAmong those attending were Colonel Anas Bashir, head of the "
        "Zintan branch, and Colonel Omar Fadil, head of the Nalut branch."
    )
    assert {"Anas Bashir", "Omar Fadil"} <= set(names(meeting))


def test_places_named_like_people_are_not_people() -> None:
    meeting = meeting_of(
        "Prime Minister Abdulhamid Dbeibah chaired on Monday a security meeting in Tripoli on the deployment of "
        "police in the Abu Salim and Salah al-Din districts, attended by the head of the Ras Ajdir crossing, "
        "Colonel Khalid Omar."
    )
    assert "Salah al-Din" not in names(meeting) and "Ras Ajdir" not in names(meeting)


def test_a_bulleted_list_of_attendees_with_positions_after_their_names() -> None:
    meeting = meeting_of(
        "ترأس وزير الداخلية عماد الطرابلسي اليوم في طرابلس اجتماعاً لمديري الأمن، بحضور كل من:\n"
        "- العقيد مصطفى بن علي، مدير أمن طرابلس.\n"
        "- المقدم عبدالحكيم أبو حليقة، مدير أمن الزاوية."
    )
    assert names(meeting) == ["عماد الطرابلسي", "مصطفى بن علي", "عبدالحكيم أبو حليقة"]
    assert meeting.participants[2].position == "Security Director of Zawiya"
