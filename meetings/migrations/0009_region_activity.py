"""The region summaries' counting table (meetings.activity keeps it in step), filled for the meetings
already stored."""

import django.db.models.deletion
from django.db import migrations, models


FILL = [
    f"""
    INSERT INTO meetings_regionactivity (meeting_id, date, region_id, {column})
    SELECT m.id, m.date, c.region_id, x.{column}
    FROM {table} x
    JOIN meetings_meeting m ON m.id = x.meeting_id
    JOIN meetings_city c ON c.id = m.city_id
    WHERE m.date IS NOT NULL AND m.status <> 'rejected' AND m.merged_into_id IS NULL
    """
    for table, column in (("meetings_participation", "person_id"), ("meetings_meeting_topics", "topic_id"))
]


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0008_reference_data_reload'),
    ]

    operations = [
        migrations.CreateModel(
            name='RegionActivity',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField()),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='meetings.meeting')),
                ('person', models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='meetings.person')),
                ('region', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='meetings.region')),
                ('topic', models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='meetings.topic')),
            ],
            options={
                'verbose_name_plural': 'region activity',
                'indexes': [models.Index(condition=models.Q(('person__isnull', False)), fields=['date', 'region', 'person'], name='activity_people'), models.Index(condition=models.Q(('topic__isnull', False)), fields=['date', 'region', 'topic'], name='activity_topics')],
            },
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
