"""RegionMonth, and venue rows of RegionActivity by region and date (see their models)."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count
from django.db.models.functions import TruncMonth


def fill(apps, schema_editor):
    """RegionActivity's venue and topic rows counted by month, as meetings.activity.rebuild() counts
    them (frozen here)."""
    RegionActivity = apps.get_model("meetings", "RegionActivity")
    RegionMonth = apps.get_model("meetings", "RegionMonth")
    months = (
        RegionActivity.objects.order_by()
        .filter(person__isnull=True)
        .annotate(month=TruncMonth("date"))
        .values_list("region", "month", "city", "topic")
        .annotate(n=Count("*"))
    )
    sql, params = months.query.sql_with_params()
    table = schema_editor.quote_name(RegionMonth._meta.db_table)
    schema_editor.execute(f"INSERT INTO {table} (region_id, month, city_id, topic_id, n) {sql}", params)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0013_covering_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="RegionMonth",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("month", models.DateField()),
                ("n", models.IntegerField(default=0)),
            ],
        ),
        migrations.AddIndex(
            model_name="regionactivity",
            index=models.Index(
                condition=models.Q(("city__isnull", False)),
                fields=["region", "date", "city"],
                name="activity_venues_in_period",
            ),
        ),
        migrations.AddField(
            model_name="regionmonth",
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
            model_name="regionmonth",
            name="region",
            field=models.ForeignKey(
                db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="meetings.region"
            ),
        ),
        migrations.AddField(
            model_name="regionmonth",
            name="topic",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="meetings.topic",
            ),
        ),
        migrations.AddConstraint(
            model_name="regionmonth",
            constraint=models.UniqueConstraint(
                condition=models.Q(("city__isnull", False)), fields=("region", "month", "city"), name="month_per_city"
            ),
        ),
        migrations.AddConstraint(
            model_name="regionmonth",
            constraint=models.UniqueConstraint(
                condition=models.Q(("topic__isnull", False)),
                fields=("region", "month", "topic"),
                name="month_per_topic",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
