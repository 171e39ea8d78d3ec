"""RegionActivity rows carry their meeting's source languages (see the model)."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    """Each row takes its meeting's source languages (as meetings.source_languages keeps them)."""
    Meeting = apps.get_model("meetings", "Meeting")
    RegionActivity = apps.get_model("meetings", "RegionActivity")
    RegionActivity.objects.update(
        source_languages=Subquery(Meeting.objects.filter(pk=OuterRef("meeting_id")).values("source_languages")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0016_visible_index_with_languages"),
    ]

    operations = [
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
            name="source_languages",
            field=models.CharField(blank=True, default="", max_length=20),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="regionactivity",
            index=models.Index(
                condition=models.Q(("person__isnull", False)),
                fields=["region", "date", "person", "source_languages"],
                name="activity_people_in_period",
            ),
        ),
        migrations.AddIndex(
            model_name="regionactivity",
            index=models.Index(
                condition=models.Q(("topic__isnull", False)),
                fields=["region", "date", "topic", "source_languages"],
                name="activity_topics_in_period",
            ),
        ),
    ]
