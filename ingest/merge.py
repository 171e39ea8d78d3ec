"""A new report to an existing Meeting, or None: the seam where cross-source merging plugs in."""
from __future__ import annotations

from meetings.models import Meeting, Person

from .types import MeetingFacts


def find_same_meeting(facts: MeetingFacts, people: list[Person]) -> Meeting | None:
    return None
