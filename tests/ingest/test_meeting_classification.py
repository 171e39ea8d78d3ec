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
        "\"We have had many meetings with the other side and we hope that peace will last,\" "
        "one resident told reporters."
    )
    assert not extraction.is_meeting


def test_an_interview_is_not_a_meeting() -> None:
    extraction = extract_text(
        "Prime Minister Abdul Hamid Dbeibah said in a television interview broadcast on Monday that his government "
        "would continue its plan to dissolve armed groups in the capital."
    )
    assert not extraction.is_meeting
