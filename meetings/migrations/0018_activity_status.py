"""RegionActivity rows carry their meeting's review status; indexes carry it (see the models)."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    """Each row takes its meeting's review status."""
    Meeting = apps.get_model("meetings", "Meeting")
    RegionActivity = apps.get_model("meetings", "RegionActivity")
    RegionActivity.objects.update(
        status=Subquery(Meeting.objects.filter(pk=OuterRef("meeting_id")).values("status")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0017_activity_source_languages"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="meeting",
            name="visible_by_date",
        ),
        migrations.RemoveIndex(
            model_name="regionactivity",
            name="activity_people_in_period",
        ),
        migrations.RemoveIndex(
            model_name="regionactivity",
            name="activity_topics_in_period",
        ),
        migrations.AddField(
            model_name="regionactivity",
            name="status",
            field=models.CharField(blank=True, default="", max_length=10),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(
                condition=models.Q(("merged_into__isnull", True), models.Q(("status", "rejected"), _negated=True)),
                fields=["date", "city", "id", "source_languages", "status"],
                name="visible_by_date",
            ),
        ),
        migrations.AddIndex(
            model_name="regionactivity",
            index=models.Index(
                condition=models.Q(("person__isnull", False)),
                fields=["region", "date", "person", "source_languages", "status"],
                name="activity_people_in_period",
            ),
        ),
        migrations.AddIndex(
            model_name="regionactivity",
            index=models.Index(
                condition=models.Q(("topic__isnull", False)),
                fields=["region", "date", "topic", "source_languages", "status"],
                name="activity_topics_in_period",
            ),
        ),
    ]
