"""The five seed articles, read by a person: what each must yield.

Expected values were written from reading the articles against the rules of
shared/spec/domain.md, not copied from the program's output.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.gazetteer import from_files
from ingest.normalize import name_key
from ingest.pipeline import extract_article
from ingest.readers import read_file
from ingest.types import Extraction, MeetingFacts, Participant
from tests.conftest import seed_path


def extract_seed(prefix: str, published: dt.date | None = None) -> Extraction:
    (raw,) = list(read_file(seed_path(prefix)))
    raw.published = published
    return extract_article(raw, from_files())


def only_meeting(extraction: Extraction) -> MeetingFacts:
    assert extraction.is_meeting
    assert len(extraction.meetings) == 1
    return extraction.meetings[0]


def find(meeting: MeetingFacts, name: str) -> Participant:
    matches = [p for p in meeting.participants if name_key(name) in name_key(p.name)]
    assert matches, f"{name} not among {[p.name for p in meeting.participants]}"
    return matches[0]


def names(meeting: MeetingFacts) -> list[str]:
    return [name_key(p.name) for p in meeting.participants]


def test_seed_000_minister_chairs_in_benghazi_about_the_east_without_hammad() -> None:
    meeting = only_meeting(extract_seed("000"))
    minister = find(meeting, "Essam Abu Zraiba")
    assert minister.name == "Essam Abu Zraiba"
    assert minister.title == "Brigadier General"
    assert "Minister of Interior" in (minister.position or "")
    assert minister.role == "chair"
    assert not any("hammad" in n for n in names(meeting)), "Hammad is only quoted from a speech in May"
    assert len(meeting.participants) == 1, "the top security officials are not named"
    assert (meeting.city, meeting.region) == ("Benghazi", "east")
    assert meeting.focus_regions == ["east"]
    assert {"cybersecurity", "civil_protection"} <= set(meeting.topics)
    assert "coordination" not in meeting.topics, "generic coordination among entities is not a topic"
    assert (meeting.date, meeting.date_precision) == (None, "unknown"), "'In May' is Hammad's speech"


def test_seed_001_security_director_takes_part_and_unsmil_does_not() -> None:
    meeting = only_meeting(extract_seed("001"))
    minister = find(meeting, "Issam Abu Zareba")
    assert minister.title == "Major General"
    assert minister.role == "chair"
    director = find(meeting, "Ahmed Al-Shamakh")
    assert director.title == "General"
    assert "Security" in (director.position or "") and "Director" in (director.position or "")
    assert director.role == "participant"
    assert not any("unsmil" in n or "nations" in n for n in names(meeting))
    assert len(meeting.participants) == 2
    assert meeting.focus_regions == ["east"]
    assert {"emergency_response", "organized_crime", "terrorism"} <= set(meeting.topics)
    assert "armed_conflict" not in meeting.topics, "the clashes belong to UNSMIL's statement"
    assert meeting.date is None, "7 October is the date of the clashes, not of the meeting"


TOBRUK_OFFICIALS = {
    "ناصر شرح البال": "Minister",
    "أسامة الدرسي": "Internal Security",
    "الصالحين عبد النبي": "House of Representatives",
    "فرج الخطابية": "Mayor",
    "موسى البدين": "Tobruk",
}


def test_seed_002_finds_all_six_officials_of_the_tobruk_meeting_with_positions() -> None:
    meeting = only_meeting(extract_seed("002"))
    minister = find(meeting, "عصام أبوزريبة")
    assert minister.title == "لواء"
    assert minister.role == "chair"
    assert "Minister of Interior" in (minister.position or "")
    for name, position_word in TOBRUK_OFFICIALS.items():
        official = find(meeting, name)
        assert official.name == name
        assert official.role == "participant"
        assert position_word in (official.position or ""), f"{name}: {official.position!r}"
    assert find(meeting, "موسى البدين").title == "اللواء"
    assert len(meeting.participants) == 6
    assert (meeting.city, meeting.region) == ("Tobruk", "east")
    assert {"smuggling", "human_trafficking", "illegal_migration", "border_security"} <= set(meeting.topics)


def test_seed_002_this_sunday_morning_is_the_sunday_before_publication() -> None:
    # 4 June 2024 was a Tuesday: «صباح اليوم الأحد» is then Sunday 2 June.
    meeting = only_meeting(extract_seed("002", published=dt.date(2024, 6, 4)))
    assert (meeting.date, meeting.date_precision) == ("2024-06-02", "day")


def test_seed_003_annual_meeting_lists_saddam_haftar_but_not_khalifa_haftar() -> None:
    extraction = extract_seed("003")
    meeting = only_meeting(extraction)
    assert find(meeting, "صدام حفتر").title == "الفريق"
    assert find(meeting, "عصام أبوزريبة").title == "اللواء"
    assert find(meeting, "فرج اقعيم").title == "اللواء"
    assert not any(n == name_key("خليفة حفتر") for n in names(meeting)), "the Commander is only referred to"
    assert len(meeting.participants) == 3
    assert meeting.city is None, "the article does not say where"
    assert {"illegal_migration", "institutional_reform", "digital_transformation"} <= set(meeting.topics)
    assert "اشترك للحصول" not in extraction.body, "the share and subscribe prompts are not the story"


def test_seed_004_yields_nothing_from_the_stories_after_read_also() -> None:
    extraction = extract_seed("004")
    meeting = only_meeting(extraction)
    assert "غزة" not in extraction.body
    assert "المصدر" not in extraction.body and "كلمات دلالية" not in extraction.body
    minister = find(meeting, "عصام أبوزريبة")
    assert minister.role == "chair"
    assert "Minister of Interior" in (minister.position or "")
    assert len(meeting.participants) == 1, "the security directors are not named"
    assert (meeting.city, meeting.region) == ("Benghazi", "east")
    assert meeting.focus_regions == ["south"]
    assert {"smuggling", "illegal_migration"} <= set(meeting.topics)
    assert not {"armed_conflict", "terrorism"} & set(meeting.topics)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_field_points_at_its_evidence(prefix: str) -> None:
    extraction = extract_seed(prefix)
    for participant in only_meeting(extraction).participants:
        start, end = participant.evidence
        assert participant.name in extraction.body[start:end]
