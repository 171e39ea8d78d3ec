"""Covering indexes for filtered summaries (see Meeting.Meta, RegionActivity.Meta)."""

import django.db.models.deletion
from django.db import migrations, models

# Filters by topic or focus region join meetings to the m2m rows of that topic or region: led by
# it, with the meeting id beside it, those rows come from the index alone (the auto-created
# through tables have no model to declare them on).
THROUGH_INDEXES = [
    (
        f"CREATE INDEX {name} ON {table} ({column}, meeting_id)",
        f"DROP INDEX {name}",
    )
    for name, table, column in (
        ("meeting_topics_by_topic", "meetings_meeting_topics", "topic_id"),
        ("meeting_focus_by_region", "meetings_meeting_focus_regions", "region_id"),
    )
]


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0012_region_venues_and_totals"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="meeting",
            name="visible_by_date",
        ),
        migrations.AlterField(
            model_name="regionactivity",
            name="meeting",
            field=models.ForeignKey(
                db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="meetings.meeting"
            ),
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(
                condition=models.Q(("merged_into__isnull", True), models.Q(("status", "rejected"), _negated=True)),
                fields=["date", "city", "id"],
                name="visible_by_date",
            ),
        ),
        migrations.AddIndex(
            model_name="regionactivity",
            index=models.Index(fields=["meeting", "city", "region", "person", "topic"], name="activity_of_meeting"),
        ),
        *(migrations.RunSQL(create, drop) for create, drop in THROUGH_INDEXES),
    ]
