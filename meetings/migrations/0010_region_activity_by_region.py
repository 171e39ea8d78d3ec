"""Region-led indexes for summaries over long periods (see RegionActivity.Meta)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0009_region_activity'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='regionactivity',
            index=models.Index(condition=models.Q(('person__isnull', False)), fields=['region', 'person', 'date'], name='activity_people_by_region'),
        ),
        migrations.AddIndex(
            model_name='regionactivity',
            index=models.Index(condition=models.Q(('topic__isnull', False)), fields=['region', 'topic', 'date'], name='activity_topics_by_region'),
        ),
    ]
