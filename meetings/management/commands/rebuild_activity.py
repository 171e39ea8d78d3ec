"""Recompute what the dashboard derives from the record: the region summaries' counting table and
each meeting's source languages (after a bulk load that bypassed the ORM, or to check them: the
count printed is what the record gives)."""

from django.core.management.base import BaseCommand

from meetings import activity, source_languages


class Command(BaseCommand):
    help = "Recompute meetings.RegionActivity and Meeting.source_languages from the record."

    def handle(self, *args, **options) -> None:
        rows = activity.rebuild()
        source_languages.rebuild()
        self.stdout.write(f"{rows} rows of region activity")
