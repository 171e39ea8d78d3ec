"""One person, one record: spellings and scripts merge, different people sharing a family name do not."""

from __future__ import annotations

import pytest

from ingest.name_keys import compare, cross_script_key
from ingest.resolve import resolve_participant
from ingest.types import Participant
from meetings import curation
from meetings.models import IdentityJudgement, Meeting, Participation, Person

pytestmark = pytest.mark.django_db


def resolve(name: str, position: str = "", co: tuple[Person, ...] = ()):
    return resolve_participant(Participant(name=name, position=position), co)


def attend(person: Person, position: str = "") -> Participation:
    """Put the person in a stored meeting, as an ingest would."""
    return Participation.objects.create(meeting=Meeting.objects.create(), person=person, position=position)


@pytest.mark.parametrize(
    "spellings",
    [
        ["Essam Abu Zraiba", "Issam Abu Zareba", "Essam Abu-Zariba", "عصام أبوزريبة", "عصام أبو زريبة"],
        ["Mohammed al-Menfi", "Muhammad Al Menfi", "Mohamed El-Menfi", "محمد المنفي"],
        [
            "Abdul Hamid Dbeibah",
            "Abd Alhamid Aldabaiba",
            "Abdulhamid Dbaiba",
            "عبدالحميد الدبيبة",
            "عبد الحميد الدبيبة",
        ],
        ["Faraj Qaim", "فرج اقعيم", "Faraj Gaim"],
        ["Imad Trabelsi", "Emad al-Trabelsi", "عماد الطرابلسي"],
    ],
)
def test_spellings_of_one_official_resolve_to_one_person(spellings):
    people = {resolve(name).person.pk for name in spellings}
    assert len(people) == 1
    assert Person.objects.count() == 1


@pytest.mark.parametrize(
    "first, second",
    [
        ("Khalifa Haftar", "Saddam Haftar"),
        ("Saddam Haftar", "Khalifa Haftar"),
        ("Salah Huwaidi", "Jalal Huwaidi"),
        ("خليفة حفتر", "صدام حفتر"),
        ("Essam Abu Zraiba", "Essam Abu Zeid"),
    ],
)
def test_relatives_and_namesakes_stay_apart(first, second):
    assert resolve(first).person != resolve(second).person


def test_a_family_member_named_in_full_is_not_his_father():
    # "Saddam Khalifa Haftar" contains "Khalifa Haftar", but the given names differ.
    assert compare(cross_script_key("Saddam Khalifa Haftar"), cross_script_key("Khalifa Haftar")).score == 0


def test_a_misspelt_name_with_the_same_position_links_tentatively():
    minister = resolve("Ibrahim Bushnaf", "Minister of Interior").person
    attend(minister, "Minister of Interior")
    found = resolve("Ibrahim Bushanafm", "Minister of Interior")
    assert found.person == minister and found.tentative


def test_a_misspelt_name_without_context_waits_for_review_instead_of_a_guess():
    minister = resolve("Ibrahim Bushnaf", "Minister of Interior").person
    attend(minister, "Minister of Interior")
    found = resolve("Ibrahim Bushanafm", "Head of the Customs Authority")
    assert found.person != minister
    question = IdentityJudgement.objects.get()
    assert question.verdict == IdentityJudgement.Verdict.UNSURE
    assert {question.left, question.right} == {minister, found.person}


def test_a_shorter_form_of_the_name_links_when_met_with_the_same_people():
    premier = resolve("Osama Hammad").person
    director = resolve("Belqasim Khalifa Haftar").person
    meeting = Meeting.objects.create()
    Participation.objects.create(meeting=meeting, person=premier)
    Participation.objects.create(meeting=meeting, person=director)
    found = resolve("بالقاسم خليفة", co=(resolve("أسامة حماد").person,))
    assert found.person == director and found.tentative


def test_names_that_share_only_a_consonant_skeleton_are_not_merged_outright():
    # أحمد and حماد have one skeleton; one starts with a vowel.
    first = resolve("أحمد السعيطي").person
    second = resolve("حماد السعيطي")
    assert second.person != first
    assert IdentityJudgement.objects.filter(verdict=IdentityJudgement.Verdict.UNSURE).exists()


def test_a_curators_merge_is_reused_by_the_next_ingest():
    kept = resolve("Ahmaid Houmah").person
    other = resolve("Hamid Houma").person  # different given name: the resolver keeps them apart
    assert kept != other
    curation.merge_people(other, kept)
    assert resolve("Hamid Houma").person == kept


def test_a_split_link_is_marked_not_the_same_and_stays_split():
    minister = resolve("Ibrahim Bushnaf", "Minister of Interior").person
    attend(minister, "Minister of Interior")
    found = resolve("Ibrahim Bushanafm", "Minister of Interior")
    wrong = Participation.objects.create(
        meeting=Meeting.objects.create(), person=found.person, name_as_written="Ibrahim Bushanafm", tentative=True
    )
    separate = curation.split_participation(wrong)
    assert separate != minister
    assert IdentityJudgement.objects.get(decided_by_curator=True).verdict == IdentityJudgement.Verdict.NOT_SAME
    assert resolve("Ibrahim Bushanafm", "Minister of Interior").person == separate
