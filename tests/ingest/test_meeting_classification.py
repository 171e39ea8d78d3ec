"""Which articles report a meeting: seizures, phone calls, interviews and foreign stories do not."""

from __future__ import annotations

from tests.ingest.extraction_helpers import extract_text


def test_a_drug_seizure_is_not_a_meeting() -> None:
    extraction = extract_text(
        "Libyan customs officers at the port of Misrata seized a container of narcotic pills on Sunday, "
        "the Customs Authority said in a statement. The drugs were destroyed under the supervision of prosecutors."
    )
    assert not extraction.is_meeting
    assert extraction.meetings == []


def test_a_phone_call_is_not_a_meeting() -> None:
    extraction = extract_text(
        "أجرى وزير الداخلية اللواء عماد الطرابلسي اتصالا هاتفيا مع نظيره التونسي بحث خلاله التعاون الأمني "
        "بين البلدين في مجال مكافحة الهجرة غير الشرعية."
    )
    assert not extraction.is_meeting


def test_a_meeting_abroad_with_no_libyan_side_is_out_of_scope() -> None:
    extraction = extract_text(
        "ترأس وزير الداخلية اللبناني اجتماعا لمجلس الأمن الفرعي في سراي طرابلس بحضور محافظ الشمال "
        "وقادة الأجهزة الأمنية لبحث الأوضاع الأمنية في المدينة."
    )
    assert not extraction.is_meeting


def test_a_meeting_in_tripoli_with_libyan_officials_is_in_scope() -> None:
    extraction = extract_text(
        "اجتمع وزير الداخلية بحكومة الوحدة الوطنية اللواء عماد الطرابلسي في طرابلس مع مدراء الأمن "
        "لمناقشة الخطة الأمنية الخاصة بالعاصمة."
    )
    assert extraction.is_meeting


def test_meetings_mentioned_only_inside_a_quotation_do_not_make_a_meeting() -> None:
    extraction = extract_text(
        "Calm has returned to the southern town after months of fighting, residents say.\n"
        '"We have had many meetings with the other side and we hope that peace will last," '
        "one resident told reporters."
    )
    assert not extraction.is_meeting


def test_an_interview_is_not_a_meeting() -> None:
    extraction = extract_text(
        "Prime Minister Abdul Hamid Dbeibah said in a television interview broadcast on Monday that his government "
        "would continue its plan to dissolve armed groups in the capital."
    )
    assert not extraction.is_meeting


def test_a_meeting_still_to_come_is_not_reported_as_one() -> None:
    from tests.ingest.extraction_helpers import extract_text

    assert not extract_text(
        "من المقرر أن يعقد رئيس الحكومة أسامة حماد، الأسبوع المقبل في مدينة سرت، اجتماعاً موسعاً مع عمداء البلديات."
    ).is_meeting
    assert not extract_text(
        "Security directors of the southern region will meet in Sabha next Thursday to agree on a joint plan."
    ).is_meeting


def test_a_meeting_held_that_plans_another_is_still_a_meeting() -> None:
    from tests.ingest.extraction_helpers import extract_text

    assert extract_text(
        "The Minister of Interior met on Sunday in Tripoli with the security director of Zawiya, Colonel Ali Saleh, "
        "and they will meet again next week to review the plan."
    ).is_meeting


def test_two_officials_who_discussed_a_file_in_a_city_held_a_meeting() -> None:
    from tests.ingest.extraction_helpers import extract_text

    assert extract_text(
        "Interior Minister Imad Trabelsi and the Ambassador of Malta, Charles Micallef, discussed on Monday in Tripoli "
        "cooperation against illegal migration."
    ).is_meeting


def test_a_press_conference_or_a_solo_inspection_tour_is_not_a_meeting() -> None:
    from tests.ingest.extraction_helpers import extract_text

    assert not extract_text(
        "The spokesman of the Interior Ministry, Abdelmonem Salem, held a press conference in Tripoli on Tuesday "
        "in which he announced the arrest of a gang."
    ).is_meeting
    assert not extract_text(
        "Interior Minister Emad Trabelsi made an inspection visit to the Ras Ajdir border crossing on Thursday, "
        "touring the arrival halls."
    ).is_meeting
    assert extract_text(
        "Interior Minister Emad Trabelsi made an inspection visit to Zuwara on Thursday, where he met the "
        "security director, Colonel Ali Saleh."
    ).is_meeting


def test_a_libyan_outlet_reporting_a_meeting_across_the_border_is_not_about_libya() -> None:
    from tests.ingest.extraction_helpers import extract_text

    assert not extract_text(
        "التقى محافظ مطروح اللواء خالد شعيب، الأحد، بمقر ديوان المحافظة، مدير أمن مطروح لبحث تأمين منفذ السلوم "
        "على الحدود مع ليبيا.",
        url="https://alwasat.ly/news/1",
    ).is_meeting
