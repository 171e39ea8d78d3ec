"""Recompute the region summaries' counting table from the record (after a bulk load that bypassed
the ORM, or to check it: the count printed is what the record gives)."""

from django.core.management.base import BaseCommand

from meetings import activity


class Command(BaseCommand):
    help = "Recompute meetings.RegionActivity from meetings, participations and topics."

    def handle(self, *args, **options) -> None:
        rows = activity.rebuild()
        self.stdout.write(f"{rows} rows of region activity")
