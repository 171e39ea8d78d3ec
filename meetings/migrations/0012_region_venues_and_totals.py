"""Venue rows in RegionActivity and the all-time RegionTotal (see their models)."""

import django.db.models.deletion
from django.db import migrations, models

# The rows meetings.activity writes, for the meetings already stored (its visibility rule frozen
# here, as in 0009): a venue row per counted meeting, then the totals of every row.
FILL = [
    """
    INSERT INTO meetings_regionactivity (meeting_id, date, region_id, city_id)
    SELECT m.id, m.date, c.region_id, m.city_id
    FROM meetings_meeting m
    JOIN meetings_city c ON c.id = m.city_id
    WHERE m.date IS NOT NULL AND m.status <> 'rejected' AND m.merged_into_id IS NULL
    """,
    """
    INSERT INTO meetings_regiontotal (region_id, city_id, person_id, topic_id, n)
    SELECT region_id, city_id, person_id, topic_id, COUNT(*)
    FROM meetings_regionactivity
    GROUP BY region_id, city_id, person_id, topic_id
    """,
]


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0011_meeting_source_languages"),
    ]

    operations = [
        migrations.CreateModel(
            name="RegionTotal",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("n", models.IntegerField(default=0)),
            ],
        ),
        migrations.RemoveIndex(
            model_name="regionactivity",
            name="activity_people",
        ),
        migrations.RemoveIndex(
            model_name="regionactivity",
            name="activity_topics",
        ),
        migrations.RemoveIndex(
            model_name="regionactivity",
            name="activity_people_by_region",
        ),
        migrations.RemoveIndex(
            model_name="regionactivity",
            name="activity_topics_by_region",
        ),
        migrations.AddField(
            model_name="regionactivity",
            name="city",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="meetings.city",
            ),
        ),
        migrations.AddIndex(
            model_name="regionactivity",
            index=models.Index(
                condition=models.Q(("person__isnull", False)),
                fields=["region", "date", "person"],
                name="activity_people_in_period",
            ),
        ),
        migrations.AddIndex(
            model_name="regionactivity",
            index=models.Index(
                condition=models.Q(("topic__isnull", False)),
                fields=["region", "date", "topic"],
                name="activity_topics_in_period",
            ),
        ),
        migrations.AddField(
            model_name="regiontotal",
            name="city",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="meetings.city",
            ),
        ),
        migrations.AddField(
            model_name="regiontotal",
            name="person",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="meetings.person",
            ),
        ),
        migrations.AddField(
            model_name="regiontotal",
            name="region",
            field=models.ForeignKey(
                db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="meetings.region"
            ),
        ),
        migrations.AddField(
            model_name="regiontotal",
            name="topic",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="meetings.topic",
            ),
        ),
        migrations.AddIndex(
            model_name="regiontotal",
            index=models.Index(
                condition=models.Q(("person__isnull", False)),
                fields=["region", "-n", "person"],
                name="total_people_busiest",
            ),
        ),
        migrations.AddConstraint(
            model_name="regiontotal",
            constraint=models.UniqueConstraint(
                condition=models.Q(("city__isnull", False)), fields=("region", "city"), name="total_per_city"
            ),
        ),
        migrations.AddConstraint(
            model_name="regiontotal",
            constraint=models.UniqueConstraint(
                condition=models.Q(("person__isnull", False)), fields=("region", "person"), name="total_per_person"
            ),
        ),
        migrations.AddConstraint(
            model_name="regiontotal",
            constraint=models.UniqueConstraint(
                condition=models.Q(("topic__isnull", False)), fields=("region", "topic"), name="total_per_topic"
            ),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
